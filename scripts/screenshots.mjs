#!/usr/bin/env node
// `npm run screenshots`: starts what `npm run demo` starts (scripts/demoStack.mjs),
// drives the workbench in headless Chromium and saves the README's pictures in
// media/screenshots/: the explorer expanded, a grant's panel, the Grants Inbox
// and the hover on a grant ARN in a Terraform file.
import { statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { hostSupport, prepare, root, seedPath, startDemo } from './demoStack.mjs';

const require = createRequire(import.meta.url);
const OUT = join(root, 'media', 'screenshots');
const GRANT = 'Globex analytics production';
const GRANT_ARN = 'arn:aws:license-manager::111122223333:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8';
const DISTRIBUTED = ['seller', 'us-east-1', 'Distributed grants'];
const MAX_BYTES = 200 * 1024;

prepare('screenshots');
const ui = require(join(root, 'out', 'test', 'ui', 'support', 'index.js'));
const demo = await startDemo({
  seedFile: seedPath('demo'),
  settings: { 'workbench.colorTheme': 'Default Dark Modern', 'window.commandCenter': false, 'workbench.layoutControl.enabled': false },
});
let browser;
const saved = [];
try {
  writeFileSync(join(demo.server.folder, 'grants.tf'), `resource "aws_licensemanager_grant_accepter" "this" {\n  grant_arn = "${GRANT_ARN}"\n}\n`);
  browser = await hostSupport().launchChromium();
  const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
  await page.goto(demo.server.workbenchUrl(), { timeout: 90_000 });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  const shot = async (name, opts = {}) => {
    if (!opts.keepMouse) await page.mouse.move(0, 0);
    await new Promise((r) => setTimeout(r, 500));
    const file = join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    const size = statSync(file).size;
    if (size > MAX_BYTES) throw new Error(`${file} is ${Math.round(size / 1024)} KiB (at most ${MAX_BYTES / 1024} KiB)`);
    saved.push(`media/screenshots/${name}.png (${Math.round(size / 1024)} KiB)`);
  };

  // The explorer: a profile's region with its lists, one of them expanded.
  await ui.openContainer(page, 60_000);
  await ui.expandTreeItem(page, DISTRIBUTED, 30_000);
  await ui.findTreeItem(page, [...DISTRIBUTED, GRANT], 30_000);
  await shot('explorer');

  // The hover on a grant ARN in a Terraform file (the explorer has loaded the grant).
  await page.keyboard.press('Control+P');
  await ui.waitForQuickInput(page);
  await page.keyboard.type('grants.tf');
  await ui.pickQuickPickItem(page, 'grants.tf');
  const arnText = page.locator('.monaco-editor .view-lines span', { hasText: 'g-4abfbe07ca6291fc4c9fdf856c5dd1a8' }).last();
  await arnText.waitFor({ timeout: 20_000 });
  const hover = page.locator('.monaco-hover:visible .hover-contents').first();
  await ui.poll(
    async () => {
      await arnText.hover({ position: { x: 20, y: 5 } });
      return (await hover.innerText({ timeout: 2_000 }).catch(() => '')).replace(/\u00a0/g, ' ').includes(GRANT);
    },
    20_000,
    'the License Manager hover',
  );
  await shot('arn-hover', { keepMouse: true });
  await page.keyboard.press('Escape');

  // A grant's panel.
  await ui.clickTreeItem(page, [...DISTRIBUTED, GRANT]);
  await ui.waitForWebview(page, GRANT, 30_000);
  await shot('grant-panel');

  // The Grants Inbox, its section expanded.
  await ui.openContainer(page, 30_000, { inbox: true });
  await page.locator('.monaco-list[role="tree"][aria-label="Grants Inbox"] .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await shot('grants-inbox');
  console.log(`screenshots: saved ${saved.join(', ')}`);
} catch (err) {
  await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: join(root, 'test-results', 'screenshots-failure.png') }).catch(() => undefined);
  throw err;
} finally {
  await browser?.close().catch(() => undefined);
  await demo.stop();
}
