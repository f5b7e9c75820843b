/**
 * One UI session: the emulator (chosen seed, in this process), code-server with
 * the packaged VSIX in a fresh extensions dir and the emulator's AWS config in
 * its environment, and a headless Chromium page showing the workbench.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type AwsConfigFiles, type EmulatorOptions, type RunningEmulator, type Seed } from '../../emulator/index';
import { installVsix, launchChromium, repoRoot, startCodeServer, type CodeServer } from './host';

export type SeedRef = string | Seed;

export interface UiSessionOptions {
  /** Seed name in test/emulator/seeds/ (default 'demo'), a path or a seed object; null = no emulator, no AWS config. */
  seed?: SeedRef | null;
  emulator?: Omit<EmulatorOptions, 'seed'>;
  /** User settings (merged over the harness defaults). */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and the extension host. */
  env?: Record<string, string | undefined>;
  /** Default: LM_UI_VSIX or .vscode-test/license-manager-explorer.vsix (made by `npm run package`). */
  vsix?: string;
  viewport?: { width: number; height: number };
}

export function vsixPath(): string {
  return process.env.LM_UI_VSIX ?? join(repoRoot, '.vscode-test', 'license-manager-explorer.vsix');
}

function resolveSeed(seed: SeedRef): string | Seed {
  if (typeof seed !== 'string') return seed;
  const named = join(repoRoot, 'test', 'emulator', 'seeds', `${seed}.json`);
  return !seed.includes('/') && existsSync(named) ? named : resolve(seed);
}

export const resultsDir = join(repoRoot, 'test-results', 'ui');

export class UiSession {
  /** Browser console lines (kept for failure reports). */
  readonly console: string[] = [];

  private constructor(
    readonly page: Page,
    readonly browser: Browser,
    readonly server: CodeServer,
    readonly emulator: RunningEmulator | undefined,
    readonly aws: AwsConfigFiles | undefined,
    private readonly dir: string,
    private readonly seed: string | Seed | undefined,
  ) {}

  static async start(opts: UiSessionOptions = {}): Promise<UiSession> {
    const vsix = opts.vsix ?? vsixPath();
    if (!existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first`);
    const dir = mkdtempSync(join(tmpdir(), 'lm-ui-'));
    let emulator: RunningEmulator | undefined;
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      let aws: AwsConfigFiles | undefined;
      const seed = opts.seed === null ? undefined : resolveSeed(opts.seed ?? 'demo');
      const env: Record<string, string | undefined> = { ...opts.env };
      if (seed !== undefined) {
        emulator = await startEmulator({ ...opts.emulator, seed });
        aws = emulator.writeAwsConfig(join(dir, 'aws'));
        env.AWS_CONFIG_FILE = aws.configFile;
        env.AWS_SHARED_CREDENTIALS_FILE = aws.credentialsFile;
      } else {
        // No profiles at all: point the SDK at files that do not exist.
        env.AWS_CONFIG_FILE = join(dir, 'aws', 'config');
        env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'aws', 'credentials');
      }
      const userDataDir = join(dir, 'user-data');
      const extensionsDir = join(dir, 'extensions');
      mkdirSync(userDataDir, { recursive: true });
      mkdirSync(extensionsDir, { recursive: true });
      installVsix(vsix, extensionsDir, userDataDir);
      server = await startCodeServer({ dir, userDataDir, extensionsDir, settings: opts.settings, env });
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1400, height: 1000 } });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const session = new UiSession(page, browser, server, emulator, aws, dir, seed);
      page.on('console', (m) => session.console.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => session.console.push(`[pageerror] ${e.message}`));
      // A loaded machine can take a while to serve the workbench.
      await page.goto(server.workbenchUrl(), { timeout: 90_000 });
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      return session;
    } catch (err) {
      if (server && existsSync(server.logFile)) {
        mkdirSync(resultsDir, { recursive: true });
        copyFileSync(server.logFile, join(resultsDir, 'session-start-failure.code-server.log'));
      }
      await browser?.close().catch(() => undefined);
      await server?.stop();
      await emulator?.close();
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /**
   * Puts the emulator back to the session's seed (data, request log, faults) at
   * the same address. The workbench keeps what it has loaded: refresh the views
   * a test looks at afterwards.
   */
  resetEmulator(): void {
    if (!this.emulator || this.seed === undefined) throw new Error('resetEmulator: this session has no emulator');
    this.emulator.restoreSeed(this.seed);
  }

  /** Saves a screenshot, the code-server log and the browser console under test-results/ui/. */
  async saveArtifacts(name: string): Promise<string[]> {
    mkdirSync(resultsDir, { recursive: true });
    const base = join(resultsDir, name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120));
    const files = [`${base}.png`, `${base}.code-server.log`, `${base}.console.log`];
    await this.page.screenshot({ path: files[0] }).catch(() => undefined);
    if (existsSync(this.server.logFile)) copyFileSync(this.server.logFile, files[1]);
    writeFileSync(files[2], this.console.join('\n') + '\n');
    return files;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    await this.emulator?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Mocha helper for a test file: one session (fresh user data and extensions)
 * for the file's tests; screenshot and logs saved for each failed test.
 *
 *   const ui = useUiSession({ seed: 'demo' });
 *   it('…', async () => { await openContainer(ui.current.page); });
 */
export function useUiSession(opts: UiSessionOptions = {}): { readonly current: UiSession } {
  let current: UiSession | undefined;
  before(async function () {
    this.timeout(120_000);
    current = await UiSession.start(opts);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (current && test?.state === 'failed') {
      const files = await current.saveArtifacts(test.fullTitle());
      console.log(`      saved ${files.map((f) => f.slice(repoRoot.length + 1)).join(', ')}`);
    }
  });
  after(async function () {
    this.timeout(30_000);
    await current?.close();
    current = undefined;
  });
  return {
    get current(): UiSession {
      if (!current) throw new Error('useUiSession: the session is only available inside tests and hooks');
      return current;
    },
  };
}
