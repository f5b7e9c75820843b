import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { BulkResult } from '../../src/grants/bulk';
import type { ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator, waitFor } from '../support';
import { grantItem, isInboxAnnouncement, type Shown } from './grantPrompts';

const REGION = 'us-east-1';

type Window = typeof vscode.window;

/** Answers the extension's messages in place of the user and records them; `cancelWhen` cancels the progress notification. */
class Prompts {
  readonly shown: Shown[] = [];
  answer: string | undefined;
  /** Answered once, the first time it is offered (e.g. **Retry failed**, so a retry that fails again is not retried forever). */
  answerOnce: string | undefined;
  /** Checked every 10 ms while a progress notification is shown; true cancels it (the user's Cancel). */
  cancelWhen: (() => boolean) | undefined;
  private readonly saved = new Map<keyof Window, unknown>();

  constructor() {
    const w = vscode.window as unknown as Record<string, unknown>;
    const message =
      (kind: Shown['kind']) =>
      async (message: string, ...rest: unknown[]): Promise<string | undefined> => {
        const items = rest.filter((r): r is string => typeof r === 'string');
        if (isInboxAnnouncement(kind, message)) return undefined;
        this.shown.push({ kind, message, items });
        if (this.answerOnce !== undefined && items.includes(this.answerOnce)) {
          const once = this.answerOnce;
          this.answerOnce = undefined;
          return once;
        }
        return items.includes(this.answer ?? '\u0000') ? this.answer : undefined;
      };
    const replace = (name: keyof Window, fn: unknown): void => {
      this.saved.set(name, w[name]);
      w[name] = fn;
    };
    replace('showInformationMessage', message('info'));
    replace('showWarningMessage', message('warning'));
    replace('showErrorMessage', message('error'));
    const real = vscode.window.withProgress;
    replace('withProgress', async (options: vscode.ProgressOptions, task: (p: vscode.Progress<unknown>, t: vscode.CancellationToken) => Thenable<unknown>) => {
      if (!options.cancellable || !this.cancelWhen) return real(options, task);
      const source = new vscode.CancellationTokenSource();
      const cancelWhen = this.cancelWhen;
      const timer = setInterval(() => {
        if (cancelWhen()) {
          clearInterval(timer);
          source.cancel();
        }
      }, 10);
      try {
        return await task({ report: () => undefined }, source.token);
      } finally {
        clearInterval(timer);
        source.dispose();
      }
    });
  }

  restore(): void {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of this.saved) w[name] = fn;
  }
}

