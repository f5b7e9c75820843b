import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LicenseManagerClient, ListReceivedGrantsCommand } from '@aws-sdk/client-license-manager';
import { createClientFactory } from '../../src/aws/clientFactory';
import { isLicenseManagerError } from '../../src/aws/errors';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { BUYER, KEYS, REGION, SECRETS, SEED, assertNoSecret, closedPort, startAwsWorld, type AwsTestWorld } from './awsFixtures';

/** Where a bare SDK client would send a request (captured before sending). */
async function sdkTarget(config: ConstructorParameters<typeof LicenseManagerClient>[0]): Promise<string> {
  const client = new LicenseManagerClient({ ...config, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' }, maxAttempts: 1 });
  let target = '';
  client.middlewareStack.add(
    () => async (args) => {
      const req = args.request as { protocol: string; hostname: string; port?: number };
      target = `${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ''}`;
      throw new Error('captured');
    },
    { step: 'finalizeRequest', name: 'captureTarget' },
  );
  await assert.rejects(client.send(new ListReceivedGrantsCommand({})), /captured/);
  client.destroy();
  return target;
}

describe('AWS client factory', function () {
  this.timeout(20_000);
  let world: AwsTestWorld;
  let other: RunningEmulator;
  let deadUrl: string;
  const logs: string[] = [];

  before(async () => {
    world = await startAwsWorld();
    other = await startEmulator({ seed: SEED });
    deadUrl = `http://127.0.0.1:${await closedPort()}`;
    world.appendConfig(
      [
        '[profile via-services]',
        `region = ${REGION}`,
        'services = lm-local',
        `endpoint_url = ${deadUrl}`,
        `aws_access_key_id = ${KEYS.buyer}`,
        `aws_secret_access_key = ${SECRETS.buyer}`,
        '',
        '[services lm-local]',
        'license_manager =',
        `  endpoint_url = ${world.emulator.url}`,
        'dynamodb =',
        `  endpoint_url = ${deadUrl}`,
        '',
        '[profile dead-endpoint]',
        `region = ${REGION}`,
        `endpoint_url = ${deadUrl}`,
        `aws_access_key_id = ${KEYS.buyer}`,
        `aws_secret_access_key = ${SECRETS.buyer}`,
        '',
        '[profile movable]',
        `endpoint_url = ${world.emulator.url} ; movable`,
        `aws_access_key_id = ${KEYS.buyer}`,
        `aws_secret_access_key = ${SECRETS.buyer}`,
        '',
        '[profile on-other]',
        `endpoint_url = ${other.url}`,
        `aws_access_key_id = ${KEYS.buyer}`,
        `aws_secret_access_key = ${SECRETS.buyer}`,
        '',
        '[profile no-endpoint]',
        `aws_access_key_id = ${KEYS.buyer}`,
        `aws_secret_access_key = ${SECRETS.buyer}`,
        '',
        '[profile missing-services]',
        'services = nowhere',
        `aws_access_key_id = ${KEYS.buyer}`,
        `aws_secret_access_key = ${SECRETS.buyer}`,
        '',
        '[profile bad-url]',
        'endpoint_url = ftp://127.0.0.1/',
        `aws_access_key_id = ${KEYS.buyer}`,
        `aws_secret_access_key = ${SECRETS.buyer}`,
      ].join('\n'),
    );
  });
  after(async () => {
    await other.close();
    await world.close();
  });
  afterEach(() => {
    delete process.env.AWS_ENDPOINT_URL_LICENSE_MANAGER;
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_PROFILE;
  });

  describe('what the SDK resolves by itself', () => {
    it('reads AWS_ENDPOINT_URL_LICENSE_MANAGER', async () => {
      process.env.AWS_ENDPOINT_URL_LICENSE_MANAGER = 'http://127.0.0.1:4001';
      assert.equal(await sdkTarget({ region: REGION, profile: 'buyer' }), 'http://127.0.0.1:4001');
    });

    it('ignores endpoint_url of the profile passed to the client, and applies the AWS_PROFILE one instead', async () => {
      assert.equal(await sdkTarget({ region: REGION, profile: 'via-services' }), 'https://license-manager.us-east-1.amazonaws.com');
      process.env.AWS_PROFILE = 'dead-endpoint';
      assert.equal(await sdkTarget({ region: REGION, profile: 'buyer' }), deadUrl);
    });
  });

  describe('endpoint resolution of the factory', () => {
    it('uses endpoint_url of the profile', async () => {
      const factory = createClientFactory();
      other.requests.length = 0;
      world.emulator.requests.length = 0;
      await factory.get('on-other', REGION).listReceivedGrants();
      assert.equal(other.requests.length, 1);
      assert.equal(other.requests[0].accessKeyId, KEYS.buyer);
      assert.equal(world.emulator.requests.length, 0);
      factory.dispose();
    });

    it('prefers the services section over endpoint_url', async () => {
      const factory = createClientFactory({ maxAttempts: 1 });
      world.emulator.requests.length = 0;
      await factory.get('via-services', REGION).listReceivedGrants();
      assert.equal(world.emulator.requests.length, 1);
      assert.equal(world.emulator.requests[0].accessKeyId, KEYS.buyer);
      factory.dispose();
    });

    it('prefers AWS_ENDPOINT_URL_LICENSE_MANAGER over the files, and AWS_ENDPOINT_URL over the files', async () => {
      const factory = createClientFactory({ maxAttempts: 1 });
      other.requests.length = 0;
      process.env.AWS_ENDPOINT_URL_LICENSE_MANAGER = other.url;
      process.env.AWS_ENDPOINT_URL = deadUrl;
      await factory.get('dead-endpoint', REGION).listReceivedGrants();
      assert.equal(other.requests.length, 1);
      factory.reset();
      delete process.env.AWS_ENDPOINT_URL_LICENSE_MANAGER;
      process.env.AWS_ENDPOINT_URL = other.url;
      await factory.get('via-services', REGION).listReceivedGrants();
      assert.equal(other.requests.length, 2);
      factory.dispose();
    });

    it('keeps each profile on its own endpoint whatever AWS_PROFILE says', async () => {
      const factory = createClientFactory({ maxAttempts: 1, connectionTimeoutMs: 2000 });
      process.env.AWS_PROFILE = 'dead-endpoint';
      world.emulator.requests.length = 0;
      await factory.get('via-services', REGION).listReceivedGrants();
      assert.equal(world.emulator.requests.length, 1);

      process.env.AWS_PROFILE = 'buyer';
      // A region without DNS entries keeps the request off the internet.
      await assert.rejects(factory.get('no-endpoint', 'xx-nowhere-1').listReceivedGrants(), (e: unknown) => {
        assert.ok(isLicenseManagerError(e));
        assert.equal(e.kind, 'network', 'goes to the regional AWS endpoint, which does not resolve');
        assert.match(e.details.code, /ENOTFOUND|EAI_AGAIN|TimeoutError/);
        return true;
      });
      assert.equal(world.emulator.requests.length, 1, "the AWS_PROFILE profile's endpoint_url was not used");
      factory.dispose();
    });

    it('reports a missing services section and a non-http endpoint as configuration errors', async () => {
      const factory = createClientFactory();
      await assert.rejects(factory.get('missing-services', REGION).listLicenses(), (e: unknown) => {
        assert.ok(isLicenseManagerError(e));
        assert.equal(e.kind, 'configuration');
        assert.equal(e.details.code, 'InvalidServicesSection');
        assert.match(e.message, /services section "nowhere"/);
        return true;
      });
      await assert.rejects(factory.get('bad-url', REGION).listLicenses(), (e: unknown) => {
        assert.ok(isLicenseManagerError(e));
        assert.equal(e.details.code, 'InvalidEndpointConfiguration');
        return true;
      });
      factory.dispose();
    });
  });

  describe('caching', () => {
    it('returns one facade per (profile, region) and reads config edits only after reset', async () => {
      const destroyed: unknown[] = [];
      const original = LicenseManagerClient.prototype.destroy;
      LicenseManagerClient.prototype.destroy = function (this: LicenseManagerClient) {
        destroyed.push(this);
        original.call(this);
      };
      const saved = readFileSync(world.configFile, 'utf8');
      try {
        const factory = createClientFactory({ maxAttempts: 1 });
        const api = factory.get('movable', REGION);
        assert.equal(factory.get('movable', REGION), api);
        assert.notEqual(factory.get('movable', 'eu-west-1'), api);
        assert.notEqual(factory.get('seller', REGION), api);
        await api.listReceivedGrants();
        await factory.get('seller', REGION).listDistributedGrants();

        const moved = saved.replace(`endpoint_url = ${world.emulator.url} ; movable`, `endpoint_url = ${other.url} ; movable`);
        assert.notEqual(moved, saved);
        writeFileSync(world.configFile, moved);
        other.requests.length = 0;
        await api.listReceivedGrants();
        assert.equal(other.requests.length, 0, 'the cached client keeps its endpoint');

        factory.reset('movable');
        await new Promise((r) => setImmediate(r));
        assert.equal(destroyed.length, 1, 'reset destroys the profile’s client only');
        await api.listReceivedGrants();
        assert.equal(other.requests.length, 1, 'a facade obtained earlier uses the new client');

        factory.dispose();
        await new Promise((r) => setImmediate(r));
        assert.equal(destroyed.length, 3, 'dispose destroys the remaining clients');
      } finally {
        LicenseManagerClient.prototype.destroy = original;
        writeFileSync(world.configFile, saved);
      }
    });
    it('destroys a client that is serving a call only after the call has finished', async () => {
      const destroyed: unknown[] = [];
      const original = LicenseManagerClient.prototype.destroy;
      LicenseManagerClient.prototype.destroy = function (this: LicenseManagerClient) {
        destroyed.push(this);
        original.call(this);
      };
      world.emulator.setFaults({ latencyMs: 200 });
      try {
        const factory = createClientFactory({ maxAttempts: 1 });
        const call = factory.get('seller', REGION).listDistributedGrants();
        factory.reset('seller');
        await new Promise((r) => setImmediate(r));
        assert.equal(destroyed.length, 0);
        const page = await call;
        assert.ok(page.items.length > 0, 'the call completed normally');
        await new Promise((r) => setImmediate(r));
        assert.equal(destroyed.length, 1);
        factory.dispose();
      } finally {
        world.emulator.setFaults({ latencyMs: 0 });
        LicenseManagerClient.prototype.destroy = original;
      }
    });
  });

  describe('credentials', () => {
    it('gets credentials from a credential_process, caches them, and runs it again when they expire', async () => {
      const script = join(world.dir, 'creds.js');
      const counter = join(world.dir, 'creds.count');
      const lifetime = join(world.dir, 'creds.lifetime');
      writeFileSync(counter, '');
      writeFileSync(lifetime, '3600');
      writeFileSync(
        script,
        `const fs = require('fs');
fs.appendFileSync(${JSON.stringify(counter)}, 'x');
const seconds = Number(fs.readFileSync(${JSON.stringify(lifetime)}, 'utf8'));
process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(KEYS.process)},
  SecretAccessKey: ${JSON.stringify(SECRETS.process)}, Expiration: new Date(Date.now() + seconds * 1000).toISOString() }));
`,
      );
      world.appendConfig(
        ['[profile automation]', `region = ${REGION}`, `endpoint_url = ${world.emulator.url}`, `credential_process = "${process.execPath}" "${script}"`].join('\n'),
      );
      const runs = () => readFileSync(counter, 'utf8').length;
      const factory = createClientFactory({ log: (l) => logs.push(l) });
      world.emulator.requests.length = 0;
      const api = factory.get('automation', REGION);
      const grants = await api.listReceivedGrants();
      assert.ok(grants.items.length > 0);
      assert.equal(world.emulator.requests[0].accessKeyId, KEYS.process);
      assert.equal(world.emulator.requests[0].account, BUYER);
      await api.listReceivedLicenses();
      assert.equal(world.emulator.requests.length, 2);
      assert.equal(runs(), 1, 'credentials valid for an hour are reused');

      writeFileSync(lifetime, '60');
      factory.reset('automation');
      await api.listReceivedGrants();
      const afterFirst = runs();
      await api.listReceivedGrants();
      assert.ok(runs() > afterFirst, 'credentials about to expire are fetched again');
      assert.equal(world.emulator.requests.length, 4);
      assert.ok(world.emulator.requests.every((r) => r.status === 200));
      factory.dispose();
      assertNoSecret(logs);
    });

    it('uses the profile’s credentials, not AWS_ACCESS_KEY_ID from the environment', async () => {
      process.env.AWS_ACCESS_KEY_ID = KEYS.seller;
      process.env.AWS_SECRET_ACCESS_KEY = SECRETS.seller;
      try {
        const factory = createClientFactory();
        world.emulator.requests.length = 0;
        await factory.get('buyer', REGION).listReceivedGrants();
        assert.equal(world.emulator.requests[0].accessKeyId, KEYS.buyer);
        factory.dispose();
      } finally {
        delete process.env.AWS_ACCESS_KEY_ID;
        delete process.env.AWS_SECRET_ACCESS_KEY;
      }
    });
  });
});
