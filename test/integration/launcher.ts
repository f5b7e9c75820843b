/**
 * Stands in for the VS Code executable given to @vscode/test-electron's
 * `runTests` (through a small shell wrapper): takes the Electron-style flags,
 * runs the extension test suite in code-server's Extension Development Host
 * inside headless Chromium, forwards the suite's console output and exits
 * with the suite's result (`window.codeAutomationExit`).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, repoRoot, startCodeServer, type CodeServer } from '../ui/support/host';

interface LaunchArgs {
  developmentPaths: string[];
  testsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

export function parseArgs(argv: string[]): LaunchArgs {
  const out: LaunchArgs = { developmentPaths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      out.folder ??= resolve(a);
      continue;
    }
    const [, name, inline] = m;
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'].includes(name);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (value === undefined) continue;
    if (name === 'extensionDevelopmentPath') out.developmentPaths.push(resolve(value));
    else if (name === 'extensionTestsPath') out.testsPath = resolve(value);
    else if (name === 'user-data-dir') out.userDataDir = resolve(value);
    else if (name === 'extensions-dir') out.extensionsDir = resolve(value);
  }
  return out;
}

const TAG = '[lm-test]';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath) throw new Error('--extensionTestsPath is required');
  if (args.developmentPaths.length !== 1) {
    throw new Error(`exactly one --extensionDevelopmentPath is supported here (got ${args.developmentPaths.length})`);
  }
  const timeoutMs = Number(process.env.LM_INTEGRATION_TIMEOUT_MS ?? 15 * 60_000);
  let server: CodeServer | undefined;
  const browser = await launchChromium();
  let code = 1;
  try {
    server = await startCodeServer({
      folder: args.folder,
      userDataDir: args.userDataDir,
      extensionsDir: args.extensionsDir,
      env: { LM_LOG_TAG: TAG },
    });
    const remote = (p: string): string => `vscode-remote://${server!.host}:${server!.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(args.developmentPaths[0])],
      ['extensionTestsPath', remote(args.testsPath)],
    ]);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let settle!: (code: number) => void;
    const exit = new Promise<number>((res) => (settle = res));
    await page.exposeFunction('codeAutomationExit', (c: number) => settle(Number(c)));
    page.on('console', (msg) => {
      const text = msg.text();
      const i = text.indexOf(TAG);
      if (i >= 0) {
        console.log(text.slice(i + TAG.length + 1).replace(/\s*%c\s*$/, '').replace(/%c/g, ''));
      } else if (msg.type() === 'error' && /Extension Host|Activating extension|license-manager/i.test(text)) {
        console.error(`[host] ${text.replace(/%c/g, '')}`);
      }
    });
    page.on('pageerror', (err) => console.error(`[page] ${err.message}`));
    await page.goto(server.workbenchUrl({ payload }));
    const timer = new Promise<number>((res) =>
      setTimeout(() => {
        console.error(`in-host suite did not finish within ${timeoutMs / 1000} s`);
        res(1);
      }, timeoutMs).unref(),
    );
    code = await Promise.race([exit, timer]);
    const results = join(repoRoot, 'test-results', 'integration');
    rmSync(results, { recursive: true, force: true });
    if (code !== 0) {
      mkdirSync(results, { recursive: true });
      await page.screenshot({ path: join(results, 'workbench.png') }).catch(() => undefined);
      copyFileSync(server.logFile, join(results, 'code-server.log'));
      console.error(`in-host suite: screenshot and code-server log in ${results}`);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server?.stop();
  }
  return code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
