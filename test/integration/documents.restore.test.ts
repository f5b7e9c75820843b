/**
 * What a `license-manager-json:` document serves after a window reload, driven through a second
 * provider over the same workspace state (the one the next window starts with): the documents this
 * extension opened are read again from AWS; any other URI, or one through a profile that is gone,
 * gets a text saying why and sends nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { JsonDocumentProvider } from '../../src/documents/jsonDocumentProvider';
import type { ExtensionApi } from '../../src/extension';
import type { Services } from '../../src/services';
import { closeEditorsUnsaved, getApi, useEmulator, waitFor } from '../support';
import { loadAll, path, selectOnly } from './explorerSupport';

const REGION = 'us-east-1';
const GRANT = 'arn:aws:license-manager::111122223333:grant:g-b4f37dd6cdf1a2947c06f05a5915b2f2'; // Globex BI dashboards

type Wire = Record<string, unknown>;

describe('JSON documents after a window reload (in host, demo seed)', function () {
  this.timeout(60_000);
  const env = useEmulator('demo');
  let api: ExtensionApi;
  const providers: JsonDocumentProvider[] = [];

  const versions = (): Wire[] => (env.current.emulator.state as unknown as { grants: Map<string, { versions: Wire[] }> }).grants.get(GRANT)!.versions;
  const requests = (): string[] =>
    env.current.emulator.requests.map((r) => `${r.operation} ${String((r.body as { Version?: unknown } | undefined)?.Version ?? '')}`.trim());
  /** A provider as the next window makes it, over this workspace's state. */
  const nextWindow = (services: Services = api.services): JsonDocumentProvider => {
    const provider = new JsonDocumentProvider(services);
    providers.push(provider);
    return provider;
  };
  const read = async (provider: JsonDocumentProvider, uri: vscode.Uri): Promise<Wire> => JSON.parse(Buffer.from(await provider.readFile(uri)).toString('utf8')) as Wire;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await selectOnly(api, ['buyer'], REGION);
  });
  afterEach(async () => {
    for (const p of providers.splice(0)) p.dispose();
    await closeEditorsUnsaved();
  });

  /** Opens Compare with Previous Version on the grant as the explorer lists it; resolves with the diff's two URIs. */
  async function openDiff(): Promise<vscode.TabInputTextDiff> {
    const node = await waitFor(async () => (await loadAll(api, await path(api, 'buyer', REGION, 'Received grants'))).find((n) => (n as { resource?: { arn?: string } }).resource?.arn === GRANT), 10_000, 'the grant listed');
    await vscode.commands.executeCommand('licenseManager.resource.compareWithPrevious', node);
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff), 10_000, 'a diff tab');
    return tab.input as vscode.TabInputTextDiff;
  }

  it('reads each side of a version diff the extension opened again from AWS: that version, one GetGrant each', async () => {
    const diff = await openDiff();
    const [older, newer] = versions().slice(-2);
    env.current.emulator.requests.length = 0;
    const next = nextWindow();
    assert.deepEqual(await read(next, diff.original), JSON.parse(JSON.stringify(older)));
    assert.deepEqual(await read(next, diff.modified), JSON.parse(JSON.stringify(newer)));
    assert.deepEqual(requests(), [`GetGrant ${String(older.Version)}`, `GetGrant ${String(newer.Version)}`]);
    const stat = await next.stat(diff.modified);
    assert.equal(stat.permissions, vscode.FilePermission.Readonly);
    assert.deepEqual(requests(), [`GetGrant ${String(older.Version)}`, `GetGrant ${String(newer.Version)}`], 'read once per document');
  });

  it('refuses a URI it did not make for the same grant, and one whose profile is gone, without a call', async () => {
    const diff = await openDiff();
    env.current.emulator.requests.length = 0;
    const crafted = diff.modified.with({ path: diff.modified.path.replace(/[^/]+$/, 'other.v1.json') });
    const next = nextWindow();
    assert.match(String((await read(next, crafted)).error), /^This document was not opened from the License Manager explorer in this window/);
    const noProfiles = Object.create(api.services.state, { profiles: { value: async () => [] } }) as Services['state'];
    const gone = nextWindow({ ...api.services, state: noProfiles });
    assert.equal((await read(gone, diff.modified)).error, 'This document cannot be read again: the AWS profile “buyer” is no longer in the AWS config and credentials files.');
    assert.deepEqual(requests(), []);
  });
});
