/** The Getting Started walkthrough, in a session of its own (its steps complete on context keys set after it opens). */
import * as assert from 'node:assert/strict';
import { expandTreeItem, openContainer, pickQuickPickItem, pickQuickPickItems, poll, runCommand, useUiSession, waitForQuickInput } from './support';

describe('Getting started walkthrough (installed VSIX, demo seed)', function () {
  this.timeout(120_000);
  const ui = useUiSession({ seed: 'demo' });

  before(async () => {
    await openContainer(ui.current.page);
  });

  it('the walkthrough opens and its first steps complete from what the user does', async () => {
    const { page } = ui.current;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await waitForQuickInput(page);
    await pickQuickPickItem(page, 'Get started with License Manager Explorer');
    const step = (title: string) => page.locator('button.getting-started-step', { hasText: title }).first();
    await step('Pick your AWS profiles').waitFor({ timeout: 20_000 });
    /** A completed step is checked (a filled check, `aria-checked`). */
    const done = async (title: string): Promise<boolean> => (await step(title).getAttribute('aria-checked')) === 'true';
    assert.equal(await done('Pick your AWS profiles'), false, 'nothing done yet');
    assert.equal(await done('Expand a region'), false);
    assert.equal(await done('Try the offline demo data'), false);

    // The step's own button, as a user in the walkthrough presses it.
    await step('Pick your AWS profiles').click();
    await page.locator('.getting-started-step.expanded', { hasText: 'Pick your AWS profiles' }).locator('a, button', { hasText: 'Select Profiles' }).first().click({ timeout: 10_000 });
    await waitForQuickInput(page, { title: 'Profiles to show' });
    await pickQuickPickItems(page, ['buyer', 'seller']);
    await poll(() => done('Pick your AWS profiles'), 15_000, 'the profiles step completes');
    assert.equal(await done('Expand a region'), false, 'only what was done completes');

    await expandTreeItem(page, ['seller', 'us-east-1']);
    await poll(() => done('Expand a region'), 15_000, 'the region step completes');
    await poll(() => done('Try the offline demo data'), 15_000, "the demo step completes: the seller's profile uses the License Manager on this machine");
    assert.equal(await done('Open a grant'), false);
  });
});
