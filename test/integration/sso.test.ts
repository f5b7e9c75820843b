import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { InboxProvider } from '../../src/tree/inboxProvider';
import { ssoCacheFolder } from '../../src/tree/ssoCacheWatcher';
import { getApi, useEmulator, waitFor } from '../support';
import { arns, children, description, label, path, tokens } from './explorerSupport';
import { withoutCli } from './noCli';
import { acceptQuickPicks } from './quickPicks';

const PROFILE = 'sso-dev';
const START_URL = 'https://sso-dev.example.invalid/start';
/** The explorer seed's vendor account: what the role credentials below sign as. */
const VENDOR = { account: '111111111111', accessKeyId: 'AKIAEXPLORERVENDOR01', secretAccessKey: 'explorerVendorSecret000000000000000000001' };

/** Where `aws sso login` would write this profile's token (the SDK names the file by the start URL's SHA-1). */
function tokenFile(): string {
  return join(ssoCacheFolder(), `${createHash('sha1').update(START_URL).digest('hex')}.json`);
}

/**
 * A stand-in for the IAM Identity Center portal (`GetRoleCredentials`), reached through the SDK's
 * `AWS_ENDPOINT_URL_SSO`: it records the bearer tokens it is shown and answers with the vendor's keys.
 */
async function startPortal(): Promise<{ url: string; tokens: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = req.headers;
    seen.push(String(headers['x-amz-sso_bearer_token'] ?? ''));
    const body = JSON.stringify({
      roleCredentials: { ...VENDOR, account: undefined, sessionToken: 'portal-session-token', expiration: Date.now() + 3_600_000 },
    });
    res.writeHead(req.url?.startsWith('/federation/credentials') ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens: seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}


describe('SSO sign-in (emulator)', () => {
  const env = useEmulator('explorer');
  let api: ExtensionApi;
  const savedEnv = { AWS_ENDPOINT_URL_SSO: process.env.AWS_ENDPOINT_URL_SSO, PATH: process.env.PATH };

  beforeEach(async () => {
    // The token cache lives under the home folder: the suite's host runs with a home of its own.
    assert.match(homedir(), /lm-integration-/, 'the host runs with a temporary home folder');
    rmSync(tokenFile(), { force: true });
    env.reset();
    api = await getApi();
    appendFileSync(
      env.current.configFile,
      `\n[profile ${PROFILE}]\nregion = us-east-1\nendpoint_url = ${env.current.emulator.url}\nsso_start_url = ${START_URL}\n` +
        `sso_region = us-east-1\nsso_account_id = ${VENDOR.account}\nsso_role_name = Explorer\n`,
    );
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles([PROFILE]);
    await api.services.state.setRegions(PROFILE, ['us-east-1']);
  });

  afterEach(() => {
    rmSync(tokenFile(), { force: true });
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('shows the missing token with Sign in, and lists by itself once a token is written to the cache', async () => {
    const list = await path(api, PROFILE, 'us-east-1', 'Received grants');
    const [problem] = await children(api, list);
    assert.equal(label(api, problem), 'Credentials problem');
    const profile = await path(api, PROFILE);
    assert.ok(tokens(api, profile).includes('ssoSignIn'), 'the profile offers Sign in');
    assert.match(String(api.explorer.getTreeItem(profile).tooltip), new RegExp(`aws sso login --profile ${PROFILE}`));
    const [first] = await children(api, profile);
    assert.ok(tokens(api, first).includes('ssoSignIn'), 'its credentials item offers Sign in');

    const portal = await startPortal();
    try {
      process.env.AWS_ENDPOINT_URL_SSO = portal.url;
      let reloaded = false;
      const sub = api.explorer.onDidChangeTreeData(() => (reloaded = true));
      // What `aws sso login` writes; nothing else is done: no refresh, no command.
      mkdirSync(ssoCacheFolder(), { recursive: true });
      writeFileSync(
        tokenFile(),
        JSON.stringify({ startUrl: START_URL, region: 'us-east-1', accessToken: 'token-after-sign-in', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
      );
      await waitFor(() => reloaded, 15_000, 'the tree reloaded after the token file appeared');
      sub.dispose();
      let seen = '';
      const listed = await waitFor(async () => {
        const kids = await children(api, await path(api, PROFILE, 'us-east-1', 'Licenses'));
        seen = kids.map((k) => `${label(api, k)}: ${description(api, k)}`).join('; ');
        return arns(kids).length > 0 && kids;
      }, 15_000, 'the vendor’s licenses listed').catch((e: Error) => {
        throw new Error(`${e.message} (shown: ${seen}; portal saw: ${portal.tokens.join(', ')})`);
      });
      assert.deepEqual(
        listed.map((k) => label(api, k)),
        [1, 2, 3, 4, 5, 6, 7].map((n) => `Vendor Analytics Seat ${n}`),
        'the vendor’s seven licenses of the seed',
      );
      assert.ok(!tokens(api, await path(api, PROFILE)).includes('ssoSignIn'), 'Sign in is no longer offered');
      assert.doesNotMatch(description(api, await path(api, PROFILE)), /problem/);
      assert.ok(portal.tokens.includes('token-after-sign-in'), `the portal saw the new token (${portal.tokens.join(', ')})`);
      const keys = env.current.emulator.requests.filter((r) => r.operation === 'ListLicenses').map((r) => r.accessKeyId);
      assert.deepEqual([...new Set(keys)], [VENDOR.accessKeyId], 'License Manager was called with the role credentials only');
    } finally {
      await portal.close();
    }
  });

  it('offers the command to copy when the AWS CLI is not on PATH', async () => {
    await withoutCli({ info: 'Copy' }, async (shown) => {
      await vscode.env.clipboard.writeText('');
      const profile = await path(api, PROFILE);
      const how = await vscode.commands.executeCommand('licenseManager.profile.signIn', profile);
      assert.equal(how, 'copy');
      assert.deepEqual(shown.map((m) => m.items), [['Copy']]);
      assert.match(shown[0].message, /The AWS CLI was not found on PATH\. To sign in, run: aws sso login --profile sso-dev/);
      assert.equal(await vscode.env.clipboard.readText(), `aws sso login --profile ${PROFILE}`);
      assert.equal(vscode.window.terminals.filter((t) => t.name.includes(PROFILE)).length, 0, 'no terminal was opened');
    });
  });
  it('a grant pick that cannot list the profile says so in a row of the pick, whose choice runs the sign-in flow', async () => {
    const shownPicks: (readonly vscode.QuickPickItem[])[] = [];
    const restore = acceptQuickPicks((items) => items.find((i) => i.label.includes(PROFILE)), shownPicks);
    try {
      await withoutCli({ info: 'none', warning: 'none' }, async (shown) => {
        await vscode.commands.executeCommand('licenseManager.grant.accept');
        const copy = await waitFor(() => shown.find((s) => s.message.startsWith('The AWS CLI was not found')), 15_000, 'the sign-in flow');
        assert.equal(copy.message, `The AWS CLI was not found on PATH. To sign in, run: aws sso login --profile ${PROFILE}`);
        assert.deepEqual(copy.items, ['Copy']);
        const rows = shownPicks[0].map((i) => [i.kind === vscode.QuickPickItemKind.Separator ? 'separator' : 'row', i.label, i.description ?? '']);
        assert.deepEqual(rows, [
          ['separator', 'Could not be listed', ''],
          ['row', `$(warning) ${PROFILE} · us-east-1`, 'select to sign in'],
        ]);
        assert.match(shownPicks[0][1].detail ?? '', /SSO session of profile "sso-dev" has expired or is not signed in/);
        assert.deepEqual(shown.filter((s) => s.kind === 'warning'), [], 'no warning pops up');
        assert.deepEqual(
          env.current.emulator.requests.filter((r) => r.operation === 'AcceptGrant'),
          [],
          'no grant action was sent',
        );
      });
    } finally {
      restore();
    }
  });
  it('a grant action on an ARN the profile cannot read without a token fails with Sign in on its error, which runs the sign-in flow', async () => {
    // A received grant named by a link: it is read first, through the profile that has no token.
    const arn = `arn:aws:license-manager::222222222222:grant:g-${'5'.repeat(32)}`;
    const grant = { GrantArn: arn, GrantName: 'Waiting grant', GrantStatus: 'PENDING_ACCEPT', Version: '1', LicenseArn: `arn:aws:license-manager::222222222222:license:l-${'5'.repeat(32)}` };
    await withoutCli({ error: 'Sign in', info: 'none' }, async (shown) => {
      await vscode.commands.executeCommand('licenseManager.grant.accept', {
        resource: { kind: 'receivedGrant', profile: PROFILE, region: 'us-east-1', arn },
        data: grant,
      });
      const error = await waitFor(() => shown.find((s) => s.kind === 'error'), 15_000, 'the failure');
      assert.equal(error.message, `${arn} could not be read, so nothing was done: sso-dev (us-east-1): The SSO session of profile "sso-dev" has expired or is not signed in.`);
      assert.deepEqual(error.items, ['Sign in']);
      const copy = await waitFor(() => shown.find((s) => s.message.startsWith('The AWS CLI was not found')), 15_000, 'the sign-in flow');
      assert.equal(copy.message, `The AWS CLI was not found on PATH. To sign in, run: aws sso login --profile ${PROFILE}`);
      assert.deepEqual(env.current.emulator.requests, [], 'nothing reached License Manager');
    });
  });

  it('the Grants Inbox row of a profile without a token offers Sign in for that profile', async () => {
    const visibility = new vscode.EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
    const inbox = new InboxProvider(api.services);
    try {
      inbox.attach({ visible: true, onDidChangeVisibility: visibility.event, badge: undefined });
      await inbox.refresh();
      const rows = await inbox.getChildren();
      const text = (l: string | vscode.TreeItemLabel | undefined): string => (typeof l === 'string' ? l : (l?.label ?? ''));
      assert.deepEqual(
        rows.map((r) => text(inbox.getTreeItem(r).label)),
        [`${PROFILE} · us-east-1`],
      );
      const row = rows[0];
      assert.ok((inbox.getTreeItem(row).contextValue ?? '').split(' ').includes('ssoSignIn'), 'the row offers Sign in');
      await withoutCli({ info: 'Copy' }, async (shown) => {
        await vscode.env.clipboard.writeText('');
        assert.equal(await vscode.commands.executeCommand('licenseManager.profile.signIn', row), 'copy');
        assert.deepEqual(shown.map((m) => m.message), [`The AWS CLI was not found on PATH. To sign in, run: aws sso login --profile ${PROFILE}`]);
        assert.equal(await vscode.env.clipboard.readText(), `aws sso login --profile ${PROFILE}`);
      });
    } finally {
      inbox.dispose();
      visibility.dispose();
    }
  });
});
