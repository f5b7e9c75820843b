import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrantMutationResult } from '../../src/aws/types';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceChange, ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator, waitFor } from '../support';
import { answerInputBoxes, type AskedBox } from './inputBoxes';
import { grantItem, isInboxAnnouncement, type Shown } from './grantPrompts';

const REGION = 'us-east-1';

/** Faults decided by a queue: each failAfterCommit roll takes the next number (default: no fault). */
const dice: number[] = [];

type Window = typeof vscode.window;

/**
 * Answers the extension's prompts in place of the user and records the messages
 * it shows, for one test; `restore()` puts the real functions back.
 */
class Prompts {
  readonly shown: Shown[] = [];
  inputs: (string | undefined)[] = [];
  /** The button a modal confirmation or a message answers with. */
  answer: string | undefined;
  private readonly saved = new Map<keyof Window, unknown>();
  /** The input boxes shown (answered from `inputs`). */
  readonly asked: AskedBox[] = [];
  private readonly restoreInputBoxes = answerInputBoxes(() => this.inputs.shift(), this.asked);

  constructor() {
    const w = vscode.window as unknown as Record<string, unknown>;
    const message =
      (kind: Shown['kind']) =>
      async (message: string, ...rest: unknown[]): Promise<string | undefined> => {
        const items = rest.filter((r): r is string => typeof r === 'string');
        if (isInboxAnnouncement(kind, message)) return undefined;
        this.shown.push({ kind, message, items });
        return items.includes(this.answer ?? '\u0000') ? this.answer : undefined;
      };
    const replace = (name: keyof Window, fn: unknown): void => {
      this.saved.set(name, w[name]);
      w[name] = fn;
      assert.equal(w[name], fn, `vscode.window.${name} can be replaced in the host`);
    };
    replace('showInformationMessage', message('info'));
    replace('showWarningMessage', message('warning'));
    replace('showErrorMessage', message('error'));
    replace('showInputBox', async () => this.inputs.shift());
  }

  restore(): void {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of this.saved) w[name] = fn;
    this.restoreInputBoxes();
  }

  texts(kind: Shown['kind']): string[] {
    return this.shown.filter((s) => s.kind === kind).map((s) => s.message);
  }
}

function grantState(env: { current: { emulator: { state: unknown } } }, name: string): { versions: { GrantStatus: string; Version: string; StatusReason?: string }[] } {
  const grants = (env.current.emulator.state as { grants: Map<string, { versions: { GrantName: string; GrantStatus: string; Version: string }[] }> }).grants;
  const g = [...grants.values()].find((x) => x.versions[x.versions.length - 1].GrantName === name || x.versions[0].GrantName === name);
  assert.ok(g, `the emulator has the grant “${name}”`);
  return g;
}

function current(g: { versions: { GrantStatus: string; Version: string; StatusReason?: string }[] }): { GrantStatus: string; Version: string; StatusReason?: string } {
  return g.versions[g.versions.length - 1];
}

