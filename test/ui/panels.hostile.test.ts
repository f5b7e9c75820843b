import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Seed } from '../emulator/index';
import { repoRoot } from './support/host';
import {
  clickTreeItem,
  expandTreeItem,
  findTreeItem,
  openContainer,
  poll,
  selectProfiles,
  treeChildren,
  treeItemHover,
  useUiSession,
  waitForWebview,
  watchReload,
} from './support';

/** The hostile seed's strings: markup, script, markdown command links, icon syntax. */
const seed = JSON.parse(readFileSync(join(repoRoot, 'test', 'emulator', 'seeds', 'hostile.json'), 'utf8')) as Seed;
const seller = seed.accounts[0];
const usEast = seller.regions!['us-east-1'];
const GRANT = usEast.grants![0];
const LICENSE = usEast.licenses![0];
const CONFIG = usEast.licenseConfigurations![0];
/** The name and reason of the grant with a link, an icon, bidi overrides, zero-width characters and line breaks as the panel must show them (written out: each invisible character as a marker). */
const MARKED_NAME = '[Open terms](command:workbench.action.terminal.new) $(bug) <U+202E>exe.txt<U+202C> zero<U+200B>width<U+2060>joined<U+FEFF> first line\nsecond line\tafter tab';
const MARKED_REASON = '[Refresh](command:licenseManager.explorer.refresh) $(alert) <U+202E>desrever<U+202C> <U+200B><U+200C><U+200D><U+2066><U+2067><U+2068><U+2069><U+200E><U+200F>\nline two';
/** Its name as single-line VS Code surfaces show it, zero-width breaks left out. */
const MARKED_TREE_LABEL = '[Open terms](command:workbench.action.terminal.new) $(bug) <U+202E>exe.txt<U+202C> zero<U+200B>width<U+2060>joined<U+FEFF> first line ⏎ second line after tab';
/** What a payload that ran would have set the title to, or logged. */
const RAN = /^(\[log\] )?LM-PWNED-\w+$/;
const RECEIVED = ['buyer', 'us-east-1', 'Received grants'];

/** Elements no AWS string may ever turn into, anywhere in the panel's body. */
const FORBIDDEN = 'img, svg, iframe, style, a, b, i, u, object, embed, link, script:not([nonce])';

async function visiblePanel(page: Page, title: string): Promise<FrameLocator> {
  const frame = await waitForWebview(page, undefined, 30_000);
  await poll(async () => (await frame.locator('#title').textContent().catch(() => null)) === title, 20_000, `panel titled ${JSON.stringify(title)}`);
  return frame;
}

async function assertInert(frame: FrameLocator): Promise<void> {
  const found = await frame.locator('body').evaluate(
    (body, selector) => [...body.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 80)),
    FORBIDDEN,
  );
  assert.deepEqual(found, [], 'no element was created from AWS data');
  assert.equal(await frame.locator('body script').count(), 1, 'only the panel’s own script');
  assert.equal(await frame.locator('html').evaluate((html) => html.ownerDocument.title), 'License Manager details');
}

/** Opens the hostile license configuration's panel from the tree. */
async function openConfigPanel(page: Page): Promise<FrameLocator> {
  const path = ['seller', 'us-east-1', 'License configurations'];
  await expandTreeItem(page, path);
  const row = await findTreeItem(page, [...path, CONFIG.Name], 20_000);
  assert.equal(row.label, CONFIG.Name);
  await clickTreeItem(page, [...path, CONFIG.Name]);
  return visiblePanel(page, CONFIG.Name);
}

