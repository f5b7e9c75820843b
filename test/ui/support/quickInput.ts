/** The command palette, quick picks and input boxes (all one widget in VS Code). */
import type { Locator, Page } from 'playwright-core';
import { poll, type DomElement } from './wait';

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

function input(page: Page): Locator {
  return quickInput(page).locator('.quick-input-box input');
}

async function isOpen(page: Page): Promise<boolean> {
  return quickInput(page).isVisible();
}

/** Waits until a quick pick or input box is showing (optionally with this title). */
export async function waitForQuickInput(page: Page, opts: { title?: string | RegExp; timeout?: number } = {}): Promise<void> {
  const timeout = opts.timeout ?? 15_000;
  await poll(
    async () => {
      if (!(await isOpen(page))) return false;
      if (opts.title === undefined) return true;
      const t = (await quickInput(page).locator('.quick-input-title').innerText()).trim();
      return typeof opts.title === 'string' ? t === opts.title : opts.title.test(t);
    },
    timeout,
    `quick input${opts.title ? ` titled ${String(opts.title)}` : ''}`,
  );
}

/** Closes whatever quick input is open (Escape). */
export async function cancelQuickInput(page: Page): Promise<void> {
  if (!(await isOpen(page))) return;
  // A quick pick without an input box (or one still settling) takes Escape from the page.
  if (await input(page).isVisible()) await input(page).press('Escape', { timeout: 2_000 }).catch(() => undefined);
  else await page.keyboard.press('Escape');
  await quickInput(page).waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

export interface QuickPickItemInfo {
  label: string;
  description: string;
  detail: string;
  /** For multi-select pickers. */
  checked: boolean | undefined;
  /** Separator label shown with the item ('' when none). */
  separator: string;
}

const ROWS = '.quick-input-list .monaco-list-row';

/** The items of the open quick pick that are rendered (the list shows up to ~20 at once: filter to narrow). */
export async function quickPickItems(page: Page): Promise<QuickPickItemInfo[]> {
  return (await renderedItems(page)).map(({ index: _index, ...rest }) => rest);
}

async function renderedItems(page: Page): Promise<(QuickPickItemInfo & { index: number })[]> {
  return quickInput(page)
    .locator(ROWS)
    .evaluateAll((rows) =>
      rows
        .map((r) => {
          // A row is reused for another item: a part the item has not is hidden, with the old text still in it.
          const text = (sel: string): string => {
            const el = r.querySelector(sel) as DomElement | null;
            return el && el.offsetParent !== null ? el.innerText.trim() : '';
          };
          const box = r.querySelector('.monaco-checkbox');
          const sep = r.querySelector('.quick-input-list-separator') as DomElement | null;
          return {
            index: Number(r.getAttribute('data-index')),
            label: text('.quick-input-list-row .label-name'),
            description: text('.quick-input-list-row .label-description'),
            detail: text('.quick-input-list-label-meta .label-name'),
            checked: box && (box as unknown as DomElement).offsetParent !== null ? box.getAttribute('aria-checked') === 'true' : undefined,
            separator: sep && sep.style.display !== 'none' ? sep.innerText.trim() : '',
          };
        })
        .sort((a, b) => a.index - b.index),
    );
}

async function row(page: Page, label: string, timeout: number): Promise<Locator> {
  const item = await poll(
    async () => (await renderedItems(page)).find((i) => i.label === label),
    timeout,
    () => `quick pick item "${label}"`,
  );
  return quickInput(page).locator(`${ROWS}[data-index="${item.index}"]`);
}

/** Types into the quick pick's filter box (replacing its text). */
export async function filterQuickPick(page: Page, text: string): Promise<void> {
  await input(page).fill(text);
}

/** Picks one item by its label (single-select pickers accept on click). */
export async function pickQuickPickItem(page: Page, label: string, timeout = 15_000): Promise<void> {
  await waitForQuickInput(page, { timeout });
  await (await row(page, label, timeout)).click();
}

/**
 * Multi-select: checks exactly the items labelled `labels` (unchecks the
 * others) and accepts with OK.
 */
export async function pickQuickPickItems(page: Page, labels: readonly string[], timeout = 15_000): Promise<void> {
  await waitForQuickInput(page, { timeout });
  await filterQuickPick(page, '');
  const all = quickInput(page).locator('.quick-input-header .monaco-checkbox');
  await poll(
    async () => {
      if ((await all.getAttribute('aria-checked')) === 'false') return true;
      await all.click();
      // Its "Toggle all checkboxes" hover would cover the first row: move the pointer away.
      await page.mouse.move(0, 0);
      return false;
    },
    timeout,
    'all quick pick items unchecked',
  );
  for (const label of labels) {
    await filterQuickPick(page, label);
    const r = await row(page, label, timeout);
    const box = r.locator('.monaco-checkbox');
    if ((await box.getAttribute('aria-checked')) !== 'true') await box.click();
    await poll(async () => (await box.getAttribute('aria-checked')) === 'true', timeout, `"${label}" checked`);
  }
  await filterQuickPick(page, '');
  await acceptQuickInput(page);
}

/** Accepts the open quick input: the OK button when shown, else Enter. */
export async function acceptQuickInput(page: Page): Promise<void> {
  const ok = quickInput(page).locator('.quick-input-action .monaco-button').getByText('OK', { exact: true });
  if (await ok.isVisible()) await ok.click();
  else await input(page).press('Enter');
}

/** Types into an input box (replacing its text) without accepting. */
export async function typeInInputBox(page: Page, text: string, timeout = 15_000): Promise<void> {
  await waitForQuickInput(page, { timeout });
  await input(page).fill(text);
}

/** Types the answer into the open input box and presses Enter. */
export async function answerInputBox(page: Page, text: string, timeout = 15_000): Promise<void> {
  await typeInInputBox(page, text, timeout);
  await input(page).press('Enter');
}

export interface InputBoxMessage {
  text: string;
  severity: 'error' | 'warning' | 'info' | 'none';
}

/** The input box's message line: the prompt, or the validation message with its severity. */
export async function inputBoxMessage(page: Page): Promise<InputBoxMessage> {
  const text = (await quickInput(page).locator('.quick-input-message').innerText()).trim();
  const cls = (await quickInput(page).locator('.quick-input-box .monaco-inputbox').getAttribute('class')) ?? '';
  const severity = /\berror\b/.test(cls) ? 'error' : /\bwarning\b/.test(cls) ? 'warning' : /\binfo\b/.test(cls) ? 'info' : 'none';
  return { text, severity };
}

/** Waits until the input box shows a validation message matching `match` and returns it. */
export async function waitForInputBoxMessage(page: Page, match: string | RegExp, timeout = 10_000): Promise<InputBoxMessage> {
  return poll(
    async () => {
      const m = await inputBoxMessage(page);
      return (typeof match === 'string' ? m.text.includes(match) : match.test(m.text)) ? m : undefined;
    },
    timeout,
    `input box message ${String(match)}`,
  );
}

/** The title of the open quick input ('' when it has none). */
export async function quickInputTitle(page: Page): Promise<string> {
  return (await quickInput(page).locator('.quick-input-title').innerText()).replace(/\u00a0/g, ' ').trim();
}

/**
 * Runs a command from the palette (F1) by its full title as shown there, e.g.
 * "License Manager: Refresh". Retries until the command is registered (the
 * palette can open before the extension has activated).
 */
export async function runCommand(page: Page, title: string, timeout = 30_000): Promise<void> {
  await poll(
    async () => {
      await cancelQuickInput(page);
      await page.keyboard.press('F1');
      await waitForQuickInput(page, { timeout: 5_000 });
      try {
        await input(page).fill(`>${title}`, { timeout: 2_000 });
        const r = await row(page, title, 2_000);
        await r.click();
        return true;
      } catch {
        await cancelQuickInput(page);
        return false;
      }
    },
    timeout,
    `command "${title}" in the palette`,
  );
}

/** Shows exactly these profiles in the explorer, through "Select Profiles…" in the palette. */
export async function selectProfiles(page: Page, names: readonly string[]): Promise<void> {
  await runCommand(page, 'License Manager: Select Profiles…');
  await waitForQuickInput(page, { title: 'Profiles to show' });
  await pickQuickPickItems(page, names);
}
