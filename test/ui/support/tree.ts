/** The "License Manager" container and its explorer tree, as a user sees them. */
import type { Locator, Page } from 'playwright-core';
import { poll, type DomElement } from './wait';

export const CONTAINER_ID = 'workbench.view.extension.licenseManager';

/** The explorer's tree (the container also holds the Grants Inbox's). */
export const EXPLORER_TREE = '.monaco-list[role="tree"][aria-label="Explorer"]';

/** The License Manager viewlet (when its container is open). */
export function container(page: Page): Locator {
  return page.locator(`[id="${CONTAINER_ID}"]`);
}

/**
 * Opens the "License Manager" container from the activity bar (no-op when
 * open) and waits until its explorer shows something: tree items or the
 * welcome view (the extension has activated and answered).
 *
 * The Grants Inbox shares the container and takes half its height, so the
 * explorer would render fewer rows: unless `inbox` is true its section is
 * collapsed (and expanded when it is).
 */
export async function openContainer(page: Page, timeout = 30_000, opts: { inbox?: boolean } = {}): Promise<Locator> {
  const view = container(page);
  if (!(await view.isVisible())) {
    await page.locator('.activitybar .action-item .action-label[aria-label^="License Manager"]').click({ timeout });
  }
  await view.locator('.pane-body').first().waitFor({ state: 'visible', timeout });
  await setSectionExpanded(page, 'Grants Inbox', opts.inbox === true, timeout);
  const rows = view.locator(`${EXPLORER_TREE} .monaco-list-row`);
  const welcome = view.locator('.welcome-view-content').filter({ visible: true });
  await poll(async () => (await rows.count()) > 0 || (await welcome.count()) > 0, timeout, 'the License Manager explorer to show items or its welcome view');
  return view;
}

/** The header of a view's section in the container (found by its title: its accessible name also carries the description). */
function sectionHeader(page: Page, viewName: string): Locator {
  return container(page)
    .locator('.pane-header')
    .filter({ has: page.locator('h3.title', { hasText: new RegExp(`^\\s*${escapeRegExp(viewName)}\\s*$`, 'i') }) });
}

/** Expands or collapses a view's section by clicking its header until it is as asked. */
export async function setSectionExpanded(page: Page, viewName: string, expanded: boolean, timeout: number): Promise<void> {
  const header = sectionHeader(page, viewName);
  if (!(await header.count())) return;
  await poll(
    async () => {
      if ((await header.first().getAttribute('aria-expanded')) === String(expanded)) return true;
      // A row's hover (left by an earlier click) can cover the header: move away first.
      await page.mouse.move(0, 0);
      await header.first().click({ timeout: 2_000 }).catch(() => undefined);
      return false;
    },
    timeout,
    `the ${viewName} section ${expanded ? 'expanded' : 'collapsed'}`,
  );
}

export interface TreeItemInfo {
  label: string;
  description: string;
  /** 1 for top-level items. */
  level: number;
  /** undefined for leaves. */
  expanded: boolean | undefined;
  /** The accessible name (VS Code uses the tooltip text when one is set). */
  ariaLabel: string;
  /** codicon ids on the item's icon, e.g. ['codicon-account']. */
  icons: string[];
  index: number;
}

/** Every rendered row of the explorer tree, in display order. */
export async function treeRows(page: Page): Promise<TreeItemInfo[]> {
  return container(page)
    .locator(`${EXPLORER_TREE} .monaco-list-row`)
    .evaluateAll((rows) =>
      rows
        .map((r) => {
          const exp = r.getAttribute('aria-expanded');
          const icon = r.querySelector('.custom-view-tree-node-item-icon');
          return {
            label: (r.querySelector('.label-name') as DomElement | null)?.innerText.trim() ?? '',
            description: (r.querySelector('.label-description') as DomElement | null)?.innerText.trim() ?? '',
            level: Number(r.getAttribute('aria-level') ?? '1'),
            expanded: exp === null ? undefined : exp === 'true',
            ariaLabel: r.getAttribute('aria-label') ?? '',
            icons: icon ? [...icon.classList].filter((c) => c.startsWith('codicon-')) : [],
            index: Number(r.getAttribute('data-index')),
          };
        })
        .sort((a, b) => a.index - b.index),
    );
}

