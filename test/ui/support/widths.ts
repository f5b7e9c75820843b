/** The two window shapes the first-hour tests look at, and what is cut at them. */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickInput } from './quickInput';
import { resultsDir } from './session';
import { poll } from './wait';

/** 1500 × 950 with the default side bar, and a window whose editor is 700 px wide. */
export const WIDTHS = [1500, 700] as const;
export type Width = (typeof WIDTHS)[number];

/** The editor part's width once two readings 100 ms apart agree (the workbench lays out after a resize). */
async function settledEditorWidth(page: Page): Promise<number> {
  let last = -1;
  return poll(async () => {
    const box = await page.locator('.part.editor').boundingBox();
    assert.ok(box, 'the editor part is shown');
    const same = Math.abs(box.width - last) < 0.5;
    last = box.width;
    return same ? box.width : undefined;
  }, 5_000, 'the editor’s width to settle');
}

/**
 * Waits for the workbench to lay itself out at a window `width` px wide. A workbench reloaded
 * while it was not resized can miss the resize of the emulated window: it is told again.
 */
async function workbenchAt(page: Page, width: number): Promise<void> {
  await poll(async () => {
    if (Math.abs(((await page.locator('.monaco-workbench').boundingBox())?.width ?? 0) - width) <= 1) return true;
    await page.evaluate('window.dispatchEvent(new Event("resize"))');
    return false;
  }, 5_000, `the workbench ${width} px wide`);
}

/**
 * 1500 × 950, or a window whose editor is `width` px wide next to the side bar. The window is
 * narrowed by what the editor has too much, again until it fits: after a reload the workbench can
 * give part of a resize to the side bar.
 */
export async function setWidth(page: Page, width: Width): Promise<void> {
  let viewport = 1500;
  await page.setViewportSize({ width: viewport, height: 950 });
  await workbenchAt(page, viewport);
  if (width === 1500) return;
  let shown = await settledEditorWidth(page);
  for (let tries = 0; tries < 5 && Math.abs(shown - width) > 2; tries++) {
    viewport = Math.round(viewport - (shown - width));
    assert.ok(viewport > width && viewport <= 1500, `a ${width} px editor in a window between ${width} and 1500 px (would be ${viewport} px)`);
    await page.setViewportSize({ width: viewport, height: 950 });
    // Measured once the workbench has laid itself out at the new size, not before.
    await workbenchAt(page, viewport);
    shown = await settledEditorWidth(page);
  }
  assert.ok(Math.abs(shown - width) <= 2, `a ${width} px editor (${shown} px in a ${viewport} px window)`);
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
