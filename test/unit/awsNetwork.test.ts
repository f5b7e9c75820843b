import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { classifyError } from '../../src/aws/classify';
import { createClientFactory, type ClientFactoryOptions } from '../../src/aws/clientFactory';
import { isLicenseManagerError, type LicenseManagerError } from '../../src/aws/errors';
import { displayEndpoint } from '../../src/aws/outcomes';
import { collectAll } from '../../src/aws/pager';
import { discoverProfiles } from '../../src/aws/profiles';
import type { AwsErrorKind, LicenseManagerApi, LicenseManagerClientFactory } from '../../src/aws/types';
import type { FaultOptions } from '../emulator/index';
import { KEYS, PENDING_GRANT, REGION, SECRETS, grantArn, startAwsWorld, type AwsTestWorld } from './awsFixtures';

/** Short deadlines, so that a fault shows within a second or two. */
const TEST_DEADLINES: ClientFactoryOptions = {
  connectionTimeoutMs: 500,
  requestTimeoutMs: 400,
  callDeadlineMs: 1_500,
  credentialsDeadlineMs: 800,
};
/** Only a guard against hanging, never a speed target. */
const MARGIN_MS = 2_000;

const NO_FAULTS: FaultOptions = { hang: [], reset: [], html: [], malformed: [], oversize: [], tokenCycle: [] };

