/** What the first-hour tests read from the demo's seed and from the panels and the inbox. */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { UiSession } from './session';
import { clickTreeItem, container } from './tree';
import { editorTabs, waitForWebview } from './workbench';
import { poll } from './wait';

const INBOX_TREE = '.monaco-list[role="tree"][aria-label="Grants Inbox"]';

export interface GrantWire {
  GrantArn: string;
  GrantName: string;
  GrantStatus: string;
  LicenseArn: string;
}

export function grantNamed(ui: UiSession, name: string): GrantWire {
  const state = ui.emulator!.state;
  for (const g of state.grants.values()) {
    const current = state.currentGrant(g) as unknown as GrantWire;
    if (current.GrantName === name) return current;
  }
  throw new Error(`no seeded grant ${name}`);
}

export function productOf(ui: UiSession, licenseArn: string): string {
  const licenses = (ui.emulator!.state as unknown as { licenses: Map<string, unknown> }).licenses;
  for (const l of licenses.values()) {
    const versions = (l as { versions?: { LicenseArn?: string; ProductName?: string }[] }).versions;
    const data = versions ? versions[versions.length - 1] : (l as { LicenseArn?: string; ProductName?: string });
    if (data.LicenseArn === licenseArn && data.ProductName) return data.ProductName;
  }
  throw new Error(`no seeded license ${licenseArn}`);
}

export function sent(ui: UiSession, operation: string): number {
  return ui.emulator!.requests.filter((r) => r.operation === operation).length;
}

/** Waits for the visible panel to show `title`, loaded. */
export async function panel(page: Page, title: string): Promise<FrameLocator> {
  const frame = await waitForWebview(page, undefined, 30_000);
  await poll(
    async () =>
      (await frame.locator('#title').innerText().catch(() => '')).trim() === title &&
      (await frame.locator('#app').getAttribute('data-phase').catch(() => '')) === 'ready',
    30_000,
    `the panel of “${title}”, loaded`,
  );
  return frame;
}

export async function openPanel(page: Page, path: readonly string[], tab: string): Promise<FrameLocator> {
  await poll(
    async () => {
      await clickTreeItem(page, path);
      return poll(async () => (await editorTabs(page)).some((t) => t.title === tab && t.active), 5_000).then(() => true, () => false);
    },
    30_000,
    `the tab “${tab}”`,
  );
  return panel(page, path[path.length - 1]);
}

/**
 * What breaks in the panel's layout: words or ids split over two lines (labels, headings, table
 * cells, ids, buttons, badges), a page that scrolls sideways, cards with nothing in them.
 */
export async function layoutProblems(frame: FrameLocator): Promise<string[]> {
  return frame.locator('body').evaluate((body) => {
    const doc = body.ownerDocument;
    const problems: string[] = [];
    if (doc.documentElement.scrollWidth > doc.documentElement.clientWidth + 1) problems.push('the page scrolls sideways');
    for (const el of body.querySelectorAll('dt, th, td, h2, button, .badge, .mono, code#arn')) {
      const range = doc.createRange();
      range.selectNodeContents(el);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`split over ${lines.size} lines: ${(el.textContent ?? '').slice(0, 60)}`);
    }
    for (const card of body.querySelectorAll('.sections > .card')) {
      if (card.children.length < 2) problems.push(`an empty card: ${(card.textContent ?? '').slice(0, 60)}`);
    }
    return problems;
  });
}

export async function inboxRow(page: Page, name: string): Promise<Locator> {
  const row = container(page).locator(`${INBOX_TREE} .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }) });
  await row.first().waitFor({ state: 'visible', timeout: 30_000 });
  return row.first();
}
