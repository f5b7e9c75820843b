/**
 * The AWS CLI first on PATH, unchanged, reads the organization lists from the emulator. Debian's CLI
 * has no `list-license-configurations-for-organization`; that operation is tested with the SDK.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
import type { AwsConfigFiles, RunningEmulator } from '../emulator';
import { cliEnv, cliVersion, runAws, startOfflineGuard, type CliResult, type CliVersion, type OfflineGuard } from '../support/awsCli';

const SEED = join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'organization.json');
const ANALYTICS = 'arn:aws:license-manager::210987654321:license:l-92b0c3407982715ac04abe7bec42e0c1';

describe('AWS CLI organization lists against the emulator', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let dir: string;
  let files: AwsConfigFiles;
  let guard: OfflineGuard;
  let version: CliVersion;

  before(async () => {
    version = cliVersion();
    guard = await startOfflineGuard();
    emu = await startEmulator({ seed: SEED });
    dir = mkdtempSync(join(tmpdir(), 'lm-aws-cli-org-'));
    files = emu.writeAwsConfig(dir);
  });
  after(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await guard?.close();
  });
  afterEach(function () {
    const tried = guard.attempts.splice(0);
    if (this.currentTest?.state === 'passed') assert.deepEqual(tried, [], `${version.text} tried to reach hosts off this machine`);
  });

  function aws(profile: string, args: string[], region?: string): Promise<CliResult> {
    const full = ['license-manager', ...args, '--profile', profile, ...(region ? ['--region', region] : [])];
    return runAws(full, cliEnv(files, guard, { AWS_MAX_ATTEMPTS: '1' }), emu.url);
  }

  it('list-received-licenses-for-organization: each license the organization received, with its status, and the SKU filter', async () => {
    const r = await aws('org-admin', ['list-received-licenses-for-organization']);
    assert.equal(r.code, 0, r.stderr);
    const licenses = r.json?.Licenses as { ProductSKU: string; ReceivedMetadata: { ReceivedStatus: string } }[];
    assert.deepEqual(licenses.map((l) => [l.ProductSKU, l.ReceivedMetadata.ReceivedStatus]), [['CT-ANL', 'ACTIVE'], ['CT-EDGE', 'ACTIVE']]);
    const f = await aws('org-admin', ['list-received-licenses-for-organization', '--filters', 'Name=ProductSKU,Values=CT-EDGE']);
    assert.equal(f.code, 0, f.stderr);
    assert.deepEqual((f.json?.Licenses as { ProductSKU: string }[]).map((l) => l.ProductSKU), ['CT-EDGE']);
  });

  it('list-received-grants-for-organization: the accounts of the organization and their grant status for one license', async () => {
    const r = await aws('org-delegated', ['list-received-grants-for-organization', '--license-arn', ANALYTICS], 'us-east-1');
    assert.equal(r.code, 0, r.stderr);
    const grants = r.json?.Grants as { GranteePrincipalArn: string; GrantStatus: string }[];
    assert.deepEqual(grants.map((g) => [g.GranteePrincipalArn, g.GrantStatus]), [
      ['arn:aws:organizations::500000000001:organization/o-fab1holdings', 'WORKFLOW_COMPLETED'],
      ['arn:aws:iam::500000000002:root', 'ACTIVE'],
      ['arn:aws:iam::500000000003:root', 'DISABLED'],
      ['arn:aws:iam::500000000004:root', 'PENDING_ACCEPT'],
      ['arn:aws:iam::500000000001:root', 'REJECTED'],
    ]);
  });

  it('a member account gets AccessDeniedException, and a missing --license-arn is refused by the CLI before anything is sent', async () => {
    const denied = await aws('org-member', ['list-received-licenses-for-organization']);
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /AccessDeniedException/);
    assert.match(denied.stderr, /management account of an organization or a delegated administrator/);
    const before = emu.requests.length;
    const missing = await aws('org-admin', ['list-received-grants-for-organization']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /--license-arn/);
    assert.equal(emu.requests.length, before, 'nothing was sent');
  });
});
