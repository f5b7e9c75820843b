import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import {
  answerDialog,
  clickTreeItem,
  expandTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  readClipboard,
  runCommand,
  selectProfiles,
  useUiSession,
  waitForDialog,
  waitForWebview,
} from './support';

const RECEIVED = ['buyer', 'us-east-1', 'Received licenses'];
const NAME = 'Lab Provisional – Buyer';

async function licensePanel(page: Page): Promise<FrameLocator> {
  await clickTreeItem(page, [...RECEIVED, NAME]);
  const frame = await waitForWebview(page, undefined, 30_000);
  await poll(async () => (await frame.locator('#title').innerText().catch(() => '')).trim() === NAME, 20_000, 'the license panel');
  return frame;
}

describe('Try Checkout (installed VSIX)', () => {
  const ui = useUiSession({ seed: 'checkout' });

  before(async function () {
    this.timeout(90_000);
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer']);
    await expandTreeItem(page, RECEIVED);
  });

  beforeEach(async function () {
    this.timeout(60_000);
    const { page } = ui.current;
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
    ui.current.resetEmulator();
  });

  it('from the license panel: usage before, the unit held while the result shows, Copy, check-in on close, usage after', async function () {
    this.timeout(120_000);
    const { page } = ui.current;
    const emu = ui.current.emulator!;
    const held = (): number => {
      let n = 0;
      for (const c of emu.state.checkouts.values()) if (!c.checkedIn) for (const e of c.entitlements) if (e.Name === 'Users') n += Number(e.Value);
      return n;
    };
    const frame = await licensePanel(page);
    assert.deepEqual(await frame.locator('#generate-checkout-code, #try-checkout').allInnerTexts(), ['Generate Checkout Code…', 'Try Checkout…']);
    await frame.locator('#try-checkout').click();
    await pickQuickPickItem(page, 'Users');
    const confirm = await answerDialog(page, 'Check Out');
    assert.match(confirm, /Try Checkout of Lab Provisional – Buyer consumes 1 of 10 Users until it is checked in \(at most 60 minutes\)\?/);
    assert.match(confirm, /In use now: 0 of 10 Count in use\./);
    const result = await waitForDialog(page);
    assert.match(result.text, /Checked out Lab Provisional – Buyer/);
    assert.match(result.text, /Entitlements allowed: Users = 1 \(Count\)/);
    assert.match(result.text, /In use before: 0 of 10 Count in use/);
    assert.equal(held(), 1, 'the unit is held while the result shows');
    const usageInPanel = (): Promise<string> => frame.locator('section:has(#section-entitlement-usage) .usage-text').first().innerText().catch(() => '');
    await poll(async () => (await usageInPanel()).startsWith('1 / 10 Count'), 20_000, 'the panel shows the unit in use');
    assert.equal(emu.requests.filter((r) => r.operation === 'CheckInLicense').length, 0);
    // Copy keeps the result up: the dialog is shown again at once, so it is clicked without waiting for it to close.
    await page.locator('.monaco-dialog-box .dialog-buttons .monaco-button').filter({ hasText: /^\s*Copy Signed Token\s*$/ }).first().click();
    await poll(async () => (await readClipboard(page)).split('.').length === 3, 10_000, 'the signed token on the clipboard');
    const again = await waitForDialog(page);
    const close = again.buttons.find((b) => b !== 'Copy Signed Token')!;
    await answerDialog(page, close);
    await poll(async () => (await usageInPanel()).startsWith('0 / 10 Count'), 20_000, 'the panel shows usage back after the check-in');
    assert.equal(held(), 0, 'checked in');
    assert.deepEqual(
      emu.requests.filter((r) => ['CheckoutLicense', 'CheckInLicense'].includes(r.operation)).map((r) => `${r.operation} ${r.status}`),
      ['CheckoutLicense 200', 'CheckInLicense 200'],
    );
  });
});
