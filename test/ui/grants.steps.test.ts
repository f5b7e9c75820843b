import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  acceptQuickInput,
  answerDialog,
  answerInputBox,
  filterQuickPick,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  quickInput,
  quickInputTitle,
  quickPickItems,
  runCommand,
  typeInInputBox,
  useUiSession,
  waitForInputBoxMessage,
  waitForNotification,
  waitForQuickInput,
  type UiSession,
} from './support';

const VERSION = 'New Grant Version';
const CREATE = 'Create Grant';

function backButton(page: Page): Locator {
  return quickInput(page).locator('.quick-input-left-action-bar .action-label');
}

async function waitForTitle(page: Page, title: string): Promise<void> {
  await waitForQuickInput(page, { title });
  assert.equal(await quickInputTitle(page), title);
}

async function inputValue(page: Page): Promise<string> {
  return quickInput(page).locator('.quick-input-box input').inputValue();
}

async function placeholder(page: Page): Promise<string> {
  return (await quickInput(page).locator('.quick-input-box input').getAttribute('placeholder')) ?? '';
}

/** The label of the quick pick row that has the keyboard focus. */
async function focusedLabel(page: Page): Promise<string> {
  return (await quickInput(page).locator('.quick-input-list .monaco-list-row.focused .label-name').first().innerText()).trim();
}

