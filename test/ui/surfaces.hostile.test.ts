import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Seed } from '../emulator/index';
import { repoRoot } from './support/host';
import {
  answerDialog,
  cancelQuickInput,
  container,
  expandTreeItem,
  notifications,
  openContainer,
  setSectionExpanded,
  poll,
  quickInput,
  quickPickItems,
  runCommand,
  selectProfiles,
  treeChildren,
  waitForDialog,
  useUiSession,
  waitForQuickInput,
  type UiSession,
} from './support';

/**
 * The hostile seed's grant names on every VS Code surface that shows them: each shows the
 * name as text (links, icons, bidi overrides, zero-width characters and line breaks visible,
 * a 10,000-character name cut with an ellipsis), renders no link or icon from it, and clicking
 * it runs nothing.
 */
const seed = JSON.parse(readFileSync(join(repoRoot, 'test', 'emulator', 'seeds', 'hostile.json'), 'utf8')) as Seed;
const grants = seed.accounts[0].regions!['us-east-1'].grants!;
const RECEIVED = ['buyer', 'us-east-1', 'Received grants'];

interface HostileName {
  readonly what: string;
  readonly name: string;
  /** What a single-line surface shows, zero-width breaks left out (written out by hand). */
  readonly shown: string;
  /** Typed into a quick pick to bring its row into view. */
  readonly filter: string;
}

const NAMES: readonly HostileName[] = [
  {
    what: 'link, icon, bidi, zero-width and line breaks',
    name: grants[1].name,
    shown: '[Open terms](command:workbench.action.terminal.new) $(bug) <U+202E>exe.txt<U+202C> zero<U+200B>width<U+2060>joined<U+FEFF> first line ⏎ second line after tab',
    filter: 'exe.txt',
  },
  // 256 characters at most on a single-line surface: 255 of the name and an ellipsis.
  { what: '10,000 characters', name: grants[2].name, shown: `L${'o'.repeat(254)}…`, filter: `L${'o'.repeat(20)}` },
];
const [MARKED] = NAMES;

/** The grant whose workflow failed: its status reason shows in the seller's Grants Inbox row. */
const STUCK = grants[3];
const LICENSE = seed.accounts[0].regions!['us-east-1'].licenses![0] as unknown as { ProductName: string };
const STUCK_REASON = '[Retry](command:workbench.action.terminal.new) $(error) <U+202E>liaf<U+202C> step<U+200B>one';

interface Confirmation {
  readonly command: string;
  readonly profile: string;
  /** Steps before the confirmation (Enter leaves an optional prompt empty). */
  readonly before?: (page: Page) => Promise<void>;
  readonly message: string;
  readonly button: string;
  readonly operation: string;
}

/** Destructive actions whose modal confirmation names the grant (written out by hand). */
const CONFIRMATIONS: readonly Confirmation[] = [
  { command: 'Reject Grant', profile: 'buyer', message: `Reject the grant “${MARKED.shown}”?`, button: 'Reject', operation: 'RejectGrant' },
  {
    command: 'Delete Grant',
    profile: 'seller',
    before: async (page) => {
      const message = quickInput(page).locator('.quick-input-message');
      await poll(async () => (await message.innerText().catch(() => '')).includes('being deleted?'), 15_000, 'the reason prompt');
      await page.keyboard.press('Enter');
    },
    message: `Delete the grant “${MARKED.shown}”?`,
    button: 'Delete',
    operation: 'DeleteGrant',
  },
];

/** The text as read from the page, without the zero-width spaces that break link and icon syntax. */
function literal(text: string): string {
  return text.replace(/\u200b/g, '');
}

/** Elements an AWS string may never become on a workbench surface. */
const RENDERED = 'a, [href], img, .codicon';

async function renderedIn(el: Locator): Promise<string[]> {
  return el.evaluateAll((els, sel) => els.flatMap((e) => [...e.querySelectorAll(sel)].map((x) => x.outerHTML.slice(0, 80))), RENDERED);
}

