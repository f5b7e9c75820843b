/** Notifications, webviews and editors of the workbench page. */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { EXTENSION_ID } from './host';
import { poll, type DomElement } from './wait';

export interface NotificationInfo {
  message: string;
  severity: 'error' | 'warning' | 'info';
  source: string;
  buttons: string[];
}

const TOAST = '.notifications-toasts .notification-toast .notification-list-item';

/** Notification toasts currently shown (newest last). */
export async function notifications(page: Page): Promise<NotificationInfo[]> {
  return page.locator(TOAST).evaluateAll((items) =>
    items
      .filter((el) => (el as unknown as DomElement).offsetParent !== null)
      .map((el) => {
        const text = (sel: string): string => (el.querySelector(sel) as DomElement | null)?.innerText.trim() ?? '';
        const icon = el.querySelector('.notification-list-item-icon')?.className ?? '';
        return {
          message: text('.notification-list-item-message'),
          severity: (/codicon-error/.test(icon) ? 'error' : /codicon-warning/.test(icon) ? 'warning' : 'info') as
            | 'error'
            | 'warning'
            | 'info',
          source: text('.notification-list-item-source'),
          buttons: [...el.querySelectorAll('.notification-list-item-buttons-container .monaco-button')]
            .map((b) => (b as unknown as DomElement).innerText.trim())
            .filter(Boolean),
        };
      })
      .reverse(),
  );
}

function matches(text: string, match: string | RegExp): boolean {
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}

/** Waits for a toast whose message contains `match` and returns it. */
export async function waitForNotification(page: Page, match: string | RegExp, timeout = 15_000): Promise<NotificationInfo> {
  return poll(
    async () => (await notifications(page)).find((n) => matches(n.message, match)),
    timeout,
    () => `notification ${String(match)}`,
  );
}

function toast(page: Page, match: string | RegExp): Locator {
  return page.locator(TOAST).filter({ has: page.locator('.notification-list-item-message', { hasText: match }) }).last();
}

/** Clicks a button of the toast whose message matches. */
export async function clickNotificationButton(page: Page, match: string | RegExp, button: string, timeout = 15_000): Promise<void> {
  await waitForNotification(page, match, timeout);
  await toast(page, match).locator('.notification-list-item-buttons-container .monaco-button', { hasText: button }).first().click();
}

/** Closes every toast (the notification center keeps them). */
export async function clearNotifications(page: Page): Promise<void> {
  for (const t of await page.locator(TOAST).all()) {
    if (!(await t.isVisible())) continue;
    await t.hover();
    const close = t.locator('.action-label.codicon-notifications-clear');
    if (await close.isVisible()) await close.click();
  }
}

/**
 * The content frame of the extension's visible webview panel (the outer
 * `iframe.webview` for this extension, then its `#active-frame`).
 */
export function webviewFrame(page: Page, extensionId = EXTENSION_ID): FrameLocator {
  return page
    .locator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`)
    .filter({ visible: true })
    .last()
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame();
}

/** Waits for the visible webview to show `text` and returns its frame. */
export async function waitForWebview(page: Page, text?: string | RegExp, timeout = 20_000): Promise<FrameLocator> {
  const frame = webviewFrame(page);
  await frame.locator('body').waitFor({ state: 'attached', timeout });
  if (text !== undefined) await frame.getByText(text).first().waitFor({ state: 'visible', timeout });
  return frame;
}

/**
 * Starts recording the panel's `data-phase` changes; the returned function
 * waits until the panel has gone through "loading" and is "ready" again, so
 * a check after it never reads the page from before the reload.
 */
export async function watchReload(frame: FrameLocator): Promise<(timeout?: number) => Promise<void>> {
  await frame.locator('#app').evaluate((app) => {
    type Observer = new (changed: () => void) => { observe(target: unknown, options: { attributes: boolean; attributeFilter: string[] }): void };
    const w = app.ownerDocument.defaultView as unknown as { lmPhases: string[]; MutationObserver: Observer };
    w.lmPhases = [];
    new w.MutationObserver(() => w.lmPhases.push(app.getAttribute('data-phase') ?? '')).observe(app, { attributes: true, attributeFilter: ['data-phase'] });
  });
  return (timeout = 10_000) =>
    poll(
      () =>
        frame.locator('#app').evaluate((app) => {
          const phases = (app.ownerDocument.defaultView as unknown as { lmPhases: string[] }).lmPhases;
          return phases.includes('loading') && app.getAttribute('data-phase') === 'ready';
        }),
      timeout,
      'the panel reloaded',
    ).then(() => undefined);
}

/** Titles of the open editor tabs, the active one marked with `active: true`. */
export async function editorTabs(page: Page): Promise<{ title: string; active: boolean; dirty: boolean }[]> {
  return page.locator('.editor-group-container .tabs-container .tab').evaluateAll((tabs) =>
    tabs.map((t) => ({
      title: (t.querySelector('.label-name') as DomElement | null)?.innerText.trim() ?? t.getAttribute('aria-label') ?? '',
      active: t.classList.contains('active'),
      dirty: t.classList.contains('dirty'),
    })),
  );
}

/** Waits for the active editor tab to have `title` (exact or pattern). */
export async function waitForActiveEditor(page: Page, title: string | RegExp, timeout = 15_000): Promise<void> {
  await poll(
    async () => {
      const active = (await editorTabs(page)).find((t) => t.active);
      return active !== undefined && (typeof title === 'string' ? active.title === title : title.test(active.title));
    },
    timeout,
    `active editor ${String(title)}`,
  );
}

/** The clipboard text as the page sees it (sessions grant clipboard access). */
export async function readClipboard(page: Page): Promise<string> {
  return (await page.evaluate('navigator.clipboard.readText()')) as string;
}

export interface DialogInfo {
  /** The message and its detail, as shown. */
  text: string;
  buttons: string[];
}

/** Waits for a modal dialog (`showWarningMessage(…, { modal: true })`) and reads it. */
export async function waitForDialog(page: Page, timeout = 15_000): Promise<DialogInfo> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout });
  return {
    text: (await dialog.locator('.dialog-message-row').innerText()).trim(),
    buttons: (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((b) => b.trim()).filter(Boolean),
  };
}

/** Answers the modal dialog with the button labelled `button` (exactly) and returns the dialog's text. */
export async function answerDialog(page: Page, button: string, timeout = 15_000): Promise<string> {
  const { text, buttons } = await waitForDialog(page, timeout);
  if (!buttons.includes(button)) throw new Error(`the dialog has no "${button}" button (has: ${buttons.join(', ')})`);
  const dialog = page.locator('.monaco-dialog-box');
  const exact = new RegExp(`^\\s*${button.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await dialog.locator('.dialog-buttons .monaco-button').filter({ hasText: exact }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout });
  return text;
}
