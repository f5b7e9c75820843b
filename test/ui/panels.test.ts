import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import {
  clickTreeItem,
  editorTabs,
  expandTreeItem,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  readClipboard,
  runCommand,
  selectProfiles,
  runTreeItemContextMenu,
  useUiSession,
  waitForQuickInput,
  waitForWebview,
  watchReload,
  type UiSession,
} from './support';

interface GrantWire {
  GrantArn: string;
  GrantName: string;
  GrantStatus: string;
  LicenseArn: string;
  Version: string;
}

const RECEIVED = ['buyer', 'us-east-1', 'Received grants'];
const PENDING_NAME = 'Globex data pipeline rollout';

function state(ui: UiSession) {
  return ui.emulator!.state;
}

function grantNamed(ui: UiSession, name: string): GrantWire {
  for (const g of state(ui).grants.values()) {
    const current = state(ui).currentGrant(g) as unknown as GrantWire;
    if (current.GrantName === name) return current;
  }
  throw new Error(`no seeded grant ${name}`);
}

async function text(frame: FrameLocator, selector: string): Promise<string> {
  return ((await frame.locator(selector).first().textContent()) ?? '').trim();
}

/** Waits for the visible detail panel to show `title` and returns its frame. */
async function detailPanel(page: Page, title: string): Promise<FrameLocator> {
  const frame = await waitForWebview(page, undefined, 30_000);
  await poll(async () => (await frame.locator('#title').innerText().catch(() => '')).trim() === title, 20_000, `detail panel "${title}"`);
  return frame;
}

/** Opens the pending grant's panel from its tree item (clicked again if a refresh redrew the row under the click). */
async function openPendingPanel(page: Page): Promise<FrameLocator> {
  await poll(
    async () => {
      await clickTreeItem(page, [...RECEIVED, PENDING_NAME]);
      return poll(async () => (await tabCount(page, `Received grant: ${PENDING_NAME}`)) === 1, 5_000, 'the panel tab').catch(() => false);
    },
    30_000,
    'the pending grant’s panel opened from its tree item',
  );
  return detailPanel(page, PENDING_NAME);
}

async function tabCount(page: Page, title: string): Promise<number> {
  return (await editorTabs(page)).filter((t) => t.title === title).length;
}

