/** Export… from a list's context menu, through the format pick and the save dialog, checked on disk. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  expandTreeItem,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  quickInput,
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

  it('Export… on Usage: CSV, the save dialog offers a dated name in the workspace, the file holds every record', async () => {
    const { page, server } = ui.current;
    await expandTreeItem(page, CONFIG);
    await findTreeItem(page, USAGE);
    await runTreeItemContextMenu(page, USAGE, 'Export…');
    await waitForQuickInput(page, { title: 'Export format' });
    await pickQuickPickItem(page, 'CSV');
    await waitForQuickInput(page, { title: /^Export Usage of SQL Server Enterprise fleet/ });
    const box = quickInput(page).locator('.quick-input-box input');
    const offered = await box.inputValue();
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
});