/** Asserts that `p` rejects with a LicenseManagerError of `kind` whose message matches `message`. */
async function rejectsWithKind(p: Promise<unknown>, kind: AwsErrorKind, message: RegExp, code?: string): Promise<number> {
  const start = Date.now();
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isLicenseManagerError(e), `a LicenseManagerError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    assert.match(e.message, message);
    if (code) assert.equal(e.details.code, code);
    return true;
  });
  return Date.now() - start;
}

/** The LicenseManagerError `p` rejects with. */
async function rejection(p: Promise<unknown>): Promise<LicenseManagerError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isLicenseManagerError(e), `a LicenseManagerError, got ${String(e)}`);
    return e;
  }
  throw new Error('the call succeeded');
}

/** A stand-in endpoint that answers every request with one fixed HTTP answer. */
async function fixedAnswer(status: number, type: string, body: string): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('AWS layer on a bad network', function () {
  this.timeout(30_000);
  let world: AwsTestWorld;
  let factory: LicenseManagerClientFactory;
  let buyer: LicenseManagerApi;
  const logs: string[] = [];

  beforeEach(async () => {
    logs.length = 0;
    world = await startAwsWorld();
    factory = createClientFactory({ ...TEST_DEADLINES, maxAttempts: 1, log: (line) => logs.push(line) });
    buyer = factory.get('buyer', REGION);
  });
  afterEach(async () => {
    factory.dispose();
    await world.close();
  });

  const requestsOf = (operation: string) => world.emulator.requests.filter((r) => r.operation === operation);

  const transportFaults: { fault: keyof FaultOptions; kind: AwsErrorKind; message: RegExp }[] = [
    { fault: 'hang', kind: 'timeout', message: /timed out .*waiting for the answer/ },
    { fault: 'reset', kind: 'network', message: /connection was reset while receiving the answer/ },
    { fault: 'html', kind: 'unexpectedAnswer', message: /HTTP 502 with a text\/html page/ },
    { fault: 'malformed', kind: 'unexpectedAnswer', message: /HTTP 200 with malformed JSON/ },
  ];
  const calls: { name: string; operation: string; call: () => Promise<unknown> }[] = [
    { name: 'a read', operation: 'ListReceivedGrants', call: () => buyer.listReceivedGrants({ maxResults: 5 }) },
    { name: 'a mutation', operation: 'AcceptGrant', call: () => buyer.acceptGrant(grantArn(PENDING_GRANT)) },
  ];
  for (const { fault, kind, message } of transportFaults) {
    for (const { name, operation, call } of calls) {
      it(`${fault} on ${name} (${operation}) rejects with kind ${kind}, once, within the deadline`, async () => {
        world.emulator.setFaults({ ...NO_FAULTS, [fault]: [operation] });
        const elapsed = await rejectsWithKind(call(), kind, message);
        assert.ok(elapsed < TEST_DEADLINES.callDeadlineMs! + MARGIN_MS, `settled after ${elapsed} ms`);
        assert.equal(requestsOf(operation).length, 1, 'sent once');
        assert.equal(requestsOf(operation)[0].fault, fault);
        assert.ok(logs.some((l) => l.startsWith(`${operation} profile=buyer`) && l.includes(`kind=${kind}`)), logs.join('\n'));
        world.emulator.setFaults(NO_FAULTS);
        const grants = await buyer.listReceivedGrants();
        assert.ok(grants.items.length > 0, 'the same facade works again once the fault is gone');
      });
    }
  }

  it('with the default deadlines a healthy call that takes 2 seconds succeeds', async () => {
    const defaults = createClientFactory();
    try {
      world.emulator.setFaults({ latencyMs: 2_000 });
      const grants = await defaults.get('buyer', REGION).listReceivedGrants();
      assert.ok(grants.items.length > 0);
      await defaults.get('buyer', REGION).acceptGrant(grantArn(PENDING_GRANT));
      assert.deepEqual(requestsOf('AcceptGrant').map((r) => r.status), [200]);
    } finally {
      defaults.dispose();
    }
  });

  it('the whole-call deadline bounds SDK retries of a request that is never answered', async () => {
    const retrying = createClientFactory({ ...TEST_DEADLINES, maxAttempts: 10 });
    try {
      world.emulator.setFaults({ hang: ['*'] });
      const elapsed = await rejectsWithKind(retrying.get('buyer', REGION).getGrant(grantArn(PENDING_GRANT)), 'timeout', /GetGrant timed out after 1.5 s/, 'CallDeadlineExceeded');
      assert.ok(elapsed < TEST_DEADLINES.callDeadlineMs! + MARGIN_MS, `settled after ${elapsed} ms`);
      const sent = requestsOf('GetGrant').length;
      assert.ok(sent >= 1 && sent < 10, `${sent} attempts`);
      await new Promise((r) => setTimeout(r, 1_000));
      assert.equal(requestsOf('GetGrant').length, sent, 'no attempt after the deadline');
    } finally {
      retrying.dispose();
    }
  });

  it('cancel aborts the request in flight, rejects with kind cancelled and sends nothing more', async () => {
    const retrying = createClientFactory({ ...TEST_DEADLINES, requestTimeoutMs: 10_000, callDeadlineMs: 20_000, maxAttempts: 3 });
    try {
      world.emulator.setFaults({ hang: ['ListReceivedGrants'] });
      const controller = new AbortController();
      const pending = retrying.get('buyer', REGION).listReceivedGrants({}, { signal: controller.signal });
      while (requestsOf('ListReceivedGrants').length === 0) await new Promise((r) => setTimeout(r, 10));
      controller.abort();
      const elapsed = await rejectsWithKind(pending, 'cancelled', /ListReceivedGrants was cancelled \(profile "buyer", us-east-1\)/, 'Cancelled');
      assert.ok(elapsed < MARGIN_MS, `settled after ${elapsed} ms`);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(requestsOf('ListReceivedGrants').length, 1, 'no retry after cancel');
    } finally {
      retrying.dispose();
    }
  });

  it('an already cancelled signal sends nothing', async () => {
    await rejectsWithKind(buyer.acceptGrant(grantArn(PENDING_GRANT), { signal: AbortSignal.abort() }), 'cancelled', /AcceptGrant was cancelled/);
    assert.equal(world.emulator.requests.length, 0);
  });

  it('a page with more items than asked for is refused, not shown', async () => {
    world.emulator.setFaults({ oversize: ['ListReceivedGrants'] });
    await rejectsWithKind(buyer.listReceivedGrants({ maxResults: 1 }), 'unexpectedAnswer', /a page of 2 items when at most 1 were asked for/, 'OversizedPage');
  });

  it('page tokens that cycle A → B → A end the listing with kind unexpectedAnswer', async () => {
    world.emulator.setFaults({ tokenCycle: ['ListReceivedGrants'] });
    await assert.rejects(
      collectAll((nextToken) => buyer.listReceivedGrants({ maxResults: 1, nextToken })),
      (e: unknown) => isLicenseManagerError(e) && e.kind === 'unexpectedAnswer' && e.details.code === 'RepeatedNextToken',
    );
    assert.deepEqual(
      requestsOf('ListReceivedGrants').map((r) => (r.body as { NextToken?: string }).NextToken),
      [undefined, 'token-cycle-A', 'token-cycle-B'],
      'stopped when A came back',
    );
  });

  it('a credential_process that never exits times out naming the profile, and nothing is sent', async () => {
    const pidFile = join(world.dir, 'process.pid');
    const script = join(world.dir, 'never-exits.sh');
    writeFileSync(script, `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 1000\n`);
    chmodSync(script, 0o755);
    world.appendConfig(['[profile stuck]', `region = ${REGION}`, `endpoint_url = ${world.emulator.url}`, `credential_process = ${script}`].join('\n'));
    try {
      const elapsed = await rejectsWithKind(
        factory.get('stuck', REGION).listLicenses(),
        'timeout',
        /Getting the credentials of profile "stuck" \(credential_process\) timed out after 0.8 s/,
        'CredentialsTimeout',
      );
      assert.ok(elapsed < TEST_DEADLINES.callDeadlineMs! + MARGIN_MS, `settled after ${elapsed} ms`);
      assert.equal(world.emulator.requests.length, 0);
    } finally {
      if (existsSync(pidFile)) {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8').trim()));
        } catch {
          // already gone
        }
      }
    }
  });

  for (const region of ['us-east-1.evil.com', '../../x', 'us-east-1/', 'US-EAST-1']) {
    it(`region ${JSON.stringify(region)} is a configuration problem of the profile, and nothing is sent`, async () => {
      await rejectsWithKind(factory.get('buyer', region).listReceivedGrants(), 'configuration', /of profile "buyer" is not an AWS region name/, 'InvalidRegion');
      assert.equal(world.emulator.requests.length, 0);
    });
  }

  it('a profile whose region is not a region name says so in discovery', async () => {
    world.appendConfig(['[profile odd-region]', 'region = us-east-1.evil.com', 'aws_access_key_id = AKIDX', 'aws_secret_access_key = y'].join('\n'));
    const odd = (await discoverProfiles()).find((p) => p.name === 'odd-region');
    assert.match(odd?.problem ?? '', /"us-east-1.evil.com" of profile "odd-region" is not an AWS region name/);
  });

  describe('answers from a stand-in endpoint', () => {
    const standIn = async (status: number, type: string, body: string) => {
      const endpoint = await fixedAnswer(status, type, body);
      world.appendConfig(
        ['[profile stand-in]', `region = ${REGION}`, `endpoint_url = ${endpoint.url}`, `aws_access_key_id = ${KEYS.buyer}`, `aws_secret_access_key = ${SECRETS.buyer}`].join('\n'),
      );
      return { endpoint, api: factory.get('stand-in', REGION) };
    };

    it('refuses a grant other than the one asked for', async () => {
      const other = grantArn('g-99999999999999999999999999999999');
      const { endpoint, api } = await standIn(200, 'application/x-amz-json-1.1', JSON.stringify({ Grant: { GrantArn: other, GrantName: 'x', GrantStatus: 'ACTIVE', Version: '1' } }));
      try {
        await rejectsWithKind(api.getGrant(grantArn(PENDING_GRANT)), 'unexpectedAnswer', /another grant/, 'ArnMismatch');
      } finally {
        await endpoint.close();
      }
    });

    it('refuses a mutation answer that does not say what changed', async () => {
      const { endpoint, api } = await standIn(200, 'application/x-amz-json-1.1', '{}');
      try {
        await rejectsWithKind(api.acceptGrant(grantArn(PENDING_GRANT)), 'unexpectedAnswer', /does not say which grant changed/, 'EmptyAnswer');
        await rejectsWithKind(api.getGrant(grantArn(PENDING_GRANT)), 'unexpectedAnswer', /no grant in the answer/, 'EmptyAnswer');
        assert.deepEqual((await api.listReceivedGrants()).items, [], 'a list answer without items is an empty list');
      } finally {
        await endpoint.close();
      }
    });

    it('refuses a license other than the one asked for', async () => {
      const { endpoint, api } = await standIn(200, 'application/x-amz-json-1.1', JSON.stringify({ License: { LicenseArn: 'arn:aws:license-manager::1:license:l-x' } }));
      try {
        await rejectsWithKind(api.getLicense('arn:aws:license-manager::1:license:l-y'), 'unexpectedAnswer', /another license/, 'ArnMismatch');
      } finally {
        await endpoint.close();
      }
    });

    it('an empty 200 answer is an unexpected answer, for reads and mutations', async () => {
      const { endpoint, api } = await standIn(200, 'application/x-amz-json-1.1', '');
      try {
        await rejectsWithKind(api.listReceivedGrants(), 'unexpectedAnswer', /HTTP 200 with an empty body/, 'EmptyAnswer');
        await rejectsWithKind(api.acceptGrant(grantArn(PENDING_GRANT)), 'unexpectedAnswer', /HTTP 200 with an empty body/, 'EmptyAnswer');
        assert.equal(endpoint.requests, 2, 'one request per call');
      } finally {
        await endpoint.close();
      }
    });

    it('an empty 502 from a gateway is an unexpected answer', async () => {
      const { endpoint, api } = await standIn(502, 'text/html', '');
      try {
        await rejectsWithKind(api.listLicenses(), 'unexpectedAnswer', /HTTP 502 \(text\/html\) without a License Manager error/);
      } finally {
        await endpoint.close();
      }
    });
  });

  it('an endpoint URL with user:pass@ is refused and its password appears in no message or log', async () => {
    const url = new URL(world.emulator.url);
    world.appendConfig(['[profile with-userinfo]', `region = ${REGION}`, `endpoint_url = http://alice:pa55word@${url.host}`].join('\n'));
    await rejectsWithKind(factory.get('with-userinfo', REGION).listLicenses(), 'configuration', /is not an http\(s\) URL/);
    const shown = (await discoverProfiles()).find((p) => p.name === 'with-userinfo');
    const texts = [...logs, shown?.endpointUrl ?? '', shown?.problem ?? ''];
    await factory.get('with-userinfo', REGION).listLicenses().catch((e: Error) => texts.push(e.message, JSON.stringify(e)));
    for (const text of texts) assert.ok(!text.includes('pa55word') && !text.includes('alice'), text);
    assert.equal(shown?.endpointUrl, `http://${url.host}`);
  });

  it('an endpoint URL that does not parse shows no part of its password, even one holding @, / or spaces', async () => {
    world.appendConfig(
      [
        '[profile bad-url]',
        `region = ${REGION}`,
        'endpoint_url = https://alice:pa55@word s3cr3t@lm.example:bad-port',
        '[profile bad-scheme]',
        `region = ${REGION}`,
        'endpoint_url = ftp://alice:pa55@word@lm.example',
      ].join('\n'),
    );
    const e = await rejection(factory.get('bad-url', REGION).listLicenses());
    assert.equal(e.kind, 'configuration');
    assert.equal(e.message, 'The License Manager endpoint configured for profile "bad-url" is not an http(s) URL: https://lm.example:bad-port');
    const ftp = await rejection(factory.get('bad-scheme', REGION).listLicenses());
    assert.equal(ftp.message, 'The License Manager endpoint configured for profile "bad-scheme" is not an http(s) URL: ftp://lm.example');
    const shown = await discoverProfiles();
    assert.deepEqual(
      shown.filter((p) => p.name.startsWith('bad-')).map((p) => [p.name, p.endpointUrl]).sort(),
      [
        ['bad-scheme', 'ftp://lm.example'],
        ['bad-url', 'https://lm.example:bad-port'],
      ],
    );
    for (const text of [...logs, e.message, JSON.stringify(e), ftp.message]) {
      for (const secret of ['pa55', 'alice', 's3cr3t', 'word@', 'rd ']) assert.ok(!text.includes(secret), `${secret} in ${text}`);
    }
  });
});

