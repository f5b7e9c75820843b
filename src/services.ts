import * as vscode from 'vscode';
import type * as AwsModule from './aws/index';
import { onNetworkSettingsChange, readNetworkSettings } from './data/networkSettings';
import type { LicenseManagerClientFactory } from './aws/types';
import type { ResourceChange } from './model/resources';
import type { ExplorerState } from './state/explorerState';
import type { RecentChanges } from './state/recentChanges';
import { withRecentChanges } from './state/recentChangesApi';

export type Aws = typeof AwsModule;

/**
 * Everything commands, views and panels share, created once in `activate` and
 * passed in (no global singletons).
 */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Loads the AWS layer on first use (never during activation). */
  aws(): Promise<Aws>;
  /** The client factory, created on first use. */
  clients(): Promise<LicenseManagerClientFactory>;
  /** Fired after a mutation; the explorer and open panels reload what it names. */
  readonly changes: vscode.EventEmitter<ResourceChange>;
  /** Profiles, selection, regions, filter and the in-flight guard. */
  readonly state: ExplorerState;
}

/** The `licenseManager.network.*` deadlines (seconds in settings), as client factory options in milliseconds. */
function networkOptions() {
  const config = vscode.workspace.getConfiguration('licenseManager.network');
  const ms = (key: string): number | undefined => {
    const v = config.get<number>(key);
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v * 1000) : undefined;
  };
  return {
    connectionTimeoutMs: ms('connectTimeout'),
    requestTimeoutMs: ms('responseTimeout'),
    callDeadlineMs: ms('callTimeout'),
    credentialsDeadlineMs: ms('credentialsTimeout'),
  };
}

/**
 * The AWS layer, loaded on first use, and the client factory; with `recent`, every facade it hands
 * out lays this window's grant changes over lagging lists (see `RecentChanges`).
 */
export function createAwsLoader(log: vscode.LogOutputChannel, recent?: RecentChanges): Pick<Services, 'aws' | 'clients'> & vscode.Disposable {
  let aws: Promise<Aws> | undefined;
  let factory: LicenseManagerClientFactory | undefined;
  const networkWatch = onNetworkSettingsChange(() => factory?.reset());
  const load = (): Promise<Aws> => {
    // A path computed at run time keeps esbuild from inlining the AWS bundle.
    const file = ['.', 'aws.js'].join('/');
    aws ??= Promise.resolve().then(() => require(file) as Aws);
    return aws;
  };
  // New deadlines apply from the next call: calls in flight keep the clients they started with.
  const onNetworkChange = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('licenseManager.network')) return;
    factory?.dispose();
    factory = undefined;
  });
  return {
    aws: load,
    async clients() {
      const m = await load();
      if (!factory) {
        const inner = m.createClientFactory({ log: (line: string) => log.debug(line), ...networkOptions(), network: readNetworkSettings });
        factory = recent
          ? { get: (profile, region) => withRecentChanges(recent, inner.get(profile, region)), reset: (profile) => inner.reset(profile), dispose: () => inner.dispose() }
          : inner;
      }
      return factory;
    },
    dispose() {
      onNetworkChange.dispose();
      networkWatch.dispose();
      factory?.dispose();
      factory = undefined;
    },
  };
}
