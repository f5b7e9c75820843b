/** What the emulator tests share: SDK clients per seeded profile, raw signed requests, lookups. */
import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { LicenseManagerClient } from '@aws-sdk/client-license-manager';
import type { LicenseManagerClientConfig } from '@aws-sdk/client-license-manager';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RunningEmulator } from '../emulator';
import type { GrantRecord, Identity } from '../emulator';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const SELLER = '111122223333';
export const BUYER = '444455556666';
export const RESEARCH = '777788889999';

export function identity(emu: RunningEmulator, profile: string): Identity {
  const id = emu.state.identityList().find((i) => i.profile === profile);
  assert.ok(id, `profile ${profile} in seed`);
  return id;
}

const clients: LicenseManagerClient[] = [];

/** The real SDK client, signed as a seeded profile; no retries unless `maxAttempts` is given. */
export function client(emu: RunningEmulator, profile: string, region = 'us-east-1', extra: Partial<LicenseManagerClientConfig> = {}): LicenseManagerClient {
  const id = identity(emu, profile);
  const c = new LicenseManagerClient({
    endpoint: emu.url,
    region,
    credentials: { accessKeyId: id.accessKeyId, secretAccessKey: id.secretAccessKey },
    maxAttempts: 1,
    ...extra,
  });
  clients.push(c);
  return c;
}

export function destroyClients(): void {
  for (const c of clients.splice(0)) c.destroy();
}

/** Asserts that `p` rejects with the named AWS error (and HTTP status when given). */
export async function rejectsWith(p: Promise<unknown>, name: string, status?: number, message?: RegExp): Promise<Error> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
    if (status !== undefined) assert.equal(err.$metadata?.httpStatusCode, status);
    if (message) assert.match(err.message, message);
    return err;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}

export function grantNamed(emu: RunningEmulator, name: string): GrantRecord {
  const g = [...emu.state.grants.values()].find((x) => emu.state.currentGrant(x).GrantName === name);
  assert.ok(g, `grant "${name}" in seed`);
  return g;
}

export function licenseArnBySku(emu: RunningEmulator, sku: string): string {
  const l = [...emu.state.licenses.values()].find((x) => emu.state.currentLicense(x).ProductSKU === sku);
  assert.ok(l, `license ${sku} in seed`);
  return l.arn;
}

export function configArnByName(emu: RunningEmulator, name: string): string {
  const c = emu.state.configs.find((x) => x.data.Name === name);
  assert.ok(c, `configuration "${name}" in seed`);
  return c.arn;
}

/** Deterministic PRNG (mulberry32) for fault injection. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json?: Record<string, unknown>;
}

/** Sends a raw HTTP request to the emulator. */
export function raw(emu: RunningEmulator, headers: Record<string, string>, body: string, method = 'POST'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(emu.url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A request signed with @smithy/signature-v4 the way botocore signs: capitalised header names and
 * SignedHeaders `content-type;host;x-amz-date;x-amz-target` only.
 */
export async function signedRaw(
  emu: RunningEmulator,
  opts: { profile: string; target: string; body: string; region?: string; service?: string; secret?: string },
): Promise<RawResponse> {
  const id = identity(emu, opts.profile);
  const host = new URL(emu.url).host;
  const signer = new SignatureV4({
    service: opts.service ?? 'license-manager',
    region: opts.region ?? 'us-east-1',
    credentials: { accessKeyId: id.accessKeyId, secretAccessKey: opts.secret ?? id.secretAccessKey },
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
  });
  const headers = { 'Content-Type': 'application/x-amz-json-1.1', Host: host, 'X-Amz-Target': opts.target };
  const signed = await signer.sign(new HttpRequest({ method: 'POST', protocol: 'http:', hostname: 'localhost', path: '/', headers, body: opts.body }));
  const auth = signed.headers.authorization;
  assert.match(auth, /SignedHeaders=content-type;host;x-amz-date;x-amz-target,/);
  return raw(emu, { 'Content-Type': headers['Content-Type'], 'X-Amz-Target': opts.target, 'X-Amz-Date': signed.headers['x-amz-date'], Authorization: auth }, opts.body);
}
