import * as assert from 'node:assert/strict';
import type { Grant, LicenseManagerApi } from '../../src/aws/types';
import { loadGrantVersions } from '../../src/data/history';
import { canonicalJson, changesBetween, grantHistory, licenseHistory } from '../../src/model/history';
import { demoSeed, startSeedWorld, type SeedWorld } from './demoWorld';

const ARN = 'arn:aws:license-manager::111122223333:grant:g-1';
const grant = (version: number, over: Partial<Grant> = {}): Grant => ({
  GrantArn: ARN,
  GrantName: 'Globex BI',
  ParentArn: 'arn:aws:license-manager::111122223333:license:l-1',
  LicenseArn: 'arn:aws:license-manager::111122223333:license:l-1',
  GranteePrincipalArn: 'arn:aws:iam::444455556666:root',
  HomeRegion: 'us-east-1',
  GrantStatus: 'PENDING_ACCEPT',
  Version: String(version),
  GrantedOperations: ['CheckoutLicense'],
  ...over,
});

describe('version history (model)', () => {
  it('lists grant versions newest first with status, reason and what changed', () => {
    const entries = grantHistory([
      grant(2, { GrantStatus: 'DISABLED' }),
      grant(1),
      grant(4, { GrantStatus: 'DISABLED', StatusReason: 'PO expired', GrantName: 'Globex BI dashboards', GrantedOperations: ['CheckoutLicense', 'CheckInLicense'] }),
      grant(3, { GrantStatus: 'ACTIVE', StatusReason: 'Go live' }),
    ]);
    assert.deepEqual(
      entries.map((e) => [e.version, e.status, e.previousStatus, e.statusReason, e.first]),
      [
        ['4', 'DISABLED', 'ACTIVE', 'PO expired', false],
        ['3', 'ACTIVE', 'DISABLED', 'Go live', false],
        ['2', 'DISABLED', 'PENDING_ACCEPT', undefined, false],
        ['1', 'PENDING_ACCEPT', undefined, undefined, true],
      ],
    );
    assert.deepEqual(entries[0].changes, [
      { member: 'GrantName', before: 'Globex BI', after: 'Globex BI dashboards' },
      { member: 'GrantedOperations', before: 'CheckoutLicense', after: 'CheckoutLicense, CheckInLicense' },
    ]);
    assert.deepEqual(entries[1].changes, [], 'a status change alone is not a member change');
    assert.deepEqual(entries[3].changes, []);
    assert.equal(entries[0].time, undefined, 'grants carry no time');
  });

  it('reports license changes in entitlements by name, validity and beneficiary, with the version time', () => {
    const v1 = {
      Version: '1',
      Status: 'AVAILABLE',
      CreateTime: '2024-01-01T00:00:00Z',
      Beneficiary: 'globex',
      Validity: { Begin: '2024-01-01T00:00:00Z', End: '2024-12-31T00:00:00Z' },
      Entitlements: [
        { Name: 'Users', MaxCount: 250, Unit: 'Count' },
        { Name: 'Storage', MaxCount: 1024, Unit: 'Gigabytes' },
      ],
    };
    const v2 = {
      ...v1,
      Version: '2',
      CreateTime: '2025-01-01T00:00:00Z',
      Beneficiary: 'globex-eu',
      Validity: { Begin: '2024-01-01T00:00:00Z', End: '2025-12-31T00:00:00Z' },
      Entitlements: [
        { Name: 'Users', MaxCount: 500, Unit: 'Count' },
        { Name: 'Premium Support', Value: 'Yes', Unit: 'None' },
      ],
    };
    const [latest, oldest] = licenseHistory([v1, v2]);
    assert.equal(latest.time, '2025-01-01T00:00:00Z');
    assert.equal(oldest.time, '2024-01-01T00:00:00Z');
    assert.equal(latest.status, 'AVAILABLE');
    assert.equal(latest.previousStatus, undefined);
    assert.deepEqual(latest.changes, [
      { member: 'Beneficiary', before: 'globex', after: 'globex-eu' },
      { member: 'Validity.End', before: '2024-12-31T00:00:00Z', after: '2025-12-31T00:00:00Z' },
      { member: 'Entitlements[Users].MaxCount', before: '250', after: '500' },
      { member: 'Entitlements[Storage]', before: 'Storage' },
      { member: 'Entitlements[Premium Support]', after: 'Premium Support' },
    ]);
  });

  it('sees added and removed members', () => {
    assert.deepEqual(changesBetween({ A: 'x' }, { B: { C: 1 } }), [
      { member: 'A', before: 'x' },
      { member: 'B.C', after: '1' },
    ]);
  });

  it('canonical JSON has sorted keys at every depth, keeps list order and ends with a newline', () => {
    const a = canonicalJson({ b: 1, a: { d: [3, 1], c: null }, e: undefined });
    assert.equal(a, '{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      1\n    ]\n  },\n  "b": 1\n}\n');
    assert.equal(canonicalJson(grant(1)), canonicalJson({ ...Object.fromEntries(Object.entries(grant(1)).reverse()) }));
    // Two versions differ only on the lines of the members that changed.
    const lines = (g: Grant) => canonicalJson(g).split('\n');
    const before = lines(grant(1));
    const after = lines(grant(2, { GrantStatus: 'DISABLED' }));
    assert.equal(before.length, after.length);
    assert.deepEqual(
      after.filter((l, i) => l !== before[i]),
      ['  "GrantStatus": "DISABLED",', '  "Version": "2"'],
    );
  });
});

