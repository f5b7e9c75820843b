/** The AWS CLI, unchanged, checks licenses out of and back into the emulator; the clock moves over HTTP. */
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
import type { AwsConfigFiles, RunningEmulator } from '../emulator';
import { CHECKOUT_SEED, NORTHWIND_FP } from './checkoutSupport';
import { licenseArnBySku } from './emulatorSupport';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json?: Record<string, unknown>;
}

function getClock(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(`${url}/emulator/clock`, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve((JSON.parse(text) as { now: string }).now));
    })
      .on('error', reject)
      .end();
  });
}

function postClock(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/emulator/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('AWS CLI checkout against the emulator', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let dir: string;
  let files: AwsConfigFiles;

  beforeEach(async () => {
    emu = await startEmulator({ seed: CHECKOUT_SEED });
    dir = mkdtempSync(join(tmpdir(), 'lm-aws-cli-co-'));
    files = emu.writeAwsConfig(dir);
  });
  afterEach(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function aws(profile: string, args: string[]): Promise<CliResult> {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
    env.AWS_CONFIG_FILE = files.configFile;
    env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
    return new Promise((resolve) => {
      execFile('aws', ['license-manager', ...args, '--profile', profile, '--endpoint-url', emu.url], { env }, (error, stdout, stderr) => {
        let json: Record<string, unknown> | undefined;
        try {
          json = stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr, json });
      });
    });
  }

  async function ok(profile: string, args: string[]): Promise<Record<string, unknown>> {
    const r = await aws(profile, args);
    assert.equal(r.code, 0, `aws ${args.join(' ')} failed: ${r.stderr}`);
    return r.json ?? {};
  }

  const usersUsed = async (arn: string, name = 'Users'): Promise<string> => {
    const out = await ok('buyer', ['get-license-usage', '--license-arn', arn]);
    const usages = (out.LicenseUsage as { EntitlementUsages: { Name: string; ConsumedValue: string }[] }).EntitlementUsages;
    return usages.find((u) => u.Name === name)!.ConsumedValue;
  };

  const checkoutArgs = (sku: string, type: string, entitlements: unknown[], token: string): string[] => [
    'checkout-license', '--product-sku', sku, '--checkout-type', type, '--key-fingerprint', NORTHWIND_FP,
    '--entitlements', JSON.stringify(entitlements), '--client-token', token,
  ];

  it('checkout-license, get-license-usage, check-in-license, and the provisional lifetime on the moved clock', async () => {
    const arn = licenseArnBySku(emu, 'LAB-PROV');
    const out = await ok('buyer', checkoutArgs('LAB-PROV', 'PROVISIONAL', [{ Name: 'Users', Unit: 'Count', Value: '2' }], 'cli-1'));
    assert.equal(out.LicenseArn, arn);
    assert.equal(await usersUsed(arn), '2');
    assert.deepEqual(await ok('buyer', ['check-in-license', '--license-consumption-token', out.LicenseConsumptionToken as string]), {});
    assert.equal(await usersUsed(arn), '0');
    await ok('buyer', checkoutArgs('LAB-PROV', 'PROVISIONAL', [{ Name: 'Users', Unit: 'Count', Value: '4' }], 'cli-2'));
    assert.equal(await usersUsed(arn), '4');
    const moved = await postClock(emu.url, { advanceMinutes: 61 });
    assert.equal(moved.status, 200);
    assert.ok(Date.parse(moved.json.now as string) - Date.now() > 60 * 60_000);
    assert.equal(await usersUsed(arn), '0');
    assert.equal((await postClock(emu.url, { advanceMinutes: -5 })).status, 400, 'the clock never moves back');
  });

  it('extend-license-consumption (with --dry-run) and checkout-borrow-license', async () => {
    const out = await ok('buyer', checkoutArgs('LAB-PROV', 'PROVISIONAL', [{ Name: 'Users', Unit: 'Count', Value: '1' }], 'cli-3'));
    const dry = await ok('buyer', ['extend-license-consumption', '--license-consumption-token', out.LicenseConsumptionToken as string, '--dry-run']);
    assert.equal(dry.LicenseConsumptionToken, out.LicenseConsumptionToken);
    const ext = await ok('buyer', ['extend-license-consumption', '--license-consumption-token', out.LicenseConsumptionToken as string, '--no-dry-run']);
    assert.match(ext.Expiration as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const arn = licenseArnBySku(emu, 'LAB-BORROW');
    const borrow = await ok('buyer', ['checkout-borrow-license', '--license-arn', arn, '--entitlements', JSON.stringify([{ Name: 'Cores', Unit: 'Count', Value: '3' }]), '--digital-signature-method', 'JWT_PS384', '--client-token', 'cli-4']);
    assert.equal(borrow.LicenseArn, arn);
    assert.equal(await usersUsed(arn, 'Cores'), '3');
  });

  it('reports the service errors by name', async () => {
    const none = await aws('buyer', checkoutArgs('LAB-PROV', 'PROVISIONAL', [{ Name: 'Users', Unit: 'Count', Value: '11' }], 'cli-5'));
    assert.notEqual(none.code, 0);
    assert.match(none.stderr, /NoEntitlementsAllowedException/);
    const borrow = await aws('buyer', ['checkout-borrow-license', '--license-arn', licenseArnBySku(emu, 'LAB-PROV'), '--entitlements', JSON.stringify([{ Name: 'Users', Unit: 'Count', Value: '1' }]), '--digital-signature-method', 'JWT_PS384', '--client-token', 'cli-6']);
    assert.match(borrow.stderr, /NoEntitlementsAllowedException.*no BorrowConfiguration/);
    const gone = await aws('buyer', ['check-in-license', '--license-consumption-token', 'no-such-token']);
    assert.match(gone.stderr, /ResourceNotFoundException/);
  });
});

describe('emulator CLI --clock', function () {
  this.timeout(120_000);

  it('starts the clock at the given time: a license valid until 2028 is refused as expired, by the AWS CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-clock-'));
    const child = spawn(process.execPath, [join(__dirname, '..', 'emulator', 'cli.js'), '--seed', CHECKOUT_SEED, '--clock', '2030-01-01T00:00:00Z', '--write-aws-config', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
      });
      assert.ok(Date.parse(await getClock(url)) >= Date.parse('2030-01-01T00:00:00Z'));
      const env: NodeJS.ProcessEnv = {};
      for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
      env.AWS_CONFIG_FILE = join(dir, 'config');
      env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
      const stderr = await new Promise<string>((resolve) =>
        execFile('aws', ['license-manager', 'checkout-license', '--product-sku', 'LAB-PROV', '--checkout-type', 'PROVISIONAL', '--key-fingerprint', NORTHWIND_FP,
          '--entitlements', JSON.stringify([{ Name: 'Users', Unit: 'Count', Value: '1' }]), '--client-token', 'clock-1', '--profile', 'buyer', '--endpoint-url', url], { env }, (_e, _out, err) => resolve(err)),
      );
      assert.match(stderr, /NoEntitlementsAllowedException.*expired at 2028-12-31T23:59:59Z/);
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
