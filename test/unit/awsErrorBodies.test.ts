/**
 * classifyError against error responses as AWS documents them (fixtures with
 * their sources), sent over HTTP and parsed by the real SDK, so classification
 * does not depend on the text the emulator writes.
 */
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateGrantVersionCommand,
  DeleteGrantCommand,
  GetGrantCommand,
  GetLicenseCommand,
  GetLicenseConfigurationCommand,
  LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { classifyError } from '../../src/aws/classify';
import { AWS_ERROR_BODIES, type AwsErrorBodyFixture } from './fixtures/awsErrorBodies';

const GRANT = 'arn:aws:license-manager::111122223333:grant:g-0123456789abcdef0123456789abcdef';
const LICENSE = 'arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef';
const CONFIG = 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0123456789abcdef0123456789abcdef';

function command(op: AwsErrorBodyFixture['operation']) {
  switch (op) {
    case 'GetGrant':
      return new GetGrantCommand({ GrantArn: GRANT });
    case 'CreateGrantVersion':
      return new CreateGrantVersionCommand({ GrantArn: GRANT, ClientToken: 't-1', SourceVersion: '1', GrantName: 'n' });
    case 'DeleteGrant':
      return new DeleteGrantCommand({ GrantArn: GRANT, Version: '1' });
    case 'GetLicense':
      return new GetLicenseCommand({ LicenseArn: LICENSE });
    case 'GetLicenseConfiguration':
      return new GetLicenseConfigurationCommand({ LicenseConfigurationArn: CONFIG });
  }
}

describe('AWS error classification against documented error bodies', function () {
  this.timeout(15_000);
  let server: Server;
  let answer: AwsErrorBodyFixture | undefined;
  let client: LicenseManagerClient;
  const targets: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      targets.push(String(req.headers['x-amz-target']));
      req.resume();
      req.on('end', () => {
        const a = answer!;
        res.writeHead(a.status, {
          'Content-Type': 'application/x-amz-json-1.1',
          'x-amzn-RequestId': '6d2a5f0e-0000-4000-8000-000000000001',
          'x-amzn-ErrorType': `${a.errorType}:`,
        });
        res.end(JSON.stringify(a.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new LicenseManagerClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDFIXTURE000000000', secretAccessKey: 'fixture-secret' },
      maxAttempts: 1,
    });
  });
  after(async () => {
    client?.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  for (const fixture of AWS_ERROR_BODIES) {
    it(`${fixture.title} is "${fixture.kind}"`, async () => {
      answer = fixture;
      targets.length = 0;
      let thrown: unknown;
      try {
        await client.send(command(fixture.operation) as GetGrantCommand);
      } catch (e) {
        thrown = e;
      }
      assert.ok(thrown, 'the SDK call succeeded');
      assert.deepEqual(targets, [`AWSLicenseManager.${fixture.operation}`]);
      const e = classifyError(thrown, { operation: fixture.operation, profile: 'p', region: 'us-east-1' });
      assert.equal(e.kind, fixture.kind, `${fixture.source}: ${e.details.code}: ${e.message}`);
      assert.equal(e.details.code, fixture.errorType);
    });
  }
});
