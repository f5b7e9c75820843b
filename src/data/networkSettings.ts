/**
 * The editor's proxy settings as the AWS layer takes them.
 *
 * Security: `http.proxy`, `http.noProxy` and `http.proxyStrictSSL` are read from
 * the user (global) scope only, never from a workspace or folder, so that an
 * opened repository cannot route signed requests through a host of its choice
 * or switch certificate checks off.
 */
import * as vscode from 'vscode';
import type { NetworkSettings } from '../aws/transport';
import { PLACE_CALL_LIMIT } from './placeLimit';

const KEYS = ['proxy', 'noProxy', 'proxyStrictSSL', 'proxySupport'] as const;

/**
 * User-scope `http.proxy`, `http.noProxy` and `http.proxyStrictSSL` (unset ones are left out),
 * and whether VS Code's own proxy support (`http.proxySupport`) routes requests to public hosts.
 */
export function readNetworkSettings(): NetworkSettings {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.inspect<string>('proxy')?.globalValue;
  const noProxy = http.inspect<string[]>('noProxy')?.globalValue;
  const strictSSL = http.inspect<boolean>('proxyStrictSSL')?.globalValue;
  const support = http.inspect<string>('proxySupport');
  const proxySupport = support?.globalValue ?? support?.defaultValue ?? 'override';
  return {
    hostRoutesRequests: proxySupport === 'override' || proxySupport === 'fallback',
    ...(typeof proxy === 'string' && proxy.trim() ? { proxy: proxy.trim() } : {}),
    ...(Array.isArray(noProxy) && noProxy.length ? { noProxy: noProxy.filter((h): h is string => typeof h === 'string') } : {}),
    ...(typeof strictSSL === 'boolean' ? { strictSSL } : {}),
  };
}

/** Calls `listener` when any of these settings changes. */
export function onNetworkSettingsChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (KEYS.some((k) => e.affectsConfiguration(`http.${k}`))) listener();
  });
}

/**
 * `licenseManager.network.callsPerRegion`: calls in flight at most per profile and region, for the
 * inbox and actions on a selection (1 up to `PLACE_CALL_LIMIT`; it can only lower the bound).
 */
export function callsPerPlace(): number {
  const v = vscode.workspace.getConfiguration('licenseManager.network').get<number>('callsPerRegion');
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(PLACE_CALL_LIMIT, Math.max(1, Math.floor(v))) : PLACE_CALL_LIMIT;
}