/** Shows exactly these profiles, clicking one box at a time with the pointer moved off any hover first. */
async function showProfiles(page: Page, names: readonly string[]): Promise<void> {
  await runCommand(page, 'License Manager: Select Profiles…');
  await waitForQuickInput(page, { title: 'Profiles to show' });
  await poll(
    async () => {
      const items = await quickPickItems(page);
      const wrong = items.find((i) => i.checked !== undefined && i.checked !== names.includes(i.label));
      if (!wrong) return items.length > 0;
      await page.mouse.move(0, 0);
      await quickInput(page)
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${wrong.label}$`) }) })
        .locator('.monaco-checkbox')
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
      return false;
    },
    20_000,
    `only ${names.join(', ')} checked`,
  );
  await acceptQuickInput(page);
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** Waits for an input box (no list) whose prompt matches. */
async function waitForPrompt(page: Page, match: RegExp): Promise<void> {
  await poll(
    async () =>
      (await quickInput(page).locator('.quick-input-list .monaco-list-row').count()) === 0 &&
      match.test(await quickInput(page).locator('.quick-input-message').innerText()),
    15_000,
    `input box prompt ${String(match)}`,
  );
}

/** Unchecks every item of the open multi-select pick (the header box checks all when not all are checked). */
async function uncheckAll(page: Page): Promise<void> {
  const all = quickInput(page).locator('.quick-input-header .monaco-checkbox');
  await poll(
    async () => {
      const checked = (await quickPickItems(page)).filter((i) => i.checked).length;
      if (checked === 0) return true;
      // The header box's hover can cover it after a click: move away first.
      await page.mouse.move(0, 0);
      await all.click();
      return false;
    },
    10_000,
    'every item unchecked',
  );
}

/** Clicks Back and waits for the previous step's title. */
async function goBack(page: Page, title: string): Promise<void> {
  await backButton(page).click();
  await waitForTitle(page, title);
}

/** Esc, then: the input is gone and the emulator received no request at all. */
async function escapeSendsNothing(ui: UiSession, where: string): Promise<void> {
  const { page } = ui;
  await quickInput(page).locator('.quick-input-box input').press('Escape');
  await quickInput(page).waitFor({ state: 'hidden' });
  assert.deepEqual(ui.emulator!.requests.map((r) => r.operation), [], `no request after Esc ${where}`);
}

async function pickRow(page: Page, label: string, descriptionPart: string): Promise<void> {
  await waitForQuickInput(page);
  const item = await poll(
    async () => (await quickPickItems(page)).find((i) => i.label === label && i.description.includes(descriptionPart)),
    20_000,
    `quick pick item “${label}” (${descriptionPart})`,
  );
  await quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: item.description }).filter({ hasText: label }).first().click();
}

/** Starts a palette command on `item` and clears the request log once its first step shows. */
async function start(ui: UiSession, command: string, title: string, item: string, firstStep: string | RegExp): Promise<void> {
  await runCommand(ui.page, `License Manager: ${command}`);
  await waitForQuickInput(ui.page, { title });
  await pickRow(ui.page, item, 'seller');
  if (typeof firstStep === 'string') await waitForTitle(ui.page, firstStep);
  else await waitForPrompt(ui.page, firstStep);
  ui.emulator!.requests.length = 0;
}

describe('multi-step grant inputs in the UI', function () {
  this.timeout(240_000);
  const ui = useUiSession({ seed: 'grants' });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await showProfiles(page, ['seller', 'buyer']);
    await findTreeItem(page, ['seller']);
  });

  it('New Grant Version: Back returns to each earlier step with its answer kept; Esc sends nothing', async () => {
    const { page } = ui.current;
    const grant = 'Fabrikam warehouse';
    const step = (n: number): string => `${VERSION} (${n}/4)`;
    await start(ui.current, 'New Grant Version…', VERSION, grant, step(1));
    assert.equal(await backButton(page).count(), 0, 'no Back on the first step');
    await pickQuickPickItem(page, 'DISABLED');

    await waitForTitle(page, step(2));
    assert.ok(await backButton(page).isVisible(), 'Back from step 2 on');
    await answerInputBox(page, 'Paused for the audit');
    await waitForTitle(page, step(3));
    assert.equal(await inputValue(page), grant, 'the name step starts with the current name');

    await goBack(page, step(2));
    assert.equal(await inputValue(page), 'Paused for the audit', 'the reason typed is kept');
    await goBack(page, step(1));
    assert.equal(await focusedLabel(page), 'DISABLED', 'the status picked is the focused item');
    await escapeSendsNothing(ui.current, 'after going back');
  });

  it('Create Grant: the license pick is step 1 with Back to it, the optional region step counts only when chosen, the review sends, and Esc at every step sends nothing', async () => {
    const { page } = ui.current;
    const license = 'Contoso Archive';
    const six = (n: number): string => `${CREATE} (${n}/6)`;
    const seven = (n: number): string => `${CREATE} (${n}/7)`;
    // Steps 2 to 6 with "Other region…" chosen at step 4: seven steps from there on.
    const answer = async (n: number): Promise<void> => {
      if (n === 2) await answerInputBox(page, 'Fabrikam archive (steps)');
      else if (n === 3) await answerInputBox(page, '222222222222');
      else if (n === 4) {
        await filterQuickPick(page, 'Other');
        await pickQuickPickItem(page, 'Other region…');
      } else if (n === 5) await answerInputBox(page, 'eu-central-1');
      else if (n === 6) await acceptQuickInput(page);
    };
    const titles = [six(1), six(2), six(3), six(4), seven(5), seven(6), seven(7)];
    for (let cancelAt = 2; cancelAt <= 7; cancelAt++) {
      await start(ui.current, 'Create Grant…', six(1), license, six(2));
      for (let n = 2; n < cancelAt; n++) {
        await waitForTitle(page, titles[n - 1]);
        await answer(n);
      }
      await waitForTitle(page, titles[cancelAt - 1]);
      await escapeSendsNothing(ui.current, `at step ${cancelAt}`);
    }

    // Back from the name returns to the license pick, the license focused; picking it again goes on.
    await start(ui.current, 'Create Grant…', six(1), license, six(2));
    assert.ok(await backButton(page).isVisible(), 'Back from step 2 to the license pick');
    await goBack(page, six(1));
    assert.equal(await focusedLabel(page), license, 'the license picked is the focused row');
    await pickRow(page, license, 'seller');
    await waitForTitle(page, six(2));
    // Validation as you type, then Back and a different region: the extra step goes away.
    for (let n = 2; n <= 4; n++) {
      await waitForTitle(page, titles[n - 1]);
      await answer(n);
    }
    await waitForTitle(page, seven(5));
    await typeInInputBox(page, 'moon-base-1');
    const refused = await waitForInputBoxMessage(page, /Enter a region code such as us-east-1/);
    assert.equal(refused.severity, 'error');
    await typeInInputBox(page, 'eu-central-1');
    await poll(async () => !/Enter a region code/.test(await quickInput(page).locator('.quick-input-message').innerText()), 10_000, 'a valid region accepted');
    await quickInput(page).locator('.quick-input-box input').press('Enter');
    await waitForTitle(page, seven(6));

    await uncheckAll(page);
    await poll(async () => (await placeholder(page)) === 'Select at least one operation.', 10_000, 'the empty selection refused as it is made');
    await acceptQuickInput(page);
    await waitForTitle(page, seven(6));
    assert.equal(await placeholder(page), 'Select at least one operation.');

    await goBack(page, seven(5));
    assert.equal(await inputValue(page), 'eu-central-1', 'the typed region is kept');
    // "Other region…" is still the answer here, so its follow-up step is still counted.
    await goBack(page, seven(4));
    assert.equal(await focusedLabel(page), 'Other region…');
    await filterQuickPick(page, 'eu-west-1');
    await pickQuickPickItem(page, 'eu-west-1');
    await waitForTitle(page, six(5));
    await uncheckAll(page);
    const box = quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: 'CheckoutLicense' }).locator('.monaco-checkbox').first();
    await box.click();
    await poll(async () => (await box.getAttribute('aria-checked')) === 'true', 10_000, 'CheckoutLicense checked');
    await acceptQuickInput(page);
    await waitForTitle(page, six(6));
    assert.deepEqual(ui.current.emulator!.requests.filter((r) => r.operation === 'CreateGrant'), [], 'nothing sent before the review is answered');
    await pickQuickPickItem(page, 'Create the grant');
    await quickInput(page).waitFor({ state: 'hidden' });

    const created = await poll(
      () => ui.current.emulator!.requests.some((r) => r.operation === 'CreateGrant'),
      20_000,
      'CreateGrant sent',
    ).then(() => ui.current.emulator!.requests.filter((r) => r.operation === 'CreateGrant'));
    assert.equal(created.length, 1);
    const body = created[0].body as { GrantName?: string; HomeRegion?: string; Principals?: string[]; AllowedOperations?: string[] };
    assert.equal(body.GrantName, 'Fabrikam archive (steps)');
    assert.equal(body.HomeRegion, 'eu-west-1', 'the region chosen after going back, not the one typed before');
    assert.deepEqual(body.Principals, ['arn:aws:iam::222222222222:root']);
    assert.deepEqual(body.AllowedOperations, ['CheckoutLicense']);
    // The service refuses a home region other than the license's: said at once, and nothing else is sent.
    const refusal = await waitForNotification(page, /eu-west-1/, 15_000);
    assert.match(refusal.message, /HomeRegion eu-west-1 must be the home region of license .*Nothing was changed\./);
    const ops = ui.current.emulator!.requests.map((r) => r.operation);
    assert.deepEqual(ops.slice(ops.indexOf('CreateGrant') + 1), [], 'the refusal is not read again');
  });

  it('Delete Grant: Esc at the reason and Cancel in the confirmation send nothing', async () => {
    const { page } = ui.current;
    const grant = 'Fabrikam reporting';
    const reasonPrompt = /Why is “Fabrikam reporting” being deleted\?/;
    await start(ui.current, 'Delete Grant…', 'Delete Grant', grant, reasonPrompt);
    assert.equal(await quickInputTitle(page), 'Delete Grant', 'a single step shows no step count');
    assert.equal(await backButton(page).count(), 0, 'a single step has no Back');
    await escapeSendsNothing(ui.current, 'at the reason');

    await start(ui.current, 'Delete Grant…', 'Delete Grant', grant, reasonPrompt);
    await typeInInputBox(page, 'r'.repeat(401));
    assert.equal((await waitForInputBoxMessage(page, /at most 400 characters \(now 401\)/)).severity, 'error');
    await answerInputBox(page, 'Contract ended');
    assert.match(await answerDialog(page, 'Cancel'), /Delete the grant “Fabrikam reporting”\?/);
    await poll(async () => !(await quickInput(page).isVisible()), 10_000, 'the input closed');
    assert.deepEqual(ui.current.emulator!.requests.map((r) => r.operation), [], 'no request after Cancel');
  });
});
