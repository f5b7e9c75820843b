/**
 * code-server and Chromium processes for the in-host suite, the UI suite and
 * the demo (plain Node; code-server is installed by scripts/setup-host.mjs).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const EXTENSION_ID = 'license-manager-explorer.license-manager-explorer';

/** The repository folder (holds the extension's package.json). */
export const repoRoot: string = (() => {
  for (let d = __dirname; d !== dirname(d); d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'license-manager-explorer') {
      return d;
    }
  }
  throw new Error(`cannot find the extension's package.json above ${__dirname}`);
})();

export interface HostManifest {
  codeServer: string;
  vscode: string;
  /** code-server's entry script (run with this Node). */
  entry: string;
}

export function readHostManifest(): HostManifest {
  const hostDir = join(repoRoot, '.vscode-test', 'code-server');
  let manifest: HostManifest;
  try {
    manifest = JSON.parse(readFileSync(join(hostDir, 'host.json'), 'utf8')) as HostManifest;
  } catch {
    throw new Error('code-server is not installed: run `node scripts/setup-host.mjs` first');
  }
  manifest.entry = resolve(hostDir, manifest.entry);
  if (!existsSync(manifest.entry)) throw new Error('code-server is incomplete: run `node scripts/setup-host.mjs --force`');
  return manifest;
}

export function chromiumPath(): string {
  const p = process.env.LM_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: run \`node scripts/setup-host.mjs\` (or set LM_CHROMIUM)`);
  return p;
}

/** Environment for the host: the caller's, minus any AWS_* variable (tests and demo set their own). */
export function hostEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Process groups started here; killed when this process exits, however it exits. */
const liveGroups = new Set<number>();
let exitHooked = false;
function track(pid: number): void {
  liveGroups.add(pid);
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const g of liveGroups) killGroup(g, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    if (process.listenerCount(sig) === 0) process.once(sig, () => process.exit(130));
  }
}
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** True when nothing listens on host:port. */
export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, host, () => srv.close(() => res(true)));
  });
}

export class PortInUseError extends Error {
  constructor(readonly host: string, readonly port: number) {
    super(`port ${port} on ${host} is already in use`);
  }
}

export interface CodeServerOptions {
  /** Folder opened in the workbench (default: an empty folder in the session dir). */
  folder?: string;
  host?: string;
  /** 0 (default) = any free port. */
  port?: number;
  /** Added to the host's environment (the extension host inherits it); undefined removes. */
  env?: Record<string, string | undefined>;
  userDataDir?: string;
  extensionsDir?: string;
  /** User settings written before start. */
  settings?: Record<string, unknown>;
  /** Where the session's files go (default: a new temp dir, removed by stop()). */
  dir?: string;
}

export interface CodeServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly folder: string;
  readonly dir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** code-server's stdout and stderr (extension host errors land here too). */
  readonly logFile: string;
  readonly process: ChildProcess;
  /** The workbench URL for the folder (plus optional query). */
  workbenchUrl(query?: Record<string, string>): string;
  /** Stops the server and its children; removes the session dir when it was created here. */
  stop(opts?: { keepDir?: boolean }): Promise<void>;
}

const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'workbench.editor.enablePreview': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
};

function baseArgs(configFile: string, userDataDir: string, extensionsDir: string): string[] {
  return [
    '--config',
    configFile,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
}

function prepareDirs(opts: CodeServerOptions): { dir: string; owned: boolean; configFile: string; userDataDir: string; extensionsDir: string; folder: string } {
  const owned = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'lm-host-'));
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'config.yaml');
  if (!existsSync(configFile)) writeFileSync(configFile, 'auth: none\ncert: false\n');
  const userDataDir = opts.userDataDir ?? join(dir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(dir, 'extensions');
  const folder = opts.folder ?? join(dir, 'workspace');
  for (const d of [userDataDir, extensionsDir, folder, join(userDataDir, 'User')]) mkdirSync(d, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2));
  }
  return { dir, owned, configFile, userDataDir, extensionsDir, folder };
}

/** Installs a VSIX into an extensions dir with code-server's CLI. */
export function installVsix(vsix: string, extensionsDir: string, userDataDir: string): void {
  const manifest = readHostManifest();
  const dir = mkdtempSync(join(tmpdir(), 'lm-install-'));
  try {
    writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
    const r = spawnSync(
      process.execPath,
      [manifest.entry, ...baseArgs(join(dir, 'config.yaml'), userDataDir, extensionsDir), '--install-extension', vsix, '--force'],
      { encoding: 'utf8', env: hostEnv(), timeout: 120_000 },
    );
    if (r.status !== 0 || !/successfully installed/i.test(r.stdout)) {
      throw new Error(`installing ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const manifest = readHostManifest();
  const host = opts.host ?? '127.0.0.1';
  const wantedPort = opts.port ?? 0;
  if (wantedPort !== 0 && !(await portFree(wantedPort, host))) throw new PortInUseError(host, wantedPort);
  const { dir, owned, configFile, userDataDir, extensionsDir, folder } = prepareDirs(opts);
  const logFile = join(dir, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [manifest.entry, ...baseArgs(configFile, userDataDir, extensionsDir), '--bind-addr', `${host}:${wantedPort}`, folder],
    { env: hostEnv(opts.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (child.pid) track(child.pid);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));

  const port = await new Promise<number>((res, rej) => {
    let buf = '';
    const timer = setTimeout(() => rej(new Error(`code-server did not start within 60 s (log: ${logFile})`)), 60_000);
    const onData = (d: Buffer): void => {
      buf += d.toString();
      const m = /HTTP server listening on https?:\/\/[^\s]*:(\d+)\//.exec(buf);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        res(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      if (/EADDRINUSE/.test(buf) || /EADDRINUSE/.test(safeRead(logFile))) rej(new PortInUseError(host, wantedPort));
      else rej(new Error(`code-server exited with ${code} before listening (log: ${logFile})`));
    }, rej);
  });
  const url = `http://${host}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    folder,
    dir,
    userDataDir,
    extensionsDir,
    logFile,
    process: child,
    workbenchUrl(query = {}) {
      const q = new URLSearchParams({ folder, ...query });
      return `${url}/?${q.toString().replace(/%2F/g, '/')}`;
    },
    stop(stopOpts = {}) {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null && child.pid) {
          killGroup(child.pid, 'SIGTERM');
          const t = setTimeout(() => child.pid && killGroup(child.pid, 'SIGKILL'), 5_000);
          await exited;
          clearTimeout(t);
        }
        // Children (extension host, pty host) may outlive the server by a moment.
        if (child.pid) killGroup(child.pid, 'SIGKILL');
        if (child.pid) liveGroups.delete(child.pid);
        await new Promise<void>((res) => log.end(() => res()));
        if (owned && !stopOpts.keepDir) rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(opts: Pick<LaunchOptions, 'headless'> = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
  });
}
