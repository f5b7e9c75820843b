import * as assert from 'node:assert/strict';
import { openContainer, pickQuickPickItems, poll, runCommand, treeChildren, useUiSession, waitForQuickInput } from './support';

describe('installed extension', () => {
  const ui = useUiSession({ seed: 'demo' });

  it('opens the License Manager container and shows the seeded profiles', async () => {
    const { page, aws } = ui.current;
    const profiles = [...(aws?.profiles ?? [])].sort();
    assert.ok(profiles.includes('seller') && profiles.includes('buyer'), `demo seed profiles: ${profiles.join(', ')}`);

    await openContainer(page);
    await runCommand(page, 'License Manager: Select Profiles…');
    await waitForQuickInput(page, { title: 'Profiles to show' });
    await pickQuickPickItems(page, profiles);

    const topLevel = async (): Promise<string[]> => (await treeChildren(page)).map((i) => i.label).sort();
    const shown = await poll(async () => {
      const labels = await topLevel();
      return labels.join('\n') === profiles.join('\n') && labels;
    }, 15_000).catch(topLevel);
    assert.deepEqual(shown, profiles);
  });
});
