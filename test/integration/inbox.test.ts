import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/explorerNode';
import { InboxProvider, INBOX_SEEN_KEY, type InboxView } from '../../src/tree/inboxProvider';
import { getApi, useEmulator, waitFor } from '../support';
import { path } from './explorerSupport';
import { BUYER, INBOX_SEED, SELLER, LICENSE_EAST, expectedInbox } from './inboxSeed';

const REGIONS = ['us-east-1', 'eu-west-1'];

/** A stand-in for the tree view: records the badge. */
function fakeView(): InboxView & { badge: vscode.ViewBadge | undefined } {
  const visibility = new vscode.EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
  return { visible: false, onDidChangeVisibility: visibility.event, badge: undefined };
}

const text = (l: string | vscode.TreeItemLabel | undefined): string => (typeof l === 'string' ? l : (l?.label ?? ''));

/** The rows the inbox shows: each grant with its group, and the error rows. */
async function shown(inbox: InboxProvider): Promise<{ grants: { group: string; name: string; description: string }[]; errors: string[] }> {
  const grants: { group: string; name: string; description: string }[] = [];
  const errors: string[] = [];
  for (const root of await inbox.getChildren()) {
    const item = inbox.getTreeItem(root);
    if (item.contextValue?.split(' ').includes('message')) {
      errors.push(`${text(item.label)} ${String(item.description)}`);
      continue;
    }
    for (const child of await inbox.getChildren(root as ExplorerNode)) {
      const c = inbox.getTreeItem(child);
      grants.push({ group: text(item.label), name: text(c.label), description: String(c.description) });
    }
  }
  return { grants: grants.sort((a, b) => (a.group + a.name < b.group + b.name ? -1 : 1)), errors };
}

/** Records the information messages shown, answering none. */
function recordMessages(): { texts: string[]; restore(): void } {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = w.showInformationMessage;
  const texts: string[] = [];
  w.showInformationMessage = async (message: string) => {
    texts.push(message);
    return undefined;
  };
  return { texts, restore: () => (w.showInformationMessage = saved) };
}

