/**
 * What a grant write did when its answer was lost. Pure: the flow re-reads the
 * grant and asks here whether the write landed, did not land, or cannot be told.
 */
import type { AwsErrorKind } from '../aws/types';
import { isVersion } from './versions';

/** The grant as it was before the write and the status the write sets. */
export interface Expectation {
  /** Status the write leaves the grant in (`DELETED` for DeleteGrant). */
  readonly status: string;
  /** Status and version the user saw before the write; absent for CreateGrant. */
  readonly before?: { readonly status: string; readonly version: string };
}

/** The grant as read again: absent when the service no longer finds it. */
export type Reread = { readonly status: string; readonly version: string } | 'notFound';

export type Verdict = 'landed' | 'notLanded' | 'unknown';

/**
 * Failure kinds after which the write may still have landed: no answer or an
 * answer that could not be read, a server error that may follow the commit, or a
 * refusal of an SDK retry because the first attempt had already landed.
 * Refusals that happen before anything is written (credentials, access, proxy,
 * certificate, configuration, not found) and the user's own cancel are not.
 */
const MAYBE_LANDED: ReadonlySet<AwsErrorKind> = new Set<AwsErrorKind>([
  'timeout',
  'network',
  'unexpectedAnswer',
  'service',
  'throttled',
  'invalidInput',
  'staleVersion',
]);

/** Refusals that tell of an earlier landing only when they answer a retry of the same request. */
const RETRY_REFUSALS: ReadonlySet<AwsErrorKind> = new Set<AwsErrorKind>(['invalidInput', 'staleVersion']);

/**
 * True when the outcome of a write that failed with `kind` must be checked by reading the grant again.
 * `attempts` is how many attempts the SDK made: a refusal of the only attempt was the service's answer
 * to the request itself, so nothing was written.
 */
export function mayHaveLanded(kind: AwsErrorKind | string | undefined, attempts?: number): boolean {
  if (kind === undefined || !MAYBE_LANDED.has(kind as AwsErrorKind)) return false;
  return !refusedOutright(kind, attempts);
}

/** True when the service refused the request itself (invalid or stale) at its only attempt: nothing was written. */
export function refusedOutright(kind: AwsErrorKind | string | undefined, attempts?: number): boolean {
  return RETRY_REFUSALS.has(kind as AwsErrorKind) && attempts !== undefined && attempts <= 1;
}

/**
 * Compares the grant read again with what the write would have made of it.
 * A write that changes the status landed when the grant has that status (a
 * deleted grant may also be gone), and did not land when the grant is exactly as
 * the user saw it (same status and version). A write that keeps the status (a
 * rename) landed when the version moved on by one. Anything else (someone else
 * changed the grant meanwhile) is unknown. A new grant landed when it is found;
 * not finding it proves nothing (lists lag behind changes): unknown.
 */
export function judgeOutcome(expect: Expectation, reread: Reread): Verdict {
  const before = expect.before;
  if (reread === 'notFound') {
    if (expect.status === 'DELETED') return 'landed';
    return 'unknown';
  }
  if (before === undefined) return 'landed';
  const same = reread.status === before.status && reread.version === before.version;
  if (same) return 'notLanded';
  if (expect.status !== before.status) return reread.status === expect.status ? 'landed' : 'unknown';
  return reread.status === expect.status && isNextVersion(before.version, reread.version) ? 'landed' : 'unknown';
}

function isNextVersion(before: string, after: string): boolean {
  return isVersion(before) && isVersion(after) && Number(after) === Number(before) + 1;
}