describe('detail panels (installed VSIX)', () => {
  const ui = useUiSession({ seed: 'demo' });

  before(async function () {
    this.timeout(90_000);
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['buyer']);
    await expandTreeItem(page, RECEIVED);
  });

  // Every test starts from the seed with no editor open: one test accepts the pending grant.
  beforeEach(async function () {
    this.timeout(60_000);
    const { page } = ui.current;
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
    ui.current.resetEmulator();
    await runCommand(page, 'License Manager: Refresh Explorer');
    await expandTreeItem(page, RECEIVED);
    await poll(async () => (await findTreeItem(page, [...RECEIVED, PENDING_NAME])).description === 'PENDING_ACCEPT', 20_000, 'the seeded pending grant');
  });

  it('opens a grant’s detail panel from its tree item and shows its ARN, status and JSON', async () => {
    const { page } = ui.current;
    const grant = grantNamed(ui.current, PENDING_NAME);
    const frame = await openPendingPanel(page);
    assert.equal(await text(frame, '#arn'), grant.GrantArn);
    assert.equal(await text(frame, '#status'), 'PENDING_ACCEPT');
    assert.equal(await text(frame, '#kind'), 'Received grant');
    assert.equal(await text(frame, '#location'), 'buyer · us-east-1');
    const json = JSON.parse(await frame.locator('#json').innerText()) as GrantWire;
    assert.equal(json.GrantArn, grant.GrantArn);
    assert.equal(json.GrantStatus, 'PENDING_ACCEPT');
    assert.equal(json.Version, grant.Version);
    assert.deepEqual(await frame.locator('.toolbar button[data-action]').allInnerTexts(), ['Accept', 'Reject…']);
    await poll(async () => (await tabCount(page, `Received grant: ${PENDING_NAME}`)) === 1, 10_000, 'the panel tab');
  });

  it('“Open Details” from the context menu reveals the same panel instead of opening another', async () => {
    const { page } = ui.current;
    await openPendingPanel(page);
    await runCommand(page, 'File: New Untitled Text File');
    await poll(async () => (await editorTabs(page)).some((t) => t.active && /^Untitled/.test(t.title)), 10_000, 'another editor in front');
    await runTreeItemContextMenu(page, [...RECEIVED, PENDING_NAME], 'Open Details');
    await detailPanel(page, PENDING_NAME);
    await poll(async () => (await editorTabs(page)).some((t) => t.active && t.title === `Received grant: ${PENDING_NAME}`), 10_000, 'active tab');
    assert.equal(await tabCount(page, `Received grant: ${PENDING_NAME}`), 1);
  });

  it('Copy ARN in the panel puts the grant’s ARN on the clipboard', async () => {
    const { page } = ui.current;
    const grant = grantNamed(ui.current, PENDING_NAME);
    const frame = await openPendingPanel(page);
    await frame.locator('#copy-arn').click();
    await poll(async () => (await readClipboard(page)) === grant.GrantArn, 10_000, 'the ARN on the clipboard');
    await poll(async () => (await text(frame, '#status-line')) === 'ARN copied', 10_000, 'the confirmation in the panel');
  });

  it('is usable by keyboard: Tab reaches Refresh with a visible focus ring, Enter reloads from AWS, focus stays', async () => {
    const { page } = ui.current;
    const frame = await openPendingPanel(page);
    ui.current.emulator!.requests.length = 0;
    await frame.locator('#title').click();
    const focusedId = (): Promise<string> => frame.locator('html').evaluate((html) => html.ownerDocument.activeElement?.id ?? '');
    await poll(
      async () => {
        if ((await focusedId()) === 'refresh') return true;
        await page.keyboard.press('Tab');
        return false;
      },
      10_000,
      'Refresh focused by Tab',
    );
    const outline = await frame.locator('#refresh').evaluate((el) => {
      const s = el.ownerDocument.defaultView!.getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    assert.notEqual(outline.split(' ')[0], 'none', `focus ring: ${outline}`);
    const reloaded = await watchReload(frame);
    await page.keyboard.press('Enter');
    await poll(() => ui.current.emulator!.requests.some((r) => r.operation === 'GetGrant' && r.profile === 'buyer'), 10_000, 'GetGrant');
    await reloaded();
    assert.equal(await focusedId(), 'refresh', 'focus stays on Refresh after the redraw');
  });

  it('follows the color theme', async () => {
    const { page } = ui.current;
    const frame = await openPendingPanel(page);
    const colors = (): Promise<{ bg: number; fg: number }> =>
      frame.locator('body').evaluate((body) => {
        const s = body.ownerDocument.defaultView!.getComputedStyle(body);
        const lum = (c: string): number => {
          const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number);
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        return { bg: lum(s.backgroundColor), fg: lum(s.color) };
      });
    const first = await colors();
    const firstIsDark = first.bg < first.fg;
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    const second = await poll(async () => {
      const c = await colors();
      return c.bg < c.fg !== firstIsDark && c;
    }, 15_000, 'the panel redrawn in the other theme');
    assert.notEqual(second.bg, first.bg);
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await poll(async () => {
      const c = await colors();
      return c.bg < c.fg === firstIsDark;
    }, 15_000, 'back to the first theme');
  });

  it('follows the license link: the license’s panel opens and shows its name', async () => {
    const { page } = ui.current;
    const grant = grantNamed(ui.current, PENDING_NAME);
    const lic = state(ui.current).licenses.get(grant.LicenseArn);
    assert.ok(lic);
    const name = String(state(ui.current).currentLicense(lic).LicenseName);
    const frame = await openPendingPanel(page);
    await frame.locator('dd button[data-link-id="license"]').click();
    const license = await detailPanel(page, name);
    assert.equal(await text(license, '#arn'), grant.LicenseArn);
    assert.equal(await text(license, '#kind'), 'License');
    // The seed's entitlements of Northwind Data Pipeline Standard.
    assert.equal(name, 'Northwind Data Pipeline Standard');
    const rows = await license
      .locator('section[data-section="entitlements"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    assert.deepEqual(rows, [
      ['Pipelines', '40', 'Count', 'No', 'Yes'],
      ['Throughput', '800', 'Megabytes/Second', '', ''],
    ]);
    assert.ok(ui.current.emulator!.requests.some((r) => r.operation === 'GetLicense' && r.profile === 'buyer'));
    await poll(async () => (await tabCount(page, `License: ${name}`)) === 1, 10_000, 'license tab');
  });

  it('runs a grant action from the panel’s button and shows the new status', async () => {
    const { page } = ui.current;
    const grant = grantNamed(ui.current, PENDING_NAME);
    const frame = await openPendingPanel(page);
    await frame.locator('.toolbar button[data-action="accept"]').click();
    await poll(() => grantNamed(ui.current, PENDING_NAME).GrantStatus === 'DISABLED', 20_000, 'the emulator accepted the grant');
    await poll(async () => (await text(frame, '#status')) === 'DISABLED', 20_000, 'the panel shows DISABLED');
    const json = JSON.parse(await frame.locator('#json').innerText()) as GrantWire;
    assert.equal(json.GrantArn, grant.GrantArn);
    assert.equal(json.GrantStatus, 'DISABLED');
    assert.deepEqual(await frame.locator('.toolbar button[data-action]').allInnerTexts(), ['Activate…', 'Reject…', 'New Version…']);
  });

  it('opens details from the palette and draws a configuration’s usage bar', async () => {
    const { page } = ui.current;
    const config = state(ui.current).configs.find((c) => c.data.Name === 'Windows Server Standard');
    assert.ok(config);
    const consumed = config.usage.reduce((n, u) => n + u.ConsumedLicenses, 0);
    await runCommand(page, 'License Manager: Open Details');
    await waitForQuickInput(page, { title: 'Open Details' });
    await pickQuickPickItem(page, 'Windows Server Standard', 30_000);
    const frame = await detailPanel(page, 'Windows Server Standard');
    const percent = Math.round((consumed / 100) * 100);
    assert.equal(await text(frame, '#usage-text'), `${consumed} / 100 Instance (${percent}%)`);
    const bar = frame.locator('.usage-bar');
    assert.equal(await bar.getAttribute('aria-valuenow'), String(consumed));
    const width = await frame.locator('.usage-fill').evaluate((el) => el.getBoundingClientRect().width / el.parentElement!.getBoundingClientRect().width);
    assert.ok(Math.abs(width - consumed / 100) < 0.02, `bar fill ${width}`);
  });
});
