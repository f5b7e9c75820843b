/**
 * Pre-flight of a checkout: why AWS would refuse it (or what it would cost), from what can be read
 * before anything is consumed. One row per rule; every message names the AWS values literally.
 */
import type { EntitlementUsage, GrantedLicense, License } from '../aws/types';
import { checkInAllowed, checkoutModeOf, isCountedUnit, type CheckoutMode, type PlannedEntitlement } from './checkoutCode/plan';
import type { Translate } from './translate';


export interface PreflightInput {
  license: License | GrantedLicense;
  /** GetLicenseUsage of the license; undefined when it could not be read. */
  usage?: readonly EntitlementUsage[];
  mode: CheckoutMode;
  entitlements: readonly PlannedEntitlement[];
  /** Epoch milliseconds. */
  now: number;
  /** Other licenses the caller holds (issued or received), for the shared SKU and fingerprint rule. */
  others: readonly (License | GrantedLicense)[];
}

export type PreflightRule =
  | 'noSuchEntitlement'
  | 'wrongUnit'
  | 'missingValue'
  | 'countAboveLeft'
  | 'borrowNotAllowed'
  | 'provisionalNotAllowed'
  | 'checkInNotAllowed'
  | 'notActive'
  | 'outOfValidity'
  | 'grantLacksOperation'
  | 'sharedSkuAndFingerprint';

