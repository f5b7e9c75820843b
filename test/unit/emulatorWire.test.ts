import * as assert from 'node:assert/strict';
import { GetGrantCommand, ListLicensesCommand, ListReceivedGrantsCommand, ListReceivedLicensesCommand } from '@aws-sdk/client-license-manager';
import { LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { BUYER, client, configArnByName, destroyClients, grantNamed, identity, raw, rejectsWith, signedRaw } from './emulatorSupport';

describe('emulator wire protocol and identity', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(async () => {
    destroyClients();
    await emu.close();
  });

  it('answers an unknown target with 400 UnknownOperationException and a request id', async () => {
    const res = await raw(emu, { 'X-Amz-Target': 'AWSLicenseManager.FlyToTheMoon', 'Content-Type': 'application/x-amz-json-1.1' }, '{}');
    assert.equal(res.status, 400);
    assert.equal(res.json?.__type, 'UnknownOperationException');
    assert.equal(typeof res.json?.message, 'string');
    assert.equal(res.headers['x-amzn-errortype'], 'UnknownOperationException');
    assert.match(String(res.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
    assert.equal(res.headers['content-type'], 'application/x-amz-json-1.1');
  });

  it('answers a request without X-Amz-Target, or not a POST, with UnknownOperationException', async () => {
    const res = await raw(emu, { 'Content-Type': 'application/x-amz-json-1.1' }, '{}');
    assert.equal(res.status, 400);
    assert.equal(res.json?.__type, 'UnknownOperationException');
    const get = await raw(emu, { 'X-Amz-Target': 'AWSLicenseManager.ListLicenses' }, '', 'GET');
    assert.equal(get.json?.__type, 'UnknownOperationException');
  });

  it('answers a request without Authorization with 403 MissingAuthenticationTokenException', async () => {
    const res = await raw(emu, { 'X-Amz-Target': 'AWSLicenseManager.ListLicenses', 'Content-Type': 'application/x-amz-json-1.1' }, '{}');
    assert.equal(res.status, 403);
    assert.equal(res.json?.__type, 'MissingAuthenticationTokenException');
    assert.ok(res.headers['x-amzn-requestid']);
  });

  it('answers a malformed Authorization header with IncompleteSignatureException', async () => {
    const res = await raw(emu, { 'X-Amz-Target': 'AWSLicenseManager.ListLicenses', Authorization: 'AWS4-HMAC-SHA256 nonsense' }, '{}');
    assert.equal(res.status, 400);
    assert.equal(res.json?.__type, 'IncompleteSignatureException');
  });

  it('answers malformed JSON with 400 SerializationException', async () => {
    const res = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '{"MaxResults": ' });
    assert.equal(res.status, 400);
    assert.equal(res.json?.__type, 'SerializationException');
    const arr = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '[1]' });
    assert.equal(arr.json?.__type, 'SerializationException');
  });

  it('accepts a botocore-style signature (capitalised headers, four signed headers) and treats an empty body as {}', async () => {
    const res = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '' });
    assert.equal(res.status, 200, res.text);
    assert.ok(Array.isArray(res.json?.Licenses));
    assert.ok(res.headers['x-amzn-requestid']);
  });

  it('rejects a wrong signature (403 InvalidSignatureException) and an unknown key (400 UnrecognizedClientException)', async () => {
    const id = identity(emu, 'seller');
    const wrong = new LicenseManagerClient({
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: { accessKeyId: id.accessKeyId, secretAccessKey: 'not-the-secret' },
      maxAttempts: 1,
    });
    await rejectsWith(wrong.send(new ListLicensesCommand({})), 'InvalidSignatureException', 403);
    const unknown = new LicenseManagerClient({
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'whatever' },
      maxAttempts: 1,
    });
    await rejectsWith(unknown.send(new ListLicensesCommand({})), 'UnrecognizedClientException', 400);
    wrong.destroy();
    unknown.destroy();
    const raw403 = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '{}', secret: 'bad' });
    assert.equal(raw403.status, 403);
    assert.equal(raw403.json?.__type, 'InvalidSignatureException');
  });

  it('rejects a credential scope for another service', async () => {
    const res = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '{}', service: 'ec2' });
    assert.equal(res.status, 403);
    assert.equal(res.json?.__type, 'InvalidSignatureException');
  });

  it('answers a denied operation with 401 AccessDeniedException for that identity only', async () => {
    await rejectsWith(client(emu, 'buyer-readonly').send(new ListReceivedGrantsCommand({})), 'AccessDeniedException', 401, /ListReceivedGrants/);
    const ok = await client(emu, 'buyer-readonly').send(new ListReceivedLicensesCommand({}));
    assert.ok((ok.Licenses ?? []).length > 0);
    const full = await client(emu, 'buyer').send(new ListReceivedGrantsCommand({}));
    assert.ok((full.Grants ?? []).length > 0);
  });

  it('logs every request with operation, caller, region, status and error type', async () => {
    emu.requests.length = 0;
    await client(emu, 'buyer', 'eu-west-1').send(new ListReceivedLicensesCommand({ MaxResults: 5 }));
    await rejectsWith(client(emu, 'buyer-readonly').send(new ListReceivedGrantsCommand({})), 'AccessDeniedException');
    assert.equal(emu.requests.length, 2);
    const [a, b] = emu.requests;
    assert.equal(a.operation, 'ListReceivedLicenses');
    assert.equal(a.account, BUYER);
    assert.equal(a.profile, 'buyer');
    assert.equal(a.region, 'eu-west-1');
    assert.equal(a.status, 200);
    assert.deepEqual(a.body, { MaxResults: 5 });
    assert.equal(b.errorType, 'AccessDeniedException');
    assert.equal(b.status, 401);
  });

  it('sends timestamp members as epoch numbers, ISO8601DateTime members as strings and never null', async () => {
    const cfgArn = configArnByName(emu, 'Windows Server Datacenter');
    const usage = await signedRaw(emu, {
      profile: 'seller',
      target: 'AWSLicenseManager.ListUsageForLicenseConfiguration',
      body: JSON.stringify({ LicenseConfigurationArn: cfgArn }),
    });
    const first = (usage.json?.LicenseConfigurationUsageList as Record<string, unknown>[])[0];
    assert.equal(typeof first.AssociationTime, 'number');
    const cfg = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.GetLicenseConfiguration', body: JSON.stringify({ LicenseConfigurationArn: cfgArn }) });
    assert.equal(typeof (cfg.json?.AutomatedDiscoveryInformation as Record<string, unknown>).LastRunTime, 'number');
    const lic = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '{}' });
    const l = (lic.json?.Licenses as Record<string, unknown>[])[0];
    assert.match(String(l.CreateTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(typeof (l.Validity as Record<string, unknown>).Begin, 'string');
    for (const r of [usage, cfg, lic]) assert.ok(!r.text.includes('null'), 'no null members');
  });

  it('lets the SDK parse the answers (Date objects for timestamps, strings for CreateTime)', async () => {
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    const out = await client(emu, 'buyer').send(new GetGrantCommand({ GrantArn: g.arn }));
    assert.equal(out.Grant?.GrantStatus, 'PENDING_ACCEPT');
    assert.match(out.$metadata.requestId ?? '', /^[0-9a-f-]{36}$/);
  });
});
