/**
 * The first hour in the demo, continued: Create Grant and New Grant Version as a new user meets
 * them, at 1500 × 950 and in a window with a 700 px wide editor. Screenshots of each step worth
 * seeing are kept in test-results/ui/.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  answerInputBox,
  cancelQuickInput,
  filterQuickPick,
  findTreeItem,
  notifications,
  openContainer,
  pickQuickPickItem,
  poll,
  quickInput,
  quickInputTitle,
  quickPickItems,
  readClipboard,
  runCommand,
  selectProfiles,
  typeInInputBox,
  useUiSession,
  waitForInputBoxMessage,
  waitForNotification,
  waitForQuickInput,
  type QuickPickItemInfo,
  type UiSession,
} from './support';
import { placeholderShown, screenshot, setWidth, WIDTHS } from './support/widths';

const CREATE = 'Create Grant';
const VERSION = 'New Grant Version';
const LICENSE = 'Northwind Secure Gateway Pro';
const REASON = 'Suspended until purchase order PO-4500012345 is renewed';
const SUSPENDED = 'Globex BI dashboards';
const MUTATIONS = ['CreateGrant', 'CreateGrantVersion', 'AcceptGrant', 'RejectGrant', 'DeleteGrant'];

function mutationsSent(ui: UiSession): string[] {
  return ui.emulator!.requests.filter((r) => MUTATIONS.includes(r.operation)).map((r) => r.operation);
}

/** The ARN of the seed's license named `name`, from the emulator's own records. */
function licenseArnNamed(ui: UiSession, name: string): string {
  const licenses = (ui.emulator!.state as unknown as { licenses: Map<string, { arn: string; versions?: { LicenseName?: string }[] }> }).licenses;
  for (const l of licenses.values()) if (l.versions?.[l.versions.length - 1]?.LicenseName === name) return l.arn;
  throw new Error(`no seeded license ${name}`);
}

async function waitForTitle(page: Page, title: string): Promise<void> {
  await waitForQuickInput(page, { title });
  assert.equal(await quickInputTitle(page), title);
}

function backButton(page: Page) {
  return quickInput(page).locator('.quick-input-left-action-bar .action-label');
}

/** The rows of the open pick once it has loaded (its placeholder is no longer "Loading…"). */
async function loadedRows(page: Page, filter = ''): Promise<QuickPickItemInfo[]> {
  await poll(async () => (await placeholderShown(page)).text !== 'Loading…', 30_000, 'the pick loaded');
  await filterQuickPick(page, filter);
  return poll(async () => {
    const rows = await quickPickItems(page);
    return rows.length > 0 ? rows : undefined;
  }, 10_000, `rows for “${filter}”`);
}

/** Asserts the placeholder of the open step is whole, and returns it. */
async function wholePlaceholder(page: Page, where: string): Promise<string> {
  const shown = await placeholderShown(page);
  assert.equal(shown.cut, false, `the placeholder “${shown.text}” fits (${where})`);
  return shown.text;
}

/** The texts of the open pick's rows that end in an ellipsis (wider than their room). */
async function cutRows(page: Page): Promise<string[]> {
  return quickInput(page)
    .locator('.quick-input-list .monaco-list-row .monaco-icon-label-container')
    .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => (el.textContent ?? '').trim()));
}

/** Notification toasts on screen (a warning popping up in the middle of the steps would be one). */
async function toasts(page: Page): Promise<number> {
  return page.locator('.notifications-toasts .notification-toast').count();
}

