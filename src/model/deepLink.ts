/**
 * Links that open a License Manager resource in the editor:
 * `<scheme>://<publisher>.<name>/open?arn=<ARN>`. Pure.
 */
import { parseLmArn, type LmArn } from './lmArn';

export const DEEP_LINK_PATH = '/open';
/** Longest query taken apart (an ARN is far shorter). */
const MAX_QUERY = 2048;

/** Why a link cannot be opened. */
export type DeepLinkProblem = 'path' | 'missing' | 'many' | 'notArn' | 'tooLong' | 'extra';

export type DeepLinkResult =
  | { readonly ok: true; readonly arn: LmArn }
  | { readonly ok: false; readonly problem: DeepLinkProblem; /** The `arn` value, for `notArn`. */ readonly value?: string };

/** The link that opens `arn` in this extension (`scheme` is the editor's, e.g. `vscode`). */
export function deepLink(scheme: string, extensionId: string, arn: string): string {
  return `${scheme}://${extensionId}${DEEP_LINK_PATH}?arn=${encodeURIComponent(arn)}`;
}

/** Takes a link's path and (decoded or raw) query apart: exactly one `arn` parameter naming a License Manager resource. */
export function parseDeepLink(path: string, query: string): DeepLinkResult {
  if (path !== DEEP_LINK_PATH) return { ok: false, problem: 'path' };
  if (query.length > MAX_QUERY) return { ok: false, problem: 'tooLong' };
  const params = new URLSearchParams(query);
  const keys = [...new Set([...params.keys()])];
  const values = params.getAll('arn');
  if (values.length === 0) return { ok: false, problem: 'missing' };
  if (values.length > 1) return { ok: false, problem: 'many' };
  if (keys.length > 1) return { ok: false, problem: 'extra' };
  const arn = parseLmArn(values[0]);
  return arn ? { ok: true, arn } : { ok: false, problem: 'notArn', value: values[0] };
}
