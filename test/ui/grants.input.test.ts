import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  acceptQuickInput,
  answerInputBox,
  cancelQuickInput,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  quickInput,
  quickInputTitle,
  quickPickItems,
  runCommand,
  selectProfiles,
  typeInInputBox,
  useUiSession,
  waitForInputBoxMessage,
  waitForNotification,
  waitForQuickInput,
  type UiSession,
} from './support';

const TITLE = 'New Grant Version';
const MUTATIONS = ['CreateGrant', 'AcceptGrant', 'RejectGrant', 'CreateGrantVersion', 'DeleteGrant'];

function mutationsSent(ui: UiSession): string[] {
  return ui.emulator!.requests.filter((r) => MUTATIONS.includes(r.operation)).map((r) => r.operation);
}

function grantVersions(ui: UiSession, arnPart: string): { GrantName: string; GrantStatus: string; Version: string }[] {
  const grants = (ui.emulator!.state as unknown as { grants: Map<string, { arn: string; versions: { GrantName: string; GrantStatus: string; Version: string }[] }> }).grants;
  const g = [...grants.values()].find((x) => x.versions[0].GrantName === arnPart);
  assert.ok(g, `the emulator has “${arnPart}”`);
  return g.versions;
}

async function waitForTitle(page: Page, title: string): Promise<void> {
  await waitForQuickInput(page, { title });
  assert.equal(await quickInputTitle(page), title);
}

/** Starts "New Grant Version…" from the palette on the seller's grant. */
async function startCreateVersion(page: Page, grant: string): Promise<void> {
  await runCommand(page, 'License Manager: New Grant Version…');
  await waitForQuickInput(page, { title: TITLE });
  const item = await poll(
    async () => (await quickPickItems(page)).find((i) => i.label === grant && i.description.includes('seller')),
    20_000,
    `quick pick item ${grant}`,
  );
  await quickInput(page).locator('.quick-input-list .monaco-list-row').filter({ hasText: item.description }).filter({ hasText: grant }).first().click();
}

async function escape(page: Page): Promise<void> {
  await cancelQuickInput(page);
  await quickInput(page).waitFor({ state: 'hidden' });
}

