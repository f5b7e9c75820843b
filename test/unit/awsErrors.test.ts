import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyError, redact } from '../../src/aws/classify';
import { createClientFactory } from '../../src/aws/clientFactory';
import { isLicenseManagerError, type LicenseManagerError } from '../../src/aws/errors';
import { newClientToken } from '../../src/aws/facade';
import type { AwsErrorKind, LicenseManagerApi, LicenseManagerClientFactory } from '../../src/aws/types';
import {
  ACTIVE_GRANT,
  BUYER,
  KEYS,
  LICENSE,
  REGION,
  SECRETS,
  assertNoSecret,
  closedPort,
  configArn,
  grantArn,
  licenseArn,
  startAwsWorld,
  type AwsTestWorld,
} from './awsFixtures';

const WRONG_SECRET = 'wrong-secret_DO-NOT-LEAK_5';
const STDERR_SECRET = 'stderr-secret_DO-NOT-LEAK_6';

describe('AWS error classification', function () {
  this.timeout(30_000);
  let world: AwsTestWorld;
  let factory: LicenseManagerClientFactory;
  const logs: string[] = [];
  const texts: string[] = [];

  async function failure(call: Promise<unknown>, kind: AwsErrorKind): Promise<LicenseManagerError> {
    try {
      await call;
    } catch (e) {
      assert.ok(isLicenseManagerError(e), `not a LicenseManagerError: ${String(e)}`);
      texts.push(e.message, JSON.stringify(e.details), e.stack ?? '');
      assert.equal(e.kind, kind, `${e.kind} (${e.details.code}): ${e.message}`);
      return e;
    }
    assert.fail('the call succeeded');
  }

  before(async () => {
    world = await startAwsWorld();
    const port = await closedPort();
    const failing = join(world.dir, 'failing-creds.js');
    writeFileSync(failing, `process.stderr.write('token=${STDERR_SECRET}\\n'); process.exit(2);\n`);
    world.appendConfig(
      [
        '[profile unknown-key]',
        `endpoint_url = ${world.emulator.url}`,
        'aws_access_key_id = AKIDNOBODY0000000000',
        `aws_secret_access_key = ${WRONG_SECRET}`,
        '',
        '[profile wrong-secret]',
        `endpoint_url = ${world.emulator.url}`,
        `aws_access_key_id = ${KEYS.seller}`,
        `aws_secret_access_key = ${WRONG_SECRET}`,
        '',
        '[profile offline]',
        `endpoint_url = http://127.0.0.1:${port}`,
        `aws_access_key_id = ${KEYS.seller}`,
        `aws_secret_access_key = ${SECRETS.seller}`,
        '',
        '[profile sso-dev]',
        'sso_session = corp',
        'sso_account_id = 111111111111',
        'sso_role_name = Developer',
        `endpoint_url = ${world.emulator.url}`,
        '',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.example/start',
        'sso_region = us-east-1',
        '',
        '[profile sso-legacy]',
        'sso_start_url = https://corp.awsapps.example/start',
        'sso_region = us-east-1',
        'sso_account_id = 111111111111',
        'sso_role_name = Developer',
        `endpoint_url = ${world.emulator.url}`,
        '',
        '[profile role-via-sso]',
        'role_arn = arn:aws:iam::111111111111:role/Reader',
        'source_profile = sso-dev',
        `endpoint_url = ${world.emulator.url}`,
        '',
        '[profile broken-process]',
        `credential_process = "${process.execPath}" "${failing}"`,
        `endpoint_url = ${world.emulator.url}`,
      ].join('\n'),
    );
    factory = createClientFactory({ log: (l) => logs.push(l), maxAttempts: 3 });
  });
  after(async () => {
    factory.dispose();
    await world.close();
  });
  afterEach(() => world.emulator.setFaults({ throttleRate: 0, failRate: 0 }));

  const api = (profile: string): LicenseManagerApi => factory.get(profile, REGION);

  it('access denied names the profile and operation', async () => {
    const e = await failure(api('restricted').listLicenses(), 'accessDenied');
    assert.equal(e.details.code, 'AccessDeniedException');
    assert.equal(e.details.operation, 'ListLicenses');
    assert.equal(e.details.profile, 'restricted');
    assert.ok(e.details.requestId);
    assert.match(e.message, /Profile "restricted" is not allowed to call ListLicenses in us-east-1/);
    await api('restricted').listDistributedGrants();
  });

  it('an unknown access key and a wrong secret are credential errors with the configure fix', async () => {
    const unknown = await failure(api('unknown-key').listReceivedGrants(), 'credentials');
    assert.equal(unknown.details.code, 'UnrecognizedClientException');
    assert.equal(unknown.details.fix, 'aws configure --profile unknown-key');
    assert.match(unknown.message, /access key of profile "unknown-key" is not recognized/);
    const wrong = await failure(api('wrong-secret').listReceivedGrants(), 'credentials');
    assert.equal(wrong.details.code, 'InvalidSignatureException');
    assert.equal(wrong.details.fix, 'aws configure --profile wrong-secret');
  });

  it('SSO profiles without a session ask for aws sso login, also through assume-role', async () => {
    for (const profile of ['sso-dev', 'sso-legacy']) {
      const e = await failure(api(profile).listLicenses(), 'credentials');
      assert.equal(e.details.fix, `aws sso login --profile ${profile}`);
      assert.match(e.message, new RegExp(`SSO session of profile "${profile}"`));
    }
    const role = await failure(api('role-via-sso').listLicenses(), 'credentials');
    assert.equal(role.details.fix, 'aws sso login --profile sso-dev');
  });

  it('a failing credential_process and a missing profile are credential errors that echo nothing', async () => {
    const e = await failure(api('broken-process').listLicenses(), 'credentials');
    assert.match(e.details.fix ?? '', /credential_process command of profile "broken-process"/);
    assert.ok(!e.message.includes(STDERR_SECRET) && !JSON.stringify(e.details).includes(STDERR_SECRET));
    const missing = await failure(api('no-such-profile').listLicenses(), 'credentials');
    assert.equal(missing.message, 'No credentials found for profile "no-such-profile".');
    assert.equal(missing.details.fix, 'aws configure --profile no-such-profile');
  });

  it('throttling that outlasts the SDK retries is "throttled" after maxAttempts requests', async () => {
    world.emulator.setFaults({ throttleRate: 1 });
    world.emulator.requests.length = 0;
    const e = await failure(api('seller').listLicenses(), 'throttled');
    assert.equal(e.details.code, 'RateLimitExceededException');
    assert.equal(world.emulator.requests.length, 3);
  });

  it('server errors are retried, then reported as "service"', async () => {
    world.emulator.setFaults({ failRate: 1 });
    world.emulator.requests.length = 0;
    const e = await failure(api('seller').listLicenses(), 'service');
    assert.equal(e.details.code, 'ServerInternalException');
    assert.equal(world.emulator.requests.length, 3);
    assert.match(e.message, /HTTP 500/);
  });

  it('invalid input carries the service message', async () => {
    const filter = await failure(api('seller').listLicenses({ filters: [{ Name: 'Colour', Values: ['red'] }] }), 'invalidInput');
    assert.equal(filter.details.code, 'InvalidParameterValueException');
    assert.match(filter.message, /Colour/);
    const size = await failure(api('seller').listLicenses({ maxResults: 500 }), 'invalidInput');
    assert.equal(size.details.code, 'ValidationException');
    const limit = await failure(
      api('seller').listLicenses({ filters: [{ Name: 'ProductSKU', Values: ['A', 'B'] }] }),
      'invalidInput',
    );
    assert.equal(limit.details.code, 'FilterLimitExceededException');
    const notAnArn = await failure(api('seller').getGrant('not-an-arn'), 'invalidInput');
    assert.equal(notAnArn.details.operation, 'GetGrant');
  });

  it('unknown resources are "notFound"', async () => {
    await failure(api('seller').getGrant(grantArn('g-ffffffffffffffffffffffffffffffff')), 'notFound');
    await failure(api('seller').getLicense(licenseArn('l-ffffffffffffffffffffffffffffffff')), 'notFound');
    await failure(api('seller').getLicenseConfiguration(configArn('lic-ffffffffffffffffffffffffffffffff')), 'notFound');
    await failure(api('seller').getLicense(licenseArn(LICENSE), '99'), 'notFound');
  });

  it('a stale SourceVersion and a wrong DeleteGrant version are "staleVersion"', async () => {
    const arn = grantArn(ACTIVE_GRANT);
    const stale = await failure(
      api('buyer').createGrantVersion({ clientToken: newClientToken(), grantArn: arn, status: 'DISABLED', sourceVersion: '1' }),
      'staleVersion',
    );
    assert.equal(stale.details.code, 'InvalidParameterValueException');
    assert.equal(stale.details.fix, 'Refresh the item and repeat the action.');
    await failure(api('seller').deleteGrant({ grantArn: arn, version: '1' }), 'staleVersion');
    assert.equal((await api('seller').getGrant(arn)).GrantStatus, 'ACTIVE', 'nothing changed');
  });

  it('a closed port is a network error, and every facade method rejects with a LicenseManagerError', async () => {
    const offline = createClientFactory({ log: (l) => logs.push(l), maxAttempts: 1 }).get('offline', REGION);
    const arn = grantArn(ACTIVE_GRANT);
    const calls: Promise<unknown>[] = [
      offline.listLicenseConfigurations(),
      offline.getLicenseConfiguration(configArn('lic-1')),
      offline.listUsageForLicenseConfiguration(configArn('lic-1')),
      offline.listAssociationsForLicenseConfiguration(configArn('lic-1')),
      offline.listLicenses(),
      offline.getLicense(licenseArn(LICENSE)),
      offline.listLicenseVersions(licenseArn(LICENSE)),
      offline.getLicenseUsage(licenseArn(LICENSE)),
      offline.listReceivedLicenses(),
      offline.listDistributedGrants(),
      offline.listReceivedGrants(),
      offline.getGrant(arn),
      offline.createGrant({
        clientToken: newClientToken(),
        grantName: 'x',
        licenseArn: licenseArn(LICENSE),
        principal: `arn:aws:iam::${BUYER}:root`,
        homeRegion: REGION,
        allowedOperations: ['CheckoutLicense'],
      }),
      offline.acceptGrant(arn),
      offline.rejectGrant(arn),
      offline.createGrantVersion({ clientToken: newClientToken(), grantArn: arn, status: 'ACTIVE' }),
      offline.deleteGrant({ grantArn: arn, version: '1' }),
      offline.listTagsForResource(arn),
    ];
    assert.equal(calls.length, 18);
    for (const call of calls) {
      const e = await failure(call, 'network');
      assert.equal(e.details.code, 'ECONNREFUSED');
      assert.match(e.message, /Could not reach License Manager at http:\/\/127\.0\.0\.1:\d+ \(profile "offline", us-east-1\)/);
    }
  });

  it('no secret appears in any error message, detail, stack or log line', async () => {
    texts.length = 0;
    logs.length = 0;
    for (const profile of ['unknown-key', 'wrong-secret', 'broken-process']) {
      for (const call of [api(profile).listLicenses(), api(profile).listReceivedGrants(), api(profile).listDistributedGrants(), api(profile).getGrant('arn:aws:license-manager::111122223333:grant:g-00000000000000000000000000000000')]) {
        await failure(call, 'credentials');
      }
    }
    await failure(api('restricted').listLicenses(), 'accessDenied');
    assert.ok(texts.length >= 39, `${texts.length} texts`);
    assert.ok(logs.length >= 8, `${logs.length} log lines`);
    assertNoSecret([...texts, ...logs]);
    for (const text of [...texts, ...logs]) {
      assert.ok(!text.includes(WRONG_SECRET) && !text.includes(STDERR_SECRET), text);
    }
  });
});

