import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  acceptQuickInput,
  answerInputBox,
  clickViewAction,
  expandTreeItem,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  quickInput,
  quickPickItems,
  runCommand,
  selectProfiles,
  runTreeItemContextMenu,
  treeItemTooltip,
  useUiSession,
  waitForNotification,
  waitForQuickInput,
  type UiSession,
} from './support';

const REGION = 'us-east-1';
const SELLER_ACCOUNT = '111111111111';
const BUYER_ACCOUNT = '222222222222';

interface GrantVersion {
  GrantName: string;
  GrantStatus: string;
  Version: string;
  StatusReason?: string;
}

/** The grant's current version in the emulator (the service's truth). */
function emulatorGrant(ui: UiSession, name: string): GrantVersion {
  const grants = (ui.emulator!.state as unknown as { grants: Map<string, { versions: GrantVersion[] }> }).grants;
  const found = [...grants.values()].map((g) => g.versions[g.versions.length - 1]).filter((v) => v.GrantName === name);
  assert.equal(found.length, 1, `one grant named “${name}” in the emulator`);
  return found[0];
}

async function waitForDescription(page: Page, path: string[], expected: RegExp): Promise<void> {
  let last = '';
  await poll(
    async () => {
      last = (await findTreeItem(page, path)).description;
      return expected.test(last);
    },
    20_000,
    () => `${path.join(' › ')} described ${String(expected)} (is “${last}”)`,
  );
}

/** Picks the row of the open quick pick whose label and description contain the given texts. */
async function pickRow(page: Page, label: string, descriptionPart: string): Promise<void> {
  await waitForQuickInput(page);
  const item = await poll(
    async () => (await quickPickItems(page)).find((i) => i.label === label && i.description.includes(descriptionPart)),
    20_000,
    `quick pick item “${label}” (${descriptionPart})`,
  );
  await quickInput(page)
    .locator('.quick-input-list .monaco-list-row')
    .filter({ hasText: item.description })
    .filter({ hasText: label })
    .first()
    .click();
}

/** Waits for the input box whose prompt matches (a quick pick with the same title may still be closing). */
async function waitForPrompt(page: Page, match: RegExp): Promise<void> {
  await poll(
    async () => {
      const message = quickInput(page).locator('.quick-input-message');
      return (await quickInput(page).locator('.quick-input-list .monaco-list-row').count()) === 0 && match.test(await message.innerText());
    },
    15_000,
    `input box prompt ${String(match)}`,
  );
}

/** Checks exactly the items labelled `labels` in the open multi-select pick and accepts it. */
async function checkExactly(page: Page, labels: readonly string[]): Promise<void> {
  const rows = quickInput(page).locator('.quick-input-list .monaco-list-row');
  for (const item of await quickPickItems(page)) {
    if (item.checked === labels.includes(item.label)) continue;
    await rows.filter({ hasText: item.label }).first().locator('.monaco-checkbox').click();
  }
  await poll(
    async () => (await quickPickItems(page)).every((i) => i.checked === labels.includes(i.label)),
    10_000,
    `exactly ${labels.join(', ')} checked`,
  );
  await acceptQuickInput(page);
}

/** The modal dialog's message and detail; clicks `button`. */
async function answerDialog(page: Page, button: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  const text = (await dialog.locator('.dialog-message-row').innerText()).trim();
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: button }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  return text;
}