describe('the first hour in the demo: grant inputs (installed VSIX)', function () {
  this.timeout(240_000);
  const ui = useUiSession({ seed: 'demo', viewport: { width: 1500, height: 950 } });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer', 'buyer-readonly', 'seller']);
    await findTreeItem(page, ['seller']);
  });

  beforeEach(async () => {
    const { page } = ui.current;
    await cancelQuickInput(page);
    await setWidth(page, 1500);
    await runCommand(page, 'Notifications: Clear All Notifications');
    ui.current.resetEmulator();
  });

  for (const width of WIDTHS) {
    it(`3: at ${width} px, Create Grant counts the license pick as step 1 with Back to it, offers only AVAILABLE licenses, names every accepted principal and reviews before sending`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      ui.current.emulator!.requests.length = 0;
      await runCommand(page, `License Manager: ${CREATE}…`);
      await waitForTitle(page, `${CREATE} (1/6)`);
      assert.equal(await backButton(page).count(), 0, 'no Back on the first step');
      const offered = (await loadedRows(page, 'Northwind')).filter((r) => !r.label.includes('not AVAILABLE'));
      assert.equal(await wholePlaceholder(page, 'license'), 'License to grant');
      // The seed's expired and deactivated licenses are not offered; a row says so, and why.
      for (const gone of ['Northwind Legacy Reporting']) assert.ok(!offered.some((r) => r.label === gone), `${gone} is not offered`);
      const [note] = await loadedRows(page, 'not AVAILABLE');
      assert.deepEqual(
        [note.label, note.description, note.detail],
        // The seed's deactivated license (Northwind Connectors Beta) is in eu-west-1, a region not shown.
        ['1 not AVAILABLE', 'AWS grants only AVAILABLE licenses', 'Northwind Legacy Reporting (EXPIRED; seller)'],
      );
      await filterQuickPick(page, LICENSE);
      const row = await poll(async () => (await quickPickItems(page)).find((i) => i.label === LICENSE && i.description.endsWith('seller · us-east-1')), 10_000, LICENSE);
      assert.equal(row.description, 'Northwind Secure Gateway · seller · us-east-1');
      await screenshot(page, `create-grant-license-${width}`);
      await quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: row.description }).first().click();

      await waitForTitle(page, `${CREATE} (2/6)`);
      assert.equal(await wholePlaceholder(page, 'name'), 'e.g. Globex production');
      // Back to the license pick, the license focused; on again with it.
      await backButton(page).click();
      await waitForTitle(page, `${CREATE} (1/6)`);
      assert.equal((await quickInput(page).locator('.quick-input-list .monaco-list-row.focused .label-name').first().innerText()).trim(), LICENSE);
      await quickInput(page).locator('.quick-input-box input').press('Enter');
      await waitForTitle(page, `${CREATE} (2/6)`);
      await answerInputBox(page, 'Globex gateway production');

      await waitForTitle(page, `${CREATE} (3/6)`);
      assert.equal(await wholePlaceholder(page, 'principal'), '123456789012 or arn:aws:organizations::…');
      await typeInInputBox(page, 'arn:aws:iam::4444:root');
      const wrong = await waitForInputBoxMessage(page, /must be an account ID/);
      assert.deepEqual(wrong, {
        text: 'The principal must be an account ID (12 digits) or the ARN of an account, organization or organizational unit, e.g. 123456789012, arn:aws:organizations::123456789012:organization/o-… or arn:aws:organizations::123456789012:ou/o-…/ou-….',
        severity: 'error',
      });
      await screenshot(page, `create-grant-principal-${width}`);
      await answerInputBox(page, '444455556666');

      await waitForTitle(page, `${CREATE} (4/6)`);
      assert.equal(await wholePlaceholder(page, 'region'), 'Home region of the grant');
      await pickQuickPickItem(page, 'us-east-1');
      await waitForTitle(page, `${CREATE} (5/6)`);
      assert.equal(await wholePlaceholder(page, 'operations'), 'Operations the grantee may perform');
      await quickInput(page).locator('.quick-input-action .monaco-button').getByText('OK', { exact: true }).click();

      await waitForTitle(page, `${CREATE} (6/6)`);
      assert.equal(await wholePlaceholder(page, 'review'), 'Review, then send or copy the command');
      const license = { LicenseArn: licenseArnNamed(ui.current, LICENSE) };
      // Every operation but CreateGrant starts checked, in the order the pick lists them.
      const ops = ['CheckoutLicense', 'CheckoutBorrowLicense', 'CheckInLicense', 'ExtendConsumptionLicense', 'ListPurchasedLicenses', 'CreateToken'];
      const review = await loadedRows(page);
      const [account, id] = [license.LicenseArn.split(':')[4], license.LicenseArn.split(':').pop()];
      assert.deepEqual(
        review.map((r) => [r.label, r.description, r.detail, r.separator]),
        [
          ['Create the grant', 'CreateGrant as profile seller in us-east-1', '', ''],
          ['Copy as AWS CLI Command', 'nothing is sent', '', ''],
          ['Grant name', 'Globex gateway production', '', 'What will be sent'],
          ['License', LICENSE, `${id} in account ${account}`, ''],
          ['Principal', 'arn:aws:iam::444455556666:root', '', ''],
          ['Home region', 'us-east-1', '', ''],
          ...ops.map((op, i) => [op, '', '', i === 0 ? `Allowed operations (${ops.length})` : '']),
        ],
      );
      assert.deepEqual(await cutRows(page), [], `nothing of the review is cut at ${width} px`);
      await screenshot(page, `create-grant-review-${width}`);
      // Copy as CLI: the same request as a command line, and nothing sent; the review stays open.
      await pickQuickPickItem(page, 'Copy as AWS CLI Command');
      await poll(async () => (await placeholderShown(page)).text.startsWith('Copied'), 10_000, 'told it was copied');
      assert.equal((await placeholderShown(page)).text, 'Copied the AWS CLI command; nothing was sent. Press Esc to close, or send from here instead.');
      const cli = await readClipboard(page);
      assert.match(
        cli,
        new RegExp(
          `^aws license-manager create-grant --client-token [0-9a-f-]{36} --grant-name 'Globex gateway production' --license-arn ${license.LicenseArn} --principals arn:aws:iam::444455556666:root --home-region us-east-1 --allowed-operations ${ops.join(' ')} --profile seller --region us-east-1$`,
        ),
      );
      assert.deepEqual(mutationsSent(ui.current), [], 'nothing sent by the review or the copy');
      await cancelQuickInput(page);
      assert.deepEqual(mutationsSent(ui.current), [], 'nothing sent after Esc at the review');
    });
  }

  it('3: a profile AWS refused CreateGrant to is not offered again, and the pick says why', async () => {
    const { page } = ui.current;
    const readOnly = async (): Promise<QuickPickItemInfo[]> => (await loadedRows(page, 'buyer-readonly')).filter((r) => r.description.includes('buyer-readonly'));
    await runCommand(page, `License Manager: ${CREATE}…`);
    await waitForTitle(page, `${CREATE} (1/6)`);
    const [row] = await readOnly();
    assert.ok(row, 'a license seen through buyer-readonly is offered before AWS has refused it anything');
    await quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: row.description }).filter({ hasText: row.label }).first().click();
    await waitForTitle(page, `${CREATE} (2/6)`);
    await answerInputBox(page, 'Initech research seats');
    await answerInputBox(page, '777788889999');
    await waitForTitle(page, `${CREATE} (4/6)`);
    await quickInput(page).locator('.quick-input-box input').press('Enter');
    await waitForTitle(page, `${CREATE} (5/6)`);
    await quickInput(page).locator('.quick-input-action .monaco-button').getByText('OK', { exact: true }).click();
    await waitForTitle(page, `${CREATE} (6/6)`);
    await pickQuickPickItem(page, 'Create the grant');
    const denied = await waitForNotification(page, /^Access denied: profile “buyer-readonly” lacks permission for CreateGrant/, 30_000);
    assert.equal(denied.severity, 'error');

    await runCommand(page, `License Manager: ${CREATE}…`);
    await waitForTitle(page, `${CREATE} (1/6)`);
    const rows = await loadedRows(page, 'buyer-readonly');
    assert.deepEqual(rows.filter((r) => r.description.includes('buyer-readonly') && !r.label.includes('through')), [], 'no license offered through buyer-readonly');
    const note = rows.find((r) => r.label.includes('through buyer-readonly'));
    assert.ok(note, rows.map((r) => r.label).join(' | '));
    assert.deepEqual([note.label, note.description], [`1 through buyer-readonly`, 'this profile may not create grants']);
    await screenshot(page, 'create-grant-read-only-1500');
    await cancelQuickInput(page);
  });

  for (const width of WIDTHS) {
    it(`4: at ${width} px, New Grant Version starts from the current reason, says what empty means, and shows what could not be listed in the pick`, async () => {
      const { page } = ui.current;
      await setWidth(page, width);
      await runCommand(page, `License Manager: ${VERSION}…`);
      await waitForTitle(page, VERSION);
      // buyer-readonly may not list received grants: said in the pick, not in a notification.
      const failures = await loadedRows(page, 'buyer-readonly');
      assert.deepEqual(
        failures.map((r) => [r.label, r.description]),
        [['buyer-readonly · us-east-1', 'not listed']],
      );
      assert.ok(failures.length >= 1 && failures.every((r) => /ListReceivedGrants/.test(r.detail)), failures.map((r) => r.detail).join(' | '));
      assert.equal(await toasts(page), 0, 'no notification in the middle of the steps');
      await screenshot(page, `new-grant-version-pick-${width}`);
      await filterQuickPick(page, SUSPENDED);
      const row = await poll(async () => (await quickPickItems(page)).find((i) => i.label === SUSPENDED && i.description.includes('seller')), 10_000, SUSPENDED);
      await quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: row.description }).first().click();

      await waitForTitle(page, `${VERSION} (1/4)`);
      await pickQuickPickItem(page, 'DISABLED');
      await waitForTitle(page, `${VERSION} (2/4)`);
      const input = quickInput(page).locator('.quick-input-box input');
      assert.equal(await input.inputValue(), REASON, 'the current reason, ready to edit');
      // VS Code adds its own hint after the prompt.
      const hint = " (Press 'Enter' to confirm or 'Escape' to cancel)";
      const message = async (): Promise<string> => (await quickInput(page).locator('.quick-input-message').innerText()).trim();
      assert.equal(await message(), `Status reason of “${SUSPENDED}”; both sides of the grant see it. Empty keeps the current reason: AWS cannot remove one.${hint}`);
      assert.equal(await toasts(page), 0, 'no notification in the middle of the steps');
      await screenshot(page, `new-grant-version-reason-${width}`);
      // Another status: the step says what empty does then.
      await backButton(page).click();
      await waitForTitle(page, `${VERSION} (1/4)`);
      await pickQuickPickItem(page, 'ACTIVE');
      await waitForTitle(page, `${VERSION} (2/4)`);
      assert.equal(await message(), `Status reason of the new ACTIVE version of “${SUSPENDED}”; both sides of the grant see it. Empty sends no reason.${hint}`);
      assert.equal(await input.inputValue(), REASON);
      await cancelQuickInput(page);
      assert.deepEqual(mutationsSent(ui.current), []);
    });
  }

  it('4: emptied with the status kept, the reason stays: nothing is sent and the user is told so', async () => {
    const { page } = ui.current;
    await runCommand(page, `License Manager: ${VERSION}…`);
    await waitForTitle(page, VERSION);
    await loadedRows(page, SUSPENDED);
    const row = await poll(async () => (await quickPickItems(page)).find((i) => i.label === SUSPENDED && i.description.includes('seller')), 10_000, SUSPENDED);
    await quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: row.description }).first().click();
    await waitForTitle(page, `${VERSION} (1/4)`);
    await pickQuickPickItem(page, 'DISABLED');
    await waitForTitle(page, `${VERSION} (2/4)`);
    await answerInputBox(page, '');
    await waitForTitle(page, `${VERSION} (3/4)`);
    await quickInput(page).locator('.quick-input-box input').press('Enter');
    await waitForTitle(page, `${VERSION} (4/4)`);
    await quickInput(page).locator('.quick-input-action .monaco-button').getByText('OK', { exact: true }).click();
    const told = await waitForNotification(page, `Nothing changed, so no new version of “${SUSPENDED}” was created.`);
    assert.equal(told.severity, 'info');
    assert.deepEqual(mutationsSent(ui.current), []);
    const shown = await notifications(page);
    assert.ok(shown.every((n) => n.severity !== 'warning'), 'no warning about other profiles');
  });
});
