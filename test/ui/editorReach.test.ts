/** ARNs in an editor and Open in AWS Console, in the workbench. */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  answerDialog,
  expandTreeItem,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  readClipboard,
  runTreeItemContextMenu,
  useUiSession,
  waitForDialog,
  waitForWebview,
  waitForQuickInput,
} from './support';

const GRANT = 'arn:aws:license-manager::111122223333:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8';

describe('ARNs in the editor and the console (installed VSIX, demo seed)', function () {
  this.timeout(120_000);
  const ui = useUiSession({ seed: 'demo' });

  before(async () => {
    writeFileSync(join(ui.current.server.folder, 'grants.tf'), `resource "aws_licensemanager_grant_accepter" "this" {\n  grant_arn = "${GRANT}"\n}\n`);
    await openContainer(ui.current.page);
  });

  /** Opens grants.tf through Quick Open, with the seller's distributed grants loaded in the explorer. */
  async function openGrantsFile(page: Page): Promise<void> {
    await expandTreeItem(page, ['seller', 'us-east-1', 'Distributed grants']);
    await findTreeItem(page, ['seller', 'us-east-1', 'Distributed grants', 'Globex analytics production']);
    await page.keyboard.press('Control+P');
    await waitForQuickInput(page);
    await page.keyboard.type('grants.tf');
    await pickQuickPickItem(page, 'grants.tf');
  }

  it('Open in License Manager above a grant ARN selects its explorer item and opens its panel', async () => {
    const { page } = ui.current;
    await openGrantsFile(page);
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Open in License Manager' }).first().click({ timeout: 20_000 });
    await waitForWebview(page, 'Globex analytics production', 30_000);
    const selected = page.locator('.monaco-list[role="tree"][aria-label="Explorer"] .monaco-list-row.selected .label-name');
    await poll(async () => (await selected.allInnerTexts()).map((t) => t.trim()).join('|') === 'Globex analytics production', 15_000, 'the grant selected in the explorer');
  });

  it('a hover on a grant ARN in a Terraform file shows the grant and its status', async () => {
    const { page } = ui.current;
    await openGrantsFile(page);
    const arnText = page.locator('.monaco-editor .view-lines span', { hasText: 'g-4abfbe07ca6291fc4c9fdf856c5dd1a8' }).last();
    await arnText.waitFor({ timeout: 20_000 });
    const hover = page.locator('.monaco-hover:visible .hover-contents').first();
    const text = await poll(
      async () => {
        await arnText.hover({ position: { x: 20, y: 5 } });
        const shown = (await hover.innerText({ timeout: 2_000 }).catch(() => '')).replace(/\u00a0/g, ' ').trim();
        return shown.startsWith('License Manager') && shown;
      },
      20_000,
      'the License Manager hover',
    );
    assert.equal(
      text.split(/\n+/).join('\n'),
      ['License Manager grant: Globex analytics production', 'Status: ACTIVE', 'Account: 111122223333 · Region: us-east-1 · Version: 3', 'As loaded in the explorer (seller)'].join('\n'),
    );
  });

  it('Open in AWS Console asks to open the grant page of its region', async () => {
    const { page } = ui.current;
    await expandTreeItem(page, ['seller', 'us-east-1', 'Distributed grants']);
    await runTreeItemContextMenu(page, ['seller', 'us-east-1', 'Distributed grants', 'Globex analytics production'], 'Open in AWS Console');
    const dialog = await waitForDialog(page);
    assert.match(dialog.text, /^Do you want code-server to open the external website\?\nhttps:\/\/us-east-1\.console\.aws\.amazon\.com\//);
    // The dialog shortens the address; its Copy button gives it whole.
    await answerDialog(page, 'Copy');
    assert.equal(await readClipboard(page), 'https://us-east-1.console.aws.amazon.com/license-manager/home?region=us-east-1#/grants/g-4abfbe07ca6291fc4c9fdf856c5dd1a8');
  });
});
