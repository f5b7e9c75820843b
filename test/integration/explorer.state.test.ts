import * as assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Grant } from '../../src/aws/types';
import { closeEditorsUnsaved, getApi, useEmulator, waitFor } from '../support';
import { arns, children, description, isMessage, item, label, loadAll, path, tokens, type Node } from './explorerSupport';

const REGIONS = ['us-east-1', 'eu-west-1'];

function grantOf(node: Node): Grant {
  return (node as unknown as { data: Grant }).data;
}

describe('explorer state (emulator)', () => {
  const env = useEmulator('explorer');
  let api: ExtensionApi;

  // Every test starts from the seed: tests change grants and settings behind the extension's back.
  beforeEach(async () => {
    env.reset();
    api = await getApi();
    api.services.state.setFilter({});
    await api.explorer.reloadProfiles();
    await vscode.commands.executeCommand('licenseManager.profiles.select', ['vendor', 'customer']);
    for (const p of ['vendor', 'customer']) await vscode.commands.executeCommand('licenseManager.regions.select', p, REGIONS);
  });
  afterEach(async () => {
    api.services.state.setFilter({});
    await closeEditorsUnsaved();
  });

  it('keeps the profile and region choice in global state', async () => {
    const state = api.services.context.globalState;
    assert.deepEqual(state.get('licenseManager.selectedProfiles'), ['vendor', 'customer']);
    assert.deepEqual(await api.services.state.selection(), [
      { profile: 'customer', regions: REGIONS },
      { profile: 'vendor', regions: REGIONS },
    ]);
    await vscode.commands.executeCommand('licenseManager.regions.select', 'customer', ['eu-west-1']);
    assert.deepEqual(state.get<Record<string, string[]>>('licenseManager.selectedRegions')?.customer, ['eu-west-1']);
    let regions: string[] = [];
    await waitFor(
      async () => (regions = (await children(api, await path(api, 'customer'))).map((n) => label(api, n))).join() === 'eu-west-1',
      5000,
      'the tree follows the region choice',
    ).catch(() => undefined);
    assert.deepEqual(regions, ['eu-west-1']);
    await vscode.commands.executeCommand('licenseManager.regions.select', 'customer', REGIONS);
  });

  it('refresh picks up changes made behind the extension’s back (item, list and whole view)', async () => {
    const list = await path(api, 'vendor', 'us-east-1', 'Distributed grants');
    const before = await loadAll(api, list);
    const pending = before.find((n) => grantOf(n).GrantStatus === 'PENDING_ACCEPT') as Node;
    const record = env.current.emulator.state.grants.get(grantOf(pending).GrantArn);
    assert.ok(record);
    const cur = record.versions[record.versions.length - 1];
    record.versions.push({ ...cur, GrantStatus: 'DISABLED', Version: String(Number(cur.Version) + 1) });

    assert.equal(description(api, pending), 'PENDING_ACCEPT', 'nothing reloads by itself');
    await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', pending);
    assert.equal(description(api, pending), 'DISABLED', 'item refresh (GetGrant)');

    const renamed = 'Renamed behind the back';
    record.versions.push({ ...record.versions[record.versions.length - 1], GrantName: renamed, Version: String(Number(cur.Version) + 2) });
    await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', list);
    assert.ok((await loadAll(api, list)).some((n) => label(api, n) === renamed), 'list refresh');

    const config = env.current.emulator.state.configs.find((c) => c.data.Name === 'Vendor vCPU pool');
    assert.ok(config);
    config.data.Name = 'Vendor vCPU pool (renamed)';
    await vscode.commands.executeCommand('licenseManager.explorer.refresh');
    const configs = await loadAll(api, await path(api, 'vendor', 'us-east-1', 'License configurations'));
    assert.ok(configs.some((n) => label(api, n) === 'Vendor vCPU pool (renamed)'), 'whole-view refresh');
  });

  it('reloads the items and categories a ResourceChange names, across profiles', async () => {
    const received = await path(api, 'customer', 'us-east-1', 'Received grants');
    const distributed = await path(api, 'vendor', 'us-east-1', 'Distributed grants');
    const seen = await loadAll(api, received);
    await loadAll(api, distributed);
    const target = seen.find((n) => grantOf(n).GrantStatus === 'ACTIVE') as Node;
    const record = env.current.emulator.state.grants.get(grantOf(target).GrantArn);
    assert.ok(record);
    const cur = record.versions[record.versions.length - 1];
    record.versions.push({ ...cur, GrantStatus: 'DISABLED', StatusReason: 'Paused', Version: String(Number(cur.Version) + 1) });
    api.services.changes.fire({ profile: 'vendor', arns: [cur.GrantArn] });
    await waitFor(async () => (await loadAll(api, received)).some((n) => grantOf(n).GrantArn === cur.GrantArn && description(api, n) === 'DISABLED'), 5000, 'received grant reloaded');

    const clients = await api.services.clients();
    const license = (await clients.get('vendor', 'us-east-1').listLicenses({})).items.find((l) => l.LicenseName === 'Vendor Analytics Seat 5');
    assert.ok(license?.LicenseArn);
    const created = await clients.get('vendor', 'us-east-1').createGrant({
      clientToken: `explorer-${Date.now()}`,
      grantName: 'Created elsewhere',
      licenseArn: license.LicenseArn,
      principal: 'arn:aws:iam::222222222222:root',
      homeRegion: 'us-east-1',
      allowedOperations: ['CheckoutLicense'],
    });
    api.services.changes.fire({ profile: 'vendor', arns: [created.GrantArn], categories: ['distributedGrants', 'receivedGrants'] });
    for (const list of [received, distributed]) {
      await waitFor(async () => arns(await loadAll(api, list)).includes(created.GrantArn), 5000, 'new grant listed');
    }
  });

  it('filters by status server-side and by text over loaded items, shown in the view description', async () => {
    const list = await path(api, 'customer', 'us-east-1', 'Received grants');
    const all = await loadAll(api, list);
    const requests = env.current.emulator.requests;
    requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.explorer.filter', { grantStatus: 'PENDING_ACCEPT' });
    const pending = await loadAll(api, list);
    // The one grant of the seed waiting for the customer in us-east-1: "Customer reporting rollout".
    assert.deepEqual(arns(pending), ['arn:aws:license-manager::111111111111:grant:g-666f71304074fa8bbe0f9a5dd08fd4c5']);
    assert.deepEqual(pending.map((n) => description(api, n)), ['PENDING_ACCEPT']);
    // The inbox lists received grants too (unfiltered); the explorer's list of this place asks once, filtered.
    const sent = requests.filter((r) => r.operation === 'ListReceivedGrants' && r.profile === 'customer' && r.region === 'us-east-1' && (r.body as { Filters?: unknown }).Filters);
    assert.deepEqual(
      sent.map((r) => (r.body as { Filters?: unknown }).Filters),
      [[{ Name: 'GrantStatus', Values: ['PENDING_ACCEPT'] }]],
    );
    assert.equal(api.explorer.describeFilter(), 'Filter: grants: PENDING_ACCEPT');
    assert.equal(description(api, list), 'status PENDING_ACCEPT');

    await vscode.commands.executeCommand('licenseManager.explorer.clearFilter');
    await loadAll(api, list);
    await loadAll(api, await path(api, 'vendor', 'us-east-1', 'Licenses'));
    requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.explorer.filter', { text: 'archive' });
    const texted = await loadAll(api, list);
    assert.deepEqual(texted.map((n) => label(api, n)), ['Customer archive access']);
    assert.equal(requests.length, 0, 'the text filter sends nothing');
    const licenses = await loadAll(api, await path(api, 'vendor', 'us-east-1', 'Licenses'));
    assert.equal(licenses.length, 1);
    assert.ok(isMessage(api, licenses[0]));
    assert.equal(label(api, licenses[0]), 'No items match the filter');
    assert.equal(api.explorer.describeFilter(), 'Filter: “archive”');

    await vscode.commands.executeCommand('licenseManager.explorer.clearFilter');
    assert.equal(api.explorer.describeFilter(), undefined);
    assert.deepEqual(arns(await loadAll(api, list)).sort(), arns(all).sort());
  });

  it('copies an ARN to the clipboard and opens a read-only JSON document', async () => {
    const grant = arns(await loadAll(api, await path(api, 'customer', 'us-east-1', 'Received grants')))[0];
    const node = (await children(api, await path(api, 'customer', 'us-east-1', 'Received grants'))).find((n) => arns([n])[0] === grant) as Node;
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('licenseManager.resource.copyArn', node);
    assert.equal(await vscode.env.clipboard.readText(), grant);

    await vscode.commands.executeCommand('licenseManager.resource.openJson', node);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'license-manager-json' && vscode.window.activeTextEditor, 5000, 'JSON editor');
    const doc = editor.document;
    assert.equal(doc.languageId, 'json');
    assert.deepEqual(JSON.parse(doc.getText()), JSON.parse(JSON.stringify(grantOf(node))));
    assert.match(doc.getText(), /\n {2}"GrantArn"/, 'pretty-printed');

    const record = env.current.emulator.state.grants.get(grant);
    assert.ok(record);
    const cur = record.versions[record.versions.length - 1];
    record.versions.push({ ...cur, StatusReason: 'Changed for the JSON test', Version: String(Number(cur.Version) + 1) });
    api.services.changes.fire({ profile: 'customer', arns: [grant] });
    await waitFor(() => doc.getText().includes('Changed for the JSON test'), 5000, 'JSON document refreshed');
  });
});

