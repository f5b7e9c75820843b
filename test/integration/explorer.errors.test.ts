/**
 * The error items a list shows when AWS cannot answer: throttling that outlasts
 * the retries, an endpoint nobody listens on, and credentials that are expired
 * or absent. Observed through the explorer's items, as a user sees them.
 */
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { ExtensionApi } from '../../src/extension';
import { getApi, useEmulator } from '../support';
import { children, description, item, label, path } from './explorerSupport';

const REGION = 'us-east-1';

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('explorer error items (emulator faults, unreachable endpoint, expired and absent credentials)', function () {
  this.timeout(60_000);
  const env = useEmulator('explorer');
  let api: ExtensionApi;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    const { configFile, credentialsFile, emulator } = env.current;
    const vendorKeys = 'aws_access_key_id = AKIAEXPLORERVENDOR01\naws_secret_access_key = explorerVendorSecret000000000000000000001\n';
    // credential_process answering with credentials that expired an hour ago.
    const expired = JSON.stringify({
      Version: 1,
      AccessKeyId: 'AKIAEXPLORERVENDOR01',
      SecretAccessKey: 'explorerVendorSecret000000000000000000001',
      SessionToken: 'expired-session',
      Expiration: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const script = `process.stdout.write(${JSON.stringify(expired)})`;
    appendFileSync(
      configFile,
      `\n[profile offline]\nregion = ${REGION}\nendpoint_url = http://127.0.0.1:${await closedPort()}\n` +
        `\n[profile expired]\nregion = ${REGION}\nendpoint_url = ${emulator.url}\n` +
        `credential_process = "${process.execPath}" -e ${JSON.stringify(script)}\n` +
        `\n[profile nokeys]\nregion = ${REGION}\nendpoint_url = ${emulator.url}\n`,
    );
    appendFileSync(credentialsFile, `\n[offline]\n${vendorKeys}`);
    await api.explorer.reloadProfiles();
  });

  async function listItems(profile: string, category = 'Licenses'): Promise<{ label: string; description: string; tooltip: string }[]> {
    await api.services.state.setSelectedProfiles([profile]);
    await api.services.state.setRegions(profile, [REGION]);
    const nodes = await children(api, await path(api, profile, REGION, category));
    return nodes.map((n) => ({ label: label(api, n), description: description(api, n), tooltip: String(item(api, n).tooltip ?? '') }));
  }

  it('shows "Throttled" when every attempt is throttled, after the SDK retries', async () => {
    env.current.emulator.setFaults({ throttleRate: 1 });
    const items = await listItems('vendor');
    assert.deepEqual(items.map((i) => i.label), ['Throttled']);
    assert.match(items[0].tooltip, /RateLimitExceededException|Throttl/);
    const sent = env.current.emulator.requests.filter((r) => r.operation === 'ListLicenses');
    // The SDK's three attempts (its default: the profiles set no max_attempts), each answered 429.
    assert.deepEqual(sent.map((r) => `${r.status} ${r.errorType}`), Array(3).fill('429 RateLimitExceededException'));
  });

  it('shows "Network error" naming the endpoint when nothing listens there', async () => {
    const items = await listItems('offline');
    assert.deepEqual(items.map((i) => i.label), ['Network error']);
    assert.match(items[0].tooltip, /127\.0\.0\.1/);
    assert.equal(env.current.emulator.requests.length, 0, 'nothing reached the emulator');
  });

  it('shows "Credentials problem" for credentials that expired, and sends nothing', async () => {
    const items = await listItems('expired');
    assert.deepEqual(items.map((i) => i.label), ['Credentials problem']);
    assert.match(items[0].tooltip + items[0].description, /expired/i);
    assert.equal(env.current.emulator.requests.length, 0, 'no request with expired credentials');
  });

  it('shows "Credentials problem" with the fix for a profile without credentials, and sends nothing', async () => {
    const items = await listItems('nokeys');
    assert.deepEqual(items.map((i) => i.label), ['Credentials problem']);
    assert.match(items[0].description, /aws configure --profile nokeys/);
    assert.equal(env.current.emulator.requests.length, 0);
  });
});
