/**
 * The organization-wide lists: what every account of an organization received, and the license
 * configurations of all its accounts. Only the management account or a delegated administrator
 * for License Manager may call them [I].
 */
import { accessDenied, ApiError, invalidParameter } from '../errors';
import { clone } from '../state';
import type { GrantRecord, GrantWire } from '../state';
import type { Json, SeedOrganization } from '../types';
import { applyFilters, Checker, parseFilters, type ParsedFilter } from '../validate';
import { configWire, CONFIG_FILTERS } from './configurations';
import { byArns, pageOf, withNextToken } from './context';
import type { OpContext, OperationDef } from './context';

/** The organization the caller administers, or AccessDeniedException [I]. */
export function administeredOrganization(ctx: OpContext): SeedOrganization {
  const org = ctx.state.organizations.find(
    (o) => o.managementAccountId === ctx.account || (o.delegatedAdministrators ?? []).includes(ctx.account),
  );
  if (!org) {
    throw accessDenied(
      `Account ${ctx.account} is not the management account of an organization or a delegated administrator for License Manager; ${ctx.operation} is not allowed.`,
    );
  }
  return org;
}

/**
 * Filters of an operation whose model has no FilterLimitExceededException: a filter limit is
 * answered as an invalid parameter instead [I].
 */
function filtersWithoutLimitError(body: Json, names: string[]): ParsedFilter[] {
  try {
    return parseFilters(body, names);
  } catch (e) {
    if (e instanceof ApiError && e.type === 'FilterLimitExceededException') throw invalidParameter(e.message);
    throw e;
  }
}

/** Grants of `licenseArn` (any region) whose principal is an account, OU or the organization itself of `org`. */
function organizationGrants(ctx: OpContext, org: SeedOrganization, licenseArn?: string): GrantRecord[] {
  const orgArn = (p: string) => new RegExp(`^arn:aws[a-zA-Z-]*:organizations::\\d{12}:(organization|ou)/${org.id}(/|$)`).test(p);
  return [...ctx.state.grants.values()].filter((g) => {
    const cur = ctx.state.currentGrant(g);
    if (licenseArn !== undefined && cur.LicenseArn !== licenseArn) return false;
    if (orgArn(cur.GranteePrincipalArn)) return true;
    return org.accounts.some((a) => a !== g.grantorAccountId && ctx.state.principalIncludes(cur.GranteePrincipalArn, a));
  });
}

const RANK = ['ACTIVE', 'DISABLED', 'PENDING_ACCEPT', 'WORKFLOW_COMPLETED', 'PENDING_WORKFLOW', 'FAILED_WORKFLOW', 'PENDING_DELETE', 'REJECTED', 'DELETED'];
const rank = (s: string): number => (RANK.includes(s) ? RANK.indexOf(s) : RANK.length);

const RECEIVED_FILTERS: Record<string, (l: Json) => string | undefined> = {
  Beneficiary: (l) => l.Beneficiary as string | undefined,
  ProductSKU: (l) => l.ProductSKU as string | undefined,
};

const GRANT_FILTERS: Record<string, (g: GrantWire) => string | undefined> = {
  ParentArn: (g) => g.ParentArn,
  GranteePrincipalArn: (g) => g.GranteePrincipalArn,
};

export const organizationOps: Record<string, OperationDef> = {
  ListReceivedLicensesForOrganization: {
    // Each license once, with ReceivedMetadata of its most usable grant into the organization [I].
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const max = ck.int('MaxResults', { min: 1, max: 100 });
      ck.done();
      const filters = filtersWithoutLimitError(ctx.body, Object.keys(RECEIVED_FILTERS));
      const org = administeredOrganization(ctx);
      const best = new Map<string, GrantWire>();
      for (const g of organizationGrants(ctx, org)) {
        const cur = ctx.state.currentGrant(g);
        const seen = best.get(cur.LicenseArn);
        if (!seen || rank(cur.GrantStatus) < rank(seen.GrantStatus)) best.set(cur.LicenseArn, cur);
      }
      const licenses: Json[] = [];
      for (const l of ctx.state.licenses.values()) {
        const grant = best.get(l.arn);
        if (!grant) continue;
        licenses.push({
          ...clone(ctx.state.currentLicense(l)),
          ReceivedMetadata: {
            ReceivedStatus: grant.GrantStatus === 'PENDING_DELETE' ? 'DELETED' : grant.GrantStatus,
            ...(grant.StatusReason ? { ReceivedStatusReason: grant.StatusReason } : {}),
            AllowedOperations: [...grant.GrantedOperations],
          },
        });
      }
      const page = pageOf(ctx, applyFilters(licenses, filters, RECEIVED_FILTERS), max);
      return withNextToken({ Licenses: page.items }, page.nextToken);
    },
  },
  ListReceivedGrantsForOrganization: {
    // The grants of one license into the organization, in the request region (their home region).
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const licenseArn = ck.arn('LicenseArn', true);
      const max = ck.int('MaxResults', { min: 1, max: 100 });
      ck.done();
      const filters = filtersWithoutLimitError(ctx.body, Object.keys(GRANT_FILTERS));
      const org = administeredOrganization(ctx);
      if (!ctx.state.licenses.has(licenseArn!)) throw invalidParameter(`Invalid license ARN: ${licenseArn}. License not found.`);
      const grants = organizationGrants(ctx, org, licenseArn)
        .filter((g) => g.homeRegion === ctx.region)
        .map((g) => ctx.state.currentGrant(g));
      const page = pageOf(ctx, applyFilters(grants, filters, GRANT_FILTERS), max);
      return withNextToken({ Grants: clone(page.items) }, page.nextToken);
    },
  },
  ListLicenseConfigurationsForOrganization: {
    // The license configurations of every account of the organization in the request region [I].
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arns = ck.strList('LicenseConfigurationArns');
      const max = ck.int('MaxResults', { min: 1 });
      ck.done();
      const filters = parseFilters(ctx.body, Object.keys(CONFIG_FILTERS));
      const org = administeredOrganization(ctx);
      const configs = ctx.state.configs.filter((c) => org.accounts.includes(c.accountId) && c.region === ctx.region);
      const page = pageOf(ctx, applyFilters(byArns(configs, arns, (c) => c.arn), filters, CONFIG_FILTERS), max);
      return withNextToken({ LicenseConfigurations: page.items.map(configWire) }, page.nextToken);
    },
  },
};
