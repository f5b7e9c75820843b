import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import type { DetailPanel } from '../../src/panels/detailPanel';
import { getApi, useEmulator, waitFor } from '../support';
import { children, label, path, type Node, selectOnly } from './explorerSupport';

const SELLER = '111122223333';
const BUYER = '444455556666';
const grantArn = (id: string): string => `arn:aws:license-manager::${SELLER}:grant:${id}`;
const PENDING = grantArn('g-c132e69f9d9cd0434181e903155676a7'); // Globex data pipeline rollout
const ACTIVE = grantArn('g-4abfbe07ca6291fc4c9fdf856c5dd1a8'); // Globex analytics production
const DISABLED = grantArn('g-b4f37dd6cdf1a2947c06f05a5915b2f2'); // Globex BI dashboards
const ORGANIZATION = grantArn('g-55ce89a980d561735f86d9ed57bef176'); // Globex organization analytics, same license as ACTIVE
const REGION = 'us-east-1';

function holder(node: Node): ResourceHolder {
  const h = node as unknown as ResourceHolder;
  return { resource: h.resource, data: h.data };
}

describe('detail panels (in host, demo seed)', () => {
  const env = useEmulator('demo');
  let api: ExtensionApi;

  const requests = (): string[] => env.current.emulator.requests.map((r) => `${r.operation} ${r.profile} ${r.region}`);
  const grantWire = (arn: string) => {
    const g = env.current.emulator.state.grants.get(arn);
    assert.ok(g, `no grant ${arn}`);
    return env.current.emulator.state.currentGrant(g);
  };
  async function treeGrant(profile: string, category: string, arn: string): Promise<Node> {
    const nodes = await children(api, await path(api, profile, REGION, category));
    const node = nodes.find((n) => (n as unknown as Partial<ResourceHolder>).resource?.arn === arn);
    assert.ok(node, `${arn} not under ${profile} / ${category}; saw ${nodes.map((n) => label(api, n)).join(', ')}`);
    return node;
  }
  function panelOf(arn: string, profile = 'buyer'): DetailPanel {
    const p = api.panels.list().find((x) => x.resource.arn === arn && x.resource.profile === profile);
    assert.ok(p, `no panel for ${arn} (${profile})`);
    return p;
  }

  // Every test starts from the seed: tests accept and change grants.
  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await selectOnly(api, ['buyer', 'seller'], REGION);
  });
  beforeEach(() => {
    env.current.emulator.requests.length = 0;
  });
  afterEach(() => {
    for (const p of api.panels.list()) p.dispose();
  });

  it('opens a grant from its tree item with the data it already has: ARN, status, JSON, valid actions', async () => {
    const node = await treeGrant('buyer', 'Received grants', PENDING);
    env.current.emulator.requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.resource.openDetails', node);
    const panel = panelOf(PENDING);
    const state = panel.state;
    assert.equal(state.phase, 'ready');
    assert.equal(state.view?.arn, PENDING);
    assert.equal(state.view?.title, 'Globex data pipeline rollout');
    assert.deepEqual(state.view?.badges.map((b) => b.text), ['PENDING_ACCEPT']);
    assert.deepEqual(JSON.parse(state.view?.json ?? ''), JSON.parse(JSON.stringify(holder(node).data)));
    assert.deepEqual(state.view?.actions.map((a) => a.action), ['accept', 'reject']);
    assert.equal(panel.panel.title, 'Received grant: Globex data pipeline rollout');
    assert.deepEqual(requests(), [], 'opening from the tree sends nothing');
  });

  it('creates one panel per resource and reveals it when opened again', async () => {
    const received = holder(await treeGrant('buyer', 'Received grants', ACTIVE));
    const distributed = holder(await treeGrant('seller', 'Distributed grants', ACTIVE));
    await Promise.all([api.panels.open(received), api.panels.open(received)]);
    await api.panels.open(received);
    assert.equal(api.panels.list().length, 1);
    const first = panelOf(ACTIVE);
    await vscode.commands.executeCommand('licenseManager.resource.openDetails', received);
    assert.equal(panelOf(ACTIVE), first, 'the same panel is revealed');
    assert.equal(api.panels.list().length, 1);

    await api.panels.open(distributed);
    assert.equal(api.panels.list().length, 2, 'the same grant seen by another profile has its own panel');
    assert.notEqual(panelOf(ACTIVE, 'seller'), first);
    assert.equal(panelOf(ACTIVE, 'seller').resource.kind, 'distributedGrant');

    first.panel.dispose();
    await waitFor(() => api.panels.list().length === 1, 5_000, 'closed panel forgotten');
    await api.panels.open(received);
    assert.notEqual(panelOf(ACTIVE), first, 'reopening after close makes a new panel');
    assert.equal(api.panels.list().length, 2);
  });

  it('follows the license link: GetLicense as the same profile and region, then the license panel shows its name', async () => {
    await api.panels.open(holder(await treeGrant('buyer', 'Received grants', ACTIVE)));
    const grant = grantWire(ACTIVE);
    env.current.emulator.requests.length = 0;
    await panelOf(ACTIVE).receive({ type: 'openLink', linkId: 'license' });
    const license = panelOf(grant.LicenseArn);
    assert.equal(license.resource.kind, 'license');
    assert.equal(license.state.phase, 'ready');
    assert.equal(grant.LicenseArn, `arn:aws:license-manager::${SELLER}:license:l-a6963f0a7a16d9273f168c9f27a32c38`);
    assert.equal(license.state.view?.title, 'Northwind Analytics Enterprise – Globex');
    assert.deepEqual(requests(), [`GetLicense buyer ${REGION}`]);
    assert.deepEqual(license.state.view?.sections.find((s) => s.id === 'entitlements')?.table?.rows, [
      ['Users', '500', 'Count', 'No', 'Yes'],
      ['Storage', '2048', 'Gigabytes', 'Yes', ''],
      ['Premium Support', 'Enabled', 'None', '', ''],
    ]);
  });

  it('names a distributed grant’s license by its product after one GetLicense; a second grant of that license sends none', async () => {
    const licenseArn = `arn:aws:license-manager::${SELLER}:license:l-a6963f0a7a16d9273f168c9f27a32c38`;
    const first = holder(await treeGrant('seller', 'Distributed grants', ACTIVE));
    const second = holder(await treeGrant('seller', 'Distributed grants', ORGANIZATION));
    api.panels.names.clear();
    assert.equal(api.explorer.productNames().get(licenseArn), undefined, 'the seller’s Licenses are not expanded');
    env.current.emulator.requests.length = 0;
    const licenseField = (p: DetailPanel) => p.state.view?.sections.flatMap((s) => s.fields ?? []).find((f) => f.label === 'License');

    await api.panels.open(first);
    await waitFor(() => licenseField(panelOf(ACTIVE, 'seller'))?.value === 'Northwind Analytics', 10_000, 'the product name shown');
    const field = licenseField(panelOf(ACTIVE, 'seller'));
    assert.equal(field?.hover, licenseArn);
    assert.equal(field?.copy?.text, licenseArn);
    assert.equal(field?.mono, false);
    assert.deepEqual(requests(), [`GetLicense seller ${REGION}`]);

    await api.panels.open(second);
    await panelOf(ORGANIZATION, 'seller').whenIdle();
    assert.equal(licenseField(panelOf(ORGANIZATION, 'seller'))?.value, 'Northwind Analytics');
    assert.deepEqual(requests(), [`GetLicense seller ${REGION}`], 'the name is read once');
  });

  it('Refresh reloads the grant from AWS and shows a change made behind the extension’s back', async () => {
    await api.panels.open(holder(await treeGrant('buyer', 'Received grants', ACTIVE)));
    const clients = await api.services.clients();
    await clients.get('seller', REGION).createGrantVersion({
      clientToken: `panels-refresh-${Date.now()}`,
      grantArn: ACTIVE,
      status: 'DISABLED',
      statusReason: 'Paused by the seller',
      sourceVersion: grantWire(ACTIVE).Version,
    });
    env.current.emulator.requests.length = 0;
    const panel = panelOf(ACTIVE);
    assert.equal(panel.state.view?.badges[0].text, 'ACTIVE', 'nothing changes before Refresh');
    await panel.receive({ type: 'refresh' });
    // The window's Grants Inbox, once an earlier test loaded it, follows the change with its own lists.
    const inboxLists = /^List(Received|Distributed)Grants /;
    assert.deepEqual(requests().filter((r) => !inboxLists.test(r)), [`GetGrant buyer ${REGION}`]);
    assert.equal(panel.state.phase, 'ready');
    assert.equal(panel.state.view?.badges[0].text, 'DISABLED');
    const reason = panel.state.view?.sections.find((s) => s.id === 'status')?.fields?.find((f) => f.label === 'Reason');
    assert.equal(reason?.value, 'Paused by the seller');
    assert.deepEqual(panel.state.view?.actions.map((a) => a.action), ['activate', 'reject', 'createVersion']);
  });

  it('reloads the open panels a change names, and only those', async () => {
    await api.panels.open(holder(await treeGrant('buyer', 'Received grants', DISABLED)));
    await api.panels.open(holder(await treeGrant('seller', 'Distributed grants', DISABLED)));
    await api.panels.open(holder(await treeGrant('buyer', 'Received grants', PENDING)));
    await Promise.all(api.panels.list().map((p) => p.whenIdle()));
    const seen: string[] = [];
    for (const p of api.panels.list()) p.onDidChangeState((s) => seen.push(`${p.resource.profile} ${p.resource.arn} ${s.phase}`));
    await api.panels.applyChange({ profile: 'buyer', arns: [DISABLED] });
    assert.deepEqual(seen, [`buyer ${DISABLED} loading`, `buyer ${DISABLED} ready`]);
    seen.length = 0;
    api.services.changes.fire({ profile: 'seller', arns: [PENDING, DISABLED] });
    await waitFor(() => seen.length === 2, 5_000, 'the seller’s panel reloads on the change event');
    await panelOf(DISABLED, 'seller').whenIdle();
    assert.deepEqual(seen, [`seller ${DISABLED} loading`, `seller ${DISABLED} ready`]);
  });

  it('ignores malformed or unknown webview messages; nothing is sent or opened', async () => {
    await api.panels.open(holder(await treeGrant('buyer', 'Received grants', PENDING)));
    const panel = panelOf(PENDING);
    const before = panel.state;
    env.current.emulator.requests.length = 0;
    const bad: unknown[] = [
      null,
      'refresh',
      42,
      [],
      {},
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'refresh', extra: true },
      { type: 'openLink' },
      { type: 'openLink', linkId: '<img src=x>' },
      { type: 'openLink', linkId: 'nope' },
      { type: 'grantAction', action: 'approve' },
      { type: 'grantAction', action: 'accept', holder: { resource: { arn: ACTIVE } } },
      { type: 'grantAction', action: 'delete' },
      { type: 'grantAction', action: 'activate' },
    ];
    for (const m of bad) await panel.receive(m);
    assert.deepEqual(requests(), []);
    assert.equal(api.panels.list().length, 1);
    assert.equal(panel.state, before, 'the panel state is untouched');
    assert.equal(grantWire(PENDING).GrantStatus, 'PENDING_ACCEPT');
  });

  it('runs a panel button’s grant action through its command and then shows the new status', async () => {
    await api.panels.open(holder(await treeGrant('buyer', 'Received grants', PENDING)));
    const panel = panelOf(PENDING);
    env.current.emulator.requests.length = 0;
    await panel.receive({ type: 'grantAction', action: 'accept' });
    assert.equal(grantWire(PENDING).GrantStatus, 'DISABLED', 'the emulator accepted the grant');
    assert.deepEqual(
      requests().filter((r) => r.startsWith('AcceptGrant')),
      [`AcceptGrant buyer ${REGION}`],
      requests().join(', '),
    );
    await waitFor(() => panel.state.phase === 'ready' && panel.state.view?.badges[0].text === 'DISABLED', 10_000, 'panel shows DISABLED');
    assert.equal(panel.state.runningAction, undefined);
  });

  it('shows a load failure naming its kind, and keeps the last data when a reload fails', async () => {
    const missing = grantArn('g-00000000000000000000000000000000');
    await api.panels.open({ resource: { kind: 'receivedGrant', profile: 'buyer', region: REGION, arn: missing }, data: {} });
    const failed = panelOf(missing);
    assert.equal(failed.state.phase, 'error');
    assert.equal(failed.state.error?.kind, 'notFound');
    assert.equal(failed.state.error?.title, 'Not found');
    assert.equal(failed.state.view, undefined);

    await api.panels.open(holder(await treeGrant('buyer', 'Received grants', ACTIVE)));
    const loaded = panelOf(ACTIVE);
    const view = loaded.state.view;
    env.current.emulator.setFaults({ failRate: 1 });
    try {
      await loaded.reload();
    } finally {
      env.current.emulator.setFaults({ failRate: 0 });
    }
    assert.equal(loaded.state.phase, 'error');
    assert.equal(loaded.state.view, view, 'the last loaded data stays on screen');
    await loaded.reload();
    assert.equal(loaded.state.phase, 'ready');
    assert.equal(loaded.state.error, undefined);
  });

  it('loads a received license through ListReceivedLicenses filtered to its ARN, with its received metadata', async () => {
    const licenseArn = grantWire(ACTIVE).LicenseArn;
    await api.panels.open({ resource: { kind: 'receivedLicense', profile: 'buyer', region: REGION, arn: licenseArn }, data: {} });
    const panel = panelOf(licenseArn);
    assert.equal(panel.state.phase, 'ready');
    const calls = env.current.emulator.requests.filter((r) => r.operation === 'ListReceivedLicenses');
    assert.equal(calls.length, 1);
    assert.deepEqual((calls[0].body as { LicenseArns?: string[] }).LicenseArns, [licenseArn]);
    const received = panel.state.view?.sections.find((s) => s.id === 'received');
    assert.ok(received, 'received metadata section');
    assert.equal(received.fields?.find((f) => f.label === 'Received status')?.value, 'ACTIVE');
    assert.equal(calls[0].account, BUYER);
  });

  it('shows a license configuration’s usage consumed against its limit', async () => {
    const nodes = await children(api, await path(api, 'seller', REGION, 'License configurations'));
    const node = nodes.find((n) => label(api, n) === 'Windows Server Datacenter');
    assert.ok(node, 'configuration in the tree');
    await api.panels.open(holder(node));
    // The seed's usage of this configuration: 48 + 48 + 16 + 8 + 8 cores.
    const panel = panelOf(`arn:aws:license-manager:${REGION}:${SELLER}:license-configuration:lic-3ca11e2529dc82b1006b5d390fec6982`, 'seller');
    const usage = panel.state.view?.sections.find((s) => s.id === 'usage')?.usage;
    assert.ok(usage);
    assert.equal(usage.consumed, 128);
    assert.equal(usage.limit, 256);
    assert.equal(usage.text, '128 / 256 Core (50%)');
  });
});
