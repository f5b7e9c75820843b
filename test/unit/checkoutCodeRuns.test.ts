/**
 * Generated checkout code runs against the emulator: TypeScript compiled with tsc against the installed
 * SDK and run with Node, Python with Debian's boto3, the AWS CLI script with bash. Each checks out,
 * holds the units while it works, and checks in (or, for PERPETUAL, keeps them).
 */
import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetLicenseCommand } from '@aws-sdk/client-license-manager';
import type { License } from '../../src/aws/types';
import { codeLanguage, planCheckout, type CheckoutPlan } from '../../src/model/checkoutCode';
import { startEmulator } from '../emulator';
import type { AwsConfigFiles, RunningEmulator } from '../emulator';
import { consumedByCheckouts } from '../emulator/consumption';
import { CHECKOUT_SEED } from './checkoutSupport';
import { client, destroyClients, identity, licenseArnBySku } from './emulatorSupport';

const ROOT = join(__dirname, '..', '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The environment without the machine's AWS settings. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  return { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...extra };
}

/** Runs a Python file with boto3 pointed at the emulator (botocore 1.29 reads no endpoint from the environment). */
const PY_RUNNER = [
  'import os, runpy, sys',
  'import boto3',
  '_client = boto3.client',
  'def client(*a, **k):',
  "    k.setdefault('endpoint_url', os.environ['LM_TEST_ENDPOINT'])",
  '    return _client(*a, **k)',
  'boto3.client = client',
  "runpy.run_path(sys.argv[1], run_name='__main__')",
].join('\n');

describe('generated checkout code runs against the emulator', function () {
  this.timeout(300_000);
  let emu: RunningEmulator;
  let dir: string;
  let files: AwsConfigFiles;
  /** Units of the watched entitlement held right after each CheckoutLicense/CheckoutBorrowLicense answer. */
  let heldAtCheckout: number[];
  let watch: { arn: string; entitlement: string } | undefined;

  before(async () => {
    emu = await startEmulator({
      seed: CHECKOUT_SEED,
      onRequest: (e) => {
        if (watch && e.operation.startsWith('Checkout') && e.status === 200) heldAtCheckout.push(consumedByCheckouts(emu.state, watch.arn, watch.entitlement));
      },
    });
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    dir = mkdtempSync(join(ROOT, 'out', 'checkout-code-'));
    files = emu.writeAwsConfig(join(dir, 'aws'));
  });
  beforeEach(() => {
    emu.restoreSeed(CHECKOUT_SEED);
    heldAtCheckout = [];
    watch = undefined;
  });
  afterEach(() => destroyClients());
  after(async () => {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function planFor(sku: string, profile: string, issuer: boolean): Promise<CheckoutPlan> {
    const out = await client(emu, profile).send(new GetLicenseCommand({ LicenseArn: licenseArnBySku(emu, sku) }));
    return planCheckout(out.License as License, issuer);
  }

  function credentialsOf(profile: string): NodeJS.ProcessEnv {
    const id = identity(emu, profile);
    return { AWS_ACCESS_KEY_ID: id.accessKeyId, AWS_SECRET_ACCESS_KEY: id.secretAccessKey, AWS_ENDPOINT_URL: emu.url, LM_TEST_ENDPOINT: emu.url, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
  }

  /** Runs the program, then checks what it sent and what it held: one unit while working, none after (unless PERPETUAL). */
  async function expectRun(plan: CheckoutPlan, profile: string, start: () => Promise<Run>, entitlement: string): Promise<void> {
    watch = { arn: plan.licenseArn, entitlement };
    const before = consumedByCheckouts(emu.state, plan.licenseArn, entitlement);
    const r = await start();
    assert.equal(r.code, 0, `exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    const ops = emu.requests.filter((q) => q.profile === profile).map((q) => `${q.operation} ${q.status}`);
    const checkout = plan.mode === 'BORROW' ? 'CheckoutBorrowLicense 200' : 'CheckoutLicense 200';
    assert.deepEqual(ops, plan.checkIn ? [checkout, 'CheckInLicense 200'] : [checkout]);
    assert.deepEqual(heldAtCheckout, [before + 1], 'one unit held while the work runs');
    assert.equal(consumedByCheckouts(emu.state, plan.licenseArn, entitlement), plan.checkIn ? before : before + 1);
  }

  const cases: { sku: string; profile: string; issuer: boolean; entitlement: string }[] = [
    { sku: 'LAB-PROV', profile: 'buyer', issuer: false, entitlement: 'Users' },
    { sku: 'LAB-PROV', profile: 'seller', issuer: true, entitlement: 'Users' },
    { sku: 'LAB-BORROW', profile: 'buyer', issuer: false, entitlement: 'Cores' },
    { sku: 'LAB-PERP', profile: 'buyer', issuer: false, entitlement: 'API Calls' },
    { sku: 'prod-lab1234mkt', profile: 'buyer', issuer: false, entitlement: 'Users' },
  ];

  it('TypeScript compiles with tsc against the installed SDK and runs with Node', async () => {
    const plans = await Promise.all(cases.map((c) => planFor(c.sku, c.profile, c.issuer)));
    const sources = plans.map((p, i) => {
      const file = join(dir, `check${i}.ts`);
      writeFileSync(file, codeLanguage('typescript')!.generate(p));
      return file;
    });
    execFileSync(process.execPath, [TSC, '--strict', '--module', 'commonjs', '--target', 'es2022', '--types', 'node', '--skipLibCheck', '--outDir', join(dir, 'js'), ...sources], { cwd: ROOT });
    for (const [i, c] of cases.entries()) {
      emu.restoreSeed(CHECKOUT_SEED);
      heldAtCheckout = [];
      await expectRun(plans[i], c.profile, () => run(process.execPath, [join(dir, 'js', `check${i}.js`)], cleanEnv({ ...credentialsOf(c.profile), AWS_REGION: 'us-east-1' })), c.entitlement);
    }
  });

  it("Python runs with Debian's boto3", async () => {
    for (const [i, c] of cases.entries()) {
      emu.restoreSeed(CHECKOUT_SEED);
      heldAtCheckout = [];
      const plan = await planFor(c.sku, c.profile, c.issuer);
      const file = join(dir, `check${i}.py`);
      writeFileSync(file, codeLanguage('python')!.generate(plan));
      emu.requests.length = 0;
      await expectRun(plan, c.profile, () => run('/usr/bin/python3', ['-c', PY_RUNNER, file], cleanEnv(credentialsOf(c.profile))), c.entitlement);
    }
  });

  it('the AWS CLI script runs with bash and the written profiles', async () => {
    for (const [i, c] of cases.entries()) {
      emu.restoreSeed(CHECKOUT_SEED);
      heldAtCheckout = [];
      const plan = await planFor(c.sku, c.profile, c.issuer);
      const file = join(dir, `check${i}.sh`);
      writeFileSync(file, codeLanguage('shell')!.generate(plan));
      emu.requests.length = 0;
      const env = cleanEnv({ AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile, AWS_PROFILE: c.profile });
      await expectRun(plan, c.profile, () => run('bash', [file], env), c.entitlement);
    }
  });
});
