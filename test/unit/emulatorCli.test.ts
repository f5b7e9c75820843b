import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AcceptGrantCommand, GetGrantCommand, ListLicensesCommand, ListReceivedGrantsCommand, LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { defaultSeedPath, startEmulator } from '../emulator';
import type { Seed } from '../emulator';
import { rejectsWith } from './emulatorSupport';

const CLI = join(__dirname, '..', 'emulator', 'cli.js');

interface Started {
  child: ChildProcess;
  url: string;
  filesExistedAtUrl: boolean;
  output: () => string;
}

function startCli(args: string[], configDir?: string): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        const filesExistedAtUrl = configDir ? existsSync(join(configDir, 'config')) && existsSync(join(configDir, 'credentials')) : false;
        resolve({ child, url: m[1], filesExistedAtUrl, output: () => out });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`emulator exited early (${code}): ${out}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('emulator CLI', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lm-emu-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the AWS config before printing its URL, serves requests and stops on SIGTERM', async () => {
    const started = await startCli(['--port', '0', '--write-aws-config', dir], dir);
    const exited = exitOf(started.child);
    try {
      assert.ok(started.filesExistedAtUrl, 'config and credentials exist when the URL is printed');
      const config = readFileSync(join(dir, 'config'), 'utf8');
      const credentials = readFileSync(join(dir, 'credentials'), 'utf8');
      for (const p of ['seller', 'buyer', 'buyer-readonly', 'research']) {
        assert.match(config, new RegExp(`\\[profile ${p}\\]\\nregion = [a-z0-9-]+\\nendpoint_url = ${started.url.replace(/\./g, '\\.')}\\n`));
        assert.match(credentials, new RegExp(`\\[${p}\\]\\naws_access_key_id = AKIA\\w+\\naws_secret_access_key = \\S+\\n`));
      }
      assert.match(config, /\[profile research\]\nregion = eu-west-1/);
      const key = /\[seller\]\naws_access_key_id = (\S+)\naws_secret_access_key = (\S+)/.exec(credentials)!;
      const c = new LicenseManagerClient({ endpoint: started.url, region: 'us-east-1', credentials: { accessKeyId: key[1], secretAccessKey: key[2] }, maxAttempts: 1 });
      const out = await c.send(new ListLicensesCommand({}));
      assert.equal(out.Licenses!.length, 5);
      c.destroy();
    } finally {
      started.child.kill('SIGTERM');
    }
    const { code } = await exited;
    assert.equal(code, 0);
    assert.match(started.output(), /Received SIGTERM, stopping\./);
  });

  it('takes a seed file and fault options, and stops on SIGINT', async () => {
    const seed = JSON.parse(readFileSync(defaultSeedPath(), 'utf8')) as Seed;
    seed.accounts = seed.accounts.slice(0, 1);
    const seedFile = join(dir, 'one-account.json');
    writeFileSync(seedFile, JSON.stringify(seed));
    const started = await startCli(['--seed', seedFile, '--throttle', '1', '--latency', '1', '--write-aws-config', dir], dir);
    const exited = exitOf(started.child);
    try {
      assert.doesNotMatch(readFileSync(join(dir, 'config'), 'utf8'), /buyer/);
      const key = /aws_access_key_id = (\S+)\naws_secret_access_key = (\S+)/.exec(readFileSync(join(dir, 'credentials'), 'utf8'))!;
      const c = new LicenseManagerClient({ endpoint: started.url, region: 'us-east-1', credentials: { accessKeyId: key[1], secretAccessKey: key[2] }, maxAttempts: 1 });
      await rejectsWith(c.send(new ListLicensesCommand({})), 'RateLimitExceededException', 429);
      c.destroy();
    } finally {
      started.child.kill('SIGINT');
    }
    assert.equal((await exited).code, 0);
  });

  it('takes per-operation faults and refuses an unknown operation name', async () => {
    const started = await startCli(['--html', 'ListLicenses,GetGrant', '--write-aws-config', dir], dir);
    const exited = exitOf(started.child);
    try {
      const key = /aws_access_key_id = (\S+)\naws_secret_access_key = (\S+)/.exec(readFileSync(join(dir, 'credentials'), 'utf8'))!;
      const c = new LicenseManagerClient({ endpoint: started.url, region: 'us-east-1', credentials: { accessKeyId: key[1], secretAccessKey: key[2] }, maxAttempts: 1 });
      await assert.rejects(c.send(new ListLicensesCommand({})), (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode === 502);
      c.destroy();
    } finally {
      started.child.kill('SIGINT');
    }
    assert.equal((await exited).code, 0);
    const child = spawn(process.execPath, [CLI, '--hang', 'ListNothing'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    assert.equal((await exitOf(child)).code, 1);
    assert.match(err, /hang: unknown operation "ListNothing"/);
  });

  it('takes --lag MS: a list trails an accepted grant while GetGrant is current; a negative lag is refused', async () => {
    const started = await startCli(['--lag', '60000', '--write-aws-config', dir], dir);
    const exited = exitOf(started.child);
    try {
      const credentials = readFileSync(join(dir, 'credentials'), 'utf8');
      const buyerKey = /\[buyer\]\naws_access_key_id = (\S+)\naws_secret_access_key = (\S+)/.exec(credentials)!;
      const c = new LicenseManagerClient({ endpoint: started.url, region: 'us-east-1', credentials: { accessKeyId: buyerKey[1], secretAccessKey: buyerKey[2] }, maxAttempts: 1 });
      const pending = (await c.send(new ListReceivedGrantsCommand({ Filters: [{ Name: 'GrantStatus', Values: ['PENDING_ACCEPT'] }] }))).Grants ?? [];
      const arn = pending.find((g) => g.GrantName === 'Globex data pipeline rollout')?.GrantArn;
      assert.ok(arn);
      await c.send(new AcceptGrantCommand({ GrantArn: arn }));
      assert.equal((await c.send(new GetGrantCommand({ GrantArn: arn }))).Grant?.GrantStatus, 'DISABLED');
      assert.equal((await c.send(new ListReceivedGrantsCommand({ GrantArns: [arn] }))).Grants?.[0]?.GrantStatus, 'PENDING_ACCEPT');
      c.destroy();
    } finally {
      started.child.kill('SIGINT');
    }
    assert.equal((await exited).code, 0);
    const child = spawn(process.execPath, [CLI, '--lag=-5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    assert.equal((await exitOf(child)).code, 1);
    assert.match(err, /--lag must be a number ≥ 0, got "-5"/);
  });

  it('fails with a usage message on a bad option value', async () => {
    const child = spawn(process.execPath, [CLI, '--throttle', '7'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const { code } = await exitOf(child);
    assert.equal(code, 1);
    assert.match(err, /--throttle must be a number between 0 and 1/);
    assert.match(err, /Usage: npm run emulator/);
  });

  it('starts with every seed file shipped in seeds/', async () => {
    const seeds = readdirSync(dirname(defaultSeedPath())).filter((f) => f.endsWith('.json'));
    assert.ok(seeds.includes('demo.json'));
    for (const f of seeds) {
      const emu = await startEmulator({ seed: join(dirname(defaultSeedPath()), f) });
      try {
        assert.ok(emu.state.identityList().length > 0, `${f} has identities`);
      } finally {
        await emu.close();
      }
    }
  });
});
