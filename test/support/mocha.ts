/** Runs a folder of `*.test.js` files with mocha (BDD) and the line reporter. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { LineReporter, writeResults } from './reporter';
import { seededRandom, shuffleInPlace, shuffleSeed, shuffleSuite } from './shuffle';

/** Every `*.test.js` under dir, in a stable order. */
export function findTests(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.js')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface SuiteOptions {
  dir: string;
  /** Per-test timeout in ms. */
  timeout: number;
  grep?: string;
}

/**
 * Resolves with the number of failed tests; a folder with no test files, or a
 * run (e.g. a grep) that selects no test, is a failure. With
 * LM_TEST_SHUFFLE_SEED set, files, suites and tests run in an order drawn from
 * that seed (printed first so a failing order can be replayed).
 */
export function runSuite(opts: SuiteOptions): Promise<number> {
  let files: string[] = [];
  try {
    files = findTests(opts.dir);
  } catch {
    files = [];
  }
  if (files.length === 0) {
    console.log(`${process.env.LM_LOG_TAG ? process.env.LM_LOG_TAG + ' ' : ''}no test files in ${opts.dir}`);
    writeResults(process.env.LM_RESULTS_FILE, { passed: 0, failed: 1, pending: 0, failures: [] });
    return Promise.resolve(1);
  }
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: LineReporter,
    timeout: opts.timeout,
    slow: opts.timeout,
    color: false,
    forbidOnly: true,
    forbidPending: true,
    failZero: true,
    grep: opts.grep,
  });
  const seed = shuffleSeed();
  const random = seed === undefined ? undefined : seededRandom(seed);
  if (random) {
    shuffleInPlace(files, random);
    console.log(`${process.env.LM_LOG_TAG ? process.env.LM_LOG_TAG + ' ' : ''}shuffled with seed ${seed}`);
  }
  for (const f of files) mocha.addFile(f);
  // Files load with require (CommonJS), which is how the extension host resolves `vscode`.
  // Loaded here (not by run()) so the suites exist to be shuffled; run() must not load them again.
  const loader = mocha as unknown as { loadFiles(): void; lazyLoadFiles(enable: boolean): void };
  loader.loadFiles();
  loader.lazyLoadFiles(true);
  if (random) shuffleSuite(mocha.suite, random);
  return new Promise<number>((resolve) => mocha.run((failures) => resolve(failures)));
}
