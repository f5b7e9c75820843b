#!/usr/bin/env node
// `npm test`: typecheck, lint, build, unit tests, the in-host suite and the UI
// suite, in that order. Every stage runs even when an earlier one fails. Ends
// with one line `N passed, N failed` totalled over all suites; typecheck, lint
// and build count as one test each. Exits non-zero when anything failed.
//
// On a machine that has not run it before, it first installs the npm
// dependencies (`npm ci`, when node_modules is absent) and the test host
// (scripts/setup-host.mjs: Debian packages and code-server).
//
//   node scripts/test-all.mjs [--only unit,integration,ui] [--grep text]
//                             [--shuffle | --shuffle-too] [--seed N] [--bench]
//
// --shuffle      runs each stage's files, suites and tests in a seeded random
//                order (the seed is printed; `--seed N` replays it), so a test
//                that relies on state left by another fails.
// --shuffle-too  runs the stages in their written order, then each of them once
//                more shuffled; both runs count in the summary.
// --shuffle-stages unit,integration
//                limits the shuffled pass of --shuffle-too to these stages.
// --bench        runs `npm run bench` last; it counts as one test (a missed
//                target fails it).
//
// One file or test alone: `npm run test:unit -- --grep "<describe or it title>"`
// (the same for test:integration and test:ui); a grep that selects no test fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--only')?.split(',');
const grep = opt('--grep');
const shuffleToo = args.includes('--shuffle-too');
const shuffle = args.includes('--shuffle') || shuffleToo;
const seed = opt('--seed') ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(seed)) {
  console.error(`test-all: --seed takes a non-negative integer (got ${seed})`);
  process.exit(2);
}
const bench = args.includes('--bench');
const shuffleStages = opt('--shuffle-stages')?.split(',');
const resultsDir = mkdtempSync(join(tmpdir(), 'lm-test-all-'));
const stageTimeoutMs = Number(process.env.LM_STAGE_TIMEOUT_MS ?? 30 * 60_000);

/** @type {{name: string, passed: number, failed: number, seconds: number, note: string}[]} */
const report = [];

function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    const timer = setTimeout(() => {
      console.error(`test-all: ${cmd} ${cmdArgs.join(' ')} did not finish within ${stageTimeoutMs / 60_000} min; stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, stageTimeoutMs);
    child.once('error', (err) => {
      console.error(`test-all: ${cmd}: ${err.message}`);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function banner(name) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(3, 70 - name.length))}`);
}

/** A check that counts as one test. */
async function check(name, cmd, cmdArgs) {
  banner(name);
  const t = Date.now();
  const code = await run(cmd, cmdArgs);
  const seconds = (Date.now() - t) / 1000;
  report.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds, note: code === 0 ? '' : `exit ${code}` });
}

/** A suite that writes its counts to LM_RESULTS_FILE. */
async function suite(name, cmd, cmdArgs, shuffled = false) {
  banner(shuffled ? `${name} (shuffled, seed ${seed})` : name);
  const file = join(resultsDir, `${name}${shuffled ? '-shuffled' : ''}.json`);
  const t = Date.now();
  const env = { LM_RESULTS_FILE: file, LM_TEST_SHUFFLE_SEED: shuffled ? seed : '', ...(grep ? { LM_TEST_GREP: grep } : {}) };
  const code = await run(cmd, cmdArgs, env);
  const seconds = (Date.now() - t) / 1000;
  let passed = 0;
  let failed = 0;
  let note = '';
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed = r.passed;
    failed = r.failed;
  } catch {
    note = 'no results';
  }
  if (code !== 0 && failed === 0) {
    failed = 1; // the suite itself failed (did not load, crashed, timed out)
    note = note || `exit ${code}`;
  } else if (code === 0 && note) {
    failed = 1;
  }
  report.push({ name: shuffled ? `${name} shuffled` : name, passed, failed, seconds, note });
}

const wanted = (name) => !only || only.includes(name);
const wantedStage = wanted;
const started = Date.now();

if (!existsSync(join(root, 'node_modules'))) {
  banner('npm ci');
  const t = Date.now();
  const code = await run('npm', ['ci', '--no-audit', '--no-fund']);
  if (code !== 0) report.push({ name: 'npm ci', passed: 0, failed: 1, seconds: (Date.now() - t) / 1000, note: `exit ${code}` });
}
if (wanted('integration') || wanted('ui')) {
  banner('setup-host');
  const t = Date.now();
  const code = await run(process.execPath, [join(root, 'scripts', 'setup-host.mjs')]);
  if (code !== 0) report.push({ name: 'setup-host', passed: 0, failed: 1, seconds: (Date.now() - t) / 1000, note: `exit ${code}` });
}
if (wanted('typecheck')) await check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
if (wanted('lint')) await check('lint', 'npm', ['run', '--silent', 'lint']);
await check('build', process.execPath, [join(root, 'scripts', 'build.mjs')]);
/** The three suites; `shuffled` runs them in the order drawn from the seed. */
async function suites(shuffled) {
  const wanted = (stage) => wantedStage(stage) && (!shuffled || !shuffleStages || shuffleStages.includes(stage));
  if (wanted('unit')) {
    const unitArgs = [join(root, 'out', 'test', 'support', 'runSuite.js'), join(root, 'out', 'test', 'unit'), '--timeout', '15000'];
    await suite('unit', process.execPath, unitArgs, shuffled);
  }
  if (wanted('integration')) await suite('integration', process.execPath, [join(root, 'out', 'test', 'integration', 'run.js')], shuffled);
  if (wanted('ui')) await suite('ui', process.execPath, [join(root, 'out', 'test', 'ui', 'run.js')], shuffled);
}
if (shuffle) console.log(`test-all: shuffled order from seed ${seed} (replay with --shuffle --seed ${seed})`);
await suites(shuffle && !shuffleToo);
if (shuffleToo) await suites(true);
if (bench) await check('bench', 'npm', ['run', '--silent', 'bench']);

rmSync(resultsDir, { recursive: true, force: true });
const passed = report.reduce((n, r) => n + r.passed, 0);
const failed = report.reduce((n, r) => n + r.failed, 0);
banner('summary');
for (const r of report) {
  const status = r.failed ? 'FAIL' : 'ok  ';
  console.log(
    `${status} ${r.name.padEnd(20)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ` +
      `${r.seconds.toFixed(1).padStart(7)} s${r.note ? `  (${r.note})` : ''}`,
  );
}
if (shuffle) console.log(`shuffle seed ${seed} (replay with --shuffle --seed ${seed})`);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