function grantState(ui: UiSession, name: string): { versions: { GrantStatus: string; Version: string; StatusReason?: string }[] } {
  const all = (ui.emulator!.state as unknown as { grants: Map<string, { versions: { GrantName: string; GrantStatus: string; Version: string }[] }> }).grants;
  const found = [...all.values()].find((g) => g.versions[0].GrantName === name);
  assert.ok(found, 'the grant is in the emulator');
  return found;
}

/** Sets the grant back to PENDING_ACCEPT in the emulator (a new version), so Accept is offered whatever ran before. */
function pendingAgain(ui: UiSession, name: string): void {
  const g = grantState(ui, name);
  const last = g.versions[g.versions.length - 1];
  if (last.GrantStatus !== 'PENDING_ACCEPT') g.versions.push({ ...last, GrantStatus: 'PENDING_ACCEPT', Version: String(Number(last.Version) + 1) });
}

async function terminalsShown(page: Page): Promise<number> {
  return page.locator('.integrated-terminal').filter({ visible: true }).count();
}

/** The open quick pick's row for the name, with its rendered label. */
async function pickRow(page: Page, n: HostileName, profile: string): Promise<{ row: Locator; label: string; description: string }> {
  await quickInput(page).locator('.quick-input-box input').fill(n.filter);
  const item = await poll(
    async () => (await quickPickItems(page)).find((i) => literal(i.label) === n.shown && `${i.description} ${i.detail}`.includes(` ${profile} `)),
    20_000,
    `quick pick row for the ${n.what} name`,
  );
  const row = quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: item.description }).filter({ hasText: item.label }).first();
  return { row, label: item.label, description: item.description };
}

/** The message of the newest toast whose literal text includes `part`. */
async function toast(page: Page, part: string, timeout = 20_000): Promise<{ message: string; el: Locator }> {
  const found = await poll(async () => (await notifications(page)).find((n) => literal(n.message).includes(part)), timeout, `a notification with ${part}`);
  const el = page.locator('.notifications-toasts .notification-list-item-message').filter({ hasText: found.message.slice(0, 40) }).last();
  return { message: found.message, el };
}