export interface PreflightFinding {
  readonly rule: PreflightRule;
  /** `error`: AWS refuses the checkout; `warning`: it goes through, with a cost the user should know. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

type Rule = (input: PreflightInput, t: Translate) => string[];

const licenseName = (l: License): string => l.LicenseName || l.ProductName || l.LicenseArn || '';
const received = (l: License | GrantedLicense): GrantedLicense['ReceivedMetadata'] => (l as GrantedLicense).ReceivedMetadata;
const creation = (l: License): number => Date.parse(l.CreateTime ?? '') || 0;

/** Every rule: its severity and the messages it finds (none = passes). */
export const PREFLIGHT_RULES: readonly { rule: PreflightRule; severity: 'error' | 'warning'; check: Rule }[] = [
  {
    rule: 'noSuchEntitlement',
    severity: 'error',
    check: ({ license, entitlements }, t) =>
      entitlements.filter((e) => !(license.Entitlements ?? []).some((x) => x.Name === e.name)).map((e) => t('The license has no entitlement named {0}.', e.name)),
  },
  {
    rule: 'wrongUnit',
    severity: 'error',
    check: ({ license, entitlements }, t) =>
      entitlements.flatMap((e) => {
        const x = (license.Entitlements ?? []).find((y) => y.Name === e.name);
        return x && x.Unit !== e.unit ? [t('Entitlement {0} is counted in {1}, not {2}.', e.name, x.Unit, e.unit)] : [];
      }),
  },
  {
    rule: 'missingValue',
    severity: 'error',
    check: ({ entitlements }, t) =>
      entitlements.filter((e) => isCountedUnit(e.unit) && !/^[1-9]\d*$/.test(e.value ?? '')).map((e) => t('Entitlement {0} needs a Value: a whole number of {1} to check out.', e.name, e.unit)),
  },
  {
    rule: 'countAboveLeft',
    severity: 'error',
    check: ({ license, usage, entitlements }, t) =>
      entitlements.flatMap((e) => {
        const x = (license.Entitlements ?? []).find((y) => y.Name === e.name && y.Unit === e.unit);
        if (!x || !isCountedUnit(x.Unit) || x.Overage === true || typeof x.MaxCount !== 'number' || !usage) return [];
        const used = Number(usage.find((u) => u.Name === e.name)?.ConsumedValue ?? 0);
        const left = x.MaxCount - used;
        return Number(e.value) > left ? [t('Entitlement {0} has {1} of {2} {3} left; {4} asked for.', e.name, left, x.MaxCount, x.Unit, e.value ?? '')] : [];
      }),
  },
  {
    rule: 'borrowNotAllowed',
    severity: 'error',
    check: ({ license, mode }, t) =>
      mode === 'BORROW' && !license.ConsumptionConfiguration?.BorrowConfiguration ? [t('This license has no borrow configuration: CheckoutBorrowLicense is refused with NoEntitlementsAllowedException.')] : [],
  },
  {
    rule: 'provisionalNotAllowed',
    severity: 'error',
    check: ({ license, mode }, t) =>
      mode === 'PROVISIONAL' && !license.ConsumptionConfiguration?.ProvisionalConfiguration ? [t('This license has no provisional configuration: a PROVISIONAL checkout is refused.')] : [],
  },
  {
    rule: 'checkInNotAllowed',
    severity: 'warning',
    check: ({ license, mode, entitlements }, t) => {
      if (mode === 'PERPETUAL') return [t('A PERPETUAL checkout cannot be checked in: what it takes is consumed for good.')];
      if (checkInAllowed(license, entitlements.map((e) => e.name)) || checkoutModeOf(license) !== mode) return [];
      const minutes = mode === 'BORROW' ? license.ConsumptionConfiguration?.BorrowConfiguration?.MaxTimeToLiveInMinutes : license.ConsumptionConfiguration?.ProvisionalConfiguration?.MaxTimeToLiveInMinutes;
      return [t('This license does not allow check-in: the units stay taken for {0} minutes.', minutes ?? '?')];
    },
  },
  {
    rule: 'notActive',
    severity: 'error',
    check: ({ license }, t) => {
      const r = received(license);
      const out = license.Status && license.Status !== 'AVAILABLE' ? [t('The license is {0}, not AVAILABLE.', license.Status)] : [];
      if (r?.ReceivedStatus && r.ReceivedStatus !== 'ACTIVE') out.push(t('The grant of this license is {0}, not ACTIVE.', r.ReceivedStatus));
      return out;
    },
  },
  {
    rule: 'outOfValidity',
    severity: 'error',
    check: ({ license, now }, t) => {
      const begin = Date.parse(license.Validity?.Begin ?? '');
      const end = Date.parse(license.Validity?.End ?? '');
      if (!Number.isNaN(begin) && now < begin) return [t('The license is not valid before {0}.', license.Validity?.Begin ?? '')];
      if (!Number.isNaN(end) && now > end) return [t('The license expired at {0}.', license.Validity?.End ?? '')];
      return [];
    },
  },
  {
    rule: 'grantLacksOperation',
    severity: 'error',
    check: ({ license, mode }, t) => {
      const ops = received(license)?.AllowedOperations;
      const needed = mode === 'BORROW' ? 'CheckoutBorrowLicense' : 'CheckoutLicense';
      return ops && !ops.includes(needed) ? [t('The grant does not allow {0}; it allows: {1}.', needed, ops.join(', '))] : [];
    },
  },
  {
    rule: 'sharedSkuAndFingerprint',
    severity: 'warning',
    check: ({ license, others, mode }, t) => {
      if (mode === 'BORROW') return [];
      const twins = others.filter(
        (o) => o.LicenseArn !== license.LicenseArn && o.ProductSKU === license.ProductSKU && o.Issuer?.KeyFingerprint === license.Issuer?.KeyFingerprint,
      );
      if (twins.length === 0) return [];
      const newest = [license, ...twins].reduce((a, b) => (creation(b) > creation(a) ? b : a));
      return twins.map((o) => t('Another license shares this SKU and fingerprint: {0} and {1}. AWS checks out the newest: {2}.', licenseName(license), licenseName(o), licenseName(newest)));
    },
  },
];

/** Every finding, errors first, in the order of the rules. */
export function preflight(input: PreflightInput, t: Translate): PreflightFinding[] {
  const all = PREFLIGHT_RULES.flatMap((r) => r.check(input, t).map((message) => ({ rule: r.rule, severity: r.severity, message })));
  return [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity === 'warning')];
}
