/**
 * What a new user meets in the first hour, in the demo: outcome messages and their next step,
 * the inbox's Accept asking first, panels, filtered export, error rows, descriptions, a window
 * reload, palette titles; each at 1500 × 950 and in a 700 px wide editor. Screenshots of each
 * at both widths are kept in test-results/ui/.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  answerDialog,
  clickNotificationButton,
  clickTreeItem,
  clickViewAction,
  container,
  editorTabs,
  expandTreeItem,
  findTreeItem,
  openContainer,
  openTreeItemContextMenu,
  pickQuickPickItem,
  poll,
  quickInput,
  quickPickItems,
  runCommand,
  runTreeItemContextMenu,
  selectProfiles,
  treeChildren,
  useUiSession,
  waitForDialog,
  waitForNotification,
  waitForQuickInput,
} from './support';
import { grantNamed, inboxRow, layoutProblems, openPanel, panel, productOf, sent } from './support/firstHour';
import { screenshot, setWidth, WIDTHS } from './support/widths';

const SELLER_ACCOUNT = '111122223333';
const PENDING = 'Globex data pipeline rollout';
const ACCEPTED = 'Globex BI dashboards';
const RECEIVED = ['buyer', 'us-east-1', 'Received grants'];
const RECEIVED_LICENSES = ['buyer', 'us-east-1', 'Received licenses'];
const FLEET = ['seller', 'us-east-1', 'License configurations', 'SQL Server Enterprise fleet'];
const FLEET_USAGE = [...FLEET, 'Usage'];

describe('the first hour in the demo (installed VSIX)', function () {
  this.timeout(180_000);
  const ui = useUiSession({ seed: 'demo', viewport: { width: 1500, height: 950 } });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer', 'buyer-readonly', 'seller']);
    await findTreeItem(page, ['seller']);
  });

  beforeEach(async () => {
    const { page } = ui.current;
    await page.keyboard.press('Escape');
    await setWidth(page, 1500);
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Notifications: Clear All Notifications');
    ui.current.resetEmulator();
    await runCommand(page, 'License Manager: Refresh Explorer');
    // Only what a test expands is shown, so its rows are rendered (the tree draws what is in view).
    await openContainer(page);
    await clickViewAction(page, 'Collapse All');
  });

  for (const width of WIDTHS) {
    it(`1, 2: at ${width} px, the inbox asks before Accept, naming the grantor’s account; a second click where the row was sends nothing; the outcome is in words with Activate next`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      await openContainer(page, 30_000, { inbox: true });
      await runCommand(page, 'License Manager: Refresh Inbox');
      const row = await inboxRow(page, PENDING);
      const accept = row.locator('.actions .action-label[aria-label="Accept Grant"]');
      const box = await poll(async () => {
        await row.hover({ timeout: 2_000 }).catch(() => undefined);
        return (await accept.isVisible()) ? ((await accept.boundingBox()) ?? undefined) : undefined;
      }, 15_000, 'the inline Accept Grant shown on hover');
      ui.current.emulator!.requests.length = 0;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.click(x, y);
      const dialog = await waitForDialog(page);
      assert.equal(dialog.text.split('\n')[0], `Accept “${PENDING}” from account ${SELLER_ACCOUNT}?`);
      assert.match(dialog.text, /Profile “buyer” \(us-east-1\) receives .+ through it\. It stays inactive until you activate it\./);
      assert.deepEqual(dialog.buttons.filter((b) => b !== 'Cancel'), ['Accept']);
      await screenshot(page, `inbox-accept-question-${width}`);
      // The second click lands where the row was: on the question, not on another grant.
      await page.mouse.click(x, y);
      await new Promise((r) => setTimeout(r, 1_000));
      assert.equal(sent(ui.current, 'AcceptGrant'), 0, 'nothing sent before the answer');
      await answerDialog(page, 'Accept');
      const done = await waitForNotification(page, `Accepted “${PENDING}”. It is not active yet.`, 30_000);
      assert.equal(done.message, `Accepted “${PENDING}”. It is not active yet.`);
      assert.deepEqual(done.buttons, ['Activate']);
      assert.equal(done.severity, 'info');
      assert.equal(sent(ui.current, 'AcceptGrant'), 1);
      await screenshot(page, `inbox-accepted-${width}`);
      // A third click where the row was: whatever row is there now, nothing is sent without a question.
      await page.mouse.click(x, y);
      await new Promise((r) => setTimeout(r, 1_500));
      // Whatever row is there (the same grant before the inbox has reloaded, or another), a question comes first.
      if (await page.locator('.monaco-dialog-box').isVisible()) {
        const other = await waitForDialog(page);
        assert.match(other.text.split('\n')[0], /^Accept “.+” from account \d{12}\?$/);
        await answerDialog(page, 'Cancel');
      }
      if (await quickInput(page).isVisible()) await page.keyboard.press('Escape');
      assert.equal(sent(ui.current, 'AcceptGrant'), 1, 'still one AcceptGrant');
      // The next step from the notification: activate, then told in words with Open Details next.
      await clickNotificationButton(page, `Accepted “${PENDING}”`, 'Activate');
      await waitForQuickInput(page, { title: 'Activate Grant' });
      await page.keyboard.press('Enter');
      const active = await waitForNotification(page, `Activated “${PENDING}”. Its licenses can be used now.`, 30_000);
      assert.deepEqual(active.buttons, ['Open Details']);
      assert.equal(grantNamed(ui.current, PENDING).GrantStatus, 'ACTIVE');
      await openContainer(page);
    });
  }

  for (const width of WIDTHS) {
    it(`5: grant panels at ${width} px lead with the invited step, name the license by product, never split words or ids`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      await expandTreeItem(page, RECEIVED_LICENSES);
      await expandTreeItem(page, RECEIVED);
      const cases = [
        { name: PENDING, buttons: ['Accept', 'Reject…', 'Refresh', 'Open JSON'], primary: 'Accept' },
        { name: ACCEPTED, buttons: ['Activate…', 'Reject…', 'New Version…', 'Refresh', 'Open JSON'], primary: 'Activate…' },
      ];
      for (const c of cases) {
        const grant = grantNamed(ui.current, c.name);
        const frame = await openPanel(page, [...RECEIVED, c.name], `Received grant: ${c.name}`);
        const buttons = frame.locator('.toolbar button');
        assert.deepEqual((await buttons.allInnerTexts()).map((b) => b.trim()), c.buttons);
        assert.deepEqual((await frame.locator('.toolbar button.primary').allInnerTexts()).map((b) => b.trim()), [c.primary]);
        const license = frame.locator('[data-section="overview"] dd.with-copy');
        await poll(async () => (await license.locator('[data-link-id="license"]').innerText()).trim() === productOf(ui.current, grant.LicenseArn), 10_000, 'the license by product name');
        assert.equal(await license.locator('[data-link-id="license"]').getAttribute('title'), grant.LicenseArn, 'the ARN on hover');
        await license.locator('#copy-license-arn').click();
        const near = frame.locator('#copy-license-arn + .near-notice');
        await near.waitFor({ state: 'visible', timeout: 5_000 });
        assert.equal((await near.innerText()).trim(), 'Copied');
        assert.equal(await page.evaluate('navigator.clipboard.readText()'), grant.LicenseArn);
        assert.deepEqual(await layoutProblems(frame), []);
        // The JSON block: no shading per line, no scrolling inside the page, "JSON copied" beside its button.
        const code = frame.locator('#json code');
        assert.equal(await code.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');
        assert.ok(await frame.locator('#json').evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'the whole JSON shows without an inner scroll');
        await frame.locator('#copy-json').click();
        const copied = frame.locator('#copy-json + .near-notice');
        await copied.waitFor({ state: 'visible', timeout: 5_000 });
        assert.equal((await copied.innerText()).trim(), 'JSON copied');
        const [b, n] = [await frame.locator('#copy-json').boundingBox(), await copied.boundingBox()];
        assert.ok(b && n && n.x >= b.x + b.width && n.x - (b.x + b.width) < 24 && Math.abs(n.y + n.height / 2 - (b.y + b.height / 2)) < b.height, 'the notice sits right of the button');
        // The panel as it opens: its top, with the buttons.
        await frame.locator('body').evaluate((body) => body.ownerDocument.defaultView!.scrollTo(0, 0));
        await screenshot(page, `grant-${c.name.replace(/\W+/g, '-')}-${width}`);
      }
    });

    it(`5: the configuration panel at ${width} px reflows its cards, keeps ids whole and shows no empty card`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      const config = ['buyer', 'us-east-1', 'License configurations', 'SQL Server Standard'];
      await expandTreeItem(page, config.slice(0, -1));
      const frame = await openPanel(page, config, 'License configuration: SQL Server Standard');
      assert.deepEqual(await layoutProblems(frame), []);
      // The seed gives this configuration no rules: named on one line, not as an empty card.
      const cards = await frame.locator('.sections > .card h2').allInnerTexts();
      assert.deepEqual(cards.map((c) => c.trim()), ['Usage', 'License configuration', 'Consumption by resource type', 'Managed resources']);
      assert.equal((await frame.locator('#empty-sections').innerText()).trim(), 'No rules');
      const type = frame.locator('td', { hasText: 'SYSTEMS_MANAGER_MANAGED_INSTANCE' });
      assert.equal(await type.getAttribute('title'), 'SYSTEMS_MANAGER_MANAGED_INSTANCE', 'the whole type on hover');
      const lefts = new Set((await frame.locator('.sections > .card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)))));
      if (width === 700) assert.equal(lefts.size, 1, 'one column of cards in a narrow editor');
      else assert.ok(lefts.size >= 2, 'cards side by side in a wide editor');
      await screenshot(page, `configuration-${width}`);
    });
  }

  for (const width of WIDTHS) {
    it(`6: at ${width} px, export of filtered usage says so in the dialog title, the file name and the result`, async () => {
      const { page, server } = ui.current;
      await setWidth(page, width);
      await expandTreeItem(page, FLEET);
      await findTreeItem(page, FLEET_USAGE);
      await runTreeItemContextMenu(page, FLEET_USAGE, 'Filter Usage…');
      await waitForQuickInput(page, { title: 'Filter usage' });
      await pickQuickPickItem(page, 'Resource type…');
      await waitForQuickInput(page, { title: 'Resource type' });
      await pickQuickPickItem(page, 'EC2_HOST');
      await poll(async () => (await findTreeItem(page, FLEET_USAGE)).description === 'Resource type: EC2 host', 20_000, 'the filter in words');
      await runTreeItemContextMenu(page, FLEET_USAGE, 'Export List…');
      await waitForQuickInput(page, { title: 'Export format' });
      await pickQuickPickItem(page, 'CSV');
      await waitForQuickInput(page, { title: 'Export Usage of SQL Server Enterprise fleet (seller, us-east-1), filtered to Resource type: EC2 host' });
      const input = quickInput(page).locator('.quick-input-box input');
      let offered = '';
      await poll(async () => /\.csv$/.test((offered = await input.inputValue())), 10_000, () => `a file name (has “${offered}”)`);
      const d = new Date();
      const today = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
      assert.ok(offered.endsWith(`/usage-SQL-Server-Enterprise-fleet-resourceType-EC2_HOST-${today}.csv`), offered);
      await screenshot(page, `export-filtered-${width}`);
      const hosts = ui.current.emulator!.state.configs.find((c) => c.data.Name === 'SQL Server Enterprise fleet')!.usage.filter((u) => (u as { ResourceType?: string }).ResourceType === 'EC2_HOST').length;
      assert.equal(hosts, 312, 'the seed');
      await input.fill(join(server.folder, `hosts-${width}.csv`));
      await input.press('Enter');
      const done = await waitForNotification(page, `Exported 312 usage records (Resource type: EC2 host) to hosts-${width}.csv`, 60_000);
      assert.equal(done.message, `Exported 312 usage records (Resource type: EC2 host) to hosts-${width}.csv`);
      await runTreeItemContextMenu(page, FLEET_USAGE, 'Filter Usage…');
      await waitForQuickInput(page, { title: 'Filter usage' });
      await pickQuickPickItem(page, 'Clear usage filter');
    });
  }

  for (const width of WIDTHS) {
    it(`7: at ${width} px, an error row has its full text on hover, Copy Error and Copy Request Id, and shows its retry`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      const grants = ['buyer-readonly', 'us-east-1', 'Received grants'];
      await expandTreeItem(page, grants);
      const error = await poll(async () => (await treeChildren(page, grants)).find((r) => r.label === 'Access denied'), 20_000, 'the access denied row');
      assert.ok(error.ariaLabel.includes('ListReceivedGrants'), `the full failure on hover: ${error.ariaLabel}`);
      const entries = await openTreeItemContextMenu(page, [...grants, 'Access denied']);
      await page.keyboard.press('Escape');
      assert.ok(entries.includes('Copy Error') && entries.includes('Copy Request Id'), entries.join(', '));
      await page.evaluate('navigator.clipboard.writeText("")');
      await runTreeItemContextMenu(page, [...grants, 'Access denied'], 'Copy Request Id');
      const id = await poll(async () => ((await page.evaluate('navigator.clipboard.readText()')) as string) || undefined, 5_000, 'the request id copied');
      const request = [...ui.current.emulator!.requests].reverse().find((r) => r.operation === 'ListReceivedGrants');
      assert.equal(id, request?.requestId);
      await runTreeItemContextMenu(page, [...grants, 'Access denied'], 'Copy Error');
      const copied = await poll(async () => ((await page.evaluate('navigator.clipboard.readText()')) as string).includes('Operation: ListReceivedGrants') || undefined, 5_000, 'the error copied');
      assert.ok(copied);
      ui.current.emulator!.setFaults({ latencyMs: 1_500 });
      await clickTreeItem(page, [...grants, 'Access denied']);
      await poll(async () => (await treeChildren(page, grants)).some((r) => r.description === 'Retrying…' && r.icons.includes('codicon-loading')), 5_000, 'a spinner while it retries');
      await poll(async () => /^tried \d\d:\d\d:\d\d · /.test((await treeChildren(page, grants)).find((r) => r.label === 'Access denied')?.description ?? ''), 20_000, 'the time of the last try');
      ui.current.emulator!.setFaults({ latencyMs: 0 });
      await screenshot(page, `error-row-${width}`);
    });
  }

  for (const width of WIDTHS) {
    it(`8: at ${width} px, descriptions lead with the value that matters`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      const usage = ['seller', 'us-east-1', 'License configurations', 'Windows Server Datacenter', 'Usage'];
      await expandTreeItem(page, usage.slice(0, -1));
      await expandTreeItem(page, usage);
      const rows = await poll(async () => {
        const r = await treeChildren(page, usage);
        return r.some((x) => x.label === 'h-7f759ce160330212a') ? r : undefined;
      }, 20_000, 'the seeded dedicated host');
      assert.equal(rows.find((r) => r.label === 'h-7f759ce160330212a')?.description, '48 consumed · running · EC2_HOST');
      const shown = await container(page).locator('.monaco-list-row').filter({ hasText: 'h-7f759ce160330212a' }).locator('.label-description').first();
      const box = await shown.boundingBox();
      const pane = await container(page).boundingBox();
      assert.ok(box && pane && box.x < pane.x + pane.width, 'the count is in view');
      await screenshot(page, `descriptions-${width}`);
    });
  }

  for (const width of WIDTHS) {
    it(`9: at ${width} px, an open panel comes back after a window reload, read again from AWS`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      await expandTreeItem(page, RECEIVED);
      await openPanel(page, [...RECEIVED, PENDING], `Received grant: ${PENDING}`);
      const before = (await page.locator('.part.editor').boundingBox())?.width ?? 0;
      ui.current.emulator!.requests.length = 0;
      await runCommand(page, 'Developer: Reload Window');
      await page.waitForLoadState('load');
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      await poll(async () => (await editorTabs(page)).some((t) => t.title === `Received grant: ${PENDING}`), 60_000, 'the panel’s tab back');
      const frame = await panel(page, PENDING);
      assert.equal((await frame.locator('#status').innerText()).trim(), 'PENDING_ACCEPT');
      assert.ok(ui.current.emulator!.requests.some((r) => r.operation === 'GetGrant'), 'the grant was read again');
      const editor = await page.locator('.part.editor').boundingBox();
      assert.ok(editor && Math.abs(editor.width - before) <= 2, `the panel back in an editor as wide as before (${before} px, now ${editor?.width})`);
      await screenshot(page, `reload-panel-${width}`);
      await openContainer(page);
      await selectProfiles(page, ['buyer', 'buyer-readonly', 'seller']);
    });
  }

  for (const width of WIDTHS) {
    it(`10: at ${width} px, palette titles end in … where input follows, are title case and name their object`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      const shown = async (filter: string): Promise<string[]> => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await waitForQuickInput(page);
        await quickInput(page).locator('.quick-input-box input').fill(`>${filter}`);
        await new Promise((r) => setTimeout(r, 800));
        const labels = (await quickPickItems(page)).map((i) => i.label);
        await page.keyboard.press('Escape');
        return labels;
      };
      const expected = [
        'License Manager: Activate Grant…',
        'License Manager: Deactivate Grant…',
        'License Manager: Reject Grant…',
        'License Manager: Delete Grant…',
        'License Manager: Export List…',
        'License Manager: Filter Explorer…',
        'License Manager: Refresh Explorer',
        'License Manager: Sign In with AWS SSO',
      ];
      for (const title of expected) assert.ok((await shown(title)).includes(title), title);
      // The titles as the palette lists them at this width, none cut.
      await page.keyboard.press('F1');
      await waitForQuickInput(page);
      await quickInput(page).locator('.quick-input-box input').fill('>License Manager: ');
      await poll(async () => (await quickPickItems(page)).some((i) => expected.includes(i.label)), 10_000, 'the License Manager commands listed');
      const cut = await quickInput(page)
        .locator('.quick-input-list .monaco-list-row .monaco-icon-label-container')
        .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => (el.textContent ?? '').trim()));
      assert.deepEqual(cut, [], `no title cut at ${width} px`);
      await screenshot(page, `palette-${width}`);
      await page.keyboard.press('Escape');
      const gone = ['License Manager: Delete Grant', 'License Manager: Sign in (AWS SSO)', 'License Manager: Export…', 'License Manager: Filter…'];
      for (const title of gone) assert.ok(!(await shown(title)).includes(title), `no “${title}”`);
    });
  }
});
