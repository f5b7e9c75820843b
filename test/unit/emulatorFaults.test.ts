import * as assert from 'node:assert/strict';
import {
  AcceptGrantCommand,
  CreateGrantCommand,
  CreateGrantVersionCommand,
  GetGrantCommand,
  GetLicenseCommand,
  ListDistributedGrantsCommand,
  ListLicenseConfigurationsCommand,
  ListReceivedGrantsCommand,
  ListReceivedLicensesCommand,
  ListUsageForLicenseConfigurationCommand,
} from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { client, configArnByName, destroyClients, grantNamed, licenseArnBySku, rejectsWith, RESEARCH, seededRandom } from './emulatorSupport';

/** Returns the given values in order, then `rest`. */
const sequence = (values: number[], rest = 0.99) => () => values.shift() ?? rest;

describe('emulator fault injection', function () {
  this.timeout(120_000);
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    destroyClients();
    await emu?.close();
    emu = undefined;
  });

  it('fail-after-commit + SDK retry + ClientToken → exactly one new grant version', async () => {
    emu = await startEmulator({ failAfterCommitRate: 0.5, random: sequence([0]) });
    const g = grantNamed(emu, 'Globex analytics production');
    const buyer = client(emu, 'buyer', 'us-east-1', { maxAttempts: 3 });
    const out = await buyer.send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'once', Status: 'DISABLED', StatusReason: 'Maintenance' }));
    assert.deepEqual([out.Status, out.Version], ['DISABLED', '4']);
    assert.equal(g.versions.length, 4, 'exactly one new version');
    const calls = emu.requests.filter((r) => r.operation === 'CreateGrantVersion');
    assert.deepEqual(calls.map((r) => [r.status, r.errorType]), [
      [500, 'ServerInternalException'],
      [200, undefined],
    ]);
  });

  it('fail-after-commit + SDK retry + ClientToken → exactly one new grant', async () => {
    emu = await startEmulator({ failAfterCommitRate: 0.5, random: sequence([0, 0]) });
    const before = emu.state.grants.size;
    const seller = client(emu, 'seller', 'us-east-1', { maxAttempts: 4 });
    const out = await seller.send(
      new CreateGrantCommand({
        ClientToken: 'create-once',
        GrantName: 'Retry-safe grant',
        LicenseArn: licenseArnBySku(emu, 'NW-BI-DSH'),
        Principals: [`arn:aws:iam::${RESEARCH}:root`],
        HomeRegion: 'us-east-1',
        AllowedOperations: ['CheckoutLicense'],
      }),
    );
    assert.equal(out.Status, 'PENDING_ACCEPT');
    assert.equal(emu.state.grants.size, before + 1);
    assert.deepEqual(emu.requests.filter((r) => r.operation === 'CreateGrant').map((r) => r.status), [500, 500, 200]);
  });

  it('fail-after-commit applies the change even when the client gives up', async () => {
    emu = await startEmulator({ failAfterCommitRate: 1, random: sequence([0]) });
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    await rejectsWith(client(emu, 'buyer').send(new AcceptGrantCommand({ GrantArn: g.arn })), 'ServerInternalException', 500);
    const now = await client(emu, 'buyer').send(new GetGrantCommand({ GrantArn: g.arn }));
    assert.deepEqual([now.Grant?.GrantStatus, now.Grant?.Version], ['DISABLED', '2']);
  });

  it('a 500 before commit changes nothing and the SDK retry succeeds', async () => {
    emu = await startEmulator({ failRate: 0.5, random: sequence([0]) });
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    const out = await client(emu, 'buyer', 'us-east-1', { maxAttempts: 3 }).send(new AcceptGrantCommand({ GrantArn: g.arn }));
    assert.deepEqual([out.Status, out.Version], ['DISABLED', '2']);
    assert.equal(g.versions.length, 2);
    assert.deepEqual(emu.requests.map((r) => r.status), [500, 200]);
  });

  it('answers injected throttling with 429 RateLimitExceededException', async () => {
    emu = await startEmulator({ throttleRate: 1 });
    await rejectsWith(client(emu, 'seller').send(new ListLicenseConfigurationsCommand({})), 'RateLimitExceededException', 429);
    emu.setFaults({ throttleRate: 0 });
    const ok = await client(emu, 'seller').send(new ListLicenseConfigurationsCommand({}));
    assert.equal(ok.LicenseConfigurations!.length, 2);
  });

  it('with 30% throttling every call still succeeds through SDK retries', async () => {
    emu = await startEmulator({ throttleRate: 0.3, random: seededRandom(42) });
    const seller = client(emu, 'seller', 'us-east-1', { maxAttempts: 10 });
    const buyer = client(emu, 'buyer', 'us-east-1', { maxAttempts: 10 });
    const fleet = configArnByName(emu, 'SQL Server Enterprise fleet');
    const lic = licenseArnBySku(emu, 'NW-ANL-ENT');
    const results: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      results.push(await seller.send(new ListLicenseConfigurationsCommand({})));
      results.push(await seller.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, MaxResults: 50 })));
      results.push(await seller.send(new ListDistributedGrantsCommand({})));
      results.push(await buyer.send(new ListReceivedGrantsCommand({})));
      results.push(await buyer.send(new ListReceivedLicensesCommand({})));
      results.push(await buyer.send(new GetLicenseCommand({ LicenseArn: lic })));
    }
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    const accepted = await buyer.send(new AcceptGrantCommand({ GrantArn: g.arn }));
    assert.equal(accepted.Status, 'DISABLED');
    assert.equal(results.length, 12);
    const throttled = emu.requests.filter((r) => r.status === 429).length;
    const succeeded = emu.requests.filter((r) => r.status === 200).length;
    assert.ok(throttled >= 3, `some calls were throttled (${throttled})`);
    assert.equal(succeeded, 13);
  });

  it('rejects invalid fault settings', async () => {
    emu = await startEmulator();
    assert.throws(() => emu!.setFaults({ throttleRate: 2 }), /throttleRate/);
    assert.throws(() => emu!.setFaults({ latencyMs: -1 }), /latencyMs/);
    emu.setFaults({ latencyMs: 5 });
    const ok = await client(emu, 'seller').send(new ListLicenseConfigurationsCommand({}));
    assert.equal(ok.LicenseConfigurations!.length, 2);
  });
});
