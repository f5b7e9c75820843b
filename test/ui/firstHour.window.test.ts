/**
 * The first hour in the demo, the window itself: how the License Manager opens in a new window,
 * and what a window reload keeps (expanded nodes, profiles' account ids); each at 1500 × 950 and
 * in a 700 px wide editor.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { container, expandTreeItem, findTreeItem, openContainer, poll, runCommand, selectProfiles, treeChildren, useUiSession } from './support';
import { screenshot, setWidth, WIDTHS } from './support/widths';

const LICENSES = ['seller', 'us-east-1', 'Licenses'];
const LICENSE = 'Northwind Secure Gateway Pro';

function sectionHeader(page: Page, name: string) {
  return container(page)
    .locator('.pane-header')
    .filter({ has: page.locator('h3.title', { hasText: new RegExp(`^\\s*${name}\\s*$`, 'i') }) })
    .first();
}

describe('the first hour in the demo: a new window (installed VSIX)', function () {
  this.timeout(180_000);
  const ui = useUiSession({ seed: 'demo', viewport: { width: 1500, height: 950 } });

  for (const width of WIDTHS) {
    it(`8: at ${width} px, the Grants Inbox starts collapsed and the explorer has the side bar`, async () => {
      const { page } = ui.current;
      // As a new user opens it: the activity bar icon, no section touched; then the editor's width.
      if (!(await container(page).isVisible())) await page.locator('.activitybar .action-item .action-label[aria-label^="License Manager"]').click();
      await setWidth(page, width);
      const inbox = sectionHeader(page, 'Grants Inbox');
      await inbox.waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await inbox.getAttribute('aria-expanded'), 'false', 'the inbox section is collapsed');
      const explorer = await container(page).locator('.pane').first().boundingBox();
      const side = await container(page).boundingBox();
      const header = await inbox.boundingBox();
      assert.ok(explorer && side && header, 'the sections are drawn');
      assert.ok(side.y + side.height - (header.y + header.height) < 2, 'the collapsed inbox is only its header, at the bottom');
      assert.ok(explorer.height > side.height - 3 * header.height, `the explorer takes the rest (${explorer.height} of ${side.height})`);
      await screenshot(page, `side-bar-${width}`);
    });
  }

  for (const width of WIDTHS) {
    it(`9: at ${width} px, after a window reload, what was expanded opens again and each profile shows its account before its lists answer`, async () => {
      const { page } = ui.current;
      await openContainer(page);
      await setWidth(page, width);
      await selectProfiles(page, ['buyer', 'seller']);
      await expandTreeItem(page, LICENSES.slice(0, 2));
      await expandTreeItem(page, LICENSES);
      await poll(async () => (await treeChildren(page, LICENSES)).some((r) => r.label === LICENSE), 30_000, `${LICENSE} listed`);
      await poll(async () => (await findTreeItem(page, ['seller'])).description === '111122223333 · access keys', 20_000, 'the seller’s account learnt');
      const before = (await page.locator('.part.editor').boundingBox())?.width ?? 0;
      // No answer at all after the reload: what shows is what the window remembered.
      ui.current.emulator!.setFaults({ hang: ['*'] });
      ui.current.emulator!.requests.length = 0;
      try {
        await runCommand(page, 'Developer: Reload Window');
        await page.waitForLoadState('load');
        await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
        // The window reopens the container it showed; clicking its icon meanwhile would close it.
        await container(page).locator('.pane-body').first().waitFor({ state: 'visible', timeout: 30_000 });
        const seller = await findTreeItem(page, ['seller'], 30_000);
        assert.equal(seller.description, '111122223333 · access keys', 'the account id while no list has answered');
        await poll(async () => (await findTreeItem(page, LICENSES)).expanded === true, 30_000, 'Licenses expanded again');
        assert.equal((await findTreeItem(page, LICENSES.slice(0, 2))).expanded, true, 'the region expanded again');
        assert.deepEqual((await treeChildren(page, LICENSES)).map((r) => r.label), ['Loading…'], 'the list says it loads, and holds nothing else back');
        // A request is logged as it arrives; its status is set once answered.
        assert.deepEqual(ui.current.emulator!.requests.filter((r) => r.status !== 0).map((r) => r.operation), [], 'nothing was answered');
        const editor = await page.locator('.part.editor').boundingBox();
        assert.ok(editor && Math.abs(editor.width - before) <= 2, `the window reloaded with its editor as wide as before (${before} px, now ${editor?.width})`);
        await screenshot(page, `reload-${width}`);
      } finally {
        ui.current.emulator!.setFaults({ hang: [] });
      }
      await runCommand(page, 'License Manager: Refresh Explorer');
      await poll(async () => (await treeChildren(page, LICENSES)).some((r) => r.label === LICENSE), 60_000, `${LICENSE} listed again`);
    });
  }
});
