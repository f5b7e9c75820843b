/** Export List… from a list's context menu, through the format pick and the save dialog, checked on disk. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expandTreeItem,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  quickInput,
  quickPickItems,
  runCommand,
  runTreeItemContextMenu,
  selectProfiles,
  useUiSession,
  waitForNotification,
  waitForQuickInput,
} from './support';

const CONFIG = ['seller', 'us-east-1', 'License configurations', 'SQL Server Enterprise fleet'];
const USAGE = [...CONFIG, 'Usage'];

function today(): string {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

describe('export in the workbench (installed VSIX, demo seed)', function () {
  this.timeout(120_000);
  const ui = useUiSession({ seed: 'demo' });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['seller']);
    await findTreeItem(page, ['seller']);
  });

  it('Export List… on Usage: CSV, the save dialog offers a dated name in the workspace, the file holds every record', async () => {
    const { page, server } = ui.current;
    await expandTreeItem(page, CONFIG);
    await findTreeItem(page, USAGE);
    await runTreeItemContextMenu(page, USAGE, 'Export List…');
    await waitForQuickInput(page, { title: 'Export format' });
    await pickQuickPickItem(page, 'CSV');
    await waitForQuickInput(page, { title: /^Export Usage of SQL Server Enterprise fleet/ });
    const box = quickInput(page).locator('.quick-input-box input');
    // The dialog shows its folder first and the proposed name a moment later.
    let offered = '';
    await poll(async () => (offered = await box.inputValue()).endsWith('.csv'), 10_000, () => `a file name in the save dialog (has “${offered}”)`).catch(() => undefined);
    assert.ok(offered.endsWith(`/usage-SQL-Server-Enterprise-fleet-${today()}.csv`), offered);
    assert.ok(offered.startsWith(server.folder), `${offered} is in the workspace folder ${server.folder}`);
    const target = join(server.folder, 'fleet-usage.csv');
    await box.fill(target);
    await poll(async () => (await box.inputValue()) === target, 5_000, 'the typed path');
    await box.press('Enter');
    const done = await waitForNotification(page, 'Exported 1,250 usage records to fleet-usage.csv', 60_000);
    assert.deepEqual(done.buttons, ['Open File', 'Reveal']);
    assert.ok(existsSync(target));
    const lines = readFileSync(target, 'utf8').replace(/^\ufeff/, '').split('\r\n');
    assert.equal(lines[0], 'ResourceArn,ResourceType,ResourceStatus,ResourceOwnerId,AssociationTime,ConsumedLicenses');
    assert.equal(lines.length, 1 + 1250 + 1, 'header, 1,250 records, final CRLF');
    const config = ui.current.emulator!.state.configs.find((c) => c.data.Name === 'SQL Server Enterprise fleet');
    assert.deepEqual(
      lines.slice(1, -1).map((l) => l.split(',')[0]),
      config!.usage.map((u) => u.ResourceArn),
      'one row per record, in the service’s order',
    );
  });

  it('from the palette: a loaded list, the remembered format first, and the dialog asks before replacing a file', async () => {
    const { page, server } = ui.current;
    const USAGE_PICK = 'Usage of SQL Server Enterprise fleet (seller, us-east-1)';
    await expandTreeItem(page, CONFIG);
    await findTreeItem(page, USAGE);
    const target = join(server.folder, 'earlier-export.json');
    writeFileSync(target, '[]\n');
    const mtime = statSync(target).mtimeMs;
    ui.current.emulator!.requests.length = 0;
    const exportFrom = async (format: string): Promise<void> => {
      await runCommand(page, 'License Manager: Export List…');
      await waitForQuickInput(page, { title: 'Export which list?' });
      let lists: string[] = [];
      await poll(async () => {
        lists = (await quickPickItems(page)).map((i) => i.label);
        return lists.includes(USAGE_PICK) && lists.includes('Received grants (seller, us-east-1)');
      }, 10_000, 'the lists to export').catch(() => undefined);
      assert.ok(lists.includes(USAGE_PICK) && lists.includes('Received grants (seller, us-east-1)'), lists.join(' | '));
      await pickQuickPickItem(page, USAGE_PICK);
      await waitForQuickInput(page, { title: 'Export format' });
      if (format) await pickQuickPickItem(page, format);
    };
    await exportFrom('JSON');
    await waitForQuickInput(page, { title: /^Export Usage of/ });
    const box = quickInput(page).locator('.quick-input-box input');
    await box.fill(target);
    await poll(async () => (await box.inputValue()) === target, 5_000, 'the typed path');
    await box.press('Enter');
    // The save dialog's own confirmation (code-server's simple dialog asks in its title); declined.
    await waitForQuickInput(page, { title: /^earlier-export\.json already exists\. Are you sure you want to overwrite it\?$/ });
    await poll(
      async () => {
        if (!(await quickInput(page).isVisible())) return true;
        await page.keyboard.press('Escape');
        return false;
      },
      10_000,
      'the dialog closed',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(readFileSync(target, 'utf8'), '[]\n', 'the file is left as it was');
    assert.equal(statSync(target).mtimeMs, mtime);
    assert.deepEqual(ui.current.emulator!.requests.filter((r) => r.operation === 'ListUsageForLicenseConfiguration'), [], 'nothing was fetched');
    // The format chosen last comes first next time.
    await exportFrom('');
    let formats: string[] = [];
    await poll(async () => {
      formats = (await quickPickItems(page)).map((i) => i.label);
      return formats.length === 2;
    }, 10_000, 'the formats').catch(() => undefined);
    assert.deepEqual(formats, ['JSON', 'CSV']);
    await page.keyboard.press('Escape');
  });
});
