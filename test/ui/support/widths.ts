/** The two window shapes the first-hour tests look at, and what is cut at them. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickInput } from './quickInput';
import { resultsDir } from './session';
import { poll } from './wait';

/** 1500 × 950 with the default side bar, and a window whose editor is 700 px wide. */
export const WIDTHS = [1500, 700] as const;
export type Width = (typeof WIDTHS)[number];

/**
 * 1500 × 950, or a window whose editor is `width` px wide next to the side bar as it is now. The
 * viewport is corrected from the editor's measured width until it fits (the workbench may still be
 * laying out its parts after the first resize).
 */
export async function setWidth(page: Page, width: Width): Promise<void> {
  await page.setViewportSize({ width: 1500, height: 950 });
  if (width === 1500) return;
  await poll(
    async () => {
      const editor = await page.locator('.part.editor').boundingBox();
      if (!editor) return false;
      if (Math.abs(editor.width - width) <= 2) return true;
      const viewport = page.viewportSize() ?? { width: 1500, height: 950 };
      await page.setViewportSize({ width: Math.round(viewport.width - (editor.width - width)), height: 950 });
      await new Promise((r) => setTimeout(r, 250));
      return false;
    },
    15_000,
    `a ${width} px editor`,
  );
}

/** Saves the window as `test-results/ui/first-hour-<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `first-hour-${name}.png`) });
}

/**
 * The open quick input's placeholder, and whether it is cut: its text, drawn in the input's
 * font, is wider than the room the input box gives it.
 */
export async function placeholderShown(page: Page): Promise<{ text: string; cut: boolean }> {
  return quickInput(page)
    .locator('.quick-input-box input')
    .evaluate((input) => {
      const style = input.ownerDocument.defaultView!.getComputedStyle(input);
      const text = input.getAttribute('placeholder') ?? '';
      const canvas = input.ownerDocument.createElement('canvas') as unknown as { getContext(k: '2d'): { font: string; measureText(t: string): { width: number } } };
      const ctx = canvas.getContext('2d');
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text, cut: ctx.measureText(text).width > room };
    });
}
