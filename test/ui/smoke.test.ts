import * as assert from 'node:assert/strict';
import { openContainer, poll, treeChildren, useUiSession } from './support';

describe('installed extension', () => {
  const ui = useUiSession({ seed: 'demo' });

  it('opens the License Manager container and shows the seeded profiles', async () => {
    const { page, aws } = ui.current;
    const profiles = [...(aws?.profiles ?? [])].sort();
    assert.ok(profiles.includes('seller') && profiles.includes('buyer'), `demo seed profiles: ${profiles.join(', ')}`);

    // The demo config has no `default` profile, so a first start shows every profile.
    await openContainer(page);

    const topLevel = async (): Promise<string[]> => (await treeChildren(page)).map((i) => i.label).sort();
    const shown = await poll(async () => {
      const labels = await topLevel();
      return labels.join('\n') === profiles.join('\n') && labels;
    }, 15_000).catch(topLevel);
    assert.deepEqual(shown, profiles);
  });
});
