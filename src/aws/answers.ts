/**
 * Checks and shaping of License Manager's answers, shared by the facade's
 * methods. A check that fails calls `fail`, which throws kind `unexpectedAnswer`.
 */
import type { GrantMutationResult, LicenseMutationResult, Page } from './types';

/** Deep copy without `$metadata` and undefined members, so results read like the AWS CLI's JSON. */
export function clean<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((v) => clean(v)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$metadata' || v === undefined) continue;
    out[k] = clean(v);
  }
  return out as T;
}

/** Checks of one answer; each throws kind `unexpectedAnswer` through `fail`. */
export type Fail = (detail: string, code?: string) => never;

/**
 * A page, refused when it holds more items than `maxResults` asked for:
 * trimming would drop items that the next token skips.
 */
export function page<T>(fail: Fail, items: unknown[] | undefined, nextToken: string | undefined, maxResults: number | undefined): Page<T> {
  const list = items ?? [];
  if (maxResults !== undefined && list.length > maxResults) {
    fail(`a page of ${list.length} items when at most ${maxResults} were asked for; nothing of it is shown.`, 'OversizedPage');
  }
  return { items: clean<T[]>(list), ...(nextToken ? { nextToken } : {}) };
}

/** The one resource asked for: present, and the same ARN. */
export function same<T>(fail: Fail, item: T | undefined, arnOf: (x: T) => string | undefined, arn: string, what: string): T {
  if (!item) fail(`no ${what} in the answer.`, 'EmptyAnswer');
  const got = arnOf(item);
  if (got !== arn) fail(`the answer is about another ${what} (${JSON.stringify(got ?? '')}) than the one asked for.`, 'ArnMismatch');
  return clean<T>(item);
}

export function mutation(fail: Fail, out: { GrantArn?: string; Status?: string; Version?: string }, grantArn?: string): GrantMutationResult {
  if (!out.GrantArn || !out.Status || !out.Version) fail('the answer does not say which grant changed, to what status and version.', 'EmptyAnswer');
  if (grantArn !== undefined && out.GrantArn !== grantArn) fail(`the answer is about another grant (${JSON.stringify(out.GrantArn)}).`, 'ArnMismatch');
  return { GrantArn: out.GrantArn, Status: out.Status, Version: out.Version };
}

export function licenseMutation(fail: Fail, out: { LicenseArn?: string; Status?: string; Version?: string }, licenseArn?: string): LicenseMutationResult {
  if (!out.LicenseArn || !out.Status || !out.Version) fail('the answer does not say which license changed, to what status and version.', 'EmptyAnswer');
  if (licenseArn !== undefined && out.LicenseArn !== licenseArn) fail(`the answer is about another license (${JSON.stringify(out.LicenseArn)}).`, 'ArnMismatch');
  return { LicenseArn: out.LicenseArn, Status: out.Status, Version: out.Version };
}
