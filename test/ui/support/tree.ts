/** The "License Manager" container and its explorer tree, as a user sees them. */
import type { Locator, Page } from 'playwright-core';
import { poll, type DomElement } from './wait';

export const CONTAINER_ID = 'workbench.view.extension.licenseManager';

/** The License Manager viewlet (when its container is open). */
export function container(page: Page): Locator {
  return page.locator(`[id="${CONTAINER_ID}"]`);
}

/**
 * Opens the "License Manager" container from the activity bar (no-op when
 * open) and waits until its explorer shows something: tree items or the
 * welcome view (the extension has activated and answered).
 */
export async function openContainer(page: Page, timeout = 30_000): Promise<Locator> {
  const view = container(page);
  if (!(await view.isVisible())) {
    await page.locator('.activitybar .action-item .action-label[aria-label="License Manager"]').click({ timeout });
  }
  await view.locator('.pane-body').first().waitFor({ state: 'visible', timeout });
  const rows = view.locator('.monaco-list[role="tree"] .monaco-list-row');
  const welcome = view.locator('.welcome-view-content').filter({ visible: true });
  await poll(async () => (await rows.count()) > 0 || (await welcome.count()) > 0, timeout, 'the License Manager explorer to show items or its welcome view');
  return view;
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
    .locator('.monaco-list[role="tree"] .monaco-list-row')
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

function rowLocator(page: Page, row: TreeItemInfo): Locator {
  return container(page).locator(`.monaco-list[role="tree"] .monaco-list-row[data-index="${row.index}"]`);
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
  let last: Locator | undefined;
  for (let depth = 1; depth <= path.length; depth++) {
    const sub = path.slice(0, depth);
    const row = await findTreeItem(page, sub, timeout);
    last = rowLocator(page, row);
    if (row.expanded === false) {
      await last.locator('.monaco-tl-twistie').click();
      await poll(async () => (await findTreeItem(page, sub, timeout)).expanded === true, timeout, () => `expanded ${sub.join(' › ')}`);
    }
  }
  if (!last) throw new Error('expandTreeItem: empty path');
  return last;
}

/** Clicks an item (selects it and runs its command, if any). */
export async function clickTreeItem(page: Page, path: readonly string[], timeout = 15_000): Promise<void> {
  await (await treeItem(page, path, timeout)).locator('.monaco-icon-label').click();
}

/** The tooltip shown when hovering the item (plain text). */
export async function treeItemTooltip(page: Page, path: readonly string[], timeout = 15_000): Promise<string> {
  const row = await treeItem(page, path, timeout);
  await page.mouse.move(0, 0);
  await row.locator('.monaco-icon-label').hover();
  const hover = page.locator('.monaco-hover:visible .monaco-hover-content').last();
  await hover.waitFor({ state: 'visible', timeout });
  const text = (await hover.innerText()).trim();
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  return text;
}

/** Labels of the item's context menu (right click). The menu stays open. */
export async function openTreeItemContextMenu(page: Page, path: readonly string[], timeout = 15_000): Promise<string[]> {
  const row = await treeItem(page, path, timeout);
  await row.locator('.monaco-icon-label').click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  await menu.waitFor({ state: 'visible', timeout });
  return (await menu.locator('.action-item:not(.disabled) .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

/** Runs a context-menu entry of the item by its label. */
export async function runTreeItemContextMenu(page: Page, path: readonly string[], label: string, timeout = 15_000): Promise<void> {
  const labels = await openTreeItemContextMenu(page, path, timeout);
  if (!labels.includes(label)) {
    await page.keyboard.press('Escape');
    throw new Error(`context menu of ${path.join(' › ')} has no "${label}" (has: ${labels.join(', ')})`);
  }
  await page.locator('.context-view .monaco-menu .action-item .action-label', { hasText: label }).filter({ visible: true }).first().click();
}

/** Clicks an inline (hover) action of the item by its accessible name, e.g. "Refresh". */
export async function clickTreeItemAction(page: Page, path: readonly string[], name: string, timeout = 15_000): Promise<void> {
  const row = await treeItem(page, path, timeout);
  await row.hover();
  await row.locator(`.actions .action-label[aria-label="${name}"]`).click({ timeout });
}

/** Clicks a view title action by its accessible name, e.g. "Refresh" or "Filter…". */
export async function clickViewAction(page: Page, name: string, timeout = 15_000): Promise<void> {
  const view = await openContainer(page, timeout);
  const sidebar = page.locator('.part.sidebar');
  const inTitle = sidebar.locator(`.title-actions .action-label[aria-label="${name}"]`).filter({ visible: true });
  if (await inTitle.count()) {
    await inTitle.first().click({ timeout });
    return;
  }
  await view.page().locator('.part.sidebar .title-actions .action-label.codicon-toolbar-more').first().click({ timeout });
  await page.locator('.context-view .monaco-menu .action-item .action-label', { hasText: name }).first().click({ timeout });
}
