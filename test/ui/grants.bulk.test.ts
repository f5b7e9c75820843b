/** Several grants selected with Shift- and Ctrl-click, activated at once from the context menu. */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  answerDialog,
  container,
  expandTreeItem,
  findTreeItem,
  openContainer,
  openTreeItemContextMenu,
  poll,
  selectProfiles,
  treeItem,
  useUiSession,
  waitForNotification,
  type UiSession,
} from './support';

const LIST = ['buyer', 'us-east-1', 'Received grants'];

/** The grant's current status in the emulator (the service's truth). */
function emulatorStatus(ui: UiSession, name: string): string {
  const grants = (ui.emulator!.state as unknown as { grants: Map<string, { versions: { GrantName: string; GrantStatus: string }[] }> }).grants;
  const found = [...grants.values()].map((g) => g.versions[g.versions.length - 1]).filter((v) => v.GrantName === name);
  assert.equal(found.length, 1, `one grant named “${name}”`);
  return found[0].GrantStatus;
}

/** Clicks a row's label with modifier keys held (Shift extends the selection from the focused row, Control toggles one row). */
async function clickWith(page: Page, name: string, modifiers: Array<'Shift' | 'Control'>): Promise<void> {
  await (await treeItem(page, [...LIST, name])).locator('.monaco-icon-label').click({ modifiers, timeout: 5_000 });
}

/**
 * Ctrl-clicks rows until exactly `labels` are selected and stay so: a click that lands while the tree
 * redraws is lost (or only focuses the row), and is made again.
 */
async function ctrlSelect(page: Page, labels: readonly string[]): Promise<void> {
  const wanted = [...labels].sort();
  let selected: string[] = [];
  await poll(
    async () => {
      selected = await selectedLabels(page);
      const missing = wanted.find((l) => !selected.includes(l));
      const extra = selected.find((l) => !wanted.includes(l));
      if (missing ?? extra) {
        await clickWith(page, (missing ?? extra)!, ['Control']);
        await new Promise((r) => setTimeout(r, 300));
        return false;
      }
      await new Promise((r) => setTimeout(r, 300));
      return (await selectedLabels(page)).join() === wanted.join();
    },
    20_000,
    () => `exactly ${wanted.join(', ')} selected (${selected.join(', ')})`,
  );
}

/** The labels of the selected rows of the explorer tree. */
async function selectedLabels(page: Page): Promise<string[]> {
  const rows = container(page).locator('.monaco-list-row[aria-selected="true"] .label-name');
  return (await rows.allInnerTexts()).map((t) => t.trim()).sort();
}

describe('actions on several grants in the UI', function () {
  this.timeout(120_000);
  const ui = useUiSession({ seed: 'grants' });

  it('activates three grants selected with Ctrl-click: one confirmation, one summary; a selection extended with Shift offers only what is valid for all', async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer']);
    await expandTreeItem(page, LIST);
    for (const name of ['Fabrikam archive', 'Fabrikam compute', 'Fabrikam dashboards', 'Fabrikam reporting']) await findTreeItem(page, [...LIST, name]);

    // The list shows, in this order: pipeline, dashboards, gateway trial, reporting, warehouse, compute, storage, archive.
    // Ctrl-click adds a row to the selection without opening it.
    await ctrlSelect(page, ['Fabrikam dashboards', 'Fabrikam compute', 'Fabrikam archive']);

    const entries = await poll(async () => {
      const shown = await openTreeItemContextMenu(page, [...LIST, 'Fabrikam compute']);
      if (shown.includes('Activate Grant…')) return shown;
      await page.keyboard.press('Escape');
      return false;
    }, 15_000, 'Activate Grant… on three accepted grants');
    assert.ok(!entries.includes('New Grant Version…'), entries.join(', '));
    const menu = page.locator('.context-view .monaco-menu');
    await menu.locator('.action-item:not(.disabled) .action-label', { hasText: 'Activate Grant…' }).first().hover();
    await page.keyboard.press('Enter');

    const question = await answerDialog(page, 'Activate');
    assert.match(question, /^Activate 3 grants from accounts 111111111111\?/);
    const summary = await waitForNotification(page, 'activated', 30_000);
    assert.equal(summary.message, '3 activated.');
    for (const name of ['Fabrikam archive', 'Fabrikam compute', 'Fabrikam dashboards']) assert.equal(emulatorStatus(ui.current, name), 'ACTIVE', name);
    const activations = ui.current.emulator!.requests.filter((r) => r.operation === 'CreateGrantVersion');
    assert.equal(activations.length, 3);

    // Shift-click extends the selection from the clicked row: compute (now active), storage (pending), archive (now active).
    for (const name of ['Fabrikam compute', 'Fabrikam archive']) {
      await poll(async () => (await findTreeItem(page, [...LIST, name])).description === 'ACTIVE', 20_000, `${name} shown ACTIVE`);
    }
    // The explorer reloads what the action changed: let it settle (no request for 1.5 s) before selecting again.
    let count = -1;
    await poll(async () => {
      const now = ui.current.emulator!.requests.length;
      const quiet = now === count;
      count = now;
      if (!quiet) await new Promise((r) => setTimeout(r, 1500));
      return quiet;
    }, 30_000, 'the explorer done reloading');
    const range = ['Fabrikam archive', 'Fabrikam compute', 'Fabrikam storage'];
    let selected: string[] = [];
    await poll(
      async () => {
        // Compute alone, selected and focused, then Shift+Down twice: compute, storage, archive.
        await ctrlSelect(page, ['Fabrikam compute']);
        const row = await treeItem(page, [...LIST, 'Fabrikam compute']);
        if (!/(^|\s)focused(\s|$)/.test((await row.getAttribute('class')) ?? '')) {
          await clickWith(page, 'Fabrikam compute', ['Control']);
          return false;
        }
        await page.keyboard.press('Shift+ArrowDown');
        await page.keyboard.press('Shift+ArrowDown');
        await new Promise((r) => setTimeout(r, 300));
        return (selected = await selectedLabels(page)).join() === range.join();
      },
      30_000,
      () => `compute to archive selected (${selected.join(', ')})`,
    );
    const mixed = await poll(async () => {
      const shown = await openTreeItemContextMenu(page, [...LIST, 'Fabrikam compute']);
      await page.keyboard.press('Escape');
      return shown.includes('Reject Grant…') && shown;
    }, 15_000, 'the menu of a mixed selection offers Reject');
    for (const absent of ['Accept Grant', 'Activate Grant…', 'Deactivate Grant…', 'New Grant Version…']) assert.ok(!mixed.includes(absent), `${absent} in ${mixed.join(', ')}`);
  });
});