describe('grant actions in the host', () => {
  const env = useEmulator('grants', { random: () => dice.shift() ?? 0.999 });
  let api: ExtensionApi;
  let prompts: Prompts;

  // Every test starts from the seed: tests accept, reject and change grants.
  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['seller', 'buyer', 'buyer-readonly']);
  });
  beforeEach(() => {
    prompts = new Prompts();
    env.current.emulator.requests.length = 0;
    env.current.emulator.setFaults({ latencyMs: 0, failAfterCommitRate: 0 });
  });
  afterEach(() => prompts.restore());

  const requests = (operation: string): { status: number; body: unknown }[] =>
    env.current.emulator.requests.filter((r) => r.operation === operation);

  it('retries a version that failed after commit with the same ClientToken and creates exactly one new version', async () => {
    const holder = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam compute');
    const before = grantState(env, 'Fabrikam compute').versions.length;
    env.current.emulator.setFaults({ failAfterCommitRate: 0.5 });
    dice.push(0); // the first CreateGrantVersion is saved, then answered 500
    prompts.inputs = ['Purchase order 42 approved'];

    const result = (await vscode.commands.executeCommand('licenseManager.grant.activate', holder)) as GrantMutationResult | undefined;

    const sent = requests('CreateGrantVersion');
    assert.deepEqual(sent.map((r) => r.status), [500, 200], 'one failed-after-commit attempt and one retry');
    const tokens = sent.map((r) => (r.body as { ClientToken?: string }).ClientToken);
    assert.ok(tokens[0], 'a ClientToken is sent');
    assert.equal(tokens[1], tokens[0], 'the retry reuses the ClientToken');
    const g = grantState(env, 'Fabrikam compute');
    assert.equal(g.versions.length, before + 1, 'exactly one new version');
    assert.equal(current(g).GrantStatus, 'ACTIVE');
    assert.equal(current(g).StatusReason, 'Purchase order 42 approved');
    assert.equal(result?.Version, current(g).Version);
    assert.deepEqual(prompts.texts('info'), ['Activated “Fabrikam compute”. Its licenses can be used now.']);
    await waitFor(
      async () => ((await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam compute')).data as { GrantStatus: string }).GrantStatus === 'ACTIVE',
      10_000,
      'the tree shows ACTIVE',
    );
  });

  it('sends one request when the same action is invoked twice quickly', async () => {
    const holder = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam storage');
    env.current.emulator.setFaults({ latencyMs: 300 });

    const results = await Promise.all([
      vscode.commands.executeCommand('licenseManager.grant.accept', holder),
      vscode.commands.executeCommand('licenseManager.grant.accept', holder),
    ]);

    assert.equal(requests('AcceptGrant').length, 1, 'one AcceptGrant request');
    assert.equal(results.filter((r) => r !== undefined).length, 1, 'one invocation completed the action');
    assert.ok(prompts.texts('info').some((t) => t.includes('already being updated')), prompts.texts('info').join(' | '));
    assert.equal(current(grantState(env, 'Fabrikam storage')).GrantStatus, 'DISABLED');
    assert.deepEqual(prompts.texts('error'), []);
  });

  it('says an accepted grant is not active yet and activates it from the notification button', async () => {
    const holder = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam storage');
    prompts.answer = 'Activate';
    prompts.inputs = [''];
    await vscode.commands.executeCommand('licenseManager.grant.accept', holder);
    assert.deepEqual(prompts.shown[0], { kind: 'info', message: 'Accepted “Fabrikam storage”. It is not active yet.', items: ['Activate'] });
    await waitFor(() => current(grantState(env, 'Fabrikam storage')).GrantStatus === 'ACTIVE' || undefined, 10_000, 'activated by the button');
    const versions = requests('CreateGrantVersion').map((r) => (r.body as { Status?: string; SourceVersion?: string }));
    assert.deepEqual(versions.map((b) => b.Status), ['ACTIVE'], 'one activation, sent by the button');
    await waitFor(() => prompts.texts('info').length === 2 || undefined, 10_000, 'the second notification');
    assert.deepEqual(prompts.shown[1], { kind: 'info', message: 'Activated “Fabrikam storage”. Its licenses can be used now.', items: ['Open Details'] });
  });

  it('offers Refresh when the grant changed since it was loaded, and refreshes', async () => {
    const node = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam archive');
    // What an open detail panel holds: a copy of the grant as loaded.
    const stale: ResourceHolder = { resource: node.resource, data: { ...node.data } };
    const loaded = (stale.data as { Version: string }).Version;
    // Meanwhile the grantor renames the grant, which creates a new version.
    const seller = (await api.services.clients()).get('seller', REGION);
    const aws = await api.services.aws();
    await seller.createGrantVersion({ clientToken: aws.newClientToken(), grantArn: node.resource.arn, grantName: 'Fabrikam archive', statusReason: 'Renewal pending' });
    env.current.emulator.requests.length = 0;
    const changes: ResourceChange[] = [];
    const sub = api.services.changes.event((c) => changes.push(c));
    prompts.inputs = [''];
    prompts.answer = 'Refresh';
    try {
      const result = await vscode.commands.executeCommand('licenseManager.grant.activate', stale);
      assert.equal(result, undefined, 'nothing succeeded');
      const sent = requests('CreateGrantVersion');
      assert.equal(sent.length, 1);
      assert.equal((sent[0].body as { SourceVersion?: string }).SourceVersion, loaded, 'SourceVersion is the version loaded');
      const warning = prompts.shown.find((s) => s.kind === 'warning');
      assert.ok(warning, `a warning is shown (got ${JSON.stringify(prompts.shown)})`);
      assert.match(warning.message, /changed since it was loaded/);
      assert.deepEqual(warning.items, ['Refresh']);
      await waitFor(() => changes.some((c) => c.profile === 'buyer' && c.arns.includes(node.resource.arn)), 5000, 'Refresh reloads the grant');
      await waitFor(
        async () => ((await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam archive')).data as { Version: string }).Version !== loaded,
        10_000,
        'the tree shows the current version',
      );
      assert.equal(current(grantState(env, 'Fabrikam archive')).GrantStatus, 'DISABLED', 'the grant did not change');
    } finally {
      sub.dispose();
    }
  });

  it('says which profile lacked the permission', async () => {
    const node = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam archive');
    // No view shows it through buyer-readonly: it is read through that profile and confirmed first.
    const holder: ResourceHolder = { resource: { ...node.resource, profile: 'buyer-readonly' }, data: node.data };
    const before = grantState(env, 'Fabrikam archive').versions.length;
    prompts.inputs = ['x'];
    prompts.answer = 'Activate Grant';
    await vscode.commands.executeCommand('licenseManager.grant.activate', holder);
    const errors = prompts.texts('error');
    assert.equal(errors.length, 1, JSON.stringify(prompts.shown));
    assert.match(errors[0], /Access denied/);
    assert.match(errors[0], /buyer-readonly/);
    assert.equal(grantState(env, 'Fabrikam archive').versions.length, before);
  });

  it('sends no RejectGrant when the reject confirmation is cancelled', async () => {
    const pending = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam pipeline');
    env.current.emulator.requests.length = 0;
    prompts.answer = undefined; // Esc on the modal confirmation
    const result = await vscode.commands.executeCommand('licenseManager.grant.reject', pending);
    assert.equal(result, undefined);
    const asked = prompts.shown.filter((s) => s.kind === 'warning' && s.items.length > 0);
    assert.equal(asked.length, 1, `one confirmation was asked (got ${JSON.stringify(prompts.shown)})`);
    assert.match(asked[0].message, /Fabrikam pipeline/);
    assert.equal(requests('RejectGrant').length, 0, 'no RejectGrant in the request log');
    assert.equal(current(grantState(env, 'Fabrikam pipeline')).GrantStatus, 'PENDING_ACCEPT');
    assert.deepEqual(prompts.texts('error'), []);
  });

  it('deactivates an active grant after confirmation: one CreateGrantVersion with DISABLED and the reason', async () => {
    const active = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam warehouse');
    const before = current(grantState(env, 'Fabrikam warehouse'));
    assert.equal(before.GrantStatus, 'ACTIVE');
    env.current.emulator.requests.length = 0;
    prompts.answer = 'Deactivate';
    prompts.inputs = ['Paused for the licence audit'];
    const result = (await vscode.commands.executeCommand('licenseManager.grant.deactivate', active)) as GrantMutationResult | undefined;
    const sent = requests('CreateGrantVersion');
    assert.deepEqual(sent.map((r) => r.status), [200]);
    const body = sent[0].body as { Status?: string; StatusReason?: string; SourceVersion?: string };
    assert.equal(body.Status, 'DISABLED');
    assert.equal(body.StatusReason, 'Paused for the licence audit');
    assert.equal(body.SourceVersion, before.Version, 'SourceVersion is the version loaded');
    const after = current(grantState(env, 'Fabrikam warehouse'));
    assert.equal(after.GrantStatus, 'DISABLED');
    assert.equal(result?.Version, after.Version);
    assert.deepEqual(prompts.texts('info'), ['Deactivated “Fabrikam warehouse”. Its licenses cannot be used until it is activated again.']);
    await waitFor(
      async () => ((await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam warehouse')).data as { GrantStatus: string }).GrantStatus === 'DISABLED',
      10_000,
      'the tree shows DISABLED',
    );
  });

  it('sends nothing when the action is not valid for the grant status or the user cancels', async () => {
    const active = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam warehouse');
    await vscode.commands.executeCommand('licenseManager.grant.accept', active);
    assert.ok(prompts.texts('warning').some((t) => t.includes('not possible')), JSON.stringify(prompts.shown));
    prompts.inputs = [undefined]; // Esc in the reason box
    await vscode.commands.executeCommand('licenseManager.grant.deactivate', active);
    prompts.answer = 'Deactivate';
    prompts.inputs = [undefined];
    await vscode.commands.executeCommand('licenseManager.grant.deactivate', active);
    assert.deepEqual(
      env.current.emulator.requests.filter((r) => !r.operation.startsWith('List') && !r.operation.startsWith('Get')),
      [],
      'no mutation was sent',
    );
  });

  it('deletes with a reason asked as one step of the multi-step input; a refused reason or Esc sends nothing', async () => {
    const holder = await grantItem(api, 'seller', 'distributedGrants', 'Fabrikam reporting');
    const version = current(grantState(env, 'Fabrikam reporting')).Version;
    env.current.emulator.requests.length = 0;
    prompts.answer = 'Delete';
    prompts.inputs = ['r'.repeat(401)];
    await vscode.commands.executeCommand('licenseManager.grant.delete', holder);
    assert.equal(prompts.asked.length, 1);
    assert.match(prompts.asked[0].refused ?? '', /at most 400 characters \(now 401\)/, 'the long reason is refused as typed');
    prompts.inputs = [undefined]; // Esc at the reason
    await vscode.commands.executeCommand('licenseManager.grant.delete', holder);
    assert.equal(prompts.shown.filter((s) => s.items.includes('Delete')).length, 0, 'no confirmation after a refused reason or Esc');
    assert.equal(requests('DeleteGrant').length, 0, 'no DeleteGrant after a refused reason or Esc');

    prompts.inputs = ['Contract ended'];
    await vscode.commands.executeCommand('licenseManager.grant.delete', holder);
    const shown = prompts.asked[2];
    assert.deepEqual([shown.title, shown.back, shown.refused], ['Delete Grant', false, undefined], 'one step: the plain title and no Back');
    assert.match(shown.prompt ?? '', /Why is “Fabrikam reporting” being deleted\?/);
    assert.equal(prompts.shown.filter((s) => s.items.includes('Delete')).length, 1, 'the destructive action is confirmed after the reason');
    const sent = requests('DeleteGrant');
    assert.deepEqual(sent.map((r) => r.status), [200]);
    assert.deepEqual(sent[0].body, { GrantArn: holder.resource.arn, Version: version, StatusReason: 'Contract ended' });
    assert.equal(current(grantState(env, 'Fabrikam reporting')).GrantStatus, 'DELETED');
  });
});