describe('grant inputs in the UI', function () {
  this.timeout(180_000);
  const ui = useUiSession({ seed: 'grants' });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['seller', 'buyer']);
    await findTreeItem(page, ['seller']);
  });

  it('sends nothing when New Grant Version is cancelled with Esc at any step, and sends one version when completed', async () => {
    const { page } = ui.current;
    const grant = 'Fabrikam warehouse';
    const before = grantVersions(ui.current, grant).length;
    ui.current.emulator!.requests.length = 0;
    const step = (n: number): string => `${TITLE} (${n}/4)`;
    // The answers of steps 1–3; Esc comes at `cancelAt`.
    const answer = async (n: number): Promise<void> => {
      await waitForTitle(page, step(n));
      if (n === 1) await pickQuickPickItem(page, 'DISABLED');
      else if (n === 2) await answerInputBox(page, 'Paused for the licence audit');
      else if (n === 3) await answerInputBox(page, `${grant} (audit)`);
    };

    // Esc in the grant pick itself.
    await runCommand(page, 'License Manager: New Grant Version…');
    await waitForQuickInput(page, { title: TITLE });
    await escape(page);
    for (let cancelAt = 1; cancelAt <= 4; cancelAt++) {
      await startCreateVersion(page, grant);
      for (let n = 1; n < cancelAt; n++) await answer(n);
      await waitForTitle(page, step(cancelAt));
      await escape(page);
      assert.deepEqual(mutationsSent(ui.current), [], `nothing sent after Esc at step ${cancelAt}`);
    }
    assert.equal(grantVersions(ui.current, grant).length, before, 'no new version after the cancelled runs');

    // The same answers, completed, send exactly one request.
    await startCreateVersion(page, grant);
    for (let n = 1; n <= 3; n++) await answer(n);
    await waitForTitle(page, step(4));
    const ops = await quickPickItems(page);
    assert.deepEqual(
      ops.filter((o) => o.checked).map((o) => o.label).sort(),
      ['CheckInLicense', 'CheckoutLicense', 'ExtendConsumptionLicense', 'ListPurchasedLicenses'],
      'the current operations are preselected',
    );
    await acceptQuickInput(page);
    // The grant was ACTIVE: the new DISABLED version (renamed) is told as a deactivation, with Activate next.
    await waitForNotification(page, 'Deactivated “Fabrikam warehouse (audit)”. Its licenses cannot be used until it is activated again.');

    assert.deepEqual(mutationsSent(ui.current), ['CreateGrantVersion']);
    const body = ui.current.emulator!.requests.find((r) => r.operation === 'CreateGrantVersion')!.body as Record<string, unknown>;
    assert.equal(body.SourceVersion, String(before), 'SourceVersion is the version loaded');
    assert.equal(body.Status, 'DISABLED');
    assert.equal(body.StatusReason, 'Paused for the licence audit');
    assert.equal(body.GrantName, `${grant} (audit)`);
    assert.equal(body.AllowedOperations, undefined, 'unchanged operations are not sent');
    const versions = grantVersions(ui.current, grant);
    assert.equal(versions.length, before + 1);
    assert.equal(versions[versions.length - 1].GrantStatus, 'DISABLED');
  });

  it('refuses a 401-character status reason in the input box', async () => {
    const { page } = ui.current;
    ui.current.emulator!.requests.length = 0;
    // A grant no other test here changes.
    await startCreateVersion(page, 'Fabrikam reporting');
    await waitForTitle(page, `${TITLE} (1/4)`);
    await pickQuickPickItem(page, 'DISABLED');
    await waitForTitle(page, `${TITLE} (2/4)`);

    await typeInInputBox(page, 'r'.repeat(401));
    const refused = await waitForInputBoxMessage(page, /at most 400 characters/);
    assert.equal(refused.severity, 'error');
    assert.match(refused.text, /now 401/);
    await quickInput(page).locator('.quick-input-box input').press('Enter');
    // One more character after Enter: once its message is back from the extension, Enter has been handled.
    await quickInput(page).locator('.quick-input-box input').press('r');
    await waitForInputBoxMessage(page, /now 402/);
    assert.equal(await quickInputTitle(page), `${TITLE} (2/4)`, 'Enter does not accept an invalid reason');

    await typeInInputBox(page, 'r'.repeat(400));
    await poll(async () => !/at most 400/.test((await quickInput(page).locator('.quick-input-message').innerText()).trim()), 10_000, '400 characters accepted');
    await escape(page);
    assert.deepEqual(mutationsSent(ui.current), []);
  });

  it('refuses a malformed principal ARN in the input box', async () => {
    const { page } = ui.current;
    ui.current.emulator!.requests.length = 0;
    await runCommand(page, 'License Manager: Create Grant…');
    await waitForQuickInput(page, { title: 'Create Grant (1/6)' });
    const license = await poll(
      async () => (await quickPickItems(page)).find((i) => i.label === 'Contoso Archive'),
      20_000,
      'the license Contoso Archive',
    );
    assert.match(license.description, /seller · us-east-1/);
    await pickQuickPickItem(page, 'Contoso Archive');
    await waitForTitle(page, 'Create Grant (2/6)');
    await answerInputBox(page, 'Fabrikam archive extension');
    await waitForTitle(page, 'Create Grant (3/6)');

    // One message for every wrong form, naming every form accepted.
    const every = 'The principal must be an account ID (12 digits) or the ARN of an account, organization or organizational unit, e.g. 123456789012, arn:aws:organizations::123456789012:organization/o-… or arn:aws:organizations::123456789012:ou/o-…/ou-….';
    for (const wrong of ['not-an-arn', '12345', 'arn:aws:iam::12345:root', 'arn:aws:organizations::222222222222:ou/o-bad']) {
      await typeInInputBox(page, wrong);
      const m = await waitForInputBoxMessage(page, /must be an account ID/);
      assert.deepEqual(m, { text: every, severity: 'error' }, wrong);
      // Another message in between, so the next one is the next text's own.
      await typeInInputBox(page, '');
      await waitForInputBoxMessage(page, /The principal is required\./);
    }
    await typeInInputBox(page, 'arn:aws:organizations::222222222222:ou/o-bad');
    await waitForInputBoxMessage(page, /must be an account ID/);
    await quickInput(page).locator('.quick-input-box input').press('Enter');
    // New text after Enter: once its message is back from the extension, Enter has been handled.
    await typeInInputBox(page, '');
    await waitForInputBoxMessage(page, /The principal is required\./);
    assert.equal(await quickInputTitle(page), 'Create Grant (3/6)', 'Enter does not accept a malformed principal');
    await escape(page);
    assert.deepEqual(mutationsSent(ui.current), []);
  });
});
