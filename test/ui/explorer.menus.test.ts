/** Right-click menus, "Load more…" and the usage filter prompt, clicked in the workbench. */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  answerInputBox,
  clickTreeItem,
  expandTreeItem,
  findTreeItem,
  openContainer,
  openTreeItemContextMenu,
  pickQuickPickItem,
  poll,
  runTreeItemContextMenu,
  selectProfiles,
  treeChildren,
  useUiSession,
  waitForQuickInput,
  type UiSession,
} from './support';

const RECEIVED = ['buyer', 'us-east-1', 'Received grants'];
const CONFIG = ['seller', 'us-east-1', 'License configurations', 'Windows Server Datacenter'];
const USAGE = [...CONFIG, 'Usage'];
/** Filtered by one test only, so the paging test sees it unfiltered. */
const FLEET_USAGE = ['seller', 'us-east-1', 'License configurations', 'SQL Server Enterprise fleet', 'Usage'];
const MORE = 'Load more…';

async function labels(page: Page, path: readonly string[]): Promise<string[]> {
  return (await treeChildren(page, path)).map((r) => r.label);
}

/** Clicks "Load more…" under `path` until `label` shows. */
async function loadUntil(page: Page, path: readonly string[], label: string): Promise<void> {
  await poll(
    async () => {
      const shown = await labels(page, path);
      if (shown.includes(label)) return true;
      if (shown.includes(MORE)) await clickTreeItem(page, [...path, MORE]);
      return false;
    },
    30_000,
    `${label} under ${path.join(' › ')}`,
  );
}

function usageRequests(ui: UiSession): { NextToken?: string; Filters?: { Name: string; Values: string[] }[] }[] {
  return ui.emulator!.requests.filter((r) => r.operation === 'ListUsageForLicenseConfiguration').map((r) => r.body as never);
}

describe('explorer menus and paging in the workbench (installed VSIX, demo seed, 2 per page)', function () {
  this.timeout(120_000);
  const ui = useUiSession({ seed: 'demo', settings: { 'licenseManager.pageSize': 2 } });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer', 'seller']);
    await findTreeItem(page, ['seller']);
  });
  beforeEach(async () => {
    await ui.current.page.keyboard.press('Escape');
  });

  it('right-click on a grant offers the actions of its status: pending vs active', async () => {
    const { page } = ui.current;
    await expandTreeItem(page, RECEIVED);
    const cases = [
      { name: 'Globex data pipeline rollout', offered: ['Accept Grant', 'Reject Grant…'], absent: ['Activate Grant…', 'Deactivate Grant…', 'New Grant Version…'] },
      { name: 'Globex analytics production', offered: ['Deactivate Grant…', 'New Grant Version…', 'Reject Grant…'], absent: ['Accept Grant', 'Activate Grant…'] },
    ];
    for (const c of cases) {
      await loadUntil(page, RECEIVED, c.name);
      const row = await findTreeItem(page, [...RECEIVED, c.name]);
      const entries = await openTreeItemContextMenu(page, [...RECEIVED, c.name]);
      await page.keyboard.press('Escape');
      for (const e of ['Open Details', 'Open JSON', 'Copy ARN', ...c.offered]) assert.ok(entries.includes(e), `${c.name} (${row.description}) offers ${e}: ${entries.join(', ')}`);
      for (const e of c.absent) assert.ok(!entries.includes(e), `${c.name} (${row.description}) does not offer ${e}: ${entries.join(', ')}`);
    }
  });

  it('"Load more…" clicked loads the next page with the token, until the list is complete', async () => {
    const { page } = ui.current;
    await expandTreeItem(page, USAGE);
    await poll(async () => (await labels(page, USAGE)).includes(MORE), 20_000, 'a first page with "Load more…"');
    const first = (await labels(page, USAGE)).filter((l) => l !== MORE);
    assert.equal(first.length, 2);
    ui.current.emulator!.requests.length = 0;
    await clickTreeItem(page, [...USAGE, MORE]);
    await poll(async () => (await labels(page, USAGE)).filter((l) => l !== MORE).length === 4, 20_000, 'four usage items');
    const sent = usageRequests(ui.current);
    assert.equal(sent.length, 1, 'one request for the click');
    assert.ok(sent[0].NextToken, 'it carries the token of the first page');
    await clickTreeItem(page, [...USAGE, MORE]);
    await poll(async () => {
      const l = await labels(page, USAGE);
      return l.length === 5 && !l.includes(MORE);
    }, 20_000, 'all five usage items, no "Load more…"');
    const shown = await labels(page, USAGE);
    assert.equal(new Set(shown).size, 5, `no duplicates: ${shown.join(', ')}`);
    assert.deepEqual(shown.slice(0, 2), first, 'the first page stays in place');
  });

  it('filters usage by resource ARN through the prompt, server-side', async () => {
    const { page } = ui.current;
    const config = ui.current.emulator!.state.configs.find((c) => c.data.Name === 'SQL Server Enterprise fleet');
    assert.ok(config);
    const arn = (config.usage[3] as { ResourceArn: string }).ResourceArn;
    await expandTreeItem(page, FLEET_USAGE);
    ui.current.emulator!.requests.length = 0;
    await runTreeItemContextMenu(page, FLEET_USAGE, 'Filter Usage…');
    await waitForQuickInput(page, { title: 'Filter usage' });
    await pickQuickPickItem(page, 'Resource ARN…');
    await waitForQuickInput(page, { title: 'Resource ARN' });
    await answerInputBox(page, arn);
    await poll(async () => {
      const l = await labels(page, FLEET_USAGE);
      return l.length === 1 && !l.includes(MORE);
    }, 20_000, 'one usage item');
    // Generated usage record 3 of the fleet: an EC2 host of the seller.
    assert.match(arn, /^arn:aws:ec2:us-east-1:111122223333:dedicated-host\/h-[0-9a-f]{17}$/);
    const sent = usageRequests(ui.current);
    assert.deepEqual(sent.map((r) => r.Filters), [[{ Name: 'resourceArn', Values: [arn] }]], 'one request, filtered by the ARN');
    assert.deepEqual(await labels(page, FLEET_USAGE), [arn.slice(arn.lastIndexOf('/') + 1)]);
  });
});
