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
import { client, configArnByName, destroyClients, grantNamed, licenseArnBySku, rejectsWith, RESEARCH, seededRandom, signedRaw } from './emulatorSupport';

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
    assert.throws(() => emu!.setFaults({ hang: ['ListEverything'] }), /hang: unknown operation "ListEverything"/);
    assert.throws(() => emu!.setFaults({ html: 'ListLicenses' as unknown as string[] }), /html: expected a list of operation names/);
  });

  it('answers an --html operation with a gateway page without reaching the service, others normally', async () => {
    emu = await startEmulator({ html: ['AcceptGrant'] });
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    const page = await signedRaw(emu, { profile: 'buyer', target: 'AWSLicenseManager.AcceptGrant', body: JSON.stringify({ GrantArn: g.arn }) });
    assert.equal(page.status, 502);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.text, /<title>502 Bad Gateway<\/title>/);
    assert.equal(emu.state.currentGrant(g).GrantStatus, 'PENDING_ACCEPT', 'nothing changed');
    assert.equal(emu.requests.at(-1)?.fault, 'html');
    const other = await client(emu, 'buyer').send(new GetGrantCommand({ GrantArn: g.arn }));
    assert.equal(other.Grant?.GrantStatus, 'PENDING_ACCEPT');
  });

  it('--malformed applies the change and answers 200 with truncated JSON', async () => {
    emu = await startEmulator({ malformed: ['AcceptGrant'] });
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    const answer = await signedRaw(emu, { profile: 'buyer', target: 'AWSLicenseManager.AcceptGrant', body: JSON.stringify({ GrantArn: g.arn }) });
    assert.equal(answer.status, 200);
    assert.equal(answer.json, undefined, 'not JSON');
    assert.ok(answer.text.startsWith('{"GrantArn"'), answer.text);
    assert.equal(emu.state.currentGrant(g).GrantStatus, 'DISABLED', 'the change was applied');
  });

  it('--reset cuts the answer off mid-body, --hang never answers; both switch off at run time', async () => {
    emu = await startEmulator({ reset: ['ListReceivedGrants'] });
    await assert.rejects(client(emu, 'buyer').send(new ListReceivedGrantsCommand({})), (e: Error & { code?: string }) => e.code === 'ECONNRESET');
    emu.setFaults({ reset: [], hang: ['*'] });
    const hung = signedRaw(emu, { profile: 'buyer', target: 'AWSLicenseManager.ListReceivedGrants', body: '{}' });
    let settled = false;
    hung.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(settled, false, 'no answer');
    assert.deepEqual(emu.requests.map((r) => [r.fault, r.status]), [['reset', 200], ['hang', 0]]);
    emu.setFaults({ hang: [] });
    const ok = await client(emu, 'buyer').send(new ListReceivedGrantsCommand({}));
    assert.ok(ok.Grants!.length > 0);
    const closing = emu.close();
    await hung.catch(() => undefined);
    await closing;
  });

  it('--oversize answers more items than MaxResults; --token-cycle hands out A, B, A', async () => {
    emu = await startEmulator({ oversize: ['ListReceivedGrants'], tokenCycle: ['ListDistributedGrants'] });
    const big = await client(emu, 'buyer').send(new ListReceivedGrantsCommand({ MaxResults: 1 }));
    assert.equal(big.Grants!.length, 2);
    const seller = client(emu, 'seller');
    const tokens: (string | undefined)[] = [];
    let token: string | undefined;
    for (let i = 0; i < 3; i++) {
      token = (await seller.send(new ListDistributedGrantsCommand({ MaxResults: 1, NextToken: token }))).NextToken;
      tokens.push(token);
    }
    assert.deepEqual(tokens, ['token-cycle-A', 'token-cycle-B', 'token-cycle-A']);
  });
});
