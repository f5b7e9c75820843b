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
  Version: string;
}

const RECEIVED = ['buyer', 'us-east-1', 'Received grants'];
const NAME = 'Globex BI dashboards';

/** The emulator's versions of the seeded grant named `name`, oldest first. */
function versionsOf(ui: UiSession, name: string): GrantWire[] {
  for (const g of ui.emulator!.state.grants.values()) {
    const versions = g.versions as unknown as GrantWire[];
    if (versions[versions.length - 1].GrantName === name) return versions;
  }
  throw new Error(`no seeded grant ${name}`);
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** The text of one side of the visible diff editor. */
async function diffSide(page: Page, side: 'original' | 'modified'): Promise<string> {
  return flat(await page.locator(`.editor-instance .monaco-diff-editor .editor.${side} .view-lines`).first().innerText().catch(() => ''));
}

/** Reloads the window (Developer: Reload Window) and waits for the workbench to be back. */
async function reloadWindow(page: Page): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 90_000 });
}

describe('editors after a window reload (installed VSIX)', () => {
  const ui = useUiSession({ seed: 'demo' });

  afterEach(async () => {
    await runCommand(ui.current.page, 'View: Close All Editors');
  });

  it('a version diff and a grant’s panel come back after Reload Window, read again from AWS', async function () {
    this.timeout(240_000);
    const { page } = ui.current;
    const [older, newer] = versionsOf(ui.current, NAME).slice(-2);
    const diffTitle = `${NAME}: v${older.Version} ↔ v${newer.Version}`;
    await openContainer(page);
    await selectProfiles(page, ['buyer']);
    await expandTreeItem(page, RECEIVED);
    await clickTreeItem(page, [...RECEIVED, NAME]);
    const panel = await waitForWebview(page, undefined, 30_000);
    await poll(async () => (await panel.locator('#title').innerText().catch(() => '')).trim() === NAME, 20_000, 'the grant’s panel');
    const panelTab = (await editorTabs(page)).find((t) => t.active)!.title;
    await runTreeItemContextMenu(page, [...RECEIVED, NAME], 'Compare with Previous Version');
    await poll(async () => (await editorTabs(page)).find((t) => t.active)?.title === diffTitle, 30_000, `the tab “${diffTitle}”`);
    await poll(async () => (await diffSide(page, 'modified')).includes(`"GrantStatus": "${newer.GrantStatus}"`), 15_000, 'the newer version on the right');

    const before = ui.current.emulator!.requests.length;
    await reloadWindow(page);

    await poll(async () => (await editorTabs(page)).find((t) => t.active)?.title === diffTitle, 60_000, `the tab “${diffTitle}” after the reload`);
    await poll(
      async () => (await diffSide(page, 'modified')).includes(`"GrantStatus": "${newer.GrantStatus}"`) && (await diffSide(page, 'original')).includes(`"Version": "${older.Version}"`),
      60_000,
      'both versions in the diff after the reload',
    );
    assert.doesNotMatch(await diffSide(page, 'modified'), /"error"/);
    const versionsRead = ui.current
      .emulator!.requests.slice(before)
      .filter((r) => r.operation === 'GetGrant')
      .map((r) => (r.body as { Version?: string } | undefined)?.Version);
    assert.deepEqual([older.Version, newer.Version].filter((v) => versionsRead.includes(v)), [older.Version, newer.Version], 'both versions read again');

    assert.ok((await editorTabs(page)).some((t) => t.title === panelTab), `the panel’s tab “${panelTab}” after the reload`);
    await page.locator('.editor-group-container .tabs-container .tab', { hasText: panelTab }).first().click();
    const restored = await waitForWebview(page, undefined, 30_000);
    await poll(async () => (await restored.locator('#title').innerText().catch(() => '')).trim() === NAME, 30_000, 'the grant’s panel after the reload');
    await poll(async () => (await restored.locator('#app').getAttribute('data-phase').catch(() => '')) === 'ready', 30_000, 'the panel loaded');
  });
});
