import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { InboxProvider } from '../../src/tree/inboxProvider';
import { forgetWindowMemory, getApi, useEmulator } from '../support';
import { children, path, type Node, selectOnly } from './explorerSupport';

const SELLER = '111122223333';
const REGION = 'us-east-1';
const GRANT = `arn:aws:license-manager::${SELLER}:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8`;
const PENDING = `arn:aws:license-manager::${SELLER}:grant:g-c132e69f9d9cd0434181e903155676a7`;
const LICENSE = `arn:aws:license-manager::${SELLER}:license:l-a6963f0a7a16d9273f168c9f27a32c38`;
const CONFIG = `arn:aws:license-manager:us-east-1:${SELLER}:license-configuration:lic-3ca11e2529dc82b1006b5d390fec6982`;

describe('spoken labels of tree items (in host, demo seed)', () => {
  const env = useEmulator('demo');
  let api: ExtensionApi;

  const spoken = (node: Node, provider: { getTreeItem(n: Node): vscode.TreeItem } = api.explorer): string | undefined =>
    provider.getTreeItem(node).accessibilityInformation?.label;
  async function item(profile: string, category: string, arn: string): Promise<Node> {
    const found = (await children(api, await path(api, profile, REGION, category))).find((n) => (n as unknown as Partial<ResourceHolder>).resource?.arn === arn);
    assert.ok(found, `${arn} not under ${profile}/${category}`);
    return found;
  }

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await forgetWindowMemory(api);
    await selectOnly(api, ['buyer', 'seller'], REGION);
  });

  it('speaks each item with its kind and status', async () => {
    assert.equal(spoken(await item('buyer', 'Received grants', GRANT)), 'Globex analytics production, Received grant, status ACTIVE');
    assert.equal(spoken(await item('buyer', 'Received grants', PENDING)), 'Globex data pipeline rollout, Received grant, status PENDING_ACCEPT');
    assert.equal(spoken(await item('seller', 'Distributed grants', GRANT)), 'Globex analytics production, Distributed grant, status ACTIVE');
    assert.equal(spoken(await item('seller', 'Licenses', LICENSE)), 'Northwind Analytics Enterprise – Globex, License, status AVAILABLE, NW-ANL-ENT');
    assert.equal(spoken(await item('buyer', 'Received licenses', LICENSE)), 'Northwind Analytics Enterprise – Globex, Received license, status ACTIVE');
    assert.equal(spoken(await item('seller', 'License configurations', CONFIG)), 'Windows Server Datacenter, License configuration, status AVAILABLE, 128 / 256 Core');
  });

  it('speaks profiles, regions and lists by their label and description', async () => {
    const [buyer] = await children(api);
    assert.equal(spoken(buyer), 'buyer, access keys');
    const region = await path(api, 'seller', REGION);
    assert.equal(spoken(region), 'us-east-1, US East (N. Virginia)');
    const list = await path(api, 'seller', REGION, 'Distributed grants');
    assert.equal(spoken(list), 'Distributed grants');
  });

  it('speaks the inbox grants with their status', async () => {
    // An inbox of the test's own (the extension's inbox, once loaded, keeps polling).
    const visibility = new vscode.EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
    const inbox = new InboxProvider(api.services);
    inbox.attach({ visible: false, onDidChangeVisibility: visibility.event, badge: undefined });
    try {
      await inbox.refresh();
      const pending = inbox.grantNodes().find((n) => n.resource.arn === PENDING && n.resource.profile === 'buyer');
      assert.ok(pending, 'the pending grant is in the inbox');
      assert.equal(spoken(pending, inbox), 'Globex data pipeline rollout, Received grant, status PENDING_ACCEPT, from 111122223333, buyer, us-east-1');
    } finally {
      inbox.dispose();
      visibility.dispose();
    }
  });
});
