import * as assert from 'node:assert/strict';
import {
  expandTreeItem,
  findTreeItem,
  openContainer,
  pickQuickPickItem,
  poll,
  runTreeItemContextMenu,
  selectProfiles,
  useUiSession,
  waitForActiveEditor,
  waitForNotification,
  waitForQuickInput,
  waitForWebview,
} from './support';

const REGION = 'us-east-1';

describe('issuing a license in the UI', function () {
  this.timeout(180_000);
  const ui = useUiSession({ seed: 'issuing' });

  it('Create License… from the test template, then the CodeLens: one CreateLicense, the new license in the tree and its panel', async () => {
    const { page } = ui.current;
    await openContainer(page);
    await selectProfiles(page, ['issuer']);
    const list = ['issuer', REGION, 'Licenses'];
    await expandTreeItem(page, list);
    await findTreeItem(page, [...list, 'Tailspin Render Farm'], 20_000);
    ui.current.emulator!.requests.length = 0;

    await runTreeItemContextMenu(page, list, 'Create License…');
    await waitForQuickInput(page, { title: 'Create License' });
    await pickQuickPickItem(page, 'Test license');
    await waitForActiveEditor(page, /new license\.create-license\.json/);
    const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Create License' }).first();
    await lens.waitFor({ state: 'visible', timeout: 30_000 });
    await lens.click();

    await waitForNotification(page, 'License “Test license”: version 1 created, AVAILABLE.', 30_000);
    const item = await findTreeItem(page, [...list, 'Test license'], 20_000);
    assert.equal(item.description, 'AVAILABLE · EXAMPLE-SKU');
    await waitForWebview(page, 'Test license');
    const creates = ui.current.emulator!.requests.filter((r) => r.operation === 'CreateLicense');
    assert.deepEqual(creates.map((r) => r.status), [200]);
    const body = creates[0].body as { Beneficiary?: string; HomeRegion?: string; Entitlements?: { Unit: string }[] };
    assert.deepEqual([body.Beneficiary, body.HomeRegion, body.Entitlements?.map((e) => e.Unit)], ['issuer', REGION, ['Count', 'None']]);
    await poll(async () => (await findTreeItem(page, [...list, 'Tailspin Render Farm'])).label === 'Tailspin Render Farm', 10_000, 'the seed license stays');
  });
});