describe('grants inbox', () => {
  const env = useEmulator(INBOX_SEED);
  let api: ExtensionApi;
  const providers: InboxProvider[] = [];
  const create = (view: InboxView = fakeView()): InboxProvider => {
    const p = new InboxProvider(api.services);
    p.attach(view);
    providers.push(p);
    return p;
  };

  async function select(profiles: string[]): Promise<void> {
    await api.services.state.setSelectedProfiles(profiles);
    for (const p of profiles) await api.services.state.setRegions(p, REGIONS);
  }

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.context.globalState.update(INBOX_SEEN_KEY, undefined);
    // Product names learned by an earlier test would name rows before the explorer lists them.
    await api.services.context.workspaceState.update('licenseManager.inbox.productNames', undefined);
    await vscode.workspace.getConfiguration('licenseManager.inbox').update('refreshMinutes', undefined, vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.dispose();
    await vscode.workspace.getConfiguration('licenseManager.inbox').update('refreshMinutes', undefined, vscode.ConfigurationTarget.Global);
  });

  it('lists exactly the grants the emulator holds for the selected profiles and regions, and badges the waiting ones', async () => {
    await select(['seller', 'buyer']);
    const view = fakeView();
    const inbox = create(view);
    await inbox.refresh();
    const rows = await shown(inbox);
    const expected = expectedInbox(['seller', 'buyer'], REGIONS);
    assert.deepEqual(rows.grants.map(({ group, name }) => ({ group, name })), expected);
    assert.deepEqual(rows.errors, []);
    const waiting = expected.filter((e) => e.group === 'Waiting for you').length;
    assert.equal(view.badge?.value, waiting);
    assert.equal(view.badge?.tooltip, `${waiting} license grants waiting for acceptance`);
    const pending = rows.grants.find((g) => g.name === 'Analytics for buyer');
    assert.ok(pending?.description.includes(`from ${SELLER}`) && pending.description.includes('buyer, us-east-1'), pending?.description);
    const failed = rows.grants.find((g) => g.name === 'Analytics for research');
    assert.ok(failed?.description.startsWith('The grantee account is suspended'), failed?.description);
  });

  it('shows a grant seen by two profiles of one account once', async () => {
    await select(['buyer', 'buyer-admin']);
    const inbox = create();
    await inbox.refresh();
    const rows = await shown(inbox);
    assert.deepEqual(rows.grants.map(({ group, name }) => ({ group, name })), expectedInbox(['buyer'], REGIONS));
    for (const g of rows.grants) assert.match(g.description, /\(\+1\)/, `${g.name} is seen by both profiles`);
  });

  it('shows a denied list as one error row per region next to the other profile’s grants', async () => {
    await select(['buyer', 'buyer-readonly']);
    const inbox = create();
    await inbox.refresh();
    const rows = await shown(inbox);
    assert.deepEqual(rows.grants.map(({ group, name }) => ({ group, name })), expectedInbox(['buyer'], REGIONS));
    assert.deepEqual(
      rows.errors.map((e) => e.split(' ').slice(0, 3).join(' ')),
      REGIONS.map((r) => `buyer-readonly · ${r}`),
    );
    assert.ok(rows.errors.every((e) => /denied/i.test(e)), rows.errors.join(' | '));
  });

  it('names a row’s product once the explorer has listed its license, without another request, and keeps it', async () => {
    await select(['seller']);
    const inbox = new InboxProvider(api.services, { names: () => api.explorer.productNames(), changed: api.explorer.onDidShowList });
    inbox.attach(fakeView());
    providers.push(inbox);
    await inbox.refresh();
    const row = async () => (await shown(inbox)).grants.find((g) => g.name === 'Analytics for research')?.description;
    assert.equal(await row(), 'The grantee account is suspended · to 777788889999 · seller, us-east-1', 'no product before the explorer lists the license');
    const requests = env.current.emulator.requests;
    requests.length = 0;
    await api.explorer.getChildren(await path(api, 'seller', 'us-east-1', 'Licenses'));
    await waitFor(async () => (await row())?.includes('Northwind Analytics Suite'), 5_000, 'the product named in the row');
    assert.equal(await row(), 'The grantee account is suspended · to 777788889999 · Northwind Analytics Suite · seller, us-east-1');
    assert.deepEqual(
      requests.map((r) => r.operation).filter((op) => op !== 'ListLicenses'),
      [],
      'the inbox sent nothing; the explorer listed the licenses only',
    );
    await api.explorer.reloadProfiles();
    await inbox.refresh();
    assert.equal(await row(), 'The grantee account is suspended · to 777788889999 · Northwind Analytics Suite · seller, us-east-1', 'still named after the explorer dropped its lists');
  });

  it('accepting from the inbox moves the grant and updates the explorer', async () => {
    await select(['buyer']);
    const inbox = create();
    await inbox.refresh();
    const node = inbox.grantNodes().find((n) => n.item.grant.GrantName === 'Analytics for buyer');
    assert.ok(node, 'the pending grant is in the inbox');
    const messages = recordMessages();
    // This provider is the test's own, not the extension's: its node is read from AWS and confirmed first,
    // once declined (nothing sent), then confirmed.
    const w = vscode.window as unknown as Record<string, unknown>;
    const savedWarning = w.showWarningMessage;
    const asked: string[] = [];
    let accept = false;
    w.showWarningMessage = async (message: string, ...rest: unknown[]) => {
      asked.push(message);
      return accept ? rest.find((r) => r === 'Accept Grant' || r === 'Accept') : undefined;
    };
    try {
      await vscode.commands.executeCommand('licenseManager.grant.accept', node);
      assert.equal(env.current.emulator.requests.filter((r) => r.operation === 'AcceptGrant').length, 0, 'declined: nothing sent');
      accept = true;
      await vscode.commands.executeCommand('licenseManager.grant.accept', node);
    } finally {
      messages.restore();
      w.showWarningMessage = savedWarning;
    }
    // The window's own inbox, when it holds the same row, asks "Accept “x” from account N?" instead.
    assert.equal(asked.length, 2, JSON.stringify(asked));
    for (const q of asked) assert.match(q, /^(Accept Grant: “Analytics for buyer”\?|Accept “Analytics for buyer” from account \d{12}\?)$/);
    assert.equal(env.current.emulator.requests.filter((r) => r.operation === 'AcceptGrant').length, 1);
    await waitFor(async () => (await shown(inbox)).grants.some((g) => g.group === 'Accepted, not active' && g.name === 'Analytics for buyer'), 10_000, 'the inbox moves the grant');
    const explorerGrant = await waitFor(async () => {
      const profile = (await api.explorer.getChildren()).find((n) => (n as unknown as { name?: string }).name === 'buyer');
      const region = (await api.explorer.getChildren(profile)).find((n) => (n as unknown as { region?: string }).region === 'us-east-1');
      const category = (await api.explorer.getChildren(region)).find((n) => (n as unknown as { category?: string }).category === 'receivedGrants');
      const grants = await api.explorer.getChildren(category);
      const g = grants.find((n) => (n as unknown as { data?: { GrantName?: string } }).data?.GrantName === 'Analytics for buyer');
      return (g as unknown as { data: { GrantStatus: string } } | undefined)?.data.GrantStatus === 'DISABLED' ? g : undefined;
    }, 10_000, 'the explorer shows the accepted grant');
    assert.ok(explorerGrant);
  });

  it('announces a grant created between two refreshes, once, and not again after a reload', async () => {
    await select(['buyer']);
    const messages = recordMessages();
    try {
      const inbox = create();
      await inbox.refresh();
      assert.equal(messages.texts.length, 0, 'the first load of a profile announces nothing');
      const seller = (await api.services.clients()).get('seller', 'us-east-1');
      await seller.createGrant({
        clientToken: 'inbox-new-grant-1',
        grantName: 'Analytics [extra](command:workbench.action.quit)',
        licenseArn: LICENSE_EAST,
        principal: `arn:aws:iam::${BUYER}:root`,
        homeRegion: 'us-east-1',
        allowedOperations: ['CheckoutLicense'],
      });
      await inbox.refresh();
      assert.equal(messages.texts.length, 1, messages.texts.join(' | '));
      assert.ok(messages.texts[0].startsWith(`New license grant from ${SELLER}: Analytics [extra]`), messages.texts[0]);
      assert.ok(messages.texts[0].endsWith('(buyer, us-east-1)'), messages.texts[0]);
      assert.ok(!messages.texts[0].includes('](command:'), 'the AWS name is not a link');
      await inbox.refresh();
      assert.equal(messages.texts.length, 1, 'the same grant is not announced twice');
      inbox.dispose();
      const reloaded = create();
      await reloaded.refresh();
      assert.equal(messages.texts.length, 1, 'not announced again after a reload');
      assert.equal((await shown(reloaded)).grants.filter((g) => g.group === 'Waiting for you').length, 3);
    } finally {
      messages.restore();
    }
  });

  it('the notification’s Accept… asks first, naming the grant and its grantor’s account; it accepts only once confirmed', async () => {
    await select(['buyer']);
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = [w.showInformationMessage, w.showWarningMessage];
    const asked: { message: string; detail: string; items: unknown[] }[] = [];
    let confirm: string[] = [];
    w.showInformationMessage = async (_m: string, ...items: unknown[]) => (items.includes('Accept…') ? 'Accept…' : undefined);
    w.showWarningMessage = async (message: string, options: { detail?: string }, ...items: unknown[]) => {
      asked.push({ message, detail: options?.detail ?? '', items });
      return confirm.find((c) => items.includes(c));
    };
    const accepted = () => env.current.emulator.requests.filter((r) => r.operation === 'AcceptGrant').map((r) => (r.body as { GrantArn?: string }).GrantArn);
    try {
      const inbox = create();
      await inbox.refresh();
      const seller = (await api.services.clients()).get('seller', 'us-east-1');
      const grant = (name: string, token: string) =>
        seller.createGrant({ clientToken: token, grantName: name, licenseArn: LICENSE_EAST, principal: `arn:aws:iam::${BUYER}:root`, homeRegion: 'us-east-1', allowedOperations: ['CheckoutLicense'] });
      const first = await grant('Analytics notice', 'inbox-notice-1');
      await inbox.refresh();
      await waitFor(() => asked.length === 1, 10_000, 'the question');
      assert.deepEqual(asked, [
        {
          message: `Accept the grant “Analytics notice” from account ${SELLER}?`,
          detail: `Profile “buyer” (us-east-1) accepts it and can then activate it to use the license ${LICENSE_EAST}.\nGrant: ${first.GrantArn}`,
          items: ['Accept'],
        },
      ]);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(accepted(), [], 'declined: nothing was sent');

      asked.length = 0;
      confirm = ['Accept', 'Accept Grant'];
      const second = await grant('Analytics notice 2', 'inbox-notice-2');
      await inbox.refresh();
      await waitFor(() => accepted().length > 0, 10_000, 'AcceptGrant sent');
      assert.deepEqual(accepted(), [second.GrantArn]);
      assert.equal(asked[0].message, `Accept the grant “Analytics notice 2” from account ${SELLER}?`);
    } finally {
      [w.showInformationMessage, w.showWarningMessage] = saved;
    }
  });

  it('makes no request while polling is off and the view is hidden, none before it is shown, and polls once it has been', async () => {
    await select(['buyer']);
    const requests = env.current.emulator.requests;
    // The window's own inbox, once an earlier test showed it, polls while the window is focused: held still
    // (it takes focus again with the window's next focus change).
    api.inbox.schedule.setFocused(false);
    await vscode.workspace.getConfiguration('licenseManager.inbox').update('refreshMinutes', 0, vscode.ConfigurationTarget.Global);
    requests.length = 0;
    const off = create();
    off.schedule.setFocused(true);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(requests.map((r) => r.operation), []);
    off.dispose();
    await vscode.workspace.getConfiguration('licenseManager.inbox').update('refreshMinutes', 0.01, vscode.ConfigurationTarget.Global);
    const hidden = create();
    hidden.schedule.setFocused(true);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(requests.map((r) => r.operation), [], 'no poll before the view has been shown');
    hidden.dispose();
    const on = create({ ...fakeView(), visible: true });
    on.schedule.setFocused(true);
    await waitFor(() => requests.some((r) => r.operation === 'ListReceivedGrants'), 10_000, 'the first load when shown');
    await waitFor(() => on.schedule.lastRefreshAt !== undefined, 10_000, 'the first load done');
    requests.length = 0;
    await waitFor(() => requests.some((r) => r.operation === 'ListReceivedGrants'), 10_000, 'a poll');
  });
});
