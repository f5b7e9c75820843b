import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder, ResourceKind } from '../../src/model/resources';
import type { DetailPanel } from '../../src/panels/detailPanel';
import type { PanelState } from '../../src/shared/detailView';
import { contextValue } from '../../src/tree/contextValue';
import { closeEditorsUnsaved, EXTENSION_ID, getApi, resolveSeed, useEmulator, waitFor } from '../support';
import { selectOnly, path, loadAll } from './explorerSupport';
import { answerInputBoxes } from './inputBoxes';

const SELLER = '111122223333';
const REGION = 'us-east-1';
const PENDING = `arn:aws:license-manager::${SELLER}:grant:g-c132e69f9d9cd0434181e903155676a7`; // Globex data pipeline rollout
const NORTHWIND_ID = 'l-a6963f0a7a16d9273f168c9f27a32c38';
const NORTHWIND = `arn:aws:license-manager::${SELLER}:license:${NORTHWIND_ID}`;

type Wire = Record<string, unknown>;

/** Answers the prompts of the grant commands in place of the user, for one test. */
function answerPrompts(inputs: string[], confirm: string): () => void {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = ['showInputBox', 'showWarningMessage', 'showInformationMessage'].map((n) => [n, w[n]] as const);
  w.showInputBox = async () => inputs.shift();
  const restoreInputBoxes = answerInputBoxes(() => inputs.shift());
  // The holders here are the test's own objects: the extension reads each grant and asks first (“Accept Grant: …?”).
  const readConfirm = (r: unknown): r is string => typeof r === 'string' && /^(Accept|Activate|Deactivate)( Grant)?$/.test(r);
  w.showWarningMessage = async (_m: string, ...rest: unknown[]) => (rest.includes(confirm) ? confirm : rest.find(readConfirm));
  w.showInformationMessage = async () => undefined;
  return () => {
    for (const [n, f] of saved) w[n] = f;
    restoreInputBoxes();
  };
}

