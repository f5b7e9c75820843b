/**
 * Input rules for grant actions, from the License Manager API constraints.
 * Pure: no `vscode` import, so plain-Node tests can run them. Each check returns
 * a problem description (translated by the caller) or `undefined` when valid.
 */
import type { GrantedLicense } from '../aws/types';
import { isAccountId, principalKindOf, type PrincipalKind } from './arn';

/** The ARN pattern of the License Manager model (`Arn` shape), max 2048 characters. */
export const ARN_RE =
  /^arn:aws[a-zA-Z-]*:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}$/;
export const ARN_MAX = 2048;

/** `StatusReasonMessage`: 1–400 characters. */
export const STATUS_REASON_MAX = 400;

/** No limit is documented for grant names; this keeps them within the other string limits. */
export const GRANT_NAME_MAX = 2048;

/** The `AllowedOperation` enum values, in model order. */
export const ALLOWED_OPERATIONS: readonly string[] = [
  'CreateGrant',
  'CheckoutLicense',
  'CheckoutBorrowLicense',
  'CheckInLicense',
  'ExtendConsumptionLicense',
  'ListPurchasedLicenses',
  'CreateToken',
];

/** `AllowedOperationList`: 1–8 items. */
export const ALLOWED_OPERATIONS_MAX = 8;


export type Problem =
  | { readonly code: 'required' }
  | { readonly code: 'tooLong'; readonly max: number; readonly length: number }
  | { readonly code: 'notArn' }
  | { readonly code: 'notPrincipal' }
  | { readonly code: 'noOperations' }
  | { readonly code: 'tooManyOperations'; readonly max: number };

/** Length as the service counts it (characters, not UTF-16 units). */
export function charLength(s: string): number {
  return [...s].length;
}

/** The reason to send: `undefined` for an empty (or blank) entry, otherwise the text as typed. */
export function normalizeStatusReason(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** An optional status reason: empty means none; otherwise at most 400 characters. */
export function checkStatusReason(value: string): Problem | undefined {
  const reason = normalizeStatusReason(value);
  if (reason === undefined) return undefined;
  const length = charLength(reason);
  return length > STATUS_REASON_MAX ? { code: 'tooLong', max: STATUS_REASON_MAX, length } : undefined;
}

export function checkGrantName(value: string): Problem | undefined {
  if (value.trim() === '') return { code: 'required' };
  const length = charLength(value);
  return length > GRANT_NAME_MAX ? { code: 'tooLong', max: GRANT_NAME_MAX, length } : undefined;
}

/** A string that matches the model's `Arn` shape. */
export function isArn(value: string): boolean {
  return value.length <= ARN_MAX && ARN_RE.test(value);
}

/** Which grant principal an ARN names, if any. */
export function principalKind(arn: string): PrincipalKind | undefined {
  return isArn(arn) ? principalKindOf(arn) : undefined;
}

/**
 * The principal ARN to send for what the user typed: an account, organization or
 * OU ARN as is, or a bare 12-digit account ID as that account's root ARN.
 */
export function normalizePrincipal(value: string, partition = 'aws'): string {
  const v = value.trim();
  return isAccountId(v) ? `arn:${partition}:iam::${v}:root` : v;
}

export function checkPrincipal(value: string, partition = 'aws'): Problem | undefined {
  const v = normalizePrincipal(value, partition);
  if (v === '') return { code: 'required' };
  return isArn(v) && principalKind(v) ? undefined : { code: 'notPrincipal' };
}

export function checkAllowedOperations(ops: readonly string[]): Problem | undefined {
  if (ops.length === 0) return { code: 'noOperations' };
  return ops.length > ALLOWED_OPERATIONS_MAX ? { code: 'tooManyOperations', max: ALLOWED_OPERATIONS_MAX } : undefined;
}

/** The license kinds a grant can be created from. */
export type GrantSourceKind = 'license' | 'receivedLicense';

/**
 * The operations a new grant of this license may allow: every operation for a
 * license the account issued; for a received license, the operations it was
 * granted, and none unless those include `CreateGrant` and the grant it was
 * received through is ACTIVE (a pending, disabled, rejected or deleted grant
 * cannot be passed on).
 */
export function grantableOperations(kind: GrantSourceKind, license: GrantedLicense): string[] {
  if (kind === 'license') return [...ALLOWED_OPERATIONS];
  const received = license.ReceivedMetadata;
  if (received?.ReceivedStatus !== undefined && received.ReceivedStatus !== 'ACTIVE') return [];
  const allowed = received?.AllowedOperations ?? [];
  return allowed.includes('CreateGrant') ? [...allowed] : [];
}

/**
 * Why no grant can be created from the license: `operations` when it has no operations to pass
 * on (a received license without CreateGrant), else `status` when it is not AVAILABLE (expired,
 * deactivated, suspended, pending, deleted: AWS refuses a grant of it); `undefined` when a grant can be created from it.
 */
export function noGrantFrom(kind: string, license: GrantedLicense): 'status' | 'operations' | undefined {
  if (kind !== 'license' && kind !== 'receivedLicense') return 'operations';
  if (grantableOperations(kind, license).length === 0) return 'operations';
  return license.Status !== undefined && license.Status !== 'AVAILABLE' ? 'status' : undefined;
}

/** True when a grant can be created from the license. */
export function canCreateGrantFrom(kind: string, license: GrantedLicense): boolean {
  return noGrantFrom(kind, license) === undefined;
}

/**
 * The operations offered when amending a grant: the known ones plus any the grant
 * already has that this version of the extension does not know, in a stable order.
 */
export function amendableOperations(current: readonly string[]): string[] {
  return [...ALLOWED_OPERATIONS, ...current.filter((op) => !ALLOWED_OPERATIONS.includes(op))];
}

/** Same members regardless of order. */
export function sameOperations(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