describe('explorer credential problems (emulator)', () => {
  const env = useEmulator('explorer');
  let api: ExtensionApi;

  // Every test starts from the seed's files plus the broken profiles: tests rewrite the files.
  beforeEach(async () => {
    env.reset();
    api = await getApi();
    const { configFile, credentialsFile, emulator } = env.current;
    appendFileSync(credentialsFile, '\n[broken]\naws_access_key_id = AKIAEXPLORERVENDOR01\naws_secret_access_key = not-the-right-secret\n');
    appendFileSync(
      configFile,
      `\n[profile broken]\nregion = us-east-1\nendpoint_url = ${emulator.url}\n` +
        `\n[profile sso-nologin]\nregion = us-east-1\nendpoint_url = ${emulator.url}\nsso_start_url = https://example.invalid/start\n` +
        'sso_region = us-east-1\nsso_account_id = 111111111111\nsso_role_name = Explorer\n',
    );
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['broken', 'sso-nologin', 'vendor']);
    for (const p of ['broken', 'sso-nologin', 'vendor']) await api.services.state.setRegions(p, ['us-east-1']);
  });

  for (const [profile, fix] of [
    ['broken', /aws configure --profile broken/],
    ['sso-nologin', /aws sso login --profile sso-nologin/],
  ] as const) {
    it(`shows the failure of ${profile} on its profile node, with the fix`, async () => {
      const kids = await children(api, await path(api, profile, 'us-east-1', 'Received grants'));
      assert.equal(kids.length, 1);
      assert.equal(label(api, kids[0]), 'Credentials problem');
      const node = await path(api, profile);
      assert.match(description(api, node), /credentials problem/);
      assert.match(String(item(api, node).tooltip), fix);
      assert.equal((item(api, node).iconPath as vscode.ThemeIcon).id, 'warning');
      const first = (await children(api, node))[0];
      assert.equal(label(api, first), 'Credentials problem');
      assert.match(description(api, first), fix);
      assert.ok(tokens(api, first).includes('message'));
      const vendor = await loadAll(api, await path(api, 'vendor', 'us-east-1', 'Received grants'));
      assert.ok(!vendor.some((n) => isMessage(api, n) && label(api, n) !== 'No received grants'), 'other profiles still load');
    });
  }

  it('offers Sign in on an SSO profile without a token, and only there', async () => {
    await children(api, await path(api, 'sso-nologin', 'us-east-1', 'Received grants'));
    await children(api, await path(api, 'broken', 'us-east-1', 'Received grants'));
    const sso = await path(api, 'sso-nologin');
    assert.ok(tokens(api, sso).includes('ssoSignIn'), `profile: ${tokens(api, sso).join(' ')}`);
    assert.ok(tokens(api, (await children(api, sso))[0]).includes('ssoSignIn'), 'its credentials item');
    const broken = await path(api, 'broken');
    assert.ok(!tokens(api, broken).includes('ssoSignIn'), 'a profile with keys is not offered SSO sign-in');
    assert.ok(!tokens(api, (await children(api, broken))[0]).includes('ssoSignIn'));
  });

  it('clears the problem once the credentials work again', async () => {
    writeFileSync(env.current.credentialsFile, '[broken]\naws_access_key_id = AKIAEXPLORERVENDOR01\naws_secret_access_key = explorerVendorSecret000000000000000000001\n');
    const profile = await path(api, 'broken');
    const fixItem = (await children(api, profile))[0];
    await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', fixItem);
    // The profile may be reloaded once more as the credentials file changes: read the tree as it settles.
    const expected = [1, 2, 3, 4, 5, 6, 7].map((i) => `Vendor Analytics Seat ${i}`);
    let shown: string[] = [];
    await waitFor(
      async () => {
        const fresh = await path(api, 'broken');
        const region = (await children(api, fresh)).find((n) => label(api, n) === 'us-east-1');
        const list = region && (await children(api, region)).find((n) => label(api, n) === 'Licenses');
        shown = list ? (await loadAll(api, list)).map((n) => label(api, n)).sort() : [];
        return shown.join('|') === expected.join('|');
      },
      10_000,
      'the licenses of the repaired profile',
    ).catch(() => undefined);
    assert.deepEqual(shown, expected);
    assert.doesNotMatch(description(api, await path(api, 'broken')), /problem/);
    assert.match(description(api, await path(api, 'broken')), /^111111111111 · access keys$/);
  });

  it('shows the welcome view (an empty tree) when there are no profiles', async () => {
    writeFileSync(env.current.configFile, '');
    writeFileSync(env.current.credentialsFile, '');
    await api.explorer.reloadProfiles();
    assert.deepEqual(await children(api), []);
  });
});

