/**
 * Runs the UI suite: packages the VSIX (`npm run package`, unless LM_UI_VSIX
 * names one), then mocha over out/test/ui/**\/*.test.js in this process. Each
 * test file starts its own emulator, code-server and Chromium (useUiSession).
 * Run `node scripts/build.mjs` first; `npm run test:ui` does both.
 * `--grep text` or LM_TEST_GREP filters tests; LM_RESULTS_FILE receives the counts.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSuite } from '../support/mocha';
import { readHostManifest, repoRoot } from './support/host';

function packageVsix(dir: string): string {
  const started = Date.now();
  const pack = (): SpawnSyncReturns<string> =>
    spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  let r = pack();
  // A concurrent `node scripts/build.mjs` in the same tree empties dist/ for a moment: try again.
  for (let i = 0; i < 2 && r.status !== 0 && /[\\/]dist[\\/]/.test(r.stdout + r.stderr); i++) r = pack();
  if (r.status !== 0) {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    throw new Error(`npm run package failed (${r.status ?? r.signal})`);
  }
  // A private copy: another package run may rewrite the shared one meanwhile.
  const vsix = join(dir, 'license-manager-explorer.vsix');
  copyFileSync(join(repoRoot, '.vscode-test', 'license-manager-explorer.vsix'), vsix);
  console.log(`ui suite: packaged the VSIX in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

async function main(): Promise<number> {
  const grepIdx = process.argv.indexOf('--grep');
  const grep = grepIdx > 0 ? process.argv[grepIdx + 1] : process.env.LM_TEST_GREP;
  const dir = mkdtempSync(join(tmpdir(), 'lm-ui-run-'));
  try {
    readHostManifest();
    process.env.LM_UI_VSIX ??= packageVsix(dir);
    rmSync(join(repoRoot, 'test-results', 'ui'), { recursive: true, force: true });
    const failures = await runSuite({ dir: join(repoRoot, 'out', 'test', 'ui'), timeout: 60_000, grep });
    return failures ? 1 : 0;
  } catch (err) {
    console.error(`ui suite: ${err instanceof Error ? err.message : String(err)}`);
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
