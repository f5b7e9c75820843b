/** Runs a folder of `*.test.js` files with mocha (BDD) and the line reporter. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { LineReporter, writeResults } from './reporter';

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

/** Resolves with the number of failed tests; a folder with no test files is a failure. */
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
    grep: opts.grep,
  });
  for (const f of files) mocha.addFile(f);
  // Files load with require (CommonJS), which is how the extension host resolves `vscode`.
  return new Promise<number>((resolve) => mocha.run((failures) => resolve(failures)));
}
