/**
 * Eventual consistency: with the emulator's lists trailing changes by 3 s (`lagMs`, as `--lag 3000`),
 * a change made here shows at once in the tree, the inbox and the panel, and keeps showing while the
 * lagging lists still answer the grant as it was, and after they catch up.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { LicenseManagerApi } from '../../src/aws/types';
import type { ResourceHolder } from '../../src/model/resources';
import { InboxProvider, type InboxView } from '../../src/tree/inboxProvider';
import { getApi, useEmulator, waitFor } from '../support';
import { children, description, label, path, type Node, selectOnly } from './explorerSupport';

const LAG_MS = 3000;
const REGION = 'us-east-1';
const GRANT = 'Globex data pipeline rollout';
/** The license of GRANT, which the buyer receives through GRANT alone. */
const LICENSE = 'Northwind Data Pipeline Standard';

describe('eventual consistency (emulator lists lag 3 s behind changes)', function () {
  this.timeout(60_000);
  const env = useEmulator('demo', { lagMs: LAG_MS });
  let api: ExtensionApi;
  /** A facade of the AWS layer without the extension's overlay: what the lagging list answers. */
  let raw: (profile: string) => LicenseManagerApi;
  let disposeRaw: () => void = () => undefined;
  /** An inbox of its own (the window's inbox is left unloaded for other tests), following the same changes. */
  let inbox: InboxProvider;

  beforeEach(async () => {
    env.reset();
    env.current.emulator.setFaults({ lagMs: LAG_MS });
    api = await getApi();
    await selectOnly(api, ['buyer', 'seller'], REGION);
    const factory = (await api.services.aws()).createClientFactory();
    raw = (profile) => factory.get(profile, REGION);
    disposeRaw = () => factory.dispose();
    inbox = new InboxProvider(api.services);
    const visibility = new vscode.EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
    inbox.attach({ visible: false, onDidChangeVisibility: visibility.event, badge: undefined } as InboxView);
  });
  afterEach(() => {
    inbox.dispose();
    disposeRaw();
    for (const p of api.panels.list()) p.dispose();
  });

  async function treeStatus(profile: string, category: string, name = GRANT): Promise<string | undefined> {
    const nodes = await children(api, await path(api, profile, REGION, category));
    const node = nodes.find((n) => label(api, n) === name);
    return node ? description(api, node) : undefined;
  }
  const inboxRow = (arn: string): string | undefined => {
    const found = inbox.items.find((i) => i.grant.GrantArn === arn);
    return found ? `${found.group} ${found.grant.GrantStatus} v${found.grant.Version}` : undefined;
  };
  const listed = async (profile: string, arn: string): Promise<string | undefined> => {
    const api = raw(profile);
    const page = profile === 'buyer' ? await api.listReceivedGrants({ arns: [arn] }) : await api.listDistributedGrants({ arns: [arn] });
    return page.items[0] ? `${page.items[0].GrantStatus} v${page.items[0].Version}` : undefined;
  };

  it('Accept: the tree, the inbox and the panel show DISABLED at once, while the lists lag and after they catch up', async () => {
    const received = await children(api, await path(api, 'buyer', REGION, 'Received grants'));
    const node = received.find((n) => label(api, n) === GRANT) as Node & ResourceHolder;
    assert.ok(node, `“${GRANT}” is listed`);
    const arn = node.resource.arn;
    assert.equal(await treeStatus('seller', 'Distributed grants'), 'PENDING_ACCEPT');
    assert.equal(await treeStatus('buyer', 'Received licenses', LICENSE), 'PENDING_ACCEPT');
    await inbox.refresh();
    assert.equal(inboxRow(arn), 'waiting PENDING_ACCEPT v1');
    await api.panels.open({ resource: node.resource, data: node.data });
    const panel = api.panels.list().find((p) => p.resource.arn === arn);
    assert.ok(panel);
    assert.deepEqual(panel.state.view?.badges.map((b) => b.text), ['PENDING_ACCEPT']);

    const acceptedAt = Date.now();
    await vscode.commands.executeCommand('licenseManager.grant.accept', node);
    const everywhere = async (): Promise<boolean> =>
      (await treeStatus('buyer', 'Received grants')) === 'DISABLED' &&
      (await treeStatus('seller', 'Distributed grants')) === 'DISABLED' &&
      (await treeStatus('buyer', 'Received licenses', LICENSE)) === 'DISABLED' &&
      inboxRow(arn) === 'acceptedNotActive DISABLED v2' &&
      panel.state.view?.badges.map((b) => b.text).join() === 'DISABLED';
    await waitFor(everywhere, LAG_MS - 500, 'DISABLED in the tree (both sides of the grant, the received license), the inbox and the panel');
    const shownAfter = Date.now() - acceptedAt;
    // The lists behind them still answer the grant as it was.
    assert.equal(await listed('buyer', arn), 'PENDING_ACCEPT v1', `the received list still lags (${Date.now() - acceptedAt} ms after Accept)`);
    assert.equal(await listed('seller', arn), 'PENDING_ACCEPT v1', 'the distributed list still lags');
    assert.ok(shownAfter < LAG_MS, `shown ${shownAfter} ms after Accept, before the lists caught up`);

    // Every view asks its lagging list again: the change still shows.
    const before = env.current.emulator.requests.filter((r) => r.operation === 'ListReceivedGrants').length;
    await api.explorer.refresh(await path(api, 'buyer', REGION, 'Received grants'));
    await api.explorer.refresh(await path(api, 'seller', REGION, 'Distributed grants'));
    await api.explorer.refresh(await path(api, 'buyer', REGION, 'Received licenses'));
    await inbox.refresh();
    assert.ok(env.current.emulator.requests.filter((r) => r.operation === 'ListReceivedGrants').length > before, 'the lists were asked again');
    assert.equal(await treeStatus('buyer', 'Received grants'), 'DISABLED');
    assert.equal(await treeStatus('seller', 'Distributed grants'), 'DISABLED');
    assert.equal(await treeStatus('buyer', 'Received licenses', LICENSE), 'DISABLED');
    assert.equal(inboxRow(arn), 'acceptedNotActive DISABLED v2');
    assert.equal(await listed('buyer', arn), 'PENDING_ACCEPT v1', 'and they answered the grant as it was');
    const license = (await raw('buyer').listReceivedLicenses()).items.find((l) => l.LicenseName === LICENSE);
    assert.equal(license?.ReceivedMetadata?.ReceivedStatus, 'PENDING_ACCEPT', 'the received licenses list lags too');
    await panel.reload();
    assert.deepEqual(panel.state.view?.badges.map((b) => b.text), ['DISABLED']);

    // Once the lists catch up, they agree.
    await waitFor(async () => (await listed('buyer', arn)) === 'DISABLED v2', LAG_MS + 2000, 'the received list caught up');
    await api.explorer.refresh(await path(api, 'buyer', REGION, 'Received grants'));
    await api.explorer.refresh(await path(api, 'buyer', REGION, 'Received licenses'));
    await inbox.refresh();
    assert.equal(await treeStatus('buyer', 'Received grants'), 'DISABLED');
    assert.equal(await treeStatus('buyer', 'Received licenses', LICENSE), 'DISABLED');
    assert.equal(inboxRow(arn), 'acceptedNotActive DISABLED v2');
    assert.equal(await listed('seller', arn), 'DISABLED v2');
  });
});