describe('grant actions on a selection', () => {
  const env = useEmulator('grants');
  let api: ExtensionApi;
  let prompts: Prompts;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['seller', 'buyer', 'buyer-readonly']);
    prompts = new Prompts();
    env.current.emulator.requests.length = 0;
  });
  afterEach(async () => {
    prompts.restore();
    env.current.emulator.setFaults({ latencyMs: 0 });
    await vscode.workspace.getConfiguration('licenseManager.network').update('callsPerRegion', undefined, vscode.ConfigurationTarget.Global);
  });

  const sent = (operation: string): string[] =>
    env.current.emulator.requests.filter((r) => r.operation === operation).map((r) => (r.body as { GrantArn?: string }).GrantArn ?? '');
  const statusOf = (arn: string): string => {
    const g = (env.current.emulator.state as unknown as { grants: Map<string, { versions: { GrantStatus: string }[] }> }).grants.get(arn);
    assert.ok(g, `the emulator has ${arn}`);
    return g.versions[g.versions.length - 1].GrantStatus;
  };
  const arnOf = (node: ResourceHolder): string => (node.data as { GrantArn: string }).GrantArn;
  const versionOf = (node: ResourceHolder): string => (node.data as { Version: string }).Version;
  /** Waits until the explorer shows the grant in `status` (it reloads after its own change). */
  const shownIn = async (name: string, status: string): Promise<void> => {
    const statusShown = async (): Promise<string> => ((await grantItem(api, 'buyer', 'receivedGrants', name)).data as { GrantStatus: string }).GrantStatus;
    await waitFor(async () => (await statusShown()) === status, 10_000, `“${name}” shown as ${status}`);
  };

  it('activates a mixed selection: one CreateGrantVersion per grant it is valid for, and one summary of what happened to each', async () => {
    const dashboards = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam dashboards');
    const compute = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam compute');
    const archive = await grantItem(api, 'buyer-readonly', 'receivedGrants', 'Fabrikam archive');
    const reporting = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam reporting');
    // The grantor changes "Fabrikam compute" after the explorer loaded it.
    const seller = (await api.services.clients()).get('seller', REGION);
    await seller.createGrantVersion({ grantArn: arnOf(compute), statusReason: 'Changed by the grantor', sourceVersion: (compute.data as { Version: string }).Version, clientToken: 'bulk-test-change-elsewhere-0001' });
    env.current.emulator.requests.length = 0;

    prompts.answer = 'Activate';
    const selection = [dashboards, compute, archive, reporting];
    const result = (await vscode.commands.executeCommand('licenseManager.grant.activate', dashboards, selection)) as BulkResult;

    const question = prompts.shown.find((s) => s.items.includes('Activate'));
    assert.equal(question?.message, 'Activate 3 grants from accounts 111111111111?');
    const summary =
      '1 activated, 1 changed since loaded, 1 access denied, 1 not possible in their status. ' +
      'Not done: “Fabrikam compute” (changed since loaded), “Fabrikam archive” (access denied), “Fabrikam reporting” (ACTIVE).';
    assert.equal(result.summary, summary);
    const shown = prompts.shown.filter((s) => s.message === summary);
    assert.deepEqual(shown, [{ kind: 'warning', message: summary, items: ['Retry failed'] }]);
    assert.deepEqual(sent('CreateGrantVersion').sort(), [arnOf(dashboards), arnOf(compute), arnOf(archive)].sort());
    assert.equal(statusOf(arnOf(dashboards)), 'ACTIVE');
    assert.equal(statusOf(arnOf(compute)), 'DISABLED');
    assert.equal(statusOf(arnOf(archive)), 'DISABLED');
    assert.equal(statusOf(arnOf(reporting)), 'ACTIVE');
  });

  it('sends nothing more after Cancel: the grant on its way is said so, the rest not sent', async () => {
    await vscode.workspace.getConfiguration('licenseManager.network').update('callsPerRegion', 1, vscode.ConfigurationTarget.Global);
    const names = ['Fabrikam dashboards', 'Fabrikam compute', 'Fabrikam archive'];
    const nodes = [];
    for (const name of names) nodes.push(await grantItem(api, 'buyer', 'receivedGrants', name));
    env.current.emulator.requests.length = 0;
    env.current.emulator.setFaults({ latencyMs: 300 });
    prompts.answer = 'Activate';
    // Cancel while the second request is on its way (one call at a time in this region).
    prompts.cancelWhen = () => sent('CreateGrantVersion').length === 2;

    const result = (await vscode.commands.executeCommand('licenseManager.grant.activate', nodes[0], nodes)) as BulkResult;

    assert.equal(
      result.summary,
      '1 activated, 1 cancelled on the way, 1 not sent. Not done: “Fabrikam compute” (cancelled on the way), “Fabrikam archive” (not sent).',
    );
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(sent('CreateGrantVersion'), [arnOf(nodes[0]), arnOf(nodes[1])]);
    assert.equal(statusOf(arnOf(nodes[0])), 'ACTIVE');
    assert.equal(statusOf(arnOf(nodes[2])), 'DISABLED');
  });

  it('accepts several pending grants: one AcceptGrant each, one question, one summary, and the explorer shows them accepted', async () => {
    const names = ['Fabrikam pipeline', 'Fabrikam gateway trial', 'Fabrikam storage'];
    const nodes = [];
    for (const name of names) nodes.push(await grantItem(api, 'buyer', 'receivedGrants', name));
    env.current.emulator.requests.length = 0;
    prompts.answer = 'Accept';

    const result = (await vscode.commands.executeCommand('licenseManager.grant.accept', nodes[0], nodes)) as BulkResult;

    assert.deepEqual(
      prompts.shown.filter((s) => s.items.includes('Accept')),
      [{ kind: 'warning', message: 'Accept 3 grants from accounts 111111111111?', items: ['Accept'] }],
    );
    assert.equal(result.summary, '3 accepted.');
    assert.deepEqual(prompts.shown.filter((s) => s.message === '3 accepted.'), [{ kind: 'info', message: '3 accepted.', items: [] }]);
    assert.deepEqual(sent('AcceptGrant').sort(), nodes.map(arnOf).sort());
    assert.deepEqual(sent('CreateGrantVersion'), []);
    for (const node of nodes) assert.equal(statusOf(arnOf(node)), 'DISABLED');
    for (const name of names) await shownIn(name, 'DISABLED');
  });

  it('rejects a selection only once confirmed: declined sends nothing, confirmed sends one RejectGrant per grant', async () => {
    // Pending, accepted and active: Reject is possible in each.
    const names = ['Fabrikam pipeline', 'Fabrikam compute', 'Fabrikam warehouse'];
    const nodes = [];
    for (const name of names) nodes.push(await grantItem(api, 'buyer', 'receivedGrants', name));
    env.current.emulator.requests.length = 0;
    const question = { kind: 'warning', message: 'Reject 3 grants from accounts 111111111111?', items: ['Reject'] };

    prompts.answer = undefined;
    await vscode.commands.executeCommand('licenseManager.grant.reject', nodes[0], nodes);
    assert.deepEqual(prompts.shown, [question]);
    assert.deepEqual(sent('RejectGrant'), []);
    assert.deepEqual(nodes.map((n) => statusOf(arnOf(n))), ['PENDING_ACCEPT', 'DISABLED', 'ACTIVE']);

    prompts.shown.length = 0;
    prompts.answer = 'Reject';
    const result = (await vscode.commands.executeCommand('licenseManager.grant.reject', nodes[0], nodes)) as BulkResult;

    assert.deepEqual(prompts.shown.filter((s) => s.items.includes('Reject')), [question]);
    assert.equal(result.summary, '3 rejected.');
    assert.deepEqual(prompts.shown.filter((s) => s.message === '3 rejected.'), [{ kind: 'info', message: '3 rejected.', items: [] }]);
    assert.deepEqual(sent('RejectGrant').sort(), nodes.map(arnOf).sort());
    assert.deepEqual(nodes.map((n) => statusOf(arnOf(n))), ['REJECTED', 'REJECTED', 'REJECTED']);
  });

  it('Retry failed reads the grant that changed since loaded again and sends it once with its current version', async () => {
    const dashboards = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam dashboards');
    const compute = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam compute');
    const archive = await grantItem(api, 'buyer', 'receivedGrants', 'Fabrikam archive');
    assert.deepEqual([dashboards, compute, archive].map(versionOf), ['2', '2', '2']);
    // The grantor changes "Fabrikam compute" after the explorer loaded it: it now has version 3.
    const seller = (await api.services.clients()).get('seller', REGION);
    await seller.createGrantVersion({ grantArn: arnOf(compute), statusReason: 'Changed by the grantor', sourceVersion: '2', clientToken: 'bulk-test-retry-change-0001' });
    env.current.emulator.requests.length = 0;
    prompts.answer = 'Activate';
    prompts.answerOnce = 'Retry failed';

    const first = (await vscode.commands.executeCommand('licenseManager.grant.activate', dashboards, [dashboards, compute, archive])) as BulkResult;

    const failed = '2 activated, 1 changed since loaded. Not done: “Fabrikam compute” (changed since loaded).';
    assert.equal(first.summary, failed);
    const final = await waitFor(() => prompts.shown.find((s) => s.message === '1 activated.'), 10_000, 'the summary of the retry');
    assert.deepEqual(final, { kind: 'info', message: '1 activated.', items: [] });
    assert.deepEqual(prompts.shown, [
      { kind: 'warning', message: 'Activate 3 grants from accounts 111111111111?', items: ['Activate'] },
      { kind: 'warning', message: failed, items: ['Retry failed'] },
      { kind: 'warning', message: 'Activate 1 grant from account 111111111111?', items: ['Activate'] },
      { kind: 'info', message: '1 activated.', items: [] },
    ]);
    // The retry sent the failed grant once more, with the version AWS has now (read again: the explorer's node still says 2).
    const versions = env.current.emulator.requests
      .filter((r) => r.operation === 'CreateGrantVersion')
      .map((r) => [(r.body as { GrantArn: string }).GrantArn, (r.body as { SourceVersion: string }).SourceVersion]);
    assert.deepEqual(
      versions.sort(),
      [
        [arnOf(dashboards), '2'],
        [arnOf(compute), '2'],
        [arnOf(archive), '2'],
        [arnOf(compute), '3'],
      ].sort(),
    );
    for (const node of [dashboards, compute, archive]) assert.equal(statusOf(arnOf(node)), 'ACTIVE');
  });
});
