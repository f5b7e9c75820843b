import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LicenseChangeOutcome } from '../../src/commands/licenseChange';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator, waitFor } from '../support';
import { licensesList, Messages, RENDER_ARN, treeChild } from './issuingSupport';

/** Faults decided by a queue: each failAfterCommit roll takes the next number (default: no fault). */
const dice: number[] = [];

interface LicenseState {
  versions: { Status?: string; Version?: string }[];
}

describe('deactivating and deleting issued licenses', () => {
  const env = useEmulator('issuing', { random: () => dice.shift() ?? 0.999 });
  let api: ExtensionApi;
  let messages: Messages;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['issuer']);
    env.current.emulator.requests.length = 0;
    env.current.emulator.setFaults({ latencyMs: 0, failAfterCommitRate: 0 });
    messages = new Messages();
  });
  afterEach(() => {
    messages.restore();
    for (const p of api.panels.list()) p.dispose();
  });

  const sent = (operation: string): Record<string, unknown>[] =>
    env.current.emulator.requests.filter((r) => r.operation === operation).map((r) => r.body as Record<string, unknown>);
  const license = (): LicenseState => (env.current.emulator.state as unknown as { licenses: Map<string, LicenseState> }).licenses.get(RENDER_ARN)!;
  const grantStatus = (): string => {
    const grants = (env.current.emulator.state as unknown as { grants: Map<string, { versions: { GrantStatus: string }[] }> }).grants;
    const g = [...grants.values()][0];
    return g.versions[g.versions.length - 1].GrantStatus;
  };
  const item = async (): Promise<ResourceHolder> =>
    (await treeChild(api, await licensesList(api), (n) => (n as unknown as ResourceHolder).resource?.arn === RENDER_ARN, 'the seed license')) as ResourceHolder;

  it('Deactivate License names the license and its grants; Cancel sends nothing, Deactivate sends one new DEACTIVATED version', async () => {
    const node = await item();
    const outcome = await vscode.commands.executeCommand('licenseManager.license.deactivate', node);
    assert.equal(outcome, undefined, 'cancelled');
    assert.deepEqual(messages.shown, [
      {
        kind: 'warning',
        message: 'Deactivate the license “Tailspin Render Farm”?',
        items: ['Deactivate'],
        detail: 'It has 1 grant(s). Grantees can no longer use its entitlements until a new version makes it AVAILABLE again.',
      },
    ]);
    assert.deepEqual(sent('CreateLicenseVersion'), []);
    assert.deepEqual(sent('GetLicense').map((b) => b.LicenseArn), [RENDER_ARN], 'the license was read first');

    messages.answer = 'Deactivate';
    const done = (await vscode.commands.executeCommand('licenseManager.license.deactivate', node)) as LicenseChangeOutcome;
    assert.equal(done, 'done');
    const versions = sent('CreateLicenseVersion');
    assert.deepEqual(versions.map((b) => [b.Status, b.SourceVersion, b.LicenseName]), [['DEACTIVATED', '1', 'Tailspin Render Farm']]);
    assert.deepEqual(license().versions.map((v) => [v.Version, v.Status]), [['1', 'AVAILABLE'], ['2', 'DEACTIVATED']]);
    assert.ok(messages.shown.some((s) => s.kind === 'info' && s.message === 'License “Tailspin Render Farm” is now DEACTIVATED.'), JSON.stringify(messages.shown));
  });

  it('Delete License confirms the same way, sends the version seen, and its grants follow', async () => {
    const node = await item();
    await vscode.commands.executeCommand('licenseManager.license.delete', node);
    assert.deepEqual(messages.shown.map((s) => [s.message, s.detail, s.items]), [
      ['Delete the license “Tailspin Render Farm”?', 'It has 1 grant(s); they are deleted with it. A deleted license cannot be restored.', ['Delete']],
    ]);
    assert.deepEqual(sent('DeleteLicense'), []);
    messages.answer = 'Delete';
    const done = (await vscode.commands.executeCommand('licenseManager.license.delete', node)) as LicenseChangeOutcome;
    assert.equal(done, 'done');
    assert.deepEqual(sent('DeleteLicense'), [{ LicenseArn: RENDER_ARN, SourceVersion: '1' }]);
    assert.equal(license().versions[0].Status, 'DELETED');
    assert.equal(grantStatus(), 'DELETED');
  });

  it('Delete License whose answer is lost reads the license again and says it was deleted', async () => {
    const node = await item();
    env.current.emulator.setFaults({ failAfterCommitRate: 0.5 });
    dice.push(0); // the first DeleteLicense is applied, then answered 500
    messages.answer = 'Delete';
    const outcome = (await vscode.commands.executeCommand('licenseManager.license.delete', node)) as LicenseChangeOutcome;
    assert.equal(outcome, 'landed', JSON.stringify(messages.shown));
    assert.ok(
      messages.shown.some((s) => s.kind === 'info' && s.message === 'Deleted (the first answer was lost): license “Tailspin Render Farm” is now DELETED.'),
      JSON.stringify(messages.shown),
    );
    assert.equal(license().versions[0].Status, 'DELETED');
  });

  it('the panel of an issued license has a button per valid license action, each running the menu’s command; others are ignored', async () => {
    const node = await item();
    await api.panels.open({ resource: node.resource, data: node.data });
    const panel = api.panels.list().find((p) => p.resource.arn === RENDER_ARN)!;
    await waitFor(() => panel.state.phase === 'ready', 10_000, 'the panel is ready');
    assert.deepEqual(
      panel.state.view?.actions.map((a) => [a.action, a.label, a.destructive]),
      [
        ['newLicenseVersion', 'New License Version…', false],
        ['createToken', 'Create Token…', false],
        ['deactivateLicense', 'Deactivate License…', false],
        ['deleteLicense', 'Delete License…', true],
      ],
    );
    env.current.emulator.requests.length = 0;
    for (const m of [{ type: 'licenseAction', action: 'delete' }, { type: 'grantAction', action: 'delete' }, { type: 'licenseAction', action: 'deleteLicense', arn: RENDER_ARN }]) {
      await panel.receive(m);
    }
    assert.equal(messages.shown.length, 0, 'nothing was asked');
    assert.deepEqual(env.current.emulator.requests, [], 'nothing was read or sent');

    // Delete License… asks what the tree's Delete License asks; Cancel sends nothing.
    await panel.receive({ type: 'licenseAction', action: 'deleteLicense' });
    assert.deepEqual(messages.shown.map((s) => [s.message, s.items]), [['Delete the license “Tailspin Render Farm”?', ['Delete']]]);
    assert.deepEqual(sent('DeleteLicense'), []);
    assert.equal(panel.state.runningAction, undefined);

    messages.answer = 'Deactivate';
    await panel.receive({ type: 'licenseAction', action: 'deactivateLicense' });
    assert.deepEqual(sent('CreateLicenseVersion').map((b) => [b.LicenseArn, b.Status]), [[RENDER_ARN, 'DEACTIVATED']]);
    await waitFor(() => panel.state.phase === 'ready' && panel.state.view?.badges.some((b) => b.text === 'DEACTIVATED'), 10_000, 'the panel shows DEACTIVATED');
    assert.deepEqual(panel.state.view?.actions.map((a) => a.action), ['newLicenseVersion', 'deleteLicense'], 'a deactivated license offers what its status allows');
  });
});
