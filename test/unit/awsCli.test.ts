/**
 * The AWS CLI first on PATH, unchanged, against the emulator through the config files the emulator
 * writes, with `--endpoint-url` (which every CLI version honours) and nothing let off this machine.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
import type { AwsConfigFiles, RunningEmulator } from '../emulator';
import { cliEnv, cliVersion, readsConfiguredEndpoint, runAws, startOfflineGuard, type CliResult, type CliVersion, type OfflineGuard } from '../support/awsCli';
import { configArnByName, grantNamed, licenseArnBySku, RESEARCH } from './emulatorSupport';

describe('AWS CLI against the emulator', function () {
  this.timeout(180_000);
  let emu: RunningEmulator;
  let dir: string;
  let files: AwsConfigFiles;
  let guard: OfflineGuard;
  let version: CliVersion;

  before(async () => {
    version = cliVersion();
    guard = await startOfflineGuard();
  });
  after(async () => guard?.close());
  // A fresh emulator per test: the tests that change grants must not change what the others read.
  beforeEach(async () => {
    emu = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), 'lm-aws-cli-'));
    files = emu.writeAwsConfig(dir);
  });
  afterEach(async function () {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    const tried = guard.attempts.splice(0);
    // A failing test says its own failure; a passing one must not have tried to leave the machine.
    if (this.currentTest?.state === 'passed') assert.deepEqual(tried, [], `${version.text} tried to reach hosts off this machine`);
  });

  /** `aws license-manager ARGS --profile P [--region R] --endpoint-url EMULATOR`. */
  function aws(profile: string, args: string[], region?: string): Promise<CliResult> {
    const full = ['license-manager', ...args, '--profile', profile, ...(region ? ['--region', region] : [])];
    return runAws(full, cliEnv(files, guard), emu.url);
  }

  async function ok(profile: string, args: string[], region?: string): Promise<Record<string, unknown>> {
    const r = await aws(profile, args, region);
    assert.equal(r.code, 0, `aws ${args.join(' ')} --profile ${profile} failed: ${r.stderr}`);
    return r.json ?? {};
  }

  const len = (v: unknown): number => (v as unknown[]).length;

  it('reads endpoint_url from the written profile from CLI v2 2.13 and v1 1.29 on; an older CLI is stopped before it reaches AWS', async () => {
    const r = await runAws(['license-manager', 'list-received-grants', '--profile', 'buyer'], cliEnv(files, guard, { AWS_MAX_ATTEMPTS: '1' }), undefined);
    if (readsConfiguredEndpoint(version)) {
      assert.equal(r.code, 0, `${version.text}: ${r.stderr}`);
      assert.equal((r.json?.Grants as unknown[]).length, 6);
      assert.deepEqual(emu.requests.map((q) => q.operation), ['ListReceivedGrants']);
    } else {
      assert.notEqual(r.code, 0, `${version.text} ignores endpoint_url and must not have reached anything`);
      assert.deepEqual(guard.attempts.splice(0), ['license-manager.us-east-1.amazonaws.com:443'], 'the guard refused the request to AWS');
      assert.deepEqual(emu.requests, []);
    }
  });

  it('lists received grants with the written profile, unchanged', async () => {
    const out = await ok('buyer', ['list-received-grants']);
    const grants = out.Grants as { GrantStatus: string }[];
    assert.equal(grants.length, 6);
    assert.ok(grants.some((g) => g.GrantStatus === 'PENDING_ACCEPT'));
  });

  it('lists and gets license configurations, usage (paginated past 1,000) and associations', async () => {
    const list = await ok('seller', ['list-license-configurations']);
    assert.equal(len(list.LicenseConfigurations), 2);
    const arn = configArnByName(emu, 'SQL Server Enterprise fleet');
    const got = await ok('seller', ['get-license-configuration', '--license-configuration-arn', arn]);
    assert.equal(got.LicenseCountingType, 'vCPU');
    // CLI v1 prints timestamps as sent (epoch seconds), v2 as ISO 8601 by default (cli_timestamp_format).
    const lastRun = (got.AutomatedDiscoveryInformation as Record<string, unknown>).LastRunTime;
    assert.equal(new Date(typeof lastRun === 'number' ? lastRun * 1000 : String(lastRun)).toISOString(), '2025-06-02T06:00:00.000Z');
    const usage = await ok('seller', ['list-usage-for-license-configuration', '--license-configuration-arn', arn, '--page-size', '300']);
    const items = usage.LicenseConfigurationUsageList as { ResourceArn: string }[];
    assert.equal(items.length, 1250);
    assert.equal(new Set(items.map((u) => u.ResourceArn)).size, 1250);
    const filtered = await ok('seller', [
      'list-usage-for-license-configuration',
      '--license-configuration-arn',
      arn,
      '--filters',
      'Name=resourceType,Values=EC2_HOST',
    ]);
    assert.ok((filtered.LicenseConfigurationUsageList as { ResourceType: string }[]).every((u) => u.ResourceType === 'EC2_HOST'));
    const assoc = await ok('seller', ['list-associations-for-license-configuration', '--license-configuration-arn', arn, '--max-items', '10']);
    assert.equal(len(assoc.LicenseConfigurationAssociations), 10);
  });

  it('lists and gets licenses, versions, usage, received licenses and tags', async () => {
    const list = await ok('seller', ['list-licenses']);
    assert.equal(len(list.Licenses), 5);
    const arn = licenseArnBySku(emu, 'NW-ANL-ENT');
    const got = await ok('buyer', ['get-license', '--license-arn', arn, '--license-version', '2']);
    assert.equal((got.License as Record<string, unknown>).Version, '2');
    const versions = await ok('seller', ['list-license-versions', '--license-arn', arn]);
    assert.equal(len(versions.Licenses), 3);
    const usage = await ok('buyer', ['get-license-usage', '--license-arn', arn]);
    assert.ok(len((usage.LicenseUsage as Record<string, unknown>).EntitlementUsages) > 0);
    const received = await ok('buyer', ['list-received-licenses'], 'ap-southeast-2');
    assert.equal(len(received.Licenses), 7);
    const tags = await ok('seller', ['list-tags-for-resource', '--resource-arn', arn]);
    assert.deepEqual(tags.Tags, [
      { Key: 'Product', Value: 'Analytics' },
      { Key: 'CostCenter', Value: 'CC-1042' },
    ]);
  });

  it('lists distributed grants and gets a grant', async () => {
    const list = await ok('seller', ['list-distributed-grants', '--filters', 'Name=GrantStatus,Values=WORKFLOW_COMPLETED']);
    assert.equal(len(list.Grants), 1);
    const g = grantNamed(emu, 'Globex BI dashboards');
    const got = await ok('buyer', ['get-grant', '--grant-arn', g.arn]);
    assert.equal((got.Grant as Record<string, unknown>).GrantStatus, 'DISABLED');
  });

  it('accepts, activates with a status reason, and the grantor deletes', async () => {
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    const accepted = await ok('buyer', ['accept-grant', '--grant-arn', g.arn]);
    assert.deepEqual(accepted, { GrantArn: g.arn, Status: 'DISABLED', Version: '2' });
    const activated = await ok('buyer', [
      'create-grant-version',
      '--grant-arn',
      g.arn,
      '--client-token',
      'cli-activate-1',
      '--status',
      'ACTIVE',
      '--status-reason',
      'Activated from the AWS CLI',
      '--source-version',
      '2',
    ]);
    assert.deepEqual(activated, { GrantArn: g.arn, Status: 'ACTIVE', Version: '3' });
    const rec = await ok('buyer', ['list-received-licenses', '--license-arns', g.versions[0].LicenseArn]);
    const meta = (rec.Licenses as { ReceivedMetadata: Record<string, unknown> }[])[0].ReceivedMetadata;
    assert.deepEqual([meta.ReceivedStatus, meta.ReceivedStatusReason], ['ACTIVE', 'Activated from the AWS CLI']);
    const denied = await aws('buyer', ['delete-grant', '--grant-arn', g.arn, '--grant-version', '3']);
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /AccessDeniedException/);
    const deleted = await ok('seller', ['delete-grant', '--grant-arn', g.arn, '--grant-version', '3', '--status-reason', 'Contract replaced']);
    assert.deepEqual(deleted, { GrantArn: g.arn, Status: 'DELETED', Version: '4' });
  });

  it('rejects a pending grant, and refuses a stale version', async () => {
    const g = grantNamed(emu, 'Globex EU analytics');
    const rejected = await ok('buyer', ['reject-grant', '--grant-arn', g.arn], 'eu-west-1');
    assert.equal(rejected.Status, 'REJECTED');
    const stale = await aws('seller', ['delete-grant', '--grant-arn', g.arn, '--grant-version', '1']);
    assert.notEqual(stale.code, 0);
    assert.match(stale.stderr, /InvalidParameterValueException.*version/);
  });

  it('creates a grant', async () => {
    const out = await ok('seller', [
      'create-grant',
      '--client-token',
      'cli-create-1',
      '--grant-name',
      'CLI grant',
      '--license-arn',
      licenseArnBySku(emu, 'NW-BI-DSH'),
      '--principals',
      `arn:aws:iam::${RESEARCH}:root`,
      '--home-region',
      'us-east-1',
      '--allowed-operations',
      'CheckoutLicense',
      'CheckInLicense',
    ]);
    assert.equal(out.Status, 'PENDING_ACCEPT');
  });

  it('reports errors the way AWS does: access denied and validation', async () => {
    const denied = await aws('buyer-readonly', ['list-received-grants']);
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /An error occurred \(AccessDeniedException\) when calling the ListReceivedGrants operation/);
    const invalid = await aws('seller', ['get-grant', '--grant-arn', 'not-an-arn']);
    assert.match(invalid.stderr, /\(ValidationException\).*regular expression pattern/);
    const tooMany = await aws('seller', ['list-licenses', '--max-results', '1000']);
    assert.match(tooMany.stderr, /\(ValidationException\).*less than or equal to 100/);
  });
});
