import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expectedInbox, INBOX_SEED } from '../integration/inboxSeed';
import { answerDialog, container, openContainer, poll, runCommand, selectProfiles, useUiSession, type UiSession } from './support';
import type { DomElement } from './support/wait';

const INBOX_TREE = '.monaco-list[role="tree"][aria-label="Grants Inbox"]';
const REGIONS = ['us-east-1'];

/** The inbox rows as rendered: label and level, in display order. */
async function inboxRows(page: Page): Promise<{ label: string; level: number }[]> {
  return container(page)
    .locator(`${INBOX_TREE} .monaco-list-row`)
    .evaluateAll((rows) =>
      rows
        .map((r) => ({
          label: (r.querySelector('.label-name') as DomElement | null)?.innerText.trim() ?? '',
          level: Number(r.getAttribute('aria-level') ?? '1'),
          index: Number(r.getAttribute('data-index')),
        }))
        .sort((a, b) => a.index - b.index)
        .map(({ label, level }) => ({ label, level })),
    );
}

/** Group label → grant names, as the inbox shows them. */
async function inboxGroups(page: Page): Promise<{ group: string; name: string }[]> {
  const out: { group: string; name: string }[] = [];
  let group = '';
  for (const r of await inboxRows(page)) {
    if (r.level === 1) group = r.label;
    else out.push({ group, name: r.label });
  }
  return out.sort((a, b) => (a.group + a.name < b.group + b.name ? -1 : 1));
}

/** The number on the License Manager activity bar icon ('' when none). */
async function activityBadge(page: Page): Promise<string> {
  const badge = page.locator('.activitybar .action-item:has(.action-label[aria-label^="License Manager"]) .badge .badge-content');
  if (!(await badge.count())) return '';
  return (await badge.first().isVisible()) ? (await badge.first().innerText()).trim() : '';
}

function emulatorStatus(ui: UiSession, name: string): string | undefined {
  const grants = (ui.emulator!.state as unknown as { grants: Map<string, { versions: { GrantName: string; GrantStatus: string }[] }> }).grants;
  return [...grants.values()].map((g) => g.versions[g.versions.length - 1]).find((v) => v.GrantName === name)?.GrantStatus;
}

describe('grants inbox in the UI', function () {
  this.timeout(120_000);
  const ui = useUiSession({ seed: INBOX_SEED });

  before(async () => {
    const { page } = ui.current;
    await openContainer(page, 30_000, { inbox: true });
    await selectProfiles(page, ['seller', 'buyer']);
  });

  // Every test starts from the seed: one test accepts a waiting grant.
  beforeEach(async () => {
    ui.current.resetEmulator();
    await runCommand(ui.current.page, 'License Manager: Refresh Inbox');
  });

  it('shows the groups and the number waiting on the activity bar icon', async () => {
    const { page } = ui.current;
    const expected = expectedInbox(['seller', 'buyer'], REGIONS);
    // The seed's one grant waiting for buyer in us-east-1 (the other waits in eu-west-1).
    assert.deepEqual(expected.filter((e) => e.group === 'Waiting for you').map((e) => e.name), ['Analytics for buyer']);
    const waiting = 1;
    let seen = '';
    await poll(async () => (seen = JSON.stringify(await inboxGroups(page))) === JSON.stringify(expected), 30_000, () => `inbox groups ${seen}`);
    const tops = (await inboxRows(page)).filter((r) => r.level === 1).map((r) => r.label);
    // The groups, then one error row per profile and region that could not be listed.
    assert.deepEqual(tops.slice(0, 3), ['Waiting for you', 'Accepted, not active', 'Your grants with problems']);
    for (const row of tops.slice(3)) assert.match(row, /^[\w-]+ · [\w-]+$/);
    let badge = '';
    await poll(async () => (badge = await activityBadge(page)) === String(waiting), 15_000, () => `badge ${waiting} (is “${badge}”)`);
  });

  it('accepts a waiting grant with the inline action', async () => {
    const { page } = ui.current;
    const name = 'Analytics for buyer';
    const expected = JSON.stringify(expectedInbox(['seller', 'buyer'], REGIONS));
    await poll(async () => JSON.stringify(await inboxGroups(page)) === expected, 30_000, 'the seeded inbox');
    const row = container(page).locator(`${INBOX_TREE} .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: name }) });
    const sent = (): boolean => ui.current.emulator!.requests.some((r) => r.operation === 'AcceptGrant');
    // A click can land while a refresh redraws the row: click again until AcceptGrant is sent.
    // The inline Accept asks first, naming the grant.
    await poll(async () => {
      try {
        await row.first().hover({ timeout: 2_000 });
        await row.first().locator('.actions .action-label[aria-label="Accept Grant"]').click({ timeout: 2_000 });
        const asked = await answerDialog(page, 'Accept', 5_000);
        assert.ok(asked.startsWith(`Accept “${name}” from account `), asked);
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        return false;
      }
      return poll(sent, 3_000).then(
        () => true,
        () => false,
      );
    }, 30_000, 'AcceptGrant sent by the inline Accept Grant action');
    await poll(() => emulatorStatus(ui.current, name) === 'DISABLED', 20_000, 'the emulator has the grant accepted');
    let groups: { group: string; name: string }[] = [];
    await poll(
      async () => (groups = await inboxGroups(page)).some((g) => g.group === 'Accepted, not active' && g.name === name),
      20_000,
      () => `the grant under “Accepted, not active” (${JSON.stringify(groups)})`,
    );
    await poll(async () => (await activityBadge(page)) === '', 15_000, 'no badge once nothing waits');
    const accepts = ui.current.emulator!.requests.filter((r) => r.operation === 'AcceptGrant');
    assert.deepEqual(accepts.map((r) => `${r.profile} ${r.status}`), ['buyer 200'], 'exactly one AcceptGrant, however often the row was clicked');
  });
});
