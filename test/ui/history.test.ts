import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  clickTreeItem,
  editorTabs,
  expandTreeItem,
  openContainer,
  poll,
  runCommand,
  runTreeItemContextMenu,
  selectProfiles,
  useUiSession,
  waitForWebview,
  type UiSession,
} from './support';

interface GrantWire {
  GrantName: string;
  GrantStatus: string;
  StatusReason?: string;
  Version: string;
}

const RECEIVED = ['buyer', 'us-east-1', 'Received grants'];
const NAME = 'Globex BI dashboards';

/** The emulator's versions of the seeded grant named `name`, oldest first. */
function versionsOf(ui: UiSession, name: string): GrantWire[] {
  const state = ui.emulator!.state;
  for (const g of state.grants.values()) {
    const versions = g.versions as unknown as GrantWire[];
    if (versions[versions.length - 1].GrantName === name) return versions;
  }
  throw new Error(`no seeded grant ${name}`);
}

async function activeTab(page: Page): Promise<string | undefined> {
  return (await editorTabs(page)).find((t) => t.active)?.title;
}

describe('grant history and version diffs (installed VSIX)', () => {
  const ui = useUiSession({ seed: 'demo' });

  before(async function () {
    this.timeout(90_000);
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer']);
    await expandTreeItem(page, RECEIVED);
  });

  afterEach(async () => {
    await runCommand(ui.current.page, 'View: Close All Editors');
  });

  it('Show history in a grant’s panel lists every version newest first with status and reason', async () => {
    const { page } = ui.current;
    const versions = [...versionsOf(ui.current, NAME)].reverse();
    await clickTreeItem(page, [...RECEIVED, NAME]);
    const frame = await waitForWebview(page, undefined, 30_000);
    await poll(async () => (await frame.locator('#title').innerText().catch(() => '')).trim() === NAME, 20_000, 'the grant’s panel');
    await frame.locator('#show-history').click();
    const entries = frame.locator('#history-list > li');
    await poll(async () => (await entries.count()) === versions.length, 20_000, `${versions.length} versions listed`);
    const listed = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-version')));
    assert.deepEqual(listed, versions.map((v) => v.Version));
    const newest = entries.first();
    assert.equal((await newest.locator('.badge').innerText()).trim(), versions[0].GrantStatus);
    if (versions[0].StatusReason) assert.equal((await newest.locator('.history-reason').innerText()).trim(), versions[0].StatusReason);
    assert.equal(await entries.last().locator('[data-compare]').count(), 0, 'the first version has nothing to compare with');
  });

  it('Compare with Previous Version from the context menu opens a diff editor of the two versions', async () => {
    const { page } = ui.current;
    const versions = versionsOf(ui.current, NAME);
    const [older, newer] = versions.slice(-2);
    const title = `${NAME}: v${older.Version} ↔ v${newer.Version}`;
    await runTreeItemContextMenu(page, [...RECEIVED, NAME], 'Compare with Previous Version');
    await poll(async () => (await activeTab(page)) === title, 30_000, `the tab “${title}”`);
    const diff = page.locator('.editor-instance .monaco-diff-editor').first();
    await diff.waitFor({ state: 'visible', timeout: 15_000 });
    const modified = diff.locator('.editor.modified .view-lines');
    await poll(async () => (await modified.innerText().catch(() => '')).replace(/\s+/g, ' ').includes(`"GrantStatus": "${newer.GrantStatus}"`), 15_000, 'the newer version on the right');
    const original = diff.locator('.editor.original .view-lines');
    await poll(async () => (await original.innerText().catch(() => '')).replace(/\s+/g, ' ').includes(`"Version": "${older.Version}"`), 15_000, 'the older version on the left');
  });
});
