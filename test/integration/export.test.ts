import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { getApi, useEmulator, waitFor } from '../support';
import { child, collect, label, path, type Node } from './explorerSupport';

const EXPORT = 'licenseManager.list.export';
const FLEET = ['seller', 'us-east-1', 'License configurations', 'SQL Server Enterprise fleet'];
/** The header of a usage CSV: the API's member names. */
const USAGE_HEADER = ['ResourceArn', 'ResourceType', 'ResourceStatus', 'ResourceOwnerId', 'AssociationTime', 'ConsumedLicenses'];

interface Outcome {
  outcome: 'exported' | 'cancelled' | 'failed';
  count: number;
  target: string;
}

/** RFC 4180 records of a CSV text (after an optional byte order mark). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = text.startsWith('\ufeff') ? 1 : 0;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.equal(quoted, false, 'every quoted field is closed');
  assert.deepEqual([row, cell], [[], ''], 'the file ends with CRLF');
  return rows;
}

async function setup(api: ExtensionApi, profile: string, regions: string[]): Promise<void> {
  await api.explorer.reloadProfiles();
  await api.services.state.setSelectedProfiles([profile]);
  await api.services.state.setRegions(profile, regions);
}

describe('export of lists (demo seed, emulator)', () => {
  const env = useEmulator('demo');
  let api: ExtensionApi;
  let dir: string;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await setup(api, 'seller', ['us-east-1']);
    dir = mkdtempSync(join(tmpdir(), 'lm-export-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function fleetRecord() {
    const config = env.current.emulator.state.configs.find((c) => c.data.Name === 'SQL Server Enterprise fleet');
    assert.ok(config, 'the demo seed has the fleet configuration');
    return config;
  }

  async function usageNode(): Promise<Node> {
    return child(api, await path(api, ...FLEET), 'Usage');
  }

  it('CSV of the usage filtered by resource type and account: the emulator’s filtered records, one row each', async () => {
    const config = fleetRecord();
    assert.equal(config.usage.length, 1250);
    const filter = { resourceType: 'EC2_INSTANCE', resourceAccount: '444455556666' };
    const expected = config.usage
      .filter((u) => u.ResourceType === filter.resourceType && u.ResourceOwnerId === filter.resourceAccount)
      .map((u) => [u.ResourceArn, u.ResourceType, u.ResourceStatus ?? '', u.ResourceOwnerId, new Date(u.AssociationTime * 1000).toISOString(), String(u.ConsumedLicenses)]);
    // Generated usage i is EC2_INSTANCE when i % 4 is 0 or 1 and owned by 444455556666 when i % 3 is 1: 209 of 1,250.
    assert.equal(expected.length, 209, 'more than two pages of records');
    const usage = await usageNode();
    await vscode.commands.executeCommand('licenseManager.usage.filter', usage, filter);
    env.current.emulator.requests.length = 0;
    const target = join(dir, 'usage.csv');
    const result = await vscode.commands.executeCommand<Outcome>(EXPORT, usage, { target, format: 'csv' });
    assert.deepEqual(result, { outcome: 'exported', count: expected.length, target });
    const rows = parseCsv(readFileSync(target, 'utf8'));
    assert.deepEqual(rows[0], USAGE_HEADER);
    assert.deepEqual(rows.slice(1), expected);
    const sent = env.current.emulator.requests.filter((r) => r.operation === 'ListUsageForLicenseConfiguration');
    assert.deepEqual(sent.map((r) => (r.body as { MaxResults?: number }).MaxResults), [100, 100, 100], 'three pages of 100 at most');
    for (const r of sent) {
      assert.deepEqual((r.body as { Filters?: unknown }).Filters, [
        { Name: 'resourceType', Values: ['EC2_INSTANCE'] },
        { Name: 'resourceAccount', Values: ['444455556666'] },
      ]);
    }
    assert.deepEqual(readdirSync(dir), ['usage.csv'], 'no temporary file is left beside it');
  });

  it('JSON of all 1,250 usage records and of a status-filtered list: the API’s objects as they are', async () => {
    const clients = await api.services.clients();
    const aws = clients.get('seller', 'us-east-1');
    const arn = fleetRecord().arn;
    const all = await collect((t) => aws.listUsageForLicenseConfiguration(arn, { nextToken: t, maxResults: 100 }));
    assert.equal(all.length, 1250);
    const target = join(dir, 'usage.json');
    const result = await vscode.commands.executeCommand<Outcome>(EXPORT, await usageNode(), { target, format: 'json' });
    assert.equal(result?.outcome, 'exported');
    assert.deepEqual(JSON.parse(readFileSync(target, 'utf8')), JSON.parse(JSON.stringify(all)));

    api.services.state.setFilter({ grantStatus: 'ACTIVE' });
    try {
      const grants = await path(api, 'seller', 'us-east-1', 'Distributed grants');
      const expected = await collect((t) => aws.listDistributedGrants({ nextToken: t, filters: [{ Name: 'GrantStatus', Values: ['ACTIVE'] }] }));
      assert.deepEqual(expected.map((g) => `${g.GrantName} ${g.GrantStatus}`), ['Globex analytics production ACTIVE']);
      const grantsFile = join(dir, 'grants.json');
      const out = await vscode.commands.executeCommand<Outcome>(EXPORT, grants, { target: grantsFile, format: 'json' });
      assert.deepEqual(out, { outcome: 'exported', count: expected.length, target: grantsFile });
      assert.deepEqual(JSON.parse(readFileSync(grantsFile, 'utf8')), JSON.parse(JSON.stringify(expected)));
    } finally {
      api.services.state.setFilter({});
    }
  });

  it('cancel during the export leaves no file and keeps the file it would have replaced', async () => {
    const target = join(dir, 'usage.csv');
    writeFileSync(target, 'earlier export\r\n');
    const usage = await usageNode();
    env.current.emulator.setFaults({ latencyMs: 150 });
    env.current.emulator.requests.length = 0;
    const controller = new AbortController();
    const w = vscode.window as unknown as Record<string, unknown>;
    const savedWarn = w.showWarningMessage;
    const asked: string[] = [];
    w.showWarningMessage = async (message: string) => (asked.push(message), 'Replace');
    const running = vscode.commands
      .executeCommand<Outcome>(EXPORT, usage, { target, format: 'csv', signal: controller.signal })
      .then((r) => ((w.showWarningMessage = savedWarn), r));
    const pageCalls = () => env.current.emulator.requests.filter((r) => r.operation === 'ListUsageForLicenseConfiguration').length;
    await waitFor(() => pageCalls() >= 2, 20_000, 'two pages answered');
    assert.ok(readdirSync(dir).some((f) => f.endsWith('.partial')), `written as it goes: ${readdirSync(dir).join(', ')}`);
    controller.abort();
    const result = await running;
    assert.equal(result?.outcome, 'cancelled');
    const written = result?.count ?? 0;
    assert.ok(written % 100 === 0 && written >= 100 && written < 1250, `whole pages had been written, not all: ${written}`);
    assert.deepEqual(readdirSync(dir), ['usage.csv'], 'the partial file is gone');
    assert.equal(readFileSync(target, 'utf8'), 'earlier export\r\n', 'the existing file is untouched');
    assert.deepEqual(asked, ['Replace usage.csv?'], 'replacing the file was confirmed first');
    const calls = pageCalls();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(pageCalls(), calls, 'no page is fetched after the cancel');
  });

  it('a scripted export to an existing file asks first; declined, it sends nothing and keeps the file', async () => {
    const target = join(dir, 'kept.csv');
    writeFileSync(target, 'earlier export\r\n');
    const usage = await usageNode();
    env.current.emulator.requests.length = 0;
    const w = vscode.window as unknown as Record<string, unknown>;
    const savedWarn = w.showWarningMessage;
    const asked: { message: string; detail: string; items: unknown[] }[] = [];
    w.showWarningMessage = async (message: string, options: { detail?: string }, ...items: unknown[]) => void asked.push({ message, detail: options.detail ?? '', items });
    try {
      const result = await vscode.commands.executeCommand<Outcome | undefined>(EXPORT, usage, { target, format: 'csv' });
      assert.equal(result, undefined);
    } finally {
      w.showWarningMessage = savedWarn;
    }
    assert.deepEqual(asked, [{ message: 'Replace kept.csv?', detail: `${target} exists; the export would replace it.`, items: ['Replace'] }]);
    assert.equal(readFileSync(target, 'utf8'), 'earlier export\r\n');
    assert.deepEqual(readdirSync(dir), ['kept.csv']);
    assert.equal(env.current.emulator.requests.length, 0, 'nothing was listed');
  });

  it('a failing list leaves no file and says how far it got', async () => {
    const target = join(dir, 'associations.csv');
    const associations = await child(api, await path(api, ...FLEET), 'Associations');
    assert.equal(label(api, associations), 'Associations');
    env.current.emulator.setFaults({ html: ['ListAssociationsForLicenseConfiguration'] });
    try {
      const result = await vscode.commands.executeCommand<Outcome>(EXPORT, associations, { target, format: 'csv' });
      assert.deepEqual(result, { outcome: 'failed', count: 0, target });
      assert.equal(existsSync(target), false);
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      env.current.emulator.setFaults({ html: [] });
    }
  });

  it('refuses a relative target or an unknown format before calling AWS', async () => {
    const usage = await usageNode();
    env.current.emulator.requests.length = 0;
    for (const options of [{ target: 'usage.csv', format: 'csv' }, { target: join(dir, 'u.xlsx'), format: 'xlsx' }]) {
      const result = await vscode.commands.executeCommand<Outcome | undefined>(EXPORT, usage, options);
      assert.equal(result, undefined, JSON.stringify(options));
    }
    assert.deepEqual(env.current.emulator.requests.map((r) => r.operation), []);
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('export of hostile names (hostile seed, emulator)', () => {
  const env = useEmulator('hostile');
  let dir: string;

  beforeEach(() => {
    env.reset();
    dir = mkdtempSync(join(tmpdir(), 'lm-export-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('CSV cells that a spreadsheet would evaluate are prefixed; the text is otherwise kept', async () => {
    const api = await getApi();
    const license = [...env.current.emulator.state.licenses.values()][0];
    const current = license.versions[license.versions.length - 1] as { LicenseMetadata: { Name: string; Value: string }[]; LicenseName: string; ProductSKU?: string; Beneficiary?: string };
    // A formula after a separator a spreadsheet may split on, and after a no-break space.
    current.ProductSKU = 'SKU;=1+1';
    current.Beneficiary = '\u00a0@SUM(1)';
    // The formula entry first, so that the joined cells start with it.
    current.LicenseMetadata.reverse();
    const [formula, markup] = current.LicenseMetadata;
    assert.match(formula.Name, /^=/);
    assert.match(formula.Value, /^\+/);
    await setup(api, 'seller', ['us-east-1']);
    const target = join(dir, 'licenses.csv');
    const result = await vscode.commands.executeCommand<Outcome>(EXPORT, await path(api, 'seller', 'us-east-1', 'Licenses'), { target, format: 'csv' });
    assert.deepEqual(result, { outcome: 'exported', count: 1, target });
    const [header, row] = parseCsv(readFileSync(target, 'utf8'));
    const cell = (column: string): string => row[header.indexOf(column)];
    assert.equal(cell('LicenseMetadata[].Name'), `'${formula.Name}; ${markup.Name}`);
    assert.equal(cell('LicenseMetadata[].Value'), `'${formula.Value}; ${markup.Value}`);
    assert.equal(cell('LicenseName'), current.LicenseName, 'markup is kept as text');
    assert.equal(cell('ProductSKU'), "'SKU;=1+1");
    assert.equal(cell('Beneficiary'), "'\u00a0@SUM(1)");
    const text = readFileSync(target, 'utf8');
    assert.ok(text.includes(`,"'SKU;=1+1",`) && text.includes(`,"'\u00a0@SUM(1)",`), 'guarded cells are written quoted');
    for (const c of row) assert.doesNotMatch(c, /^[=+\-@\t\r]/, c);
  });
});
