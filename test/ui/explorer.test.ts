import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  clickViewAction,
  container,
  editorTabs,
  expandTreeItem,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  pickQuickPickItems,
  poll,
  readClipboard,
  runCommand,
  selectProfiles,
  runTreeItemContextMenu,
  treeChildren,
  treeItemTooltip,
  useUiSession,
  waitForQuickInput,
  type UiSession,
} from './support';

interface GrantWire {
  GrantArn: string;
  GrantName: string;
  GrantStatus: string;
  GranteePrincipalArn: string;
}

const CUSTOMER = '222222222222';
const RECEIVED = ['customer', 'us-east-1', 'Received grants'];

/** The customer's received grants homed in us-east-1, from the emulator's state. */
function seededReceivedGrants(ui: UiSession): GrantWire[] {
  const grants = (ui.emulator!.state as unknown as { grants: Map<string, { homeRegion: string; versions: GrantWire[] }> }).grants;
  return [...grants.values()]
    .filter((g) => g.homeRegion === 'us-east-1')
    .map((g) => g.versions[g.versions.length - 1])
    .filter((g) => g.GranteePrincipalArn === `arn:aws:iam::${CUSTOMER}:root`);
}

async function childLabels(page: Page, path: string[]): Promise<string[]> {
  return (await treeChildren(page, path)).map((i) => i.label).sort();
}

/** Text of the active editor as rendered (small documents fit on screen). */
async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/** Shows customer and vendor, customer in eu-west-1 and us-east-1 (idempotent). */
async function showCustomer(page: Page): Promise<void> {
  await openContainer(page);
  await selectProfiles(page, ['customer', 'vendor']);
  await findTreeItem(page, ['customer']);
  await runTreeItemContextMenu(page, ['customer'], 'Select Regions…');
  await waitForQuickInput(page, { title: 'Regions for customer' });
  await pickQuickPickItems(page, ['eu-west-1', 'us-east-1']);
}

