/**
 * Plain-Node suite runner: `node out/test/support/runSuite.js <dir> [--grep text] [--timeout ms]`.
 * Exits non-zero when a test fails or the folder holds no test.
 */
import { resolve } from 'node:path';
import { runSuite } from './mocha';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const args = process.argv.slice(2);
const dir = args[0];
if (!dir || dir.startsWith('--')) {
  console.error('usage: runSuite <dir> [--grep text] [--timeout ms]');
  process.exit(2);
}
runSuite({
  dir: resolve(dir),
  timeout: Number(option(args, '--timeout') ?? 10_000),
  grep: option(args, '--grep') ?? process.env.LM_TEST_GREP,
}).then(
  (failures) => process.exit(failures ? 1 : 0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