describe('hostile strings stay text (installed VSIX, hostile seed)', () => {
  const ui = useUiSession({ seed: 'hostile' });
  let consoleStart = 0;

  before(async function () {
    this.timeout(90_000);
    const { page } = ui.current;
    consoleStart = ui.current.console.length;
    await openContainer(page);
    await selectProfiles(page, ['buyer', 'seller']);
    await expandTreeItem(page, RECEIVED);
  });

  it('shows a grant’s hostile name literally in the tree and its hostile reason literally in the tooltip', async () => {
    const { page } = ui.current;
    const row = await findTreeItem(page, [...RECEIVED, GRANT.name], 20_000);
    assert.equal(row.label, GRANT.name);
    assert.equal(row.description, GRANT.status);
    // Counted inside the hover while it is shown (once closed, any count is 0).
    const { text: tooltip, inspected } = await treeItemHover(page, [...RECEIVED, GRANT.name], async (hover) => ({
      links: await hover.locator('img, a, [href]').count(),
      words: (await hover.innerText()).length,
    }));
    assert.ok(tooltip.includes(GRANT.name), `tooltip: ${tooltip}`);
    // Link and icon syntax is broken by zero-width spaces, which leave the text as written.
    assert.ok(tooltip.replace(/\u200b/g, '').includes(GRANT.statusReason!), `tooltip: ${tooltip}`);
    assert.ok(inspected.words > 0, 'the hover was read while shown');
    assert.equal(inspected.links, 0, 'no image or link in the hover');
  });

  it('shows the grant’s name, reason and JSON as literal text in the detail panel, and runs none of it', async () => {
    const { page } = ui.current;
    await clickTreeItem(page, [...RECEIVED, GRANT.name]);
    const frame = await visiblePanel(page, GRANT.name);
    const reason = frame.locator('section[data-section="status"] dd').nth(1);
    assert.equal(await reason.textContent(), GRANT.statusReason);
    assert.equal(await frame.locator('section[data-section="overview"] dd').first().textContent(), GRANT.name);
    const json = JSON.parse((await frame.locator('#json').textContent()) ?? '') as { GrantName: string; StatusReason: string };
    assert.equal(json.GrantName, GRANT.name);
    assert.equal(json.StatusReason, GRANT.statusReason);
    await assertInert(frame);
    assert.doesNotMatch(await page.title(), RAN);
  });

  it('shows bidi overrides and zero-width characters in the panel as visible markers, so they neither reorder nor hide text', async () => {
    const { page } = ui.current;
    // The name as the tree shows it: line breaks as ⏎, links and icons broken by zero-width spaces.
    const row = await poll(
      async () => (await treeChildren(page, RECEIVED)).find((r) => r.label.replace(/\u200b/g, '') === MARKED_TREE_LABEL),
      20_000,
      'the bidi grant in the tree',
    );
    await clickTreeItem(page, [...RECEIVED, row.label]);
    const frame = await visiblePanel(page, MARKED_NAME);
    const title = frame.locator('#title');
    assert.deepEqual(await title.locator('.invisible-char').allTextContents(), ['<U+202E>', '<U+202C>', '<U+200B>', '<U+2060>', '<U+FEFF>']);
    const reason = frame.locator('section[data-section="status"] dd').nth(1);
    assert.equal(await reason.textContent(), MARKED_REASON);
    // Neither the page's text nor its JSON view holds a character that could act unseen.
    const hidden = await frame.locator('body').evaluate((body) => (body.textContent ?? '').match(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g) ?? []);
    assert.deepEqual(hidden, []);
    assert.ok(((await frame.locator('#json').textContent()) ?? '').includes('"GrantName": "[Open terms](command:workbench.action.terminal.new) $(bug) <U+202E>exe.txt<U+202C>'));
    // Clicking the link-like text runs nothing: no terminal opens.
    await title.click();
    await reason.click();
    await assertInert(frame);
    assert.equal(await page.locator('.integrated-terminal').filter({ visible: true }).count(), 0, 'no terminal was opened');
  });

  it('shows the license’s hostile name, product, entitlement and metadata literally after following the link', async () => {
    const { page } = ui.current;
    await clickTreeItem(page, [...RECEIVED, GRANT.name]);
    const grantFrame = await visiblePanel(page, GRANT.name);
    await grantFrame.locator('dd button[data-link-id="license"]').click();
    const frame = await visiblePanel(page, String(LICENSE.LicenseName));
    const overview = frame.locator('section[data-section="overview"]');
    assert.ok((await overview.locator('dd').allTextContents()).includes(String(LICENSE.ProductName)));
    const entitlement = (LICENSE.Entitlements as { Name: string }[])[0].Name;
    assert.equal(await frame.locator('section[data-section="entitlements"] tbody td').first().textContent(), entitlement);
    const meta = (LICENSE.LicenseMetadata as { Name: string; Value: string }[]).flatMap((m) => [m.Name, m.Value]);
    assert.deepEqual(await frame.locator('section[data-section="metadata"] tbody td').allTextContents(), meta);
    assert.equal(
      await frame.locator('section[data-section="issuer"] dd').first().textContent(),
      seller.issuer!.Name,
    );
    await assertInert(frame);
  });

  it('shows a license configuration’s hostile name, description and rules literally, with the usage bar', async () => {
    const { page } = ui.current;
    const frame = await openConfigPanel(page);
    assert.ok((await frame.locator('section[data-section="overview"] dd').allTextContents()).includes(String(CONFIG.Description)));
    assert.deepEqual(await frame.locator('section[data-section="rules"] li').allTextContents(), CONFIG.LicenseRules);
    assert.match((await frame.locator('#usage-text').textContent()) ?? '', /^6 \/ 4 vCPU \(150%\), over the limit$/);
    assert.equal(await frame.locator('.usage-bar.over').count(), 1);
    await assertInert(frame);
  });

  it('runs none of it: redrawing the hostile data triggers no CSP violation, and no marker shows', async () => {
    const { page } = ui.current;
    const frame = await openConfigPanel(page);
    type Win = { lmViolations: string[] };
    await frame.locator('html').evaluate((html) => {
      const win = html.ownerDocument.defaultView as unknown as Win;
      win.lmViolations = [];
      html.ownerDocument.addEventListener('securitypolicyviolation', (e: unknown) => {
        const v = e as { violatedDirective: string; blockedURI: string };
        win.lmViolations.push(`${v.violatedDirective} ${v.blockedURI}`);
      });
    });
    // Appends an image the CSP refuses: shows the listener works, and (events arrive in order) marks the end of a redraw.
    const probe = (n: number) =>
      frame.locator('html').evaluate((html, i) => {
        const img = html.ownerDocument.createElement('img');
        img.src = `https://probe.invalid/${i}.png`;
        img.dataset.probe = String(i);
        html.ownerDocument.documentElement.appendChild(img);
      }, n);
    const violations = (): Promise<string[]> =>
      frame.locator('html').evaluate((html) => (html.ownerDocument.defaultView as unknown as Win).lmViolations.slice());
    await probe(1);
    await poll(async () => (await violations()).length === 1, 10_000, 'the first probe reported');
    const reloaded = await watchReload(frame);
    await frame.locator('#refresh').click();
    await reloaded();
    assert.equal(await frame.locator('#title').textContent(), CONFIG.Name);
    await probe(2);
    const seen = await poll(async () => {
      const v = await violations();
      return v.some((l) => l.includes('probe.invalid/2')) && v;
    }, 10_000, 'the second probe reported');
    assert.deepEqual(seen.map((l) => l.replace(/^(\S+) .*probe\.invalid\/(\d)\.png$/, '$1 probe $2')), ['img-src probe 1', 'img-src probe 2']);
    await frame.locator('html').evaluate((html) => html.ownerDocument.querySelectorAll('img[data-probe]').forEach((e: { remove(): void }) => e.remove()));
    await assertInert(frame);

    // The workbench page (tree, tooltips): a control message reaches the log; no payload's did.
    await page.evaluate(() => console.log('lm-console-control'));
    await poll(() => ui.current.console.some((l) => l.includes('lm-console-control')), 10_000, 'the control message');
    assert.deepEqual(ui.current.console.slice(consoleStart).filter((l) => RAN.test(l)), [], 'a payload ran');
    assert.doesNotMatch(await page.title(), RAN);
  });
});
