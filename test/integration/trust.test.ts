/**
 * Commands given arguments the extension did not make (a `command:` link, another extension): each
 * reads what the argument names from AWS first, shows what it read, and changes nothing unless the
 * user confirms that.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { closeEditorsUnsaved, getApi, useEmulator, waitFor } from '../support';
import { answerInputBoxes } from './inputBoxes';
import { child, path } from './explorerSupport';

const REGION = 'us-east-1';
const SELLER = '111111111111';
const BUYER = '222222222222';
const grantArn = (id: string): string => `arn:aws:license-manager::${SELLER}:grant:g-${id}`;
/** Grants of the `grants` seed, by name. */
const GRANTS = {
  storage: { arn: grantArn('e5168c406fb8b6f983918aaa7347a1b8'), name: 'Fabrikam storage', license: `arn:aws:license-manager::${SELLER}:license:l-99f4d37fbebc7186ef7f0f5aaadf7a14` },
  gateway: { arn: grantArn('5e7fa3c86b0bb6e3185ff1facf6159f7'), name: 'Fabrikam gateway trial' },
  compute: { arn: grantArn('f2299dfecee02513f44d168b6c01efb2'), name: 'Fabrikam compute' },
  reporting: { arn: grantArn('968e67d391db44bf9175f6b3042228a8'), name: 'Fabrikam reporting' },
  warehouse: { arn: grantArn('0b7f66f8525b6be9af1cf020cc2f3b96'), name: 'Fabrikam warehouse' },
  pipeline: { arn: grantArn('a0b02b8502fb891d08cbe0d1668f4909'), name: 'Fabrikam pipeline' },
};
const MUTATIONS = ['AcceptGrant', 'RejectGrant', 'CreateGrantVersion', 'DeleteGrant', 'CreateGrant'];
const FORGED_NAME = 'Forged name';
const FORGED_PRINCIPAL = 'arn:aws:iam::999999999999:root';

/**
 * What a `command:` link can pass: a plain object of any shape, here naming a real grant with made-up data.
 * Its side is the wrong one for its profile, so no node the extension holds (the Grants Inbox lists
 * the buyer's received grants once it has loaded) has its resource key.
 */
function forged(arn: string, profile = 'buyer', kind = profile === 'buyer' ? 'distributedGrant' : 'receivedGrant', status = 'PENDING_ACCEPT'): object {
  return {
    resource: { kind, profile, region: REGION, arn },
    data: { GrantArn: arn, GrantName: FORGED_NAME, GrantStatus: status, Version: '1', GranteePrincipalArn: FORGED_PRINCIPAL, LicenseArn: 'arn:aws:license-manager::999999999999:license:l-0' },
  };
}

interface Shown {
  readonly message: string;
  readonly detail: string;
  readonly items: string[];
}

/** Records every notification and modal, answering each from `answers` (a button text, or nothing). */
function recordPrompts(): { shown: Shown[]; answers: (string | undefined)[]; restore(): void } {
  const w = vscode.window as unknown as Record<string, unknown>;
  const names = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;
  const saved = names.map((n) => w[n]);
  const shown: Shown[] = [];
  const answers: (string | undefined)[] = [];
  for (const n of names) {
    w[n] = async (message: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' ? (rest[0] as { detail?: string }) : {};
      const items = rest.filter((r): r is string => typeof r === 'string');
      shown.push({ message, detail: options.detail ?? '', items });
      const answer = answers.shift();
      return answer !== undefined && items.includes(answer) ? answer : undefined;
    };
  }
  const restoreBoxes = answerInputBoxes(() => '');
  return {
    shown,
    answers,
    restore() {
      names.forEach((n, i) => (w[n] = saved[i]));
      restoreBoxes();
    },
  };
}