describe('hostile names on every VS Code surface (installed VSIX, hostile seed)', function () {
  this.timeout(180_000);
  const ui = useUiSession({ seed: 'hostile' });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer', 'seller']);
    await expandTreeItem(page, RECEIVED);
  });

  afterEach(async () => {
    ui.current.emulator!.setFaults({ hang: [] });
    // A failed check may leave a modal dialog open, which would block the next test.
    if (await ui.current.page.locator('.monaco-dialog-box').isVisible()) await ui.current.page.keyboard.press('Escape');
    await cancelQuickInput(ui.current.page);
  });

  for (const n of NAMES) {
    it(`tree label, quick pick row and editor tab title show the ${n.what} name literally`, async () => {
      const { page } = ui.current;
      const row = await poll(async () => (await treeChildren(page, RECEIVED)).find((r) => literal(r.label) === n.shown), 20_000, 'the tree row');
      assert.equal(literal(row.label), n.shown);

      await runCommand(page, 'License Manager: Open Details');
      await waitForQuickInput(page);
      const pick = await pickRow(page, n, 'buyer');
      assert.deepEqual(await renderedIn(pick.row.locator('.label-name, .label-description')), [], 'no link or icon in the row');
      await pick.row.click();

      const tab = page.locator('.tabs-container .tab.active .label-name');
      const title = await poll(async () => {
        const text = literal((await tab.innerText().catch(() => '')).trim());
        return text.endsWith(n.shown) && text;
      }, 20_000, 'the panel tab titled with the name');
      // The kind, then the name as a single-line surface shows it (256 characters at most).
      assert.equal(title, `Received grant: ${n.shown}`);
      assert.deepEqual(await renderedIn(tab), []);
      await page.keyboard.press('Control+W');
    });
  }

  it('Accept: the progress title, the status bar after Cancel and the result show the name literally; clicking them runs nothing', async () => {
    const { page, emulator } = ui.current;
    pendingAgain(ui.current, MARKED.name);
    emulator!.setFaults({ hang: ['AcceptGrant'] });
    emulator!.requests.length = 0;

    await runCommand(page, 'License Manager: Accept Grant');
    await waitForQuickInput(page, { title: 'Accept Grant' });
    const pick = await pickRow(page, MARKED, 'buyer');
    assert.deepEqual(await renderedIn(pick.row.locator('.label-name, .label-description')), []);
    await pick.row.click();

    const progress = await toast(page, `Accepting grant “${MARKED.shown}”…`);
    assert.deepEqual(await renderedIn(progress.el), [], 'no link or icon in the progress title');
    await progress.el.click();
    await page.locator('.notifications-toasts .notification-list-item').filter({ hasText: progress.message.slice(0, 40) }).last()
      .locator('.monaco-button', { hasText: 'Cancel' }).click();
    const statusBar = page.locator('.part.statusbar');
    await poll(async () => literal(await statusBar.innerText()).includes(`AcceptGrant for “${MARKED.shown}” cancelled`), 15_000, 'the cancel message in the status bar');
    const cancelled = statusBar.locator('.statusbar-item-label').filter({ hasText: 'cancelled' });
    assert.equal(literal((await cancelled.innerText()).trim()), `AcceptGrant for “${MARKED.shown}” cancelled; if it had reached AWS, Refresh shows its outcome.`);
    assert.deepEqual(await renderedIn(cancelled), []);

    // The hung request reached the emulator and landed there: make the grant pending again.
    emulator!.setFaults({ hang: [] });
    pendingAgain(ui.current, MARKED.name);
    emulator!.requests.length = 0;
    await runCommand(page, 'License Manager: Accept Grant');
    await waitForQuickInput(page, { title: 'Accept Grant' });
    await (await pickRow(page, MARKED, 'buyer')).row.click();
    const done = await toast(page, `Accepted “${MARKED.shown}”. It is not active yet.`);
    assert.deepEqual(await renderedIn(done.el), [], 'no link or icon in the notification');
    const sent = emulator!.requests.length;
    await done.el.click();
    // The name's link text is plain text in the notification: the click lands on it (a failed click fails the test).
    await done.el.getByText('Open terms').first().click({ timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await terminalsShown(page), 0, 'the command link opened no terminal');
    // The views reload after the accept (Get/List); clicking the notification must add no change.
    assert.deepEqual(emulator!.requests.slice(sent).filter((r) => !/^(Get|List)/.test(r.operation)), [], 'clicking sent nothing');
  });

  it('New Grant Version: the placeholder and the prompts name the grant literally; Esc sends nothing', async () => {
    const { page, emulator } = ui.current;
    // Other tests of this file accept or reject the grant: start from the seed's status and reason.
    const g = grantState(ui.current, MARKED.name);
    const last = g.versions[g.versions.length - 1];
    g.versions.push({ ...last, GrantStatus: 'PENDING_ACCEPT', StatusReason: grants[1].statusReason, Version: String(Number(last.Version) + 1) });
    emulator!.requests.length = 0;
    await runCommand(page, 'License Manager: New Grant Version…');
    await waitForQuickInput(page);
    await (await pickRow(page, MARKED, 'seller')).row.click();

    const placeholder = quickInput(page).locator('.quick-input-box input');
    const text = await poll(async () => literal((await placeholder.getAttribute('placeholder')) ?? '').includes(MARKED.shown) && (await placeholder.getAttribute('placeholder')), 15_000, 'the status step');
    assert.equal(literal(text ?? ''), `Status of the new version of “${MARKED.shown}”`);
    await quickInput(page).locator('.quick-input-list .monaco-list-row').first().click();

    const message = quickInput(page).locator('.quick-input-message');
    const prompt = await poll(async () => {
      const t = literal(await message.innerText().catch(() => ''));
      return t.includes('Status reason of') && t.replace(/ \(Press 'Enter' to confirm or 'Escape' to cancel\)$/, '');
    }, 15_000, 'the reason prompt');
    // The grant keeps its status (the first row) and has a reason in the seed: empty keeps it. A one-line
    // prompt is cut at 256 characters with an ellipsis, so this long name leaves the end of the sentence out.
    assert.equal(prompt, `Status reason of “${MARKED.shown}”; both sides of the grant see it. Empty keeps the current reason: AWS cannot…`);
    assert.deepEqual(await renderedIn(message), [], 'no link or icon in the prompt');
    await message.click();
    assert.equal(await terminalsShown(page), 0);
    await cancelQuickInput(page);
    assert.deepEqual(emulator!.requests.filter((r) => r.operation === 'CreateGrantVersion'), [], 'nothing was sent');
  });
  for (const c of CONFIRMATIONS) {
    it(`${c.command}: the modal confirmation names the grant literally; clicking it runs nothing and Cancel sends nothing`, async () => {
      const { page, emulator } = ui.current;
      pendingAgain(ui.current, MARKED.name);
      emulator!.requests.length = 0;
      await runCommand(page, `License Manager: ${c.command}…`);
      await waitForQuickInput(page, { title: c.command });
      await (await pickRow(page, MARKED, c.profile)).row.click();
      await c.before?.(page);

      const dialog = await waitForDialog(page);
      assert.deepEqual([...dialog.buttons].sort(), ['Cancel', c.button, 'Copy as AWS CLI Command'].sort(), 'the buttons (their order follows the platform)');
      const message = page.locator('.monaco-dialog-box .dialog-message-text');
      assert.equal(literal((await message.innerText()).trim()), c.message);
      assert.deepEqual(await renderedIn(page.locator('.monaco-dialog-box .dialog-message-row .dialog-message-container')), [], 'no link or icon in the dialog');
      // The name's link text is plain text in the dialog: the click lands on it (a failed click fails the test).
      await message.getByText('Open terms').first().click({ timeout: 5_000 });
      await answerDialog(page, 'Cancel');
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(await terminalsShown(page), 0, 'the command link opened no terminal');
      assert.deepEqual(emulator!.requests.filter((r) => r.operation === c.operation), [], 'nothing was sent');
    });
  }

  it('Grants Inbox: a failed workflow’s status reason shows literally in the row’s description; clicking it runs nothing', async () => {
    const { page, emulator } = ui.current;
    // The inbox names the product of the licenses the explorer has loaded.
    const licenses = ['seller', 'us-east-1', 'Licenses'];
    await expandTreeItem(page, licenses);
    await poll(async () => (await treeChildren(page, licenses)).some((r) => r.label.includes('LM-PWNED-license')), 20_000, 'the seller’s license listed');
    await openContainer(page, 30_000, { inbox: true });
    // The whole side bar for the inbox: an inbox section opened from collapsed may be too short to draw the row.
    await setSectionExpanded(page, 'Explorer', false, 30_000);
    try {
      await runCommand(page, 'License Manager: Refresh Inbox');
      const inbox = container(page).locator('.monaco-list[role="tree"][aria-label="Grants Inbox"] .monaco-list-row');
      const row = inbox.filter({ has: page.locator('.label-name', { hasText: 'workflow' }) }).first();
      // The row may first show from an earlier refresh; it settles on the expected text.
      const expected = `${STUCK_REASON} · to 444455556666 · ${LICENSE.ProductName} · seller, us-east-1`;
      let description: string | undefined;
      await poll(async () => {
        if (!(await row.count())) return false;
        description = literal((await row.locator('.label-description').innerText()).trim());
        return description === expected;
      }, 30_000, 'the inbox row of the grant with problems').catch(() => undefined);
      assert.equal(description, expected);
      assert.equal(literal((await row.locator('.label-name').innerText()).trim()), STUCK.name);
      assert.deepEqual(await renderedIn(row.locator('.label-name, .label-description')), [], 'no link or icon in the row');
      emulator!.requests.length = 0;
      await row.locator('.label-description').click();
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(await terminalsShown(page), 0, 'the command link opened no terminal');
      assert.deepEqual(emulator!.requests.filter((r) => !/^(Get|List)/.test(r.operation)), [], 'only reads were sent');
    } finally {
      await page.keyboard.press('Control+W');
      await setSectionExpanded(page, 'Explorer', true, 30_000);
      await openContainer(page);
    }
  });
});