describe('classifyError on its own', () => {
  it('passes a LicenseManagerError through and wraps anything else', () => {
    const first = classifyError(new Error('boom'), { operation: 'ListLicenses', profile: 'p' });
    assert.equal(first.kind, 'service');
    assert.equal(classifyError(first), first);
    assert.equal(classifyError('text').kind, 'service');
  });

  it('maps throttling, expired tokens, ResourceNotFound and timeouts', () => {
    const service = (name: string, status: number, message = '') =>
      Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status, requestId: 'r-1' } });
    assert.equal(classifyError(service('ThrottlingException', 400)).kind, 'throttled');
    assert.equal(classifyError(service('SomethingNew', 429)).kind, 'throttled');
    assert.equal(classifyError(service('ExpiredTokenException', 400), { profile: 'p' }).message, 'The credentials of profile "p" have expired.');
    assert.equal(classifyError(service('ResourceNotFoundException', 400)).kind, 'notFound');
    assert.equal(classifyError(service('ConflictException', 409)).kind, 'staleVersion');
    assert.equal(classifyError(service('AuthorizationException', 403)).kind, 'accessDenied');
    assert.equal(classifyError(service('ValidationException', 400, 'Invalid license configuration ARN: x. No such license configuration')).kind, 'notFound');
    assert.equal(classifyError(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })).kind, 'timeout');
    assert.equal(classifyError(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' })).kind, 'network');
    assert.equal(classifyError(service('Unknown', 503)).kind, 'service');
    const wrongState = service('InvalidParameterValueException', 400, 'Status PENDING_ACCEPT cannot be set with CreateGrantVersion; use the current grant.');
    assert.equal(classifyError(wrongState).kind, 'invalidInput', 'an operation name containing "Version" is not a version conflict');
  });

  it('redacts credential material from service messages', () => {
    const message = `Denied for AKIAIOSFODNN7EXAMPLE with Credential=AKIDX/20240101/us-east-1/license-manager/aws4_request, Signature=abcdef0123 secret=hunter2 key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`;
    const e = classifyError(Object.assign(new Error(message), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 401 } }), {
      profile: 'p',
      operation: 'GetGrant',
    });
    for (const leaked of ['AKIAIOSFODNN7EXAMPLE', 'AKIDX/2024', 'abcdef0123', 'hunter2', 'wJalrXUtnFEMI']) {
      assert.ok(!e.message.includes(leaked), `${leaked} in ${e.message}`);
    }
    assert.equal(redact('failed at https://alice:s3cret@proxy.example:8443/x'), 'failed at https://[redacted]@proxy.example:8443/x');
    assert.equal(redact('arn:aws:license-manager::111111111111:grant:g-00000000000000000000000000000001'), 'arn:aws:license-manager::111111111111:grant:g-00000000000000000000000000000001');
  });
});