describe('commands with arguments the extension did not make', () => {
  const env = useEmulator('grants');
  let api: ExtensionApi;
  let prompts: ReturnType<typeof recordPrompts>;
  let inboxNodes: ExtensionApi['inbox']['grantNodes'];

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    // No panel of an earlier test holds a grant these tests forge.
    for (const p of api.panels.list()) p.dispose();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['seller', 'buyer']);
    for (const p of ['seller', 'buyer']) await api.services.state.setRegions(p, [REGION]);
    env.current.emulator.requests.length = 0;
    prompts = recordPrompts();
    // The window's inbox may have loaded the buyer's grants in an earlier test (it follows the
    // selection once loaded); a grant it shows is one the extension holds. These tests are about
    // arguments no view holds.
    inboxNodes = api.inbox.grantNodes;
    api.inbox.grantNodes = () => [];
  });
  afterEach(() => {
    prompts.restore();
    api.inbox.grantNodes = inboxNodes;
  });

  const sent = (ops: readonly string[] = MUTATIONS): { operation: string; arn: unknown; key: unknown }[] =>
    env.current.emulator.requests
      .filter((r) => ops.includes(r.operation))
      .map((r) => ({ operation: r.operation, arn: (r.body as { GrantArn?: unknown }).GrantArn, key: r.accessKeyId }));
  /** The access keys of the `grants` seed: who signed a request. */
  const keyOf = (profile: string): string => ({ seller: 'AKIACONTOSOSELLER001', buyer: 'AKIAFABRIKAMBUYER001' })[profile] ?? profile;

  it('Accept with a forged object reads the grant, asks naming what it read, and sends nothing when declined', async () => {
    await vscode.commands.executeCommand('licenseManager.grant.accept', forged(GRANTS.storage.arn));
    assert.deepEqual(sent(), [], 'no mutation was sent');
    assert.deepEqual(sent(['GetGrant']).map((r) => r.arn), [GRANTS.storage.arn], 'the grant was read by its ARN');
    assert.equal(prompts.shown.length, 1, JSON.stringify(prompts.shown));
    const [ask] = prompts.shown;
    assert.equal(ask.message, 'Accept Grant: “Fabrikam storage”?');
    assert.deepEqual(ask.items, ['Accept Grant']);
    assert.equal(
      ask.detail,
      'This grant was named by a link or another extension, not picked in a License Manager view. AWS answered for it just now:\n' +
        'Grant: Fabrikam storage\nStatus: PENDING_ACCEPT (version 1)\n' +
        `License: ${GRANTS.storage.license}\nGrantor account: ${SELLER}\nGrantee: arn:aws:iam::${BUYER}:root\nAs profile “buyer” in us-east-1`,
    );
    assert.ok(!JSON.stringify(prompts.shown).includes(FORGED_NAME) && !JSON.stringify(prompts.shown).includes('999999999999'), 'nothing of the argument is shown');
  });

  it('Accept with a forged object accepts the grant it read, as the profile that received it, once confirmed', async () => {
    prompts.answers.push('Accept Grant');
    await vscode.commands.executeCommand('licenseManager.grant.accept', forged(GRANTS.storage.arn, 'buyer', 'distributedGrant', 'ACTIVE'));
    assert.deepEqual(sent(), [{ operation: 'AcceptGrant', arn: GRANTS.storage.arn, key: keyOf('buyer') }]);
  });

  it('every grant command asks about the real grant first and sends nothing for a forged object when declined', async () => {
    const cases: [string, { arn: string; name: string }, string, string][] = [
      ['licenseManager.grant.reject', GRANTS.gateway, 'buyer', 'Reject Grant'],
      ['licenseManager.grant.activate', GRANTS.compute, 'buyer', 'Activate Grant'],
      ['licenseManager.grant.deactivate', GRANTS.reporting, 'buyer', 'Deactivate Grant'],
      ['licenseManager.grant.createVersion', GRANTS.warehouse, 'seller', 'New Grant Version'],
      ['licenseManager.grant.delete', GRANTS.pipeline, 'seller', 'Delete Grant'],
    ];
    for (const [command, grant, profile, title] of cases) {
      prompts.shown.length = 0;
      // The argument lies about the side, status and name: what AWS answers decides.
      await vscode.commands.executeCommand(command, forged(grant.arn, profile, undefined, 'PENDING_ACCEPT'));
      assert.deepEqual(prompts.shown.map((s) => s.message), [`${title}: “${grant.name}”?`], command);
      assert.ok(!prompts.shown[0].detail.includes(FORGED_NAME), command);
    }
    assert.deepEqual(sent(), [], 'no mutation was sent');
  });

  it('Delete and Reject confirmations name the real grant and its real principal', async () => {
    prompts.answers.push('Delete Grant');
    await vscode.commands.executeCommand('licenseManager.grant.delete', forged(GRANTS.pipeline.arn, 'seller', 'distributedGrant', 'ACTIVE'));
    prompts.answers.push('Reject Grant');
    await vscode.commands.executeCommand('licenseManager.grant.reject', forged(GRANTS.gateway.arn));
    assert.deepEqual(
      prompts.shown.map((s) => [s.message, s.detail.split('\n')[0]]),
      [
        ['Delete Grant: “Fabrikam pipeline”?', 'This grant was named by a link or another extension, not picked in a License Manager view. AWS answered for it just now:'],
        [
          'Delete the grant “Fabrikam pipeline”?',
          `arn:aws:iam::${BUYER}:root loses the license arn:aws:license-manager::${SELLER}:license:l-5fb093efb05260f096d52707b37b8a67 granted through it. A deleted grant cannot be restored.`,
        ],
        ['Reject Grant: “Fabrikam gateway trial”?', 'This grant was named by a link or another extension, not picked in a License Manager view. AWS answered for it just now:'],
        [
          'Reject the grant “Fabrikam gateway trial”?',
          `Profile “buyer” will no longer be able to use the license arn:aws:license-manager::${SELLER}:license:l-045e774c3f0360a7f138c802ef2cbb70 through this grant. A rejected grant cannot be accepted again; the grantor would have to create a new one.`,
        ],
      ],
    );
    assert.deepEqual(sent(), [], 'declined at the second question: nothing was sent');
  });

  it('refuses what names no License Manager resource, and never reads through a profile it does not know', async () => {
    for (const arg of [{ resource: { kind: 'receivedGrant', profile: 'buyer', region: REGION, arn: `arn:aws:iam::${SELLER}:root` }, data: {} }, 'not an arn', 42]) {
      await vscode.commands.executeCommand('licenseManager.grant.accept', arg);
    }
    assert.deepEqual(
      prompts.shown.map((s) => s.message),
      [1, 2, 3].map(() => 'This command works on items of the License Manager views, or on the ARN of a License Manager grant, license or license configuration. Nothing was done.'),
    );
    assert.equal(env.current.emulator.requests.length, 0, 'nothing was sent at all');

    prompts.shown.length = 0;
    const unknown = grantArn('0'.repeat(32));
    await vscode.commands.executeCommand('licenseManager.grant.accept', forged(unknown, 'attacker-profile'));
    assert.deepEqual(sent(), []);
    const profiles = new Set(env.current.emulator.requests.map((r) => r.accessKeyId));
    assert.deepEqual([...profiles].sort(), [keyOf('buyer'), keyOf('seller')].sort(), 'read only through the selected profiles');
    assert.equal(prompts.shown.length, 1);
    assert.match(prompts.shown[0].message, new RegExp(`^${unknown} could not be read, so nothing was done: buyer \\(us-east-1\\): The resource was not found .*; seller \\(us-east-1\\): `));
  });

  it('Open JSON and Open Details show what was read, never the argument’s data', async () => {
    await vscode.commands.executeCommand('licenseManager.resource.openJson', forged(GRANTS.storage.arn));
    const doc = await waitFor(() => vscode.window.activeTextEditor?.document, 10_000, 'the JSON document');
    const shown = JSON.parse(doc.getText()) as { GrantName: string; GranteePrincipalArn: string; GrantArn: string };
    assert.deepEqual([shown.GrantArn, shown.GrantName, shown.GranteePrincipalArn], [GRANTS.storage.arn, GRANTS.storage.name, `arn:aws:iam::${BUYER}:root`]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    await vscode.commands.executeCommand('licenseManager.resource.openDetails', forged(GRANTS.storage.arn));
    const panel = api.panels.list().find((p) => p.resource.arn === GRANTS.storage.arn);
    assert.ok(panel, 'the panel is open');
    try {
      assert.deepEqual(panel.resource, { kind: 'receivedGrant', profile: 'buyer', region: REGION, arn: GRANTS.storage.arn });
      assert.equal((panel.data as { GrantName: string }).GrantName, GRANTS.storage.name);
    } finally {
      panel.dispose();
    }
    assert.deepEqual(sent(), []);
  });

  it('Create Grant from a forged license asks naming the license it read, and creates nothing when declined', async () => {
    const license = `arn:aws:license-manager::${SELLER}:license:l-5fb093efb05260f096d52707b37b8a67`;
    await vscode.commands.executeCommand('licenseManager.grant.create', {
      resource: { kind: 'receivedLicense', profile: 'seller', region: REGION, arn: license },
      data: { LicenseArn: license, LicenseName: FORGED_NAME, ProductName: FORGED_NAME },
    });
    assert.deepEqual(prompts.shown.map((s) => s.message), ['Create Grant: “Contoso Pipeline”?']);
    assert.match(prompts.shown[0].detail, new RegExp(`\nLicense: Contoso Pipeline\nProduct: Contoso Pipeline\n.*\nARN: ${license}\nAs profile “seller” in us-east-1$`));
    assert.deepEqual(sent(['GetLicense']).length, 1, 'the license was read by its ARN');
    assert.deepEqual(sent(), []);
  });

  it('Compare with Previous on a forged grant diffs the versions AWS holds, under the real name', async () => {
    prompts.answers.push('Accept Grant');
    await vscode.commands.executeCommand('licenseManager.grant.accept', forged(GRANTS.storage.arn));
    await vscode.commands.executeCommand('licenseManager.resource.compareWithPrevious', { ...forged(GRANTS.storage.arn), data: { GrantArn: GRANTS.storage.arn, GrantName: FORGED_NAME, Version: '7' } });
    const title = `${GRANTS.storage.name}: v1 ↔ v2`;
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.label === title),
      10_000,
      `a diff tab “${title}”`,
    );
    const input = tab.input as vscode.TabInputTextDiff;
    const right = JSON.parse((await vscode.workspace.openTextDocument(input.modified)).getText()) as { GrantName: string; Version: string; GrantStatus: string };
    assert.deepEqual([right.GrantName, right.Version, right.GrantStatus], [GRANTS.storage.name, '2', 'DISABLED']);
    await closeEditorsUnsaved();
  });

  /** The license and token changes sent, as (operation, what it names). */
  const licenseChanges = (): [string, unknown][] =>
    env.current.emulator.requests
      .filter((r) => ['CreateLicenseVersion', 'DeleteLicense', 'DeleteToken', 'CreateToken'].includes(r.operation))
      .map((r) => [r.operation, (r.body as { LicenseArn?: unknown; TokenId?: unknown }).LicenseArn ?? (r.body as { TokenId?: unknown }).TokenId]);
  const PIPELINE = `arn:aws:license-manager::${SELLER}:license:l-5fb093efb05260f096d52707b37b8a67`;
  /** A license named by a link: the buyer's side, another name, status and version. */
  const forgedLicense = { resource: { kind: 'receivedLicense', profile: 'buyer', region: REGION, arn: PIPELINE }, data: { LicenseArn: PIPELINE, LicenseName: FORGED_NAME, Status: 'AVAILABLE', Version: '9' } };
  const NAMED_BY_LINK =
    'This license was named by a link or another extension, not picked in a License Manager view. AWS answered for it just now:\n' +
    `License: Contoso Pipeline\nProduct: Contoso Pipeline\nIssuer: Contoso Licensing\nARN: ${PIPELINE}\nAs profile “seller” in us-east-1`;

  it('Deactivate License and Delete License on a forged license ask about the license the owner read, and send nothing when declined', async () => {
    for (const [command, title] of [['licenseManager.license.deactivate', 'Deactivate License'], ['licenseManager.license.delete', 'Delete License']]) {
      prompts.shown.length = 0;
      await vscode.commands.executeCommand(command, forgedLicense);
      assert.deepEqual(prompts.shown, [{ message: `${title}: “Contoso Pipeline”?`, detail: NAMED_BY_LINK, items: [title] }], command);
    }
    assert.deepEqual(licenseChanges(), [], 'nothing was sent');
  });

  it('Deactivate License and Delete License on a forged license, once the read license is confirmed, still ask their own question', async () => {
    prompts.answers.push('Deactivate License');
    await vscode.commands.executeCommand('licenseManager.license.deactivate', forgedLicense);
    prompts.answers.push('Delete License');
    await vscode.commands.executeCommand('licenseManager.license.delete', forgedLicense);
    assert.deepEqual(
      prompts.shown.map((s) => [s.message, s.detail.split('\n')[0], s.items]),
      [
        ['Deactivate License: “Contoso Pipeline”?', NAMED_BY_LINK.split('\n')[0], ['Deactivate License']],
        ['Deactivate the license “Contoso Pipeline”?', 'It has 1 grant(s). Grantees can no longer use its entitlements until a new version makes it AVAILABLE again.', ['Deactivate']],
        ['Delete License: “Contoso Pipeline”?', NAMED_BY_LINK.split('\n')[0], ['Delete License']],
        ['Delete the license “Contoso Pipeline”?', 'It has 1 grant(s); they are deleted with it. A deleted license cannot be restored.', ['Delete']],
      ],
    );
    assert.ok(!JSON.stringify(prompts.shown).includes(FORGED_NAME), 'nothing of the argument is shown');
    assert.deepEqual(licenseChanges(), [], 'declined at the second question: nothing was sent');
  });

  it('Delete Token on a forged token deletes nothing: refused unless the explorer holds it, then asked about the token it listed', async () => {
    const seller = (await api.services.clients()).get('seller', REGION);
    const made = await seller.createToken({ clientToken: 'forged-delete', licenseArn: PIPELINE });
    env.current.emulator.requests.length = 0;
    const forgedToken = {
      resource: { kind: 'token', profile: 'seller', region: REGION, arn: made.TokenId },
      data: { TokenId: made.TokenId, LicenseArn: 'arn:aws:license-manager::999999999999:license:l-0', Status: 'AVAILABLE' },
    };
    await vscode.commands.executeCommand('licenseManager.token.delete', forgedToken);
    assert.deepEqual(prompts.shown.map((s) => s.message), ['This command works on items of the License Manager views, or on the ARN of a License Manager grant, license or license configuration. Nothing was done.']);
    assert.deepEqual(env.current.emulator.requests.map((r) => r.operation), [], 'nothing was read or sent for a token the explorer does not hold');

    const tokens = await child(api, await path(api, 'seller', 'us-east-1', 'Licenses', 'Contoso Pipeline'), 'Tokens');
    assert.deepEqual((await api.explorer.getChildren(tokens)).map((n) => (n as unknown as { resource: { arn: string } }).resource.arn), [made.TokenId]);
    prompts.shown.length = 0;
    await vscode.commands.executeCommand('licenseManager.token.delete', forgedToken);
    assert.deepEqual(prompts.shown.map((s) => [s.message, s.detail, s.items]), [
      [`Delete the token ${made.TokenId}?`, `Its holder can no longer get access tokens for the license ${PIPELINE}. A deleted token cannot be restored.`, ['Delete']],
    ]);
    assert.deepEqual(licenseChanges(), [], 'declined: nothing was sent');
  });

  it('Copy ARN copies a License Manager ARN it read, and nothing for anything else', async () => {
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('licenseManager.resource.copyArn', {
      resource: { kind: 'license', profile: 'seller', region: REGION, arn: 'javascript:alert(1)' },
      data: {},
    });
    assert.equal(await vscode.env.clipboard.readText(), 'before', 'the clipboard is unchanged');
    assert.equal(await vscode.commands.executeCommand('licenseManager.resource.copyArn', forged(GRANTS.storage.arn)), GRANTS.storage.arn);
    assert.equal(await vscode.env.clipboard.readText(), GRANTS.storage.arn);
  });
});
