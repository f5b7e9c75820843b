/** The AWS CLI, unchanged, issuing licenses and tokens against the emulator. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
import type { AwsConfigFiles, RunningEmulator } from '../emulator';
import { cliEnv, cliVersion, runAws, startOfflineGuard, type OfflineGuard } from '../support/awsCli';
import { ISSUING_SEED, newLicense, RENDER_ARN, RENDER_GRANT } from './issuingSupport';

type Out = Record<string, unknown>;

describe('AWS CLI issuing licenses and tokens', function () {
  this.timeout(180_000);
  let emu: RunningEmulator;
  let dir: string;
  let files: AwsConfigFiles;

  let guard: OfflineGuard;
  /** The exit code of a refused call: v1 answers 255, v2 254 (service errors). */
  let serviceError: number;

  before(async () => {
    serviceError = cliVersion().major === 1 ? 255 : 254;
    guard = await startOfflineGuard();
  });
  after(async () => guard?.close());
  beforeEach(async () => {
    emu = await startEmulator({ seed: ISSUING_SEED });
    dir = mkdtempSync(join(tmpdir(), 'lm-aws-cli-issuing-'));
    files = emu.writeAwsConfig(dir);
  });
  afterEach(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** `aws license-manager ARGS --profile P --endpoint-url EMULATOR`, nothing let off this machine. */
  async function aws(args: string[], profile = 'issuer'): Promise<{ code: number; stderr: string; json: Out }> {
    const r = await runAws(['license-manager', ...args, '--profile', profile], cliEnv(files, guard), emu.url);
    assert.deepEqual(guard.attempts.splice(0), [], 'no request left the machine');
    return { code: r.code, stderr: r.stderr, json: r.json ?? {} };
  }
  async function ok(args: string[], profile?: string): Promise<Out> {
    const r = await aws(args, profile);
    assert.equal(r.code, 0, `aws ${args.join(' ')} failed: ${r.stderr}`);
    return r.json;
  }

  it('create-license, create-license-version (stale source refused) and delete-license', async () => {
    const { ClientToken: _t, Tags: _tags, ...req } = newLicense(); // Tags: not in older CLIs
    const created = await ok(['create-license', '--client-token', 'cli-1', '--cli-input-json', JSON.stringify(req)]);
    assert.deepEqual([created.Status, created.Version], ['AVAILABLE', '1']);
    const arn = created.LicenseArn as string;
    const version = {
      LicenseArn: arn,
      LicenseName: 'Tailspin Trial (extended)',
      ProductName: req.ProductName,
      Issuer: req.Issuer,
      HomeRegion: 'us-east-1',
      Validity: req.Validity,
      Entitlements: req.Entitlements,
      ConsumptionConfiguration: req.ConsumptionConfiguration,
      Status: 'DEACTIVATED',
      SourceVersion: '1',
    };
    const v2 = await ok(['create-license-version', '--client-token', 'cli-2', '--cli-input-json', JSON.stringify(version)]);
    assert.deepEqual([v2.Version, v2.Status], ['2', 'DEACTIVATED']);
    const stale = await aws(['create-license-version', '--client-token', 'cli-3', '--cli-input-json', JSON.stringify(version)]);
    assert.equal(stale.code, serviceError, stale.stderr);
    assert.match(stale.stderr, /\(ConflictException\) when calling the CreateLicenseVersion operation: The source version 1 is not the current version/);
    const versions = await ok(['list-license-versions', '--license-arn', arn]);
    assert.deepEqual((versions.Licenses as Out[]).map((l) => l.Status), ['AVAILABLE', 'DEACTIVATED']);
    const deleted = await ok(['delete-license', '--license-arn', arn, '--source-version', '2']);
    assert.equal(deleted.Status, 'PENDING_DELETE');
    const got = await ok(['get-license', '--license-arn', arn]);
    assert.equal((got.License as Out).Status, 'DELETED');
  });

  it('create-license refuses an invalid request with the model message', async () => {
    const { ClientToken: _t, Tags: _tags, ...req } = newLicense(); // Tags: not in older CLIs
    const r = await aws(['create-license', '--client-token', 'cli-bad', '--cli-input-json', JSON.stringify({ ...req, Entitlements: [{ Name: 'Seats', Unit: 'Seat', MaxCount: 1 }] })]);
    assert.equal(r.code, serviceError, r.stderr);
    assert.match(r.stderr, /\(ValidationException\) when calling the CreateLicense operation: 1 validation error detected: Value 'Seat' at 'entitlements\.1\.member\.unit'/);
  });

  it('create-token, list-tokens, get-access-token and delete-token', async () => {
    const created = await ok(['create-token', '--license-arn', RENDER_ARN, '--client-token', 'tok-1', '--expiration-in-days', '7', '--token-properties', 'site=lab']);
    assert.equal(created.TokenType, 'REFRESH_TOKEN');
    const listed = await ok(['list-tokens', '--filters', `Name=LicenseArns,Values=${RENDER_ARN}`]);
    assert.deepEqual((listed.Tokens as Out[]).map((t) => [t.TokenId, t.Status, t.TokenProperties]), [[created.TokenId, 'AVAILABLE', ['site=lab']]]);
    const access = await ok(['get-access-token', '--token', created.Token as string], 'customer');
    assert.match(access.AccessToken as string, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    await ok(['delete-token', '--token-id', created.TokenId as string]);
    assert.deepEqual((await ok(['list-tokens'])).Tokens, []);
    const gone = await aws(['delete-token', '--token-id', created.TokenId as string]);
    assert.match(gone.stderr, /\(ResourceNotFoundException\) when calling the DeleteToken operation/);
    const grant = await ok(['get-grant', '--grant-arn', RENDER_GRANT]);
    assert.equal((grant.Grant as Out).GrantStatus, 'ACTIVE');
  });
});
