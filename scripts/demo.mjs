#!/usr/bin/env node
// `npm run demo`: builds and packages the extension, starts the License Manager
// emulator with the demo seed, writes AWS config and credentials files for its
// profiles, and serves VS Code (code-server, with the packaged extension
// installed and that AWS config in its environment) on 127.0.0.1.
// Ctrl+C stops everything it started.
//
//   node scripts/demo.mjs [--port 8080] [--seed demo|path/to/seed.json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';

function usage(message) {
  if (message) console.error(`demo: ${message}`);
  console.error('usage: npm run demo -- [--port 8080] [--seed demo|path/to/seed.json]');
  process.exit(2);
}

function parseArgs(argv) {
  const out = { port: 8080, seed: 'demo' };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i] ?? usage(`${name} needs a value`);
    if (name === '--port') out.port = Number(value());
    else if (name === '--seed') out.seed = value();
    else if (name === '--help' || name === '-h') usage();
    else usage(`unknown option ${argv[i]}`);
  }
  if (!Number.isInteger(out.port) || out.port < 1 || out.port > 65535) usage('--port must be a number from 1 to 65535');
  return out;
}

function step(label, cmd, args) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    console.error(`demo: ${label} failed`);
    process.exit(1);
  }
  console.log(`demo: ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

const opts = parseArgs(process.argv.slice(2));
const seedFile = (() => {
  const named = join(root, 'test', 'emulator', 'seeds', `${opts.seed}.json`);
  if (!opts.seed.includes('/') && existsSync(named)) return named;
  const p = isAbsolute(opts.seed) ? opts.seed : resolve(process.cwd(), opts.seed);
  if (!existsSync(p)) usage(`no seed named ${opts.seed} (looked for ${named} and ${p})`);
  return p;
})();

// Fail fast, before the build, when the port is taken.
const net = await import('node:net');
const portFree = await new Promise((res) => {
  const srv = net.createServer();
  srv.once('error', () => res(false));
  srv.listen(opts.port, HOST, () => srv.close(() => res(true)));
});
if (!portFree) {
  console.error(`demo: port ${opts.port} on ${HOST} is already in use; choose another with --port, e.g. npm run demo -- --port ${opts.port + 1}`);
  process.exit(1);
}

if (!existsSync(join(root, 'node_modules'))) step('installed npm dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
{
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'setup-host.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
step('built', process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet']);
step('packaged the extension', 'npm', ['run', '--silent', 'package']);

const require = createRequire(import.meta.url);
const host = require(join(root, 'out', 'test', 'ui', 'support', 'host.js'));
const { startEmulator } = require(join(root, 'out', 'test', 'emulator', 'index.js'));

const dir = mkdtempSync(join(tmpdir(), 'lm-demo-'));
let emulator;
let server;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server?.stop().catch(() => undefined);
  await emulator?.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (!stopping) console.log('\ndemo: stopping');
    void stop(0);
  });
}

try {
  emulator = await startEmulator({ seed: seedFile });
  const aws = emulator.writeAwsConfig(join(dir, 'aws'));
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  host.installVsix(join(root, '.vscode-test', 'license-manager-explorer.vsix'), extensionsDir, userDataDir);
  server = await host.startCodeServer({
    dir,
    host: HOST,
    port: opts.port,
    userDataDir,
    extensionsDir,
    folder: join(dir, 'workspace'),
    env: { AWS_CONFIG_FILE: aws.configFile, AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile },
  });
  server.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`demo: code-server exited (${code}); its log was ${server.logFile}`);
    void stop(1);
  });
  console.log(`demo: emulator ${emulator.url} with profiles ${aws.profiles.join(', ')} (seed ${seedFile.slice(root.length)})`);
  console.log(`demo: AWS_CONFIG_FILE=${aws.configFile}`);
  console.log('');
  console.log(`  Open ${server.url}/ in a browser, then the License Manager icon in the activity bar.`);
  console.log('');
  console.log('demo: press Ctrl+C to stop');
} catch (err) {
  if (err instanceof host.PortInUseError) {
    console.error(`demo: port ${opts.port} on ${HOST} is already in use; choose another with --port`);
  } else {
    console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  }
  await stop(1);
}