describe('explorer with hostile strings (emulator)', () => {
  const env = useEmulator('hostile');
  let api: ExtensionApi;

  before(async () => {
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(env.current.profiles);
  });

  it('keeps AWS strings as literal text in labels, descriptions and plain-text tooltips', async () => {
    let checked = 0;
    for (const profile of await children(api)) {
      for (const region of await children(api, profile)) {
        for (const category of await children(api, region)) {
          for (const n of await loadAll(api, category)) {
            const ti = item(api, n);
            assert.ok(ti.tooltip === undefined || typeof ti.tooltip === 'string', 'tooltips are plain text, never Markdown');
            assert.equal(typeof ti.label, 'string');
            if (!('resource' in n)) continue;
            const data = (n as unknown as { data: Record<string, unknown> }).data;
            const name = data.GrantName ?? data.LicenseName ?? data.Name;
            if (typeof name === 'string' && /[<>]/.test(name)) {
              assert.equal(ti.label, name);
              checked++;
            }
          }
        }
      }
    }
    // The seller's configuration, license and two distributed grants; the buyer's two received grants and received license.
    assert.equal(checked, 7, 'hostile names checked');
  });

  it('shows links, icons, bidi and zero-width characters, line breaks and very long names inertly', async () => {
    const found = new Map<string, vscode.TreeItem>();
    for (const profile of await children(api)) {
      for (const region of await children(api, profile)) {
        for (const category of await children(api, region)) {
          for (const n of await loadAll(api, category)) {
            if (!('resource' in n)) continue;
            const data = (n as unknown as { data: Record<string, unknown> }).data;
            const name = data.GrantName ?? data.Name;
            if (typeof name === 'string' && (name.startsWith('[Open terms]') || name.startsWith('Looo'))) found.set(`${(n as unknown as { resource: { kind: string } }).resource.kind}|${label(api, n)}|${name.length}`, item(api, n));
          }
        }
      }
    }
    const items = [...found.values()];
    const active = items.filter((i) => String(i.label).startsWith('[Open terms]'));
    // The configuration and the grant, the grant seen by its grantor and by its grantee.
    assert.equal(active.length, 3, 'configuration, distributed and received grant with active strings');
    const shown =
      '[Open terms](command:workbench.action.terminal.new) $(bug) <U+202E>exe.txt<U+202C> zero<U+200B>width<U+2060>joined<U+FEFF> first line ⏎ second line after tab';
    for (const ti of active) {
      const text = String(ti.label);
      assert.doesNotMatch(text, /\]\(command:/, 'no markdown link');
      assert.doesNotMatch(text, /\$\(bug\)/, 'no icon syntax');
      assert.doesNotMatch(text, /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u2060\ufeff\n\t]/, 'no active bidi, joiner or line break');
      assert.equal(text.replace(/\u200b(?=[(:])/g, ''), shown);
      assert.doesNotMatch(String(ti.tooltip), /[\u202a-\u202e\u2066-\u2069]/, 'the tooltip shows bidi controls as code points');
    }
    const long = items.find((i) => String(i.label).startsWith('Looo'));
    assert.ok(long, 'the 10,000-character grant is listed');
    const longLabel = String(long.label);
    assert.equal(longLabel, `L${'o'.repeat(254)}…`, 'the 10,000-character name cut at 256 characters');
    assert.deepEqual(String(long.tooltip).split('\n').slice(0, 2), [longLabel, 'Status: PENDING_ACCEPT'], 'the tooltip starts with the cut name');
  });

  it('shows tag characters, soft hyphens, line separators, blank fillers and a lone carriage return as code points', async () => {
    const arn = 'arn:aws:license-manager::111122223333:grant:g-0badc0de0badc0de0badc0de0badc3e';
    const record = env.current.emulator.state.grants.get(arn);
    assert.ok(record, 'the seed has the stuck grant');
    const cur = record.versions[record.versions.length - 1];
    record.versions.push({ ...cur, GrantName: 'Tag\u{E0041}\u{E007F} soft\u00ADhyphen line\u2028sep filler\u3164\u2800\u115F cr\rend', Version: String(Number(cur.Version) + 1) });
    try {
      const list = await path(api, 'seller', 'us-east-1', 'Distributed grants');
      await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', list);
      const node = (await loadAll(api, list)).find((n) => arns([n])[0] === arn);
      assert.ok(node, 'the grant is listed');
      const shown = 'Tag<U+E0041><U+E007F> soft<U+00AD>hyphen line<U+2028>sep filler<U+3164><U+2800><U+115F> cr ⏎ end';
      assert.equal(label(api, node), shown);
      assert.equal(String(item(api, node).tooltip).split('\n')[0], shown);
    } finally {
      record.versions.pop();
      await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', await path(api, 'seller', 'us-east-1', 'Distributed grants'));
    }
  });
});
