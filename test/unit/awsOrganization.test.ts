import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClientFactory } from '../../src/aws/clientFactory';
import type { LicenseManagerClientFactory } from '../../src/aws/types';
import { startEmulator, type RunningEmulator } from '../emulator';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SEED = join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'organization.json');
const ANALYTICS = 'arn:aws:license-manager::210987654321:license:l-92b0c3407982715ac04abe7bec42e0c1';
const ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINT_URL', 'HOME'];

describe('AWS facade: organization lists against the emulator', function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  let dir: string;
  let factory: LicenseManagerClientFactory;
  const saved = new Map<string, string | undefined>();
  const logs: string[] = [];

  before(async () => {
    for (const k of ENV) saved.set(k, process.env[k]);
    for (const k of ENV) delete process.env[k];
    emu = await startEmulator({ seed: SEED });
    dir = mkdtempSync(join(tmpdir(), 'lm-aws-org-'));
    const files = emu.writeAwsConfig(dir);
    process.env.AWS_CONFIG_FILE = files.configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
    process.env.HOME = dir;
    factory = createClientFactory({ log: (line) => logs.push(line) });
  });
  after(async () => {
    factory.dispose();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('lists received licenses, the grants of one and the license configurations of the organization, a page at a time', async () => {
    const admin = factory.get('org-admin', 'us-east-1');
    const licenses = await admin.listReceivedLicensesForOrganization({ maxResults: 1 });
    assert.deepEqual(licenses.items.map((l) => l.LicenseArn), [ANALYTICS]);
    assert.ok(licenses.nextToken);
    const grants = await admin.listReceivedGrantsForOrganization(ANALYTICS, { filters: [{ Name: 'GranteePrincipalArn', Values: ['arn:aws:iam::500000000003:root'] }] });
    assert.deepEqual(grants.items.map((g) => [g.GrantStatus, g.StatusReason]), [['DISABLED', 'Paused during the security audit']]);
    const configs = await admin.listLicenseConfigurationsForOrganization();
    assert.deepEqual(configs.items.map((c) => c.Name), ['Holdings Windows Server', 'Retail POS SQL Server']);
    assert.ok(!('$metadata' in configs), 'no SDK metadata in results');
    assert.ok(logs.some((l) => l.startsWith('ListReceivedGrantsForOrganization profile=org-admin region=us-east-1 ok')), logs.join('\n'));
  });

  it('a member account is refused with kind accessDenied and the AWS code', async () => {
    const member = factory.get('org-member', 'us-east-1');
    await assert.rejects(member.listReceivedLicensesForOrganization(), (e: { kind?: string; details?: { code?: string } }) => {
      assert.equal(e.kind, 'accessDenied');
      assert.equal(e.details?.code, 'AccessDeniedException');
      return true;
    });
  });
});