describe('grant versions loader', () => {
  function fakeApi(current: number, delay = 2) {
    let running = 0;
    const stats = { peak: 0, calls: [] as (string | undefined)[] };
    const api: Pick<LicenseManagerApi, 'getGrant'> = {
      async getGrant(_arn, version) {
        stats.calls.push(version);
        running++;
        stats.peak = Math.max(stats.peak, running);
        await new Promise((r) => setTimeout(r, delay + ((Number(version) * 7) % 5)));
        running--;
        return grant(Number(version ?? current));
      },
    };
    return { api, stats };
  }

  it('loads 20 versions newest first with at most 4 calls in flight, then continues with older ones', async () => {
    const { api, stats } = fakeApi(45);
    const first = await loadGrantVersions(api, ARN);
    assert.deepEqual(first.versions.map((g) => g.Version), Array.from({ length: 20 }, (_, i) => String(45 - i)));
    assert.equal(first.older, 25);
    assert.equal(stats.peak, 4);
    assert.equal(stats.calls.filter((v) => v === undefined).length, 1, 'the current version is read once');
    assert.equal(stats.calls.length, 20);
    const second = await loadGrantVersions(api, ARN, { from: first.older });
    assert.deepEqual(second.versions.map((g) => g.Version), Array.from({ length: 20 }, (_, i) => String(25 - i)));
    const third = await loadGrantVersions(api, ARN, { from: second.older });
    assert.deepEqual(third.versions.map((g) => g.Version), ['5', '4', '3', '2', '1']);
    assert.equal(third.older, undefined);
  });

  it('starts from the grant the caller already has without reading it again', async () => {
    const { api, stats } = fakeApi(3);
    const page = await loadGrantVersions(api, ARN, { current: grant(3) });
    assert.deepEqual(page.versions.map((g) => g.Version), ['3', '2', '1']);
    assert.deepEqual(stats.calls.sort(), ['1', '2']);
  });

  it('stops on abort: no further calls, rejects with the reason', async () => {
    const { api, stats } = fakeApi(30, 20);
    const ctrl = new AbortController();
    const p = loadGrantVersions(api, ARN, { from: 30, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(new Error('closed')), 5);
    await assert.rejects(p, /closed/);
    assert.ok(stats.calls.length <= 8, `calls after abort: ${stats.calls.length}`);
  });

  it('rejects with the first failure', async () => {
    const api: Pick<LicenseManagerApi, 'getGrant'> = {
      getGrant: async (_a, v) => {
        if (v === '2') throw new Error('denied');
        return grant(Number(v));
      },
    };
    await assert.rejects(loadGrantVersions(api, ARN, { from: 3 }), /denied/);
  });
});

describe('grant history against the emulator (demo seed)', function () {
  this.timeout(20_000);
  let world: SeedWorld;
  before(async () => (world = await startSeedWorld({}, { maxAttempts: 1 })));
  after(async () => world.close());

  it('matches the seed’s versions of every grant with a history', async () => {
    const seed = demoSeed();
    let checked = 0;
    for (const account of seed.accounts) {
      const profile = world.emulator.state.identityList().find((i) => i.accountId === account.id && i.deniedOperations.size === 0)!.profile;
      for (const [region, r] of Object.entries(account.regions ?? {})) {
        for (const g of (r.grants ?? []).filter((x) => x.history?.length)) {
          const arn = `arn:aws:license-manager::${account.id}:grant:${g.id}`;
          const page = await loadGrantVersions(world.factory.get(profile, region), arn);
          const steps = [...g.history!, { status: g.status, statusReason: g.statusReason }].reverse();
          const entries = grantHistory(page.versions);
          assert.deepEqual(
            entries.map((e) => [e.version, e.status, e.statusReason]),
            steps.map((s, i) => [String(steps.length - i), s.status, s.statusReason]),
            g.name,
          );
          checked++;
        }
      }
    }
    assert.ok(checked >= 4, `grants with history: ${checked}`);
  });
});
