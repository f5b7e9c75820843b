/**
 * Mocha reporter shared by every suite (plain Node and inside the extension
 * host): one readable line per test through `console.log` (the only output
 * channel that reaches the terminal from a web extension host), failures in
 * full at the end, and the counts written to `LM_RESULTS_FILE` when set.
 *
 * `LM_LOG_TAG`, when set, prefixes every line so a driver can pick the test
 * output out of other console traffic.
 */
import { writeFileSync } from 'node:fs';
import * as Mocha from 'mocha';

const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } =
  Mocha.Runner.constants;

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
}

export function writeResults(file: string | undefined, results: SuiteResults): void {
  if (file) writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const stack = (err.stack ?? `${err.name}: ${err.message}`)
      .split('\n')
      .filter((l) => !/node_modules[\\/]mocha[\\/]|node:internal/.test(l))
      .join('\n');
    const e = err as Error & { actual?: unknown; expected?: unknown; showDiff?: boolean };
    // node:assert already puts the difference in its message.
    if (e.showDiff !== false && 'expected' in e && 'actual' in e && (err as { code?: string }).code !== 'ERR_ASSERTION') {
      return `${stack}\n      expected: ${JSON.stringify(e.expected)}\n      actual:   ${JSON.stringify(e.actual)}`;
    }
    return stack;
  }
  return String(err);
}

export class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const tag = process.env.LM_LOG_TAG ? `${process.env.LM_LOG_TAG} ` : '';
    const out = (line: string): void => {
      for (const l of line.split('\n')) console.log(tag + l);
    };
    const results: SuiteResults = { passed: 0, failed: 0, pending: 0, failures: [] };
    const started = Date.now();

    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) out(`${'  '.repeat(Math.max(0, depth(suite) - 1))}${suite.title}`);
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      results.passed++;
      out(`${indent(test)}ok   ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: unknown) => {
      results.failed++;
      const title = test.fullTitle();
      results.failures.push({ title, error: errorText(err) });
      out(`${indent(test)}FAIL ${test.title}`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      results.pending++;
      out(`${indent(test)}skip ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      if (results.passed + results.failed === 0) {
        // mocha's failZero: a run that selects no test is a failure, never a green stage.
        results.failed = 1;
        results.failures.push({ title: 'no test ran', error: 'no test matched (check the file list and --grep)' });
      }
      results.failures.forEach((f, i) => {
        out('');
        out(`${i + 1}) ${f.title}`);
        out(
          f.error
            .split('\n')
            .map((l) => `   ${l}`)
            .join('\n'),
        );
      });
      out('');
      out(
        `${results.passed} passing, ${results.failed} failing` +
          (results.pending ? `, ${results.pending} pending` : '') +
          ` (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      writeResults(process.env.LM_RESULTS_FILE, results);
    });
  }
}

function depth(s: Mocha.Suite): number {
  let d = 0;
  for (let p: Mocha.Suite | undefined = s; p && !p.root; p = p.parent) d++;
  return d;
}

function indent(test: Mocha.Test): string {
  return '  '.repeat(test.parent ? depth(test.parent) : 0);
}
