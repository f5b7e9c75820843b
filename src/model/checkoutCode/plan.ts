/** What a checkout of one license sends: derived from the license alone, shared by every language. */
import type { License } from '../../aws/types';

/** How the license is consumed: its consumption configuration decides. */
export type CheckoutMode = 'PROVISIONAL' | 'PERPETUAL' | 'BORROW';

export interface PlannedEntitlement {
  name: string;
  unit: string;
  /** The count sent for a counted unit; none for `None`. */
  value?: string;
}

/** Everything the generated code needs; every string is AWS text, to be emitted only as a literal. */
export interface CheckoutPlan {
  licenseArn: string;
  licenseName: string;
  productSku: string;
  keyFingerprint: string;
  region: string;
  mode: CheckoutMode;
  entitlements: PlannedEntitlement[];
  /** Sent when the caller is the license's issuer (AWS needs it then). */
  beneficiary?: string;
  /** Check-in is allowed (PROVISIONAL with every counted entitlement allowing it; a borrow allowing early check-in). */
  checkIn: boolean;
  /** Lifetime in minutes of a PROVISIONAL checkout or a borrow; none for PERPETUAL. */
  lifetimeMinutes?: number;
  /** Minutes between ExtendLicenseConsumption calls of a long-running process; none when nothing is extended. */
  extendEveryMinutes?: number;
}

/** The issuer fingerprint of every AWS Marketplace license. */
export const MARKETPLACE_FINGERPRINT = 'aws:294406891311:AWS/Marketplace:issuer-fingerprint';

/** True when the license is issued with the AWS Marketplace fingerprint (a live customer entitlement). */
export const isMarketplaceLicense = (l: License): boolean => l.Issuer?.KeyFingerprint === MARKETPLACE_FINGERPRINT;

export const isCountedUnit = (unit: string): boolean => unit !== 'None';

/** The checkout mode the license's consumption configuration allows. */
export function checkoutModeOf(license: License): CheckoutMode {
  const cc = license.ConsumptionConfiguration;
  if (cc?.BorrowConfiguration) return 'BORROW';
  if (cc?.ProvisionalConfiguration) return 'PROVISIONAL';
  return 'PERPETUAL';
}

/** True when the consumption can be checked in before its lifetime ends. */
export function checkInAllowed(license: License, entitlementNames?: readonly string[]): boolean {
  const mode = checkoutModeOf(license);
  if (mode === 'PERPETUAL') return false;
  if (mode === 'BORROW') return license.ConsumptionConfiguration?.BorrowConfiguration?.AllowEarlyCheckIn === true;
  const chosen = (license.Entitlements ?? []).filter((e) => !entitlementNames || entitlementNames.includes(e.Name));
  return chosen.every((e) => !isCountedUnit(e.Unit) || e.AllowCheckIn === true);
}

/**
 * The checkout of `license`: every entitlement (or those named), one unit of each counted one.
 * `callerIsIssuer` adds the license's Beneficiary, as AWS requires of the issuing account.
 */
export function planCheckout(license: License, callerIsIssuer: boolean, entitlementNames?: readonly string[]): CheckoutPlan {
  const mode = checkoutModeOf(license);
  const cc = license.ConsumptionConfiguration;
  const lifetimeMinutes = mode === 'BORROW' ? cc?.BorrowConfiguration?.MaxTimeToLiveInMinutes : mode === 'PROVISIONAL' ? cc?.ProvisionalConfiguration?.MaxTimeToLiveInMinutes : undefined;
  const entitlements = (license.Entitlements ?? [])
    .filter((e) => !entitlementNames || entitlementNames.includes(e.Name))
    .map((e) => ({ name: e.Name, unit: e.Unit, ...(isCountedUnit(e.Unit) ? { value: '1' } : {}) }));
  const checkIn = checkInAllowed(license, entitlementNames);
  return {
    licenseArn: license.LicenseArn ?? '',
    licenseName: license.LicenseName ?? '',
    productSku: license.ProductSKU ?? '',
    keyFingerprint: license.Issuer?.KeyFingerprint ?? '',
    region: license.HomeRegion ?? 'us-east-1',
    mode,
    entitlements,
    ...(callerIsIssuer && license.Beneficiary !== undefined ? { beneficiary: license.Beneficiary } : {}),
    checkIn,
    ...(lifetimeMinutes !== undefined ? { lifetimeMinutes } : {}),
    ...(mode === 'PROVISIONAL' && lifetimeMinutes !== undefined && lifetimeMinutes > 1 ? { extendEveryMinutes: Math.max(1, Math.floor(lifetimeMinutes / 2)) } : {}),
  };
}

/** IAM actions the generated code calls. */
export function iamActions(plan: CheckoutPlan): string[] {
  const actions = [plan.mode === 'BORROW' ? 'license-manager:CheckoutBorrowLicense' : 'license-manager:CheckoutLicense'];
  if (plan.checkIn) actions.push('license-manager:CheckInLicense');
  if (plan.extendEveryMinutes !== undefined) actions.push('license-manager:ExtendLicenseConsumption');
  return actions;
}

/** The IAM policy statement, as comment lines (no AWS text in it: Resource is "*"). */
export function iamPolicyLines(plan: CheckoutPlan): string[] {
  const actions = iamActions(plan);
  return [
    'IAM policy statement this code needs:',
    '{',
    '  "Effect": "Allow",',
    `  "Action": [${actions.map((a) => `"${a}"`).join(', ')}],`,
    '  "Resource": "*"',
    '}',
  ];
}

/** ASCII-printable characters other than the quote and backslash stay as they are in every language. */
export const isPlainAscii = (code: number): boolean => code >= 0x20 && code <= 0x7e;

/** `\xHH` escapes of the UTF-8 bytes of one character (lone surrogates become U+FFFD). */
const encoder = new TextEncoder();
export const utf8Hex = (ch: string): string => [...encoder.encode(ch)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
