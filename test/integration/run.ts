/**
 * Runs the in-host suite through @vscode/test-electron's `runTests`:
 *  - LM_VSCODE_EXECUTABLE=/path/to/code  → that desktop VS Code;
 *  - LM_VSCODE_VERSION=stable|1.100.3    → a VS Code downloaded by test-electron;
 *  - otherwise                           → code-server in headless Chromium (launcher.ts).
 * Run `node scripts/build.mjs` first; `npm run test:integration` does both.
 * LM_TEST_GREP filters tests; LM_RESULTS_FILE receives the counts.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { readHostManifest, repoRoot } from '../ui/support/host';

function launcherScript(dir: string): string {
  readHostManifest(); // fails early with the setup command when code-server is missing
  const launcher = join(repoRoot, 'out', 'test', 'integration', 'launcher.js');
  const file = join(dir, 'code-server-launcher');
  writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${launcher}" "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

async function main(): Promise<number> {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  const grepIdx = process.argv.indexOf('--grep');
  if (grepIdx > 0) process.env.LM_TEST_GREP = process.argv[grepIdx + 1];
  const dir = mkdtempSync(join(tmpdir(), 'lm-integration-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  // A home folder of its own: the SSO token cache (~/.aws/sso/cache) the tests write is never the user's.
  const home = join(dir, 'home');
  mkdirSync(home);
  process.env.HOME = home;
  process.env.USERPROFILE = home;
  try {
    const desktop = process.env.LM_VSCODE_EXECUTABLE;
    const version = process.env.LM_VSCODE_VERSION;
    const where = desktop ? `VS Code at ${desktop}` : version ? `VS Code ${version}` : 'code-server (headless Chromium)';
    console.log(`in-host suite: running in ${where}`);
    await runTests({
      ...(desktop ? { vscodeExecutablePath: desktop } : version ? { version } : { vscodeExecutablePath: launcherScript(dir) }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        `--user-data-dir=${join(dir, 'user-data')}`,
        `--extensions-dir=${join(dir, 'extensions')}`,
      ],
    });
    return 0;
  } catch (err) {
    console.error(`in-host suite failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