describe('explorer (installed VSIX)', () => {
  const ui = useUiSession({ seed: 'explorer' });

  // Each test gets the same starting point, whatever ran before it (no test changes the selection).
  before(async () => {
    await showCustomer(ui.current.page);
  });
  beforeEach(async () => {
    const { page } = ui.current;
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
  });

  it('expands profile → region → Received grants and shows the seeded grants with their status', async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['customer', 'vendor']);
    await findTreeItem(page, ['customer']);

    await runTreeItemContextMenu(page, ['customer'], 'Select Regions…');
    await waitForQuickInput(page, { title: 'Regions for customer' });
    await pickQuickPickItems(page, ['eu-west-1', 'us-east-1']);
    await expandTreeItem(page, ['customer']);
    await poll(async () => (await childLabels(page, ['customer'])).join() === 'eu-west-1,us-east-1', 15_000, 'both regions');
    const region = await findTreeItem(page, ['customer', 'us-east-1']);
    assert.equal(region.description, 'US East (N. Virginia)');

    await expandTreeItem(page, ['customer', 'us-east-1']);
    assert.deepEqual(
      (await treeChildren(page, ['customer', 'us-east-1'])).map((i) => i.label),
      ['License configurations', 'Licenses', 'Received licenses', 'Distributed grants', 'Received grants', 'Organization'],
    );
    await expandTreeItem(page, RECEIVED);
    const seeded = seededReceivedGrants(ui.current);
    assert.ok(seeded.length >= 4);
    const names = seeded.map((g) => g.GrantName).sort();
    const shown = await poll(async () => {
      const l = await childLabels(page, RECEIVED);
      return l.join('\n') === names.join('\n') && l;
    }, 20_000).catch(() => childLabels(page, RECEIVED));
    assert.deepEqual(shown, names);
    for (const g of seeded) {
      const row = await findTreeItem(page, [...RECEIVED, g.GrantName]);
      assert.equal(row.description, g.GrantStatus);
      assert.equal(row.icons.length, 1, `${g.GrantName} has a status icon`);
    }
    assert.match(await treeItemTooltip(page, [...RECEIVED, 'Customer archive access']), /Status reason: Suspended until renewal/);
    // The account id shows on the profile once something has loaded.
    await poll(async () => /^222222222222 · access keys$/.test((await findTreeItem(page, ['customer'])).description), 15_000, 'account id');
  });

  it('opens a grant as a read-only JSON document', async () => {
    const { page } = ui.current;
    const grant = seededReceivedGrants(ui.current).find((g) => g.GrantName === 'Customer reporting rollout');
    assert.ok(grant);
    await expandTreeItem(page, RECEIVED);
    await runTreeItemContextMenu(page, [...RECEIVED, grant.GrantName], 'Open JSON');
    const id = grant.GrantArn.slice(grant.GrantArn.lastIndexOf(':') + 1);
    await poll(async () => (await editorTabs(page)).some((t) => t.active && t.title === `${id}.json`), 15_000, 'JSON editor tab');
    const text = await poll(async () => {
      const t = await editorText(page);
      return t.includes('"GrantName"') && t;
    }, 15_000);
    assert.match(text, /"GrantName": "Customer reporting rollout"/);
    assert.match(text, new RegExp(`"GrantArn": "${grant.GrantArn}"`));
    const editor = page.locator('.editor-group-container.active .monaco-editor[data-uri^="license-manager-json:"]');
    assert.equal(await editor.count(), 1);
    // Type into the focused editor, then wait for its answer: a read-only editor says so and keeps its text.
    await editor.locator('.view-lines').click();
    await poll(async () => /\bfocused\b/.test((await editor.getAttribute('class')) ?? ''), 10_000, 'the JSON editor focused');
    await page.keyboard.type('x');
    const refusal = page.locator('.monaco-editor-overlaymessage').filter({ hasText: /read-only/i });
    await refusal.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await editorText(page), text, 'the text is unchanged');
    assert.ok(!(await editorTabs(page)).some((t) => t.active && t.dirty), 'the tab is not dirty');
  });

  it('filters grants by status from the view title, shows the filter, and clears it', async () => {
    const { page } = ui.current;
    await expandTreeItem(page, RECEIVED);
    // Right after a context-menu action the focused item is selected: the title action must still prompt.
    await runTreeItemContextMenu(page, [...RECEIVED, 'Customer trial'], 'Copy ARN');
    await clickViewAction(page, 'Filter Explorer…');
    await waitForQuickInput(page, { title: 'Filter the explorer' });
    await pickQuickPickItem(page, 'Grant status…');
    await waitForQuickInput(page, { title: 'Grant status' });
    await pickQuickPickItem(page, 'PENDING_ACCEPT');
    const pending = seededReceivedGrants(ui.current)
      .filter((g) => g.GrantStatus === 'PENDING_ACCEPT')
      .map((g) => g.GrantName)
      .sort();
    assert.ok(pending.length >= 1);
    await poll(async () => (await childLabels(page, RECEIVED)).join('\n') === pending.join('\n'), 20_000, 'only PENDING_ACCEPT grants');
    for (const row of await treeChildren(page, RECEIVED)) assert.equal(row.description, 'PENDING_ACCEPT');
    await poll(
      // textContent: the title's CSS upper-cases what innerText returns.
      async () => ((await page.locator('.part.sidebar').textContent()) ?? '').includes('Filter: grants: PENDING_ACCEPT'),
      10_000,
      'the filter in the view description',
    );

    await clickViewAction(page, 'Clear Filter');
    const all = seededReceivedGrants(ui.current).map((g) => g.GrantName).sort();
    await poll(async () => (await childLabels(page, RECEIVED)).join('\n') === all.join('\n'), 20_000, 'every grant again');
    assert.ok(!((await page.locator('.part.sidebar').textContent()) ?? '').includes('Filter:'));
  });

  it('Copy ARN puts the ARN on the clipboard (pasted into an editor)', async () => {
    const { page } = ui.current;
    const grant = seededReceivedGrants(ui.current).find((g) => g.GrantName === 'Customer trial');
    assert.ok(grant);
    await expandTreeItem(page, RECEIVED);
    await page.evaluate("navigator.clipboard.writeText('')");
    await runTreeItemContextMenu(page, [...RECEIVED, grant.GrantName], 'Copy ARN');
    await poll(async () => (await readClipboard(page)) === grant.GrantArn, 10_000, 'the ARN on the clipboard');
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+V');
    await poll(async () => (await editorText(page)).trim() === grant.GrantArn, 10_000, 'the pasted ARN');
    await runCommand(page, 'View: Revert and Close Editor');
  });

  it('shows an empty item for an empty list', async () => {
    const { page } = ui.current;
    await expandTreeItem(page, ['customer', 'us-east-1', 'License configurations']);
    const rows = await poll(async () => {
      const r = await treeChildren(page, ['customer', 'us-east-1', 'License configurations']);
      return r.length > 0 && r;
    }, 15_000);
    assert.deepEqual(rows.map((r) => r.label), ['No license configurations']);
    assert.ok(await container(page).isVisible());
  });
});

describe('explorer without AWS profiles (installed VSIX)', () => {
  const ui = useUiSession({ seed: null });

  it('shows the welcome view that explains how to add a profile', async () => {
    const { page } = ui.current;
    const view = await openContainer(page);
    const welcome = view.locator('.welcome-view-content').filter({ visible: true });
    await poll(async () => (await welcome.count()) > 0 && (await welcome.innerText()).includes('No AWS profiles were found'), 15_000, 'welcome view');
    assert.match(await welcome.innerText(), /aws configure/);
  });
});