describe('version history, diffs and license usage (in host, demo seed)', function () {
  this.timeout(60_000);
  const env = useEmulator('demo');
  let api: ExtensionApi;

  const state = () => env.current.emulator.state as unknown as { grants: Map<string, { versions: Wire[] }>; licenses: Map<string, { versions: Wire[] }> };
  const grantVersions = (arn: string): Wire[] => state().grants.get(arn)!.versions;
  const currentGrant = (arn: string): Wire => grantVersions(arn)[grantVersions(arn).length - 1];
  const holderOf = (kind: ResourceKind, profile: string, arn: string, data: object): ResourceHolder => ({ resource: { kind, profile, region: REGION, arn }, data });

  async function openPanel(holder: ResourceHolder): Promise<DetailPanel> {
    await api.panels.open(holder);
    const panel = api.panels.list().find((p) => p.resource.arn === holder.resource.arn && p.resource.profile === holder.resource.profile);
    assert.ok(panel, 'the panel is open');
    return panel;
  }
  const settled = (panel: DetailPanel, pick: (s: PanelState) => boolean, what: string): Promise<PanelState> =>
    waitFor(() => (pick(panel.state) ? panel.state : undefined), 20_000, what);

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await selectOnly(api, ['buyer', 'seller'], REGION);
  });

  /** The pending grant as the explorer lists it now: the node a user acts on (read again after each change). */
  async function pendingNode(status?: string): Promise<unknown> {
    return waitFor(async () => {
      const nodes = await loadAll(api, await path(api, 'buyer', REGION, 'Received grants'));
      const node = nodes.find((n) => (n as unknown as Partial<ResourceHolder>).resource?.arn === PENDING) as unknown as ResourceHolder | undefined;
      return node && (status === undefined || (node.data as { GrantStatus?: string }).GrantStatus === status) ? node : undefined;
    }, 10_000, `the pending grant listed${status ? ` as ${status}` : ''}`);
  }
  afterEach(async () => {
    for (const p of api.panels.list()) p.dispose();
    await closeEditorsUnsaved();
  });

  it('offers both compare commands in the context menu of grants and licenses only, in the view group', () => {
    const menus = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus['view/item/context'] as { command: string; when: string; group: string }[];
    const compare = menus.filter((m) => m.command.startsWith('licenseManager.resource.compare'));
    assert.deepEqual(compare.map((m) => m.command).sort(), ['licenseManager.resource.compareVersions', 'licenseManager.resource.compareWithPrevious']);
    for (const m of compare) {
      assert.equal(m.when, 'view == licenseManager.views.explorer && viewItem =~ /(^| )hasHistory( |$)/');
      assert.match(m.group, /^1_view@/);
    }
    const has = (v: string) => v.split(' ').includes('hasHistory');
    assert.ok(has(contextValue({ node: 'grant', direction: 'received', status: 'ACTIVE' })));
    assert.ok(has(contextValue({ node: 'grant', direction: 'distributed', status: 'DELETED' })));
    assert.ok(has(contextValue({ node: 'license' })));
    assert.ok(has(contextValue({ node: 'receivedLicense' })));
    assert.ok(!has(contextValue({ node: 'licenseConfiguration' })));
    assert.ok(!has(contextValue({ node: 'usageRecord', hasArn: true })));
  });

  it('lists every grant version newest first after accept, activate with a reason and deactivate with another', async () => {
    const restore = answerPrompts(['Budget approved for Q3', 'Paused for the licence audit'], 'Deactivate');
    try {
      await vscode.commands.executeCommand('licenseManager.grant.accept', await pendingNode('PENDING_ACCEPT'));
      await vscode.commands.executeCommand('licenseManager.grant.activate', await pendingNode('DISABLED'));
      await vscode.commands.executeCommand('licenseManager.grant.deactivate', await pendingNode('ACTIVE'));
    } finally {
      restore();
    }
    const versions = grantVersions(PENDING);
    assert.deepEqual(versions.slice(-2).map((v) => v.StatusReason), ['Budget approved for Q3', 'Paused for the licence audit'], 'the emulator saved both reasons');

    const panel = await openPanel(holderOf('receivedGrant', 'buyer', PENDING, currentGrant(PENDING)));
    assert.equal(panel.state.history?.phase, 'idle', 'history waits for the button');
    await panel.receive({ type: 'showHistory' });
    const shown = (await settled(panel, (s) => s.history?.phase === 'ready', 'history loaded')).history!;

    const expected = [...versions].reverse();
    assert.deepEqual(shown.entries.map((e) => e.version), expected.map((v) => v.Version));
    assert.deepEqual(shown.entries.map((e) => e.status), expected.map((v) => v.GrantStatus));
    assert.deepEqual(shown.entries.map((e) => e.reason), expected.map((v) => v.StatusReason));
    assert.equal(shown.canShowOlder, false, `${versions.length} versions fit on one page`);
    assert.deepEqual(shown.entries.map((e) => e.canCompare), expected.map((_, i) => i < expected.length - 1));
  });

  it('opens the diff editor on a grant version and the one before it, both read from the emulator', async () => {
    const restore = answerPrompts([], '');
    try {
      await vscode.commands.executeCommand('licenseManager.grant.accept', await pendingNode('PENDING_ACCEPT'));
    } finally {
      restore();
    }
    const versions = grantVersions(PENDING);
    const [older, newer] = versions.slice(-2);
    await vscode.commands.executeCommand('licenseManager.resource.compareWithPrevious', await pendingNode('DISABLED'));

    const title = `${String(newer.GrantName)}: v${String(older.Version)} ↔ v${String(newer.Version)}`;
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.label === title),
      10_000,
      `a diff tab “${title}”`,
    );
    const input = tab.input as vscode.TabInputTextDiff;
    const left = JSON.parse((await vscode.workspace.openTextDocument(input.original)).getText()) as Wire;
    const right = JSON.parse((await vscode.workspace.openTextDocument(input.modified)).getText()) as Wire;
    assert.deepEqual(left, JSON.parse(JSON.stringify(older)), 'left: the previous version as the emulator keeps it');
    assert.deepEqual(right, JSON.parse(JSON.stringify(newer)), 'right: the new version');
    assert.equal(left.GrantStatus, 'PENDING_ACCEPT');
    assert.equal(right.GrantStatus, 'DISABLED');
  });

  it('shows entitlement usage as the seed states it, and the license versions ListLicenseVersions answers', async () => {
    const seed = JSON.parse(readFileSync(resolveSeed('demo') as string, 'utf8')) as { accounts: { regions?: Record<string, { licenses?: Wire[] }> }[] };
    const license = seed.accounts.flatMap((a) => Object.values(a.regions ?? {}).flatMap((r) => r.licenses ?? [])).find((l) => l.id === NORTHWIND_ID);
    assert.ok(license, 'the seed has the license');
    const usage = license.usage as { Name: string; ConsumedValue: string; MaxCount?: string; Unit: string }[];

    const current = state().licenses.get(NORTHWIND)!.versions.slice(-1)[0];
    const panel = await openPanel(holderOf('license', 'seller', NORTHWIND, current));
    const shown = (await settled(panel, (s) => s.usage?.phase === 'ready', 'usage loaded')).usage!;
    assert.deepEqual(shown.rows.map((r) => r.name), usage.map((u) => u.Name));
    shown.rows.forEach((r, i) => {
      const u = usage[i];
      assert.equal(r.usage.consumed, Number(u.ConsumedValue), `${u.Name} consumed`);
      assert.equal(r.usage.limit, u.MaxCount === undefined ? undefined : Number(u.MaxCount), `${u.Name} maximum`);
    });
    // The seed's usage: 312 of 500 users, 1187 of 2048 GB, support without a maximum.
    assert.deepEqual(shown.rows.map((r) => r.usage.text), ['312 / 500 Count (62%)', '1187 / 2048 Gigabytes (58%)', '0 None consumed (unlimited)']);

    await panel.receive({ type: 'showHistory' });
    const history = (await settled(panel, (s) => s.history?.phase === 'ready', 'license history loaded')).history!;
    // Two earlier versions in the seed, then the current one; the last raised Users from 400 to 500 and added Premium Support.
    assert.deepEqual(history.entries.map((e) => e.version), ['3', '2', '1']);
    assert.deepEqual(history.entries[0].changes, ['Entitlements[Users].MaxCount: 400 → 500', 'Entitlements[Premium Support]: (none) → Premium Support']);
  });

  it('shows access denied to usage as a note in the usage section, and the rest of the license panel', async () => {
    const readonly = env.current.emulator.state.identityList().find((i) => i.profile === 'buyer-readonly');
    assert.ok(readonly, 'the seed has a read-only profile');
    readonly.deniedOperations.add('GetLicenseUsage');
    try {
      await api.services.state.setSelectedProfiles(['buyer-readonly']);
      const current = state().licenses.get(NORTHWIND)!.versions.slice(-1)[0];
      const panel = await openPanel(holderOf('receivedLicense', 'buyer-readonly', NORTHWIND, current));
      const shown = await settled(panel, (s) => s.usage?.phase === 'note', 'usage note');
      assert.equal(shown.phase, 'ready', 'the panel itself did not fail');
      assert.equal(shown.error, undefined);
      assert.deepEqual(shown.usage?.rows, []);
      assert.match(shown.usage?.note ?? '', /not available to this account/);
      const denied = env.current.emulator.requests.filter((r) => r.operation === 'GetLicenseUsage' && r.profile === 'buyer-readonly');
      assert.equal(denied.length, 1, 'one GetLicenseUsage, not retried');
      assert.equal(denied[0].errorType, 'AccessDeniedException');
      assert.ok(shown.view?.sections.some((s) => s.id === 'entitlements'), 'the license’s own sections stay');
    } finally {
      readonly.deniedOperations.delete('GetLicenseUsage');
    }
  });
});