function locate(rows: TreeItemInfo[], path: readonly string[]): { row?: TreeItemInfo; missing: string } {
  let start = 0;
  let end = rows.length;
  let found: TreeItemInfo | undefined;
  for (let depth = 0; depth < path.length; depth++) {
    found = undefined;
    for (let i = start; i < end; i++) {
      const r = rows[i];
      if (r.level <= depth) break;
      if (r.level === depth + 1 && r.label === path[depth]) {
        found = r;
        start = i + 1;
        end = rows.length;
        for (let j = start; j < rows.length; j++) {
          if (rows[j].level <= r.level) {
            end = j;
            break;
          }
        }
        break;
      }
    }
    if (!found) return { missing: path.slice(0, depth + 1).join(' › ') };
  }
  return { row: found, missing: '' };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The row as rendered now; matches nothing if the tree re-renders and the row moves. */
function rowLocator(page: Page, row: TreeItemInfo): Locator {
  return container(page)
    .locator(`${EXPLORER_TREE} .monaco-list-row[data-index="${row.index}"][aria-level="${row.level}"]`)
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(row.label)}\\s*$`) }) });
}

/**
 * Finds the row for `path` and runs `act` on it; when the tree re-renders
 * meanwhile (rows move), finds it again and retries until `timeout`.
 */
async function withRow(page: Page, path: readonly string[], timeout: number, act: (row: Locator) => Promise<boolean | void>): Promise<void> {
  await poll(
    async () => {
      const row = rowLocator(page, await findTreeItem(page, path, timeout));
      try {
        return (await act(row)) !== false;
      } catch (err) {
        if (err instanceof Error && /Timeout/.test(err.message)) return false;
        throw err;
      }
    },
    timeout,
    `acting on tree item ${path.join(' › ')}`,
  );
}

/** The items directly under `parentPath` (top level when empty), as rendered. */
export async function treeChildren(page: Page, parentPath: readonly string[] = []): Promise<TreeItemInfo[]> {
  const rows = await treeRows(page);
  if (parentPath.length === 0) return rows.filter((r) => r.level === 1);
  const { row } = locate(rows, parentPath);
  if (!row) return [];
  const pos = rows.indexOf(row);
  const out: TreeItemInfo[] = [];
  for (let i = pos + 1; i < rows.length && rows[i].level > row.level; i++) if (rows[i].level === row.level + 1) out.push(rows[i]);
  return out;
}

/** Waits for the item at `path` (labels from the top level down) and returns it. */
export async function findTreeItem(page: Page, path: readonly string[], timeout = 15_000): Promise<TreeItemInfo> {
  let missing = '';
  return poll(
    async () => {
      const r = locate(await treeRows(page), path);
      missing = r.missing;
      return r.row;
    },
    timeout,
    () => `tree item "${missing}" (path ${path.join(' › ')})`,
  );
}

/** Waits for the item at `path` and returns a locator for its row. */
export async function treeItem(page: Page, path: readonly string[], timeout = 15_000): Promise<Locator> {
  return rowLocator(page, await findTreeItem(page, path, timeout));
}

/** Expands every item along `path` (the last one too) and returns the last one's row. */
export async function expandTreeItem(page: Page, path: readonly string[], timeout = 15_000): Promise<Locator> {
  for (let depth = 1; depth <= path.length; depth++) {
    const sub = path.slice(0, depth);
    await poll(
      async () => {
        const row = await findTreeItem(page, sub, timeout);
        if (row.expanded !== false) return true;
        await rowLocator(page, row).locator('.monaco-tl-twistie').click({ timeout: 2_000 }).catch(() => undefined);
        return false;
      },
      timeout,
      `expanded ${sub.join(' › ')}`,
    );
  }
  return treeItem(page, path, timeout);
}

/** Clicks an item (selects it and runs its command, if any). */
export async function clickTreeItem(page: Page, path: readonly string[], timeout = 15_000): Promise<void> {
  await withRow(page, path, timeout, (row) => row.locator('.monaco-icon-label').click({ timeout: 2_000 }));
}

/** The tooltip shown when hovering the item (plain text). */
export async function treeItemTooltip(page: Page, path: readonly string[], timeout = 15_000): Promise<string> {
  return (await treeItemHover(page, path, async () => undefined, timeout)).text;
}

/**
 * Hovers the item and, while its hover is shown, reads its text and runs
 * `inspect` on the hover element (e.g. to count links in it), then closes it.
 */
export async function treeItemHover<T>(
  page: Page,
  path: readonly string[],
  inspect: (hover: Locator) => Promise<T>,
  timeout = 15_000,
): Promise<{ text: string; inspected: T }> {
  let text = '';
  let inspected!: T;
  await withRow(page, path, timeout, async (row) => {
    const hover = page.locator('.monaco-hover:visible .monaco-hover-content');
    // A hover left over from another row may still be fading out: wait until it is gone.
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await hover.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await row.locator('.monaco-icon-label').hover({ timeout: 2_000 });
    await hover.last().waitFor({ state: 'visible', timeout: 5_000 });
    text = (await hover.last().innerText()).trim();
    // Every item's tooltip names the item: anything else is another row's hover.
    if (!text.includes(path[path.length - 1])) return false;
    inspected = await inspect(hover.last());
    // Still this item's hover, still shown: what was inspected belongs to it.
    return (await hover.last().isVisible()) && (await hover.last().innerText()).trim() === text;
  });
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  return { text, inspected };
}

/** Closes the open context menu, if any, and waits until it is gone. */
async function closeContextMenu(page: Page): Promise<void> {
  const shown = page.locator('.context-view .monaco-menu').filter({ visible: true });
  if ((await shown.count()) === 0) return;
  await page.keyboard.press('Escape');
  await shown.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/**
 * Labels of the item's context menu (right click). The menu stays open.
 * An attempt that does not end with the menu shown for this row closes the
 * menu: an open menu blocks the pointer, so every later click would fail.
 */
export async function openTreeItemContextMenu(page: Page, path: readonly string[], timeout = 15_000): Promise<string[]> {
  const menu = page.locator('.context-view .monaco-menu');
  await withRow(page, path, timeout, async (row) => {
    // A menu from an earlier attempt may have opened late: close it first.
    await closeContextMenu(page);
    let shown = false;
    try {
      await row.locator('.monaco-icon-label').click({ button: 'right', timeout: 5_000 });
      await menu.waitFor({ state: 'visible', timeout: 5_000 });
      // The right-clicked row takes the focus: wait for that, so the menu is this row's (the tree did not move under the pointer).
      shown = await poll(async () => /(^|\s)focused(\s|$)/.test((await row.getAttribute('class', { timeout: 1_000 })) ?? ''), 3_000).then(
        () => true,
        () => false,
      );
      return shown;
    } finally {
      if (!shown) await closeContextMenu(page);
    }
  });
  return (await menu.locator('.action-item:not(.disabled) .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** Runs a context-menu entry of the item by its label. */
export async function runTreeItemContextMenu(page: Page, path: readonly string[], label: string, timeout = 15_000): Promise<void> {
  const labels = await openTreeItemContextMenu(page, path, timeout);
  if (!labels.includes(label)) {
    await page.keyboard.press('Escape');
    throw new Error(`context menu of ${path.join(' › ')} has no "${label}" (has: ${labels.join(', ')})`);
  }
  await chooseMenuItem(page, label);
}

/** Runs an entry of the open context menu: hover focuses it, Enter runs it (a click can land while the menu settles). */
async function chooseMenuItem(page: Page, label: string, timeout = 15_000): Promise<void> {
  const menu = page.locator('.context-view .monaco-menu');
  const item = menu.locator('.action-item:not(.disabled) .action-label').filter({ hasText: label }).filter({ visible: true });
  const exact = item.getByText(label, { exact: true });
  const target = (await exact.count()) ? exact.first() : item.first();
  await target.hover({ timeout });
  await poll(
    async () => target.evaluate((el) => el.closest('.action-item')?.classList.contains('focused') === true),
    timeout,
    `menu entry "${label}" focused`,
  );
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout });
}

/** Clicks an inline (hover) action of the item by its accessible name, e.g. "Refresh". */
export async function clickTreeItemAction(page: Page, path: readonly string[], name: string, timeout = 15_000): Promise<void> {
  await withRow(page, path, timeout, async (row) => {
    await row.hover({ timeout: 2_000 });
    await row.locator(`.actions .action-label[aria-label="${name}"]`).click({ timeout: 2_000 });
  });
}

/**
 * Clicks a view title action by its accessible name, e.g. "Refresh" or "Filter…", of the
 * explorer or of `viewName`. The container holds two views, so their actions are in their
 * section headers (shown on hover); a lone view has them in the side bar's title.
 */
export async function clickViewAction(page: Page, name: string, timeout = 15_000, viewName = 'Explorer'): Promise<void> {
  await openContainer(page, timeout, { inbox: viewName === 'Grants Inbox' });
  const header = sectionHeader(page, viewName);
  const scope = (await header.count()) ? header.first() : page.locator('.part.sidebar .title-actions');
  const action = scope.locator(`.actions .action-label[aria-label="${name}"], .action-label[aria-label="${name}"]`).filter({ visible: true });
  // A section header shows its actions while hovered: give them a moment before falling back to "…".
  const shown = await poll(
    async () => {
      if (await header.count()) await header.first().hover({ timeout: 2_000 }).catch(() => undefined);
      return (await action.count()) > 0;
    },
    5_000,
  ).then(
    () => true,
    () => false,
  );
  if (shown) {
    if ((await action.first().getAttribute('aria-disabled')) === 'true') throw new Error(`view action "${name}" is disabled`);
    await action.first().click({ timeout });
    return;
  }
  await scope.locator('.action-label.codicon-toolbar-more').first().click({ timeout });
  await chooseMenuItem(page, name, timeout);
}
