/** The emulator's `--tls`: HTTPS with a test CA written beside the AWS config, used by the AWS CLI unchanged. */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import { cliEnv, cliVersion, runAws, startOfflineGuard, type CliResult, type OfflineGuard } from '../support/awsCli';

const CLI = join(__dirname, '..', 'emulator', 'cli.js');

describe('emulator --tls', function () {
  this.timeout(90_000);
  let dir: string;
  let child: ChildProcess | undefined;
  let url = '';
  let output = '';
  let guard: OfflineGuard;

  /** `aws license-manager ARGS --profile seller --endpoint-url EMULATOR` with the written files (or `extraEnv`'s). */
  function aws(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
    const files = { configFile: join(dir, 'config'), credentialsFile: join(dir, 'credentials') };
    return runAws(['license-manager', ...args, '--profile', 'seller'], cliEnv(files, guard, extraEnv), url);
  }

  before(async () => {
    cliVersion();
    guard = await startOfflineGuard();
    dir = mkdtempSync(join(tmpdir(), 'lm-emu-tls-'));
    const started = spawn(process.execPath, [CLI, '--tls', '--port', '0', '--write-aws-config', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    url = await new Promise<string>((resolve, reject) => {
      started.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /listening on (\S+)/.exec(output);
        if (m) resolve(m[1]);
      });
      started.stderr.on('data', (d: Buffer) => (output += d.toString()));
      started.on('exit', (code) => reject(new Error(`emulator exited early (${code}): ${output}`)));
    });
  });
  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    await guard?.close();
  });

  it('serves HTTPS with a certificate for 127.0.0.1 signed by the CA it writes as ca.pem', async () => {
    assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const caFile = join(dir, 'ca.pem');
    assert.match(output, new RegExp(`Wrote ${caFile.replace(/[.]/g, '\\.')}`));
    const ca = new X509Certificate(readFileSync(caFile));
    assert.ok(ca.ca, 'ca.pem is a CA certificate');
    const config = readFileSync(join(dir, 'config'), 'utf8');
    assert.match(config, new RegExp(`\\[profile seller\\]\\nregion = us-east-1\\nendpoint_url = ${url.replace(/\./g, '\\.')}\\nca_bundle = ${caFile.replace(/\./g, '\\.')}\\n`));
    const served = await new Promise<X509Certificate>((resolve, reject) => {
      const u = new URL(url);
      const socket = connect({ host: u.hostname, port: Number(u.port), ca: readFileSync(caFile, 'utf8') }, () => {
        const cert = socket.getPeerX509Certificate();
        socket.end();
        if (cert) resolve(cert);
        else reject(new Error('no peer certificate'));
      });
      socket.once('error', reject);
    });
    assert.ok(served.verify(ca.publicKey), 'the served certificate is signed by ca.pem');
    assert.ok(served.checkIP('127.0.0.1'), 'and names 127.0.0.1');
  });

  it('the AWS CLI works against it with the profile’s ca_bundle or AWS_CA_BUNDLE, and refuses it without the CA', async () => {
    const viaProfile = await aws(['list-license-configurations']);
    assert.equal(viaProfile.code, 0, viaProfile.stderr);
    const names = (JSON.parse(viaProfile.stdout) as { LicenseConfigurations: { Name: string }[] }).LicenseConfigurations.map((c) => c.Name);
    assert.deepEqual(names.sort(), ['SQL Server Enterprise fleet', 'Windows Server Datacenter']);

    const stripped = join(dir, 'config-no-ca');
    writeFileSync(stripped, readFileSync(join(dir, 'config'), 'utf8').replace(/^ca_bundle = .*\n/gm, ''));
    const viaEnv = await aws(['list-license-configurations'], { AWS_CONFIG_FILE: stripped, AWS_CA_BUNDLE: join(dir, 'ca.pem') });
    assert.equal(viaEnv.code, 0, viaEnv.stderr);
    assert.deepEqual(JSON.parse(viaEnv.stdout), JSON.parse(viaProfile.stdout));

    const untrusted = await aws(['list-license-configurations'], { AWS_CONFIG_FILE: stripped });
    assert.notEqual(untrusted.code, 0);
    assert.match(untrusted.stderr, /SSL|certificate/i);
    assert.deepEqual(guard.attempts, [], 'nothing tried to leave this machine');
  });
});
