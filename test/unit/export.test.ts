import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pages } from '../../src/aws/pager';
import type { Filter, LicenseConfigurationUsage, LicenseManagerApi } from '../../src/aws/types';
import { exportList, isExportError } from '../../src/data/export';
import { CSV_COLUMNS } from '../../src/model/csv';
import type { SeedLicenseConfiguration } from '../emulator/types';
import { demoSeed, parseCsv, startSeedWorld, type SeedWorld } from './demoWorld';

/** The demo seed's generated usage, as the seed file describes it (not through the emulator). */
function expectedUsage(): { arn: string; account: string; rows: { ResourceType: string; ResourceOwnerId: string; ResourceStatus: string; ConsumedLicenses: number; AssociationTime: string }[] } {
  const seed = demoSeed();
  for (const a of seed.accounts) {
    for (const [region, r] of Object.entries(a.regions ?? {})) {
      const c = (r.licenseConfigurations ?? []).find((x: SeedLicenseConfiguration) => x.generatedUsage);
      if (!c?.generatedUsage) continue;
      const g = c.generatedUsage;
      const start = Date.parse(g.startTime);
      const rows = Array.from({ length: g.count }, (_, i) => ({
        ResourceType: g.resourceTypes![i % g.resourceTypes!.length],
        ResourceOwnerId: g.ownerAccounts![i % g.ownerAccounts!.length],
        ResourceStatus: g.resourceStatuses![i % g.resourceStatuses!.length],
        ConsumedLicenses: g.consumedLicenses![i % g.consumedLicenses!.length],
        AssociationTime: new Date(start + i * 60_000).toISOString(),
      }));
      return { arn: `arn:aws:license-manager:${region}:${a.id}:license-configuration:${c.id}`, account: a.id, rows };
    }
  }
  throw new Error('the demo seed has generated usage');
}

describe('export of a paged list to a file (emulator, demo seed)', function () {
  this.timeout(30_000);
  let world: SeedWorld;
  let seller: LicenseManagerApi;
  const expected = expectedUsage();
  const usagePages = (filters?: Filter[], signal?: AbortSignal) =>
    pages((token) => seller.listUsageForLicenseConfiguration(expected.arn, { maxResults: 100, nextToken: token, filters }), { signal });

  before(async () => {
    world = await startSeedWorld({}, { maxAttempts: 1 });
    const profile = world.emulator.state.identityList().find((i) => i.accountId === expected.account && i.deniedOperations.size === 0)!.profile;
    seller = world.factory.get(profile, 'us-east-1');
  });
  after(async () => world.close());
  afterEach(() => world.emulator.setFaults({ failRate: 0 }));

  const leftovers = (): string[] => readdirSync(world.dir).filter((f) => f.includes('.partial'));

  it('writes all 1,250 usage records as CSV, row for row the seed’s records, with progress per page', async () => {
    const target = join(world.dir, 'usage.csv');
    const progress: number[] = [];
    const count = await exportList({ pages: usagePages(), format: 'csv', kind: 'usage', target, onProgress: (n) => progress.push(n) });
    assert.equal(count, 1250);
    assert.deepEqual(progress, Array.from({ length: 13 }, (_, i) => Math.min(1250, (i + 1) * 100)));
    const text = readFileSync(target, 'utf8');
    assert.ok(text.startsWith('\ufeff'));
    const [header, ...rows] = parseCsv(text.slice(1));
    assert.deepEqual(header, [...CSV_COLUMNS.usage]);
    assert.equal(rows.length, 1250);
    const emulatorArns = world.emulator.state.findConfig(expected.arn)!.usage.map((u) => u.ResourceArn);
    rows.forEach((row, i) => {
      const want = expected.rows[i];
      assert.deepEqual(row, [emulatorArns[i], want.ResourceType, want.ResourceStatus, want.ResourceOwnerId, want.AssociationTime, String(want.ConsumedLicenses)], `row ${i}`);
    });
    assert.equal(new Set(rows.map((r) => r[0])).size, 1250, 'no duplicate resource');
    assert.deepEqual(leftovers(), []);
  });

  it('writes the filtered list as a JSON array of the API objects', async () => {
    const owner = expected.rows[1].ResourceOwnerId;
    const target = join(world.dir, 'usage.json');
    const count = await exportList({ pages: usagePages([{ Name: 'resourceAccount', Values: [owner] }]), format: 'json', kind: 'usage', target });
    const items = JSON.parse(readFileSync(target, 'utf8')) as LicenseConfigurationUsage[];
    const want = expected.rows.filter((r) => r.ResourceOwnerId === owner);
    assert.ok(want.length > 300 && want.length < 1250);
    assert.equal(count, want.length);
    assert.deepEqual(
      items.map((u) => ({ ...u, ResourceArn: undefined })),
      want.map((w) => ({ ResourceArn: undefined, ...w })),
    );
    assert.deepEqual(Object.keys(items[0]).sort(), [...CSV_COLUMNS.usage].sort(), 'the API members, nothing added');
  });

  it('cancelled mid-way: rejects saying so, leaves no file and keeps the existing target as it was', async () => {
    const target = join(world.dir, 'cancel.csv');
    writeFileSync(target, 'earlier export');
    const ctrl = new AbortController();
    const err = await exportList({
      pages: usagePages(undefined, ctrl.signal),
      format: 'csv',
      kind: 'usage',
      target,
      signal: ctrl.signal,
      onProgress: (n) => n >= 300 && ctrl.abort(),
    }).then(
      () => assert.fail('export should not complete'),
      (e: unknown) => e,
    );
    assert.ok(isExportError(err));
    assert.equal(err.reason, 'cancelled');
    assert.equal(err.count, 300);
    assert.match(err.message, /cancelled/);
    assert.equal(readFileSync(target, 'utf8'), 'earlier export');
    assert.deepEqual(leftovers(), []);
  });

  it('cancelled before anything arrives: no file at all', async () => {
    const target = join(world.dir, 'never.json');
    const ctrl = new AbortController();
    ctrl.abort();
    const err = await exportList({ pages: usagePages(undefined, ctrl.signal), format: 'json', kind: 'usage', target, signal: ctrl.signal }).catch((e: unknown) => e);
    assert.ok(isExportError(err) && err.reason === 'cancelled');
    assert.equal(existsSync(target), false);
    assert.deepEqual(leftovers(), []);
  });

  it('a failing page: rejects with the service error and leaves no file', async () => {
    const target = join(world.dir, 'failed.csv');
    const err = await exportList({
      pages: usagePages(),
      format: 'csv',
      kind: 'usage',
      target,
      onProgress: (n) => n >= 500 && world.emulator.setFaults({ failRate: 1 }),
    }).catch((e: unknown) => e);
    assert.ok(isExportError(err));
    assert.equal(err.reason, 'failed');
    assert.equal(err.count, 500);
    assert.match(err.message, /failed after 500 items/);
    assert.equal((err.cause as { kind?: string }).kind, 'service');
    assert.equal(existsSync(target), false);
    assert.deepEqual(leftovers(), []);
  });
});
