import * as assert from 'node:assert/strict';
import { createClientFactory } from '../../src/aws/clientFactory';
import { newClientToken } from '../../src/aws/facade';
import { collectAll, pages } from '../../src/aws/pager';
import { buildState } from '../emulator/seed';
import type { LicenseManagerApi, LicenseManagerClientFactory } from '../../src/aws/types';
import {
  ACTIVE_GRANT,
  BIG_CONFIG,
  BUYER,
  DELETED_GRANT,
  LICENSE,
  OTHER_LICENSE,
  PENDING_GRANT,
  REGION,
  SEED,
  SELLER,
  SMALL_CONFIG,
  USAGE_COUNT,
  assertNoSecret,
  configArn,
  grantArn,
  licenseArn,
  startAwsWorld,
  type AwsTestWorld,
} from './awsFixtures';

describe('AWS facade against the emulator', function () {
  this.timeout(20_000);
  let world: AwsTestWorld;
  let factory: LicenseManagerClientFactory;
  let seller: LicenseManagerApi;
  let buyer: LicenseManagerApi;
  const logs: string[] = [];

  /** Fault rolls of the emulator; 1 never triggers a fault. */
  const rolls: number[] = [];
  before(async () => {
    world = await startAwsWorld({ random: () => rolls.shift() ?? 1 });
    factory = createClientFactory({ log: (line) => logs.push(line) });
    seller = factory.get('seller', REGION);
    buyer = factory.get('buyer', REGION);
  });
  // Every test starts from the seed: lifecycle tests change grants that listing tests read.
  beforeEach(() => {
    Object.assign(world.emulator.state, buildState(SEED));
    world.emulator.requests.length = 0;
    rolls.length = 0;
  });
  after(async () => {
    factory.dispose();
    await world.close();
  });

  it('lists license configurations one page at a time, with filters and ARNs', async () => {
    const first = await seller.listLicenseConfigurations({ maxResults: 1 });
    assert.equal(first.items.length, 1);
    assert.ok(first.nextToken);
    const second = await seller.listLicenseConfigurations({ maxResults: 1, nextToken: first.nextToken });
    assert.equal(second.nextToken, undefined);
    const names = [...first.items, ...second.items].map((c) => c.Name).sort();
    assert.deepEqual(names, ['Fleet vCPUs', 'Sockets']);
    assert.ok(!('$metadata' in first), 'no SDK metadata in results');

    const sockets = await seller.listLicenseConfigurations({ filters: [{ Name: 'licenseCountingType', Values: ['Socket'] }] });
    assert.deepEqual(sockets.items.map((c) => c.LicenseConfigurationArn), [configArn(SMALL_CONFIG)]);
    const byArn = await seller.listLicenseConfigurations({ arns: [configArn(BIG_CONFIG)] });
    assert.deepEqual(byArn.items.map((c) => c.Name), ['Fleet vCPUs']);
  });

  it('gets a license configuration with its tags', async () => {
    const c = await seller.getLicenseConfiguration(configArn(BIG_CONFIG));
    assert.equal(c.Name, 'Fleet vCPUs');
    assert.equal(c.LicenseCountingType, 'vCPU');
    assert.equal(c.LicenseCount, 5000);
    assert.deepEqual(c.Tags, [{ Key: 'team', Value: 'platform' }]);
    assert.ok(!('$metadata' in c));
  });

  it('pages through more than 1,000 usage records without duplicate or missing items', async () => {
    const arn = configArn(BIG_CONFIG);
    let pageCount = 0;
    const seen = new Set<string>();
    for await (const page of pages((token) => seller.listUsageForLicenseConfiguration(arn, { maxResults: 100, nextToken: token }))) {
      pageCount++;
      for (const u of page.items) {
        assert.ok(u.ResourceArn && !seen.has(u.ResourceArn), `duplicate ${u.ResourceArn}`);
        seen.add(u.ResourceArn);
      }
    }
    assert.ok(USAGE_COUNT > 1000);
    assert.equal(seen.size, USAGE_COUNT);
    assert.equal(pageCount, Math.ceil(USAGE_COUNT / 100));
    const expected = new Set(world.emulator.state.configs.find((c) => c.id === BIG_CONFIG)!.usage.map((u) => u.ResourceArn));
    assert.deepEqual(seen, expected);

    const all = await collectAll((token) => seller.listUsageForLicenseConfiguration(arn, { maxResults: 100, nextToken: token }));
    assert.equal(all.complete, true);
    assert.equal(all.items.length, USAGE_COUNT);
    assert.ok(all.items[0].AssociationTime instanceof Date, 'timestamps become Dates');
  });

  it('filters usage records', async () => {
    const hosts = await collectAll((token) =>
      seller.listUsageForLicenseConfiguration(configArn(BIG_CONFIG), {
        filters: [{ Name: 'resourceType', Values: ['EC2_HOST'] }],
        maxResults: 100,
        nextToken: token,
      }),
    );
    assert.equal(hosts.items.length, USAGE_COUNT / 2);
    assert.ok(hosts.items.every((u) => u.ResourceType === 'EC2_HOST'));
  });

  it('lists associations of a license configuration', async () => {
    const page = await seller.listAssociationsForLicenseConfiguration(configArn(SMALL_CONFIG));
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0].ResourceType, 'EC2_AMI');
    assert.equal(page.items[0].AmiAssociationScope, 'cross-account');
    assert.equal(page.items[0].AssociationTime?.toISOString(), '2024-03-01T09:00:00.000Z');
    const big = await seller.listAssociationsForLicenseConfiguration(configArn(BIG_CONFIG), { maxResults: 50 });
    assert.equal(big.items.length, 50);
    assert.ok(big.nextToken);
  });

  it('lists, filters and gets issued licenses', async () => {
    const all = await seller.listLicenses();
    assert.deepEqual(all.items.map((l) => l.LicenseArn).sort(), [licenseArn(LICENSE), licenseArn(OTHER_LICENSE)]);
    const two = await seller.listLicenses({ filters: [{ Name: 'ProductSKU', Values: ['SKU-TWO'] }] });
    assert.deepEqual(two.items.map((l) => l.LicenseName), ['Database']);
    const one = await seller.listLicenses({ arns: [licenseArn(LICENSE)] });
    assert.deepEqual(one.items.map((l) => l.ProductSKU), ['SKU-ONE']);

    const l = await seller.getLicense(licenseArn(LICENSE));
    assert.equal(l.LicenseName, 'Analytics');
    assert.equal(l.Version, '2');
    assert.equal(l.CreateTime, '2024-01-01T00:00:00Z', 'ISO strings stay strings');
    assert.equal(l.Entitlements?.[0].MaxCount, 100);
    assert.equal(l.Issuer?.Name, 'Example Seller');
    const v1 = await seller.getLicense(licenseArn(LICENSE), '1');
    assert.equal(v1.LicenseName, 'Analytics (draft)');
  });

  it('lists license versions and gets license usage', async () => {
    const versions = await seller.listLicenseVersions(licenseArn(LICENSE));
    assert.deepEqual(versions.items.map((v) => v.Version), ['1', '2']);
    const paged = await seller.listLicenseVersions(licenseArn(LICENSE), { maxResults: 1 });
    assert.equal(paged.items.length, 1);
    assert.ok(paged.nextToken);
    const usage = await seller.getLicenseUsage(licenseArn(LICENSE));
    assert.deepEqual(usage, [{ Name: 'Seats', ConsumedValue: '12', MaxCount: '100', Unit: 'Count' }]);
  });

  it('lists received licenses of the grantee with their received metadata', async () => {
    const received = await buyer.listReceivedLicenses();
    const byArn = new Map(received.items.map((l) => [l.LicenseArn, l]));
    assert.ok(byArn.has(licenseArn(OTHER_LICENSE)));
    assert.equal(byArn.get(licenseArn(OTHER_LICENSE))?.ReceivedMetadata?.ReceivedStatus, 'ACTIVE');
    const filtered = await buyer.listReceivedLicenses({ filters: [{ Name: 'ProductSKU', Values: ['SKU-TWO'] }] });
    assert.deepEqual(filtered.items.map((l) => l.ProductSKU), ['SKU-TWO']);
    const none = await seller.listReceivedLicenses();
    assert.deepEqual(none.items, []);
  });

  it('lists distributed and received grants with filters, and gets a grant by version', async () => {
    const distributed = await seller.listDistributedGrants();
    assert.deepEqual(distributed.items.map((g) => g.GrantArn).sort(), [grantArn(PENDING_GRANT), grantArn(ACTIVE_GRANT), grantArn(DELETED_GRANT)].sort());
    const pending = await seller.listDistributedGrants({ filters: [{ Name: 'GrantStatus', Values: ['PENDING_ACCEPT'] }] });
    assert.deepEqual(pending.items.map((g) => g.GrantArn), [grantArn(PENDING_GRANT)]);
    const byArn = await seller.listDistributedGrants({ arns: [grantArn(ACTIVE_GRANT)] });
    assert.equal(byArn.items[0].GrantStatus, 'ACTIVE');

    const received = await buyer.listReceivedGrants({ filters: [{ Name: 'GranterAccountId', Values: [SELLER] }] });
    assert.ok(received.items.some((g) => g.GrantArn === grantArn(PENDING_GRANT)));
    assert.ok(received.items.every((g) => g.GranteePrincipalArn === `arn:aws:iam::${BUYER}:root`));

    const g = await buyer.getGrant(grantArn(ACTIVE_GRANT));
    assert.equal(g.Version, '3');
    assert.equal(g.StatusReason, 'Activated by the buyer');
    assert.deepEqual(g.GrantedOperations, ['CheckoutLicense', 'CheckInLicense', 'ListPurchasedLicenses']);
    assert.ok(!('$metadata' in g));
    const first = await buyer.getGrant(grantArn(ACTIVE_GRANT), '1');
    assert.equal(first.GrantStatus, 'PENDING_ACCEPT');
    const deleted = await seller.getGrant(grantArn(DELETED_GRANT));
    assert.equal(deleted.GrantStatus, 'DELETED');
  });

  it('lists tags of configurations, licenses and grants', async () => {
    assert.deepEqual(await seller.listTagsForResource(configArn(BIG_CONFIG)), [{ Key: 'team', Value: 'platform' }]);
    assert.deepEqual(await seller.listTagsForResource(licenseArn(LICENSE)), [{ Key: 'product', Value: 'SKU-ONE' }]);
    assert.deepEqual(await buyer.listTagsForResource(grantArn(ACTIVE_GRANT)), [{ Key: 'deal', Value: '42' }]);
  });

  it('runs the grant lifecycle: accept, activate, deactivate, reject', async () => {
    const arn = grantArn(PENDING_GRANT);
    const accepted = await buyer.acceptGrant(arn);
    assert.deepEqual(accepted, { GrantArn: arn, Status: 'DISABLED', Version: '2' });
    const active = await buyer.createGrantVersion({ clientToken: newClientToken(), grantArn: arn, status: 'ACTIVE', sourceVersion: '2' });
    assert.equal(active.Status, 'ACTIVE');
    assert.equal(active.Version, '3');
    const received = await buyer.listReceivedLicenses({ arns: [licenseArn(LICENSE)] });
    assert.equal(received.items[0].ReceivedMetadata?.ReceivedStatus, 'ACTIVE');
    const disabled = await buyer.createGrantVersion({
      clientToken: newClientToken(),
      grantArn: arn,
      status: 'DISABLED',
      statusReason: 'Paused by the buyer',
      sourceVersion: '3',
    });
    assert.equal(disabled.Status, 'DISABLED');
    assert.equal((await seller.getGrant(arn)).StatusReason, 'Paused by the buyer');
    const rejected = await buyer.rejectGrant(arn);
    assert.equal(rejected.Status, 'REJECTED');
  });

  it('creates a grant idempotently, amends it and deletes it', async () => {
    const token = newClientToken();
    const input = {
      clientToken: token,
      grantName: 'New grant',
      licenseArn: licenseArn(OTHER_LICENSE),
      principal: `arn:aws:iam::${BUYER}:root`,
      homeRegion: REGION,
      allowedOperations: ['CheckoutLicense'],
    };
    const created = await seller.createGrant(input);
    assert.match(created.GrantArn, /^arn:aws:license-manager::111111111111:grant:g-/);
    assert.equal(created.Version, '1');
    const again = await seller.createGrant(input);
    assert.deepEqual(again, created, 'the same ClientToken returns the first result');
    const grants = await seller.listDistributedGrants({ filters: [{ Name: 'LicenseArn', Values: [licenseArn(OTHER_LICENSE)] }] });
    assert.equal(grants.items.filter((g) => g.GrantName === 'New grant').length, 1);

    const renamed = await seller.createGrantVersion({
      clientToken: newClientToken(),
      grantArn: created.GrantArn,
      grantName: 'Renamed grant',
      allowedOperations: ['CheckoutLicense', 'CheckInLicense'],
    });
    const current = await seller.getGrant(created.GrantArn);
    assert.equal(current.GrantName, 'Renamed grant');
    assert.deepEqual(current.GrantedOperations, ['CheckoutLicense', 'CheckInLicense']);
    assert.equal(current.Version, renamed.Version);

    const deleted = await seller.deleteGrant({ grantArn: created.GrantArn, version: renamed.Version, statusReason: 'No longer needed' });
    assert.equal(deleted.Status, 'DELETED');
    const gone = await seller.getGrant(created.GrantArn);
    assert.equal(gone.GrantStatus, 'DELETED');
    assert.equal(gone.StatusReason, 'No longer needed');
  });

  it('rides out throttling through the SDK retries', async () => {
    world.emulator.setFaults({ throttleRate: 0.3 });
    try {
      world.emulator.requests.length = 0;
      // Each call is throttled once or twice before it gets through.
      rolls.push(0.1, 0.9, 0.2, 0.25, 0.9, 0.05, 0.9);
      const grants = await buyer.listReceivedGrants();
      const licenses = await buyer.listReceivedLicenses();
      const configs = await seller.listLicenseConfigurations();
      assert.ok(grants.items.length > 0 && licenses.items.length > 0 && configs.items.length > 0);
      assert.deepEqual(
        world.emulator.requests.map((r) => r.status),
        [429, 200, 429, 429, 200, 429, 200],
      );
    } finally {
      world.emulator.setFaults({ throttleRate: 0 });
    }
  });

  it('makes exactly one new version when a committed CreateGrantVersion answers 500 and the SDK retries', async () => {
    const arn = grantArn(ACTIVE_GRANT);
    const before = await buyer.getGrant(arn);
    world.emulator.setFaults({ failAfterCommitRate: 0.5 });
    try {
      rolls.push(0.1, 0.9);
      world.emulator.requests.length = 0;
      const token = newClientToken();
      const result = await buyer.createGrantVersion({ clientToken: token, grantArn: arn, status: 'DISABLED', sourceVersion: before.Version });
      assert.deepEqual(world.emulator.requests.map((r) => r.status), [500, 200]);
      assert.equal(Number(result.Version), Number(before.Version) + 1);
      const versions = world.emulator.state.grants.get(arn)!.versions;
      assert.equal(versions.length, Number(before.Version) + 1, 'one new version only');
      const again = await buyer.createGrantVersion({ clientToken: token, grantArn: arn, status: 'DISABLED', sourceVersion: before.Version });
      assert.deepEqual(again, result, 'repeating the same user action with its token changes nothing');
      assert.equal(world.emulator.state.grants.get(arn)!.versions.length, versions.length);
    } finally {
      world.emulator.setFaults({ failAfterCommitRate: 0 });
    }
  });

  it('sends one request per call, signed for the profile and region, and logs it without secrets', async () => {
    world.emulator.requests.length = 0;
    logs.length = 0;
    await buyer.listReceivedGrants();
    assert.equal(world.emulator.requests.length, 1);
    const entry = world.emulator.requests[0];
    assert.equal(entry.operation, 'ListReceivedGrants');
    assert.equal(entry.account, BUYER);
    assert.equal(entry.region, REGION);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^ListReceivedGrants profile=buyer region=us-east-1 ok requestId=\S+ attempts=1$/);
    assert.ok(logs[0].includes(entry.requestId), 'the log names the request id');
  });

  it('never logs a secret', async () => {
    logs.length = 0;
    await seller.listLicenses();
    await buyer.acceptGrant(grantArn(PENDING_GRANT));
    await factory.get('seller', REGION).listDistributedGrants();
    assert.ok(logs.length >= 3, `${logs.length} log lines`);
    assertNoSecret(logs);
    assert.ok(logs.every((l) => !/AKID/.test(l)), 'no access key id in logs');
  });
});
