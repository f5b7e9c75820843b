/**
 * What one answer can make of Compare Versions: a grant with 60 versions is offered the newest 50
 * and "Older version…", where an older one is typed by number (checked before anything is sent).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Seed } from '../emulator/index';
import { closeEditorsUnsaved, getApi, useEmulator, waitFor } from '../support';
import { children, label, path } from './explorerSupport';
import { answerInputBoxes, type AskedBox } from './inputBoxes';
import { acceptQuickPicks } from './quickPicks';

const GRANT = 'Fabrikam reporting';
const VERSIONS = 60;

/** The grants seed with “Fabrikam reporting” at version 60 (59 earlier versions). */
function seedWithLongHistory(): Seed {
  const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'grants.json'), 'utf8')) as Seed;
  const grant = seed.accounts[0].regions?.['us-east-1']?.grants?.find((g) => g.name === GRANT);
  assert.ok(grant);
  grant.history = Array.from({ length: VERSIONS - 1 }, (_, i) => ({ status: i === 0 ? 'PENDING_ACCEPT' : i % 2 ? 'DISABLED' : 'ACTIVE' }));
  return seed;
}

const text = (l: string | undefined): string => l ?? '';

describe('Compare Versions of a grant with many versions', function () {
  this.timeout(60_000);
  const env = useEmulator(seedWithLongHistory());
  let api: ExtensionApi;
  const restore: (() => void)[] = [];

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['seller']);
    await api.services.state.setRegions('seller', ['us-east-1']);
    env.current.emulator.requests.length = 0;
  });
  afterEach(async () => {
    for (const r of restore.splice(0)) r();
    await closeEditorsUnsaved();
  });

  async function grantNode(): Promise<unknown> {
    const nodes = await children(api, await path(api, 'seller', 'us-east-1', 'Distributed grants'));
    const node = nodes.find((n) => label(api, n) === GRANT);
    assert.ok(node);
    return node;
  }
  const versionsAsked = (): string[] =>
    env.current.emulator.requests
      .filter((r) => r.operation === 'GetGrant' && typeof (r.body as { Version?: unknown }).Version === 'string')
      .map((r) => (r.body as { Version: string }).Version);

  it('offers the newest 50 and “Older version…”; a typed older version is diffed, one beyond the window is refused before any call', async () => {
    const node = await grantNode();
    const shown: (readonly vscode.QuickPickItem[])[] = [];
    const older = (items: readonly vscode.QuickPickItem[]) => items.find((i) => text(i.label) === 'Older version…');
    // First run: "Older version…", then 11 (not older than the window): refused as typed.
    const asked: AskedBox[] = [];
    restore.push(acceptQuickPicks(older, shown), answerInputBoxes(() => '11', asked));
    await vscode.commands.executeCommand('licenseManager.resource.compareVersions', node).then(
      () => undefined,
      () => undefined,
    );
    assert.equal(shown.length, 1);
    const labels = shown[0].map((i) => text(i.label));
    assert.equal(labels.length, 51);
    assert.deepEqual(labels.slice(0, 2), ['Version 60', 'Version 59']);
    assert.deepEqual(labels.slice(-2), ['Version 11', 'Older version…']);
    assert.equal(shown[0][50].description, 'versions 1 to 10');
    assert.deepEqual(
      asked.map((a) => [a.prompt, a.refused]),
      [['Version number, from 1 to 10', 'Enter a version number from 1 to 10.']],
    );
    assert.equal(versionsAsked().length, 19, 'only the newest page was read (the current version and 19 before it)');
    assert.ok(!versionsAsked().includes('11'));

    // Second run: "Older version…" → 3, then the second pick's first offer (version 59).
    for (const r of restore.splice(0)) r();
    env.current.emulator.requests.length = 0;
    shown.length = 0;
    let picks = 0;
    restore.push(
      acceptQuickPicks((items) => (picks++ === 0 ? older(items) : undefined), shown),
      answerInputBoxes(() => '3'),
    );
    await vscode.commands.executeCommand('licenseManager.resource.compareVersions', node);
    const tab = await waitFor(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    }, 10_000, 'a diff editor');
    assert.match(tab.original.path, /\.v3\.json$/);
    assert.match(tab.modified.path, /\.v59\.json$/);
    assert.deepEqual(versionsAsked().slice(-2).sort(), ['3', '59']);
    assert.equal(shown.length, 2);
    assert.equal(text(shown[1][0].label), 'Version 59');
  });
});
