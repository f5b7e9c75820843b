/** Issued and received licenses, license usage and tags. */
import { consumedByCheckouts } from '../consumption';
import { invalidParameter } from '../errors';
import { clone } from '../state';
import type { LicenseRecord } from '../state';
import type { Json } from '../types';
import { applyFilters, Checker, parseFilters } from '../validate';
import { ownConfig } from './configurations';
import { byArns, pageOf, versionOf, withNextToken } from './context';
import type { OpContext, OperationDef } from './context';

/** A license the caller owns or holds a non-deleted grant of, or InvalidParameterValueException. */
export function visibleLicense(ctx: OpContext, arn: string): LicenseRecord {
  const l = ctx.state.licenses.get(arn);
  if (!l || !ctx.state.canSeeLicense(l, ctx.account)) throw invalidParameter(`Invalid license ARN: ${arn}. License not found.`);
  return l;
}

const issuer = (l: Json): Json => (l.Issuer as Json | undefined) ?? {};

const LICENSE_FILTERS: Record<string, (l: Json) => string | undefined> = {
  Beneficiary: (l) => l.Beneficiary as string | undefined,
  ProductSKU: (l) => l.ProductSKU as string | undefined,
  Fingerprint: (l) => issuer(l).KeyFingerprint as string | undefined,
  Status: (l) => l.Status as string | undefined,
};

const RECEIVED_FILTERS: Record<string, (l: Json) => string | undefined> = {
  ProductSKU: LICENSE_FILTERS.ProductSKU,
  Status: LICENSE_FILTERS.Status,
  Fingerprint: LICENSE_FILTERS.Fingerprint,
  IssuerName: (l) => issuer(l).Name as string | undefined,
  Beneficiary: LICENSE_FILTERS.Beneficiary,
};

/**
 * GetLicenseUsage's answer: the usage the seed states, or else one EntitlementUsage per entitlement of
 * the current version, nothing consumed yet, counts as strings and MaxCount only where the entitlement
 * has one (an entitlement without one is unlimited).
 */
function seededUsages(current: Json, seeded: Json[]): Json[] {
  if (seeded.length > 0) return clone(seeded);
  const entitlements = (current.Entitlements as Json[] | undefined) ?? [];
  return entitlements.map((e) => ({
    Name: e.Name,
    ConsumedValue: '0',
    ...(typeof e.MaxCount === 'number' ? { MaxCount: String(e.MaxCount) } : {}),
    Unit: e.Unit,
  }));
}

/** The seeded (or zero) usage plus what live checkouts hold, by the emulator's clock. */
export function entitlementUsages(ctx: OpContext, l: LicenseRecord): Json[] {
  return seededUsages(ctx.state.currentLicense(l), l.usage).map((u) => {
    const held = consumedByCheckouts(ctx.state, l.arn, u.Name as string);
    return held === 0 ? u : { ...u, ConsumedValue: String(Number(u.ConsumedValue ?? 0) + held) };
  });
}

export const licenseOps: Record<string, OperationDef> = {
  ListLicenses: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arns = ck.arnList('LicenseArns');
      const max = ck.int('MaxResults', { min: 1, max: 100 });
      ck.done();
      const filters = parseFilters(ctx.body, Object.keys(LICENSE_FILTERS));
      const mine = [...ctx.state.licenses.values()]
        .filter((l) => l.accountId === ctx.account && l.homeRegion === ctx.region)
        .map((l) => ctx.state.currentLicense(l));
      const items = applyFilters(byArns(mine, arns, (l) => l.LicenseArn as string), filters, LICENSE_FILTERS);
      const page = pageOf(ctx, items, max);
      return withNextToken({ Licenses: clone(page.items) }, page.nextToken);
    },
  },
  GetLicense: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.arn('LicenseArn', true);
      const version = ck.str('Version');
      ck.done();
      const l = visibleLicense(ctx, arn!);
      return { License: clone(versionOf(l.versions, version, 'License', arn!)) };
    },
  },
  ListLicenseVersions: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.arn('LicenseArn', true);
      const max = ck.int('MaxResults', { min: 1, max: 100 });
      ck.done();
      const l = visibleLicense(ctx, arn!);
      const page = pageOf(ctx, l.versions, max);
      return withNextToken({ Licenses: clone(page.items) }, page.nextToken);
    },
  },
  GetLicenseUsage: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.arn('LicenseArn', true);
      ck.done();
      const l = visibleLicense(ctx, arn!);
      return { LicenseUsage: { EntitlementUsages: entitlementUsages(ctx, l) } };
    },
  },
  ListReceivedLicenses: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arns = ck.arnList('LicenseArns');
      const max = ck.int('MaxResults', { min: 1, max: 100 });
      ck.done();
      const filters = parseFilters(ctx.body, Object.keys(RECEIVED_FILTERS));
      const received = ctx.state.receivedLicenses(ctx.account);
      const items = applyFilters(byArns(received, arns, (l) => l.LicenseArn as string), filters, RECEIVED_FILTERS);
      const page = pageOf(ctx, items, max);
      return withNextToken({ Licenses: page.items }, page.nextToken);
    },
  },
  ListTagsForResource: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.str('ResourceArn', { required: true })!;
      ck.done();
      if (/:license-configuration:/.test(arn)) return { Tags: clone(ownConfig(ctx, arn).tags) };
      const grant = ctx.state.grants.get(arn);
      if (grant && ctx.state.canSeeGrant(grant, ctx.account)) return { Tags: clone(grant.tags) };
      const license = ctx.state.licenses.get(arn);
      if (license && ctx.state.canSeeLicense(license, ctx.account)) return { Tags: clone(license.tags) };
      throw invalidParameter(`Invalid resource ARN: ${arn}. Resource not found.`);
    },
  },
};
