/**
 * Entry point of the in-host suite (`extensionTestsPath`): runs every
 * out/test/integration/**\/*.test.js with mocha inside the extension host.
 */
import { getApi } from '../support';
import { runSuite } from '../support/mocha';
import { recordActivation } from './activationSnapshot';

export async function run(): Promise<void> {
  // Activate before any test (in whatever order they run) and keep what activation loaded.
  await getApi();
  recordActivation(Object.keys(require.cache));
  const failures = await runSuite({
    dir: __dirname,
    timeout: Number(process.env.LM_TEST_TIMEOUT_MS ?? 30_000),
    grep: process.env.LM_TEST_GREP,
  });
  if (failures) throw new Error(`${failures} in-host test(s) failed`);
}