describe('displayEndpoint', () => {
  it('keeps scheme, host and port only', () => {
    assert.equal(displayEndpoint('https://bob:hunter2@lm.example:8443/base?x=1'), 'https://lm.example:8443');
    assert.equal(displayEndpoint('https://bob:hun@ter2@lm.example'), 'https://lm.example', 'a password with @');
    assert.equal(displayEndpoint('https://bob:hun@ter 2@lm.example'), 'https://lm.example', 'not a URL, a password with @ and a space');
    assert.equal(displayEndpoint('bob:hunter2@lm.example'), 'lm.example');
    assert.equal(displayEndpoint('lm example'), 'lm example');
  });
});

describe('classifyError on transport failures', () => {
  const ctx = { operation: 'ListLicenses', profile: 'p', region: REGION, endpoint: 'https://bob:hunter2@lm.example:8443/base' };
  const timeout = (message: string, code?: string) => Object.assign(new Error(message), { name: 'TimeoutError', ...(code ? { code } : {}) });

  it('names what timed out: connecting, the answer, the rest of the answer', () => {
    const connect = classifyError(timeout('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms.'), ctx);
    assert.equal(connect.kind, 'timeout');
    assert.match(connect.message, /^ListLicenses timed out connecting to License Manager at https:\/\/lm\.example:8443 \(profile "p", us-east-1\)/);
    assert.ok(!connect.message.includes('hunter2') && !connect.message.includes('bob'));
    const answer = classifyError(timeout('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 30000 ms requestTimeout.', 'ETIMEDOUT'), ctx);
    assert.match(answer.message, /timed out waiting for the answer/);
    const body = classifyError(timeout('@smithy/node-http-handler - the request socket timed out after 30000 ms of inactivity (configured by client requestHandler).'), ctx);
    assert.match(body.message, /timed out waiting for the rest of the answer/);
    const os = classifyError(Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { code: 'ETIMEDOUT' }), ctx);
    assert.equal(os.kind, 'timeout');
    assert.match(os.message, /connecting/);
  });

  it('an AbortError is kind cancelled', () => {
    const e = classifyError(Object.assign(new Error('Request aborted'), { name: 'AbortError' }), ctx);
    assert.deepEqual([e.kind, e.message], ['cancelled', 'ListLicenses was cancelled (profile "p", us-east-1).']);
  });

  it('a network failure names the endpoint without its user information', () => {
    const e = classifyError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), ctx);
    assert.equal(e.kind, 'network');
    assert.match(e.message, /at https:\/\/lm\.example:8443 /);
    assert.ok(!e.message.includes('hunter2'));
  });
});
