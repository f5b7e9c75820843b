// What `npm run demo` starts, for scripts/demo.mjs and scripts/screenshots.mjs:
// the extension built and packaged, the License Manager emulator with a seed,
// AWS config and credentials files for its profiles, and code-server with the
// packaged extension installed and that AWS config in its environment.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The seed file for a name in test/emulator/seeds/ or a path; undefined when there is none. */
export function seedPath(seed) {
  const named = join(root, 'test', 'emulator', 'seeds', `${seed}.json`);
  if (!seed.includes('/') && existsSync(named)) return named;
  const p = isAbsolute(seed) ? seed : resolve(process.cwd(), seed);
  return existsSync(p) ? p : undefined;
}

function step(prefix, label, cmd, args) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    throw new Error(`${label} failed`);
  }
  console.log(`${prefix}: ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

/** Installs what is missing (npm dependencies, the test host), builds and packages the VSIX. */
export function prepare(prefix) {
  if (!existsSync(join(root, 'node_modules'))) step(prefix, 'installed npm dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'setup-host.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('setting up the test host failed');
  step(prefix, 'built', process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet']);
  step(prefix, 'packaged the extension', 'npm', ['run', '--silent', 'package']);
}

/** The helpers of the UI harness (compiled by the build). */
export function hostSupport() {
  return require(join(root, 'out', 'test', 'ui', 'support', 'host.js'));
}

/**
 * Starts the emulator with `seedFile` and code-server with the packaged VSIX on host:port
 * (0: any free port). `stop()` ends both and removes their files.
 */
export async function startDemo({ seedFile, host = '127.0.0.1', port = 0, settings }) {
  const hostLib = hostSupport();
  const { startEmulator } = require(join(root, 'out', 'test', 'emulator', 'index.js'));
  const dir = mkdtempSync(join(tmpdir(), 'lm-demo-'));
  let emulator;
  let server;
  const stop = async () => {
    await server?.stop().catch(() => undefined);
    await emulator?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    emulator = await startEmulator({ seed: seedFile });
    const aws = emulator.writeAwsConfig(join(dir, 'aws'));
    const userDataDir = join(dir, 'user-data');
    const extensionsDir = join(dir, 'extensions');
    mkdirSync(userDataDir, { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    hostLib.installVsix(join(root, '.vscode-test', 'license-manager-explorer.vsix'), extensionsDir, userDataDir);
    server = await hostLib.startCodeServer({
      dir,
      host,
      port,
      userDataDir,
      extensionsDir,
      settings,
      folder: join(dir, 'workspace'),
      env: { AWS_CONFIG_FILE: aws.configFile, AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile },
    });
    return { emulator, server, aws, dir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
