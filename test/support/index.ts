/** Helpers for the in-host suite (test/integration/*.test.ts), which runs inside the extension host. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { pollUntil } from './poll';
import type { AwsConfigFiles, EmulatorOptions, RunningEmulator, Seed } from '../emulator/index';

export const EXTENSION_ID = 'license-manager-explorer.license-manager-explorer';

/** Activates the extension (if needed) and returns what `activate` returned. */
export async function getApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  // Every test starts as a fresh window: nothing an earlier test expanded or learned comes back, and
  // the License Manager views are hidden again (a test that revealed an item showed them, and a shown
  // Grants Inbox polls).
  await forgetWindowMemory(api);
  await vscode.commands.executeCommand('workbench.view.explorer');
  return api;
}

/**
 * Closes every editor without saving: each changed document is reverted first, so no "Save changes?"
 * dialog stays open to block the editors of the tests that follow.
 */
export async function closeEditorsUnsaved(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** What the extension keeps for a window reload (expanded nodes, account ids, product names): forgotten, so a test starts as a fresh window. */
export async function forgetWindowMemory(api: ExtensionApi): Promise<void> {
  for (const key of ['licenseManager.explorer.expanded', 'licenseManager.explorer.accounts', 'licenseManager.inbox.productNames']) {
    await api.services.context.workspaceState.update(key, undefined);
  }
}

/**
 * Polls `fn` until it returns a value other than undefined/false (or stops
 * throwing), then resolves with it; rejects with the last error or a timeout.
 */
export function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000, message = 'condition'): Promise<Exclude<T, undefined | false>> {
  return pollUntil(fn, timeoutMs, message, 50);
}

/** A seed name from test/emulator/seeds/ (e.g. 'demo'), a path, or a seed object. */
export type SeedRef = string | Seed;

const repoRoot = resolve(__dirname, '..', '..', '..');

export function resolveSeed(seed: SeedRef | undefined): string | Seed | undefined {
  if (typeof seed !== 'string') return seed;
  const named = join(repoRoot, 'test', 'emulator', 'seeds', `${seed}.json`);
  if (!seed.includes('/') && existsSync(named)) return named;
  return resolve(seed);
}

export interface TestEmulator extends AwsConfigFiles {
  emulator: RunningEmulator;
  /** Temp dir holding the AWS config and credentials files. */
  dir: string;
  /** Closes the emulator, restores the AWS_* variables and removes the files. */
  dispose(): Promise<void>;
}

const AWS_VARS = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_LICENSE_MANAGER'];

/**
 * Starts the emulator in this process, writes AWS config/credentials files for
 * its identities and points AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at
 * them (other AWS_* variables are cleared). Call the explorer's
 * `reloadProfiles()` afterwards to make the extension see them.
 */
export async function startTestEmulator(seed: SeedRef = 'demo', options: Omit<EmulatorOptions, 'seed'> = {}): Promise<TestEmulator> {
  // Loaded on demand so that loading these helpers loads no emulator (nor @smithy) code.
  const { startEmulator } = require('../emulator/index') as typeof import('../emulator/index');
  const emulator = await startEmulator({ ...options, seed: resolveSeed(seed) });
  const dir = mkdtempSync(join(tmpdir(), 'lm-aws-'));
  const files = emulator.writeAwsConfig(dir);
  const saved = new Map(AWS_VARS.map((k) => [k, process.env[k]]));
  for (const k of AWS_VARS) delete process.env[k];
  process.env.AWS_CONFIG_FILE = files.configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
  let disposed = false;
  return {
    ...files,
    emulator,
    dir,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await emulator.close();
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Puts a running test emulator back to its seed without changing its address:
 * data, request log and faults, and rewrites the AWS config and credentials
 * files. For `beforeEach`, so no test sees what an earlier one changed; call
 * the explorer's `reloadProfiles()` afterwards so cached items are dropped too.
 */
export function resetEmulator(env: TestEmulator, seed: SeedRef = 'demo'): void {
  env.emulator.restoreSeed(resolveSeed(seed));
  env.emulator.writeAwsConfig(env.dir);
}

/**
 * Mocha helper for a `describe` block: starts the emulator before its tests and
 * disposes it after. Read `.current` inside tests and hooks.
 *
 *   const env = useEmulator('demo');
 *   it('…', async () => { env.current.emulator.requests … });
 */
export function useEmulator(
  seed: SeedRef = 'demo',
  options: Omit<EmulatorOptions, 'seed'> = {},
): { readonly current: TestEmulator; /** resetEmulator with this seed. */ reset(): void } {
  let current: TestEmulator | undefined;
  before(async () => {
    current = await startTestEmulator(seed, options);
  });
  after(async () => {
    await current?.dispose();
    current = undefined;
  });
  return {
    get current(): TestEmulator {
      if (!current) throw new Error('useEmulator: the emulator is only available inside tests and hooks');
      return current;
    },
    reset(): void {
      if (!current) throw new Error('useEmulator: reset only inside tests and hooks');
      resetEmulator(current, seed);
    },
  };
}

/** Ids of every registered command contributed under `licenseManager.`. */
export async function licenseManagerCommands(): Promise<string[]> {
  return (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('licenseManager.'));
}