describe('grant actions in the UI', function () {
  this.timeout(120_000);
  const ui = useUiSession({ seed: 'grants' });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['seller', 'buyer']);
    // The first list a profile loads reveals its account, which redraws the profile; let that
    // happen on a list these tests do not look at.
    for (const [profile, account] of [['seller', SELLER_ACCOUNT], ['buyer', BUYER_ACCOUNT]]) {
      await expandTreeItem(page, [profile, REGION, 'License configurations']);
      await poll(async () => (await findTreeItem(page, [profile])).description.includes(account), 20_000, `${profile} shows its account`);
    }
  });

  beforeEach(async () => {
    await clickViewAction(ui.current.page, 'Collapse All');
  });

  it('accepts the PENDING_ACCEPT grant picked in the palette: the tree and the emulator show DISABLED', async () => {
    const { page } = ui.current;
    const path = ['buyer', REGION, 'Received grants', 'Fabrikam pipeline'];
    await expandTreeItem(page, path.slice(0, 3));
    await waitForDescription(page, path, /^PENDING_ACCEPT$/);

    await runCommand(page, 'License Manager: Accept Grant');
    await waitForQuickInput(page, { title: 'Accept Grant' });
    const items = await poll(async () => {
      const shown = await quickPickItems(page);
      return shown.some((i) => i.label === 'Fabrikam pipeline') && shown;
    }, 20_000);
    assert.ok(items.every((i) => /^PENDING_ACCEPT · buyer · us-east-1$/.test(i.description)), JSON.stringify(items));
    await pickQuickPickItem(page, 'Fabrikam pipeline');

    await waitForDescription(page, path, /^DISABLED$/);
    assert.equal(emulatorGrant(ui.current, 'Fabrikam pipeline').GrantStatus, 'DISABLED');
    const done = await waitForNotification(page, 'Accepted “Fabrikam pipeline”. It is not active yet.');
    assert.deepEqual(done.buttons, ['Activate']);
  });

  it('activates with a reason: ACTIVE in the tree, the reason in its tooltip and in the received license', async () => {
    const { page } = ui.current;
    const reason = 'Purchase order PO-7781 approved';
    const grantPath = ['buyer', REGION, 'Received grants', 'Fabrikam dashboards'];
    const licensePath = ['buyer', REGION, 'Received licenses', 'Contoso Dashboards'];
    await expandTreeItem(page, grantPath.slice(0, 3));
    await expandTreeItem(page, licensePath.slice(0, 3));
    await waitForDescription(page, licensePath, /^DISABLED/);

    await runCommand(page, 'License Manager: Activate Grant…');
    await waitForQuickInput(page, { title: 'Activate Grant' });
    await pickRow(page, 'Fabrikam dashboards', 'buyer');
    await waitForPrompt(page, /Why is “Fabrikam dashboards” being activated\?/);
    await answerInputBox(page, reason);

    await waitForDescription(page, grantPath, /^ACTIVE$/);
    assert.match(await treeItemTooltip(page, grantPath), new RegExp(`Status reason: ${reason}`));
    await waitForDescription(page, licensePath, /^ACTIVE/);
    assert.match(await treeItemTooltip(page, licensePath), new RegExp(`Received status reason: ${reason}`));
    const g = emulatorGrant(ui.current, 'Fabrikam dashboards');
    assert.deepEqual([g.GrantStatus, g.StatusReason], ['ACTIVE', reason]);
  });

  it('rejects after a confirmation that says what happens', async () => {
    const { page } = ui.current;
    const path = ['buyer', REGION, 'Received grants', 'Fabrikam gateway trial'];
    await expandTreeItem(page, path.slice(0, 3));

    await runCommand(page, 'License Manager: Reject Grant…');
    await waitForQuickInput(page, { title: 'Reject Grant' });
    await pickRow(page, 'Fabrikam gateway trial', 'buyer');
    const text = await answerDialog(page, 'Reject');
    assert.match(text, /Reject the grant “Fabrikam gateway trial”\?/);
    assert.match(text, /no longer be able to use the license/);

    await waitForDescription(page, path, /^REJECTED$/);
    assert.equal(emulatorGrant(ui.current, 'Fabrikam gateway trial').GrantStatus, 'REJECTED');
  });

  it('deletes the seller’s distributed grant with a reason, sending the current version', async () => {
    const { page } = ui.current;
    const reason = 'Contract ended on 2025-06-30';
    const path = ['seller', REGION, 'Distributed grants', 'Fabrikam reporting'];
    await expandTreeItem(page, path.slice(0, 3));
    await waitForDescription(page, path, /^ACTIVE$/);
    const before = emulatorGrant(ui.current, 'Fabrikam reporting').Version;
    ui.current.emulator!.requests.length = 0;

    await runCommand(page, 'License Manager: Delete Grant…');
    await waitForQuickInput(page, { title: 'Delete Grant' });
    await pickRow(page, 'Fabrikam reporting', 'seller');
    await waitForPrompt(page, /Why is “Fabrikam reporting” being deleted\?/);
    await answerInputBox(page, reason);
    assert.match(await answerDialog(page, 'Delete'), /Delete the grant “Fabrikam reporting”\?/);

    await waitForDescription(page, path, /^DELETED$/);
    const g = emulatorGrant(ui.current, 'Fabrikam reporting');
    assert.deepEqual([g.GrantStatus, g.StatusReason], ['DELETED', reason]);
    const deletes = ui.current.emulator!.requests.filter((r) => r.operation === 'DeleteGrant');
    assert.equal(deletes.length, 1);
    assert.equal((deletes[0].body as { Version?: string }).Version, before, 'DeleteGrant carries the current version');
  });

  it('creates a grant from a license: it appears under Distributed grants and as PENDING_ACCEPT under the grantee’s Received grants', async () => {
    const { page } = ui.current;
    const name = 'Fabrikam edge agents';
    ui.current.emulator!.requests.length = 0;
    await expandTreeItem(page, ['seller', REGION, 'Licenses']);
    await runTreeItemContextMenu(page, ['seller', REGION, 'Licenses', 'Contoso Edge Agents'], 'Create Grant…');

    await waitForQuickInput(page, { title: 'Create Grant (1/5)' });
    await answerInputBox(page, name);
    await waitForQuickInput(page, { title: 'Create Grant (2/5)' });
    await answerInputBox(page, `arn:aws:iam::${BUYER_ACCOUNT}:root`);
    await waitForQuickInput(page, { title: 'Create Grant (3/5)' });
    const regions = await quickPickItems(page);
    assert.equal(regions[0]?.label, REGION, 'the license home region comes first');
    await pickQuickPickItem(page, REGION);
    await waitForQuickInput(page, { title: 'Create Grant (4/5)' });
    const ops = (await quickPickItems(page)).map((i) => i.label);
    assert.deepEqual(ops.sort(), ['CheckInLicense', 'CheckoutBorrowLicense', 'CheckoutLicense', 'CreateGrant', 'CreateToken', 'ExtendConsumptionLicense', 'ListPurchasedLicenses']);
    await checkExactly(page, ['CheckoutLicense', 'CheckInLicense']);
    await waitForQuickInput(page, { title: 'Create Grant (5/5)' });
    await pickQuickPickItem(page, 'Create the grant');

    await waitForNotification(page, new RegExp(`${name}.*created: PENDING_ACCEPT`));
    const distributed = ['seller', REGION, 'Distributed grants', name];
    const received = ['buyer', REGION, 'Received grants', name];
    await expandTreeItem(page, distributed.slice(0, 3));
    await waitForDescription(page, distributed, /^PENDING_ACCEPT$/);
    await expandTreeItem(page, received.slice(0, 3));
    await waitForDescription(page, received, /^PENDING_ACCEPT$/);
    const created = ui.current.emulator!.requests.filter((r) => r.operation === 'CreateGrant');
    assert.equal(created.length, 1);
    assert.deepEqual((created[0].body as { AllowedOperations?: string[] }).AllowedOperations?.sort(), ['CheckInLicense', 'CheckoutLicense']);
  });
});
