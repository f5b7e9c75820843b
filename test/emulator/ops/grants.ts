/** Grant reads: distributed (grantor side), received (grantee side), GetGrant. */
import { invalidParameter } from '../errors';
import { clone } from '../state';
import type { GrantRecord, GrantWire } from '../state';
import type { Json } from '../types';
import { applyFilters, Checker, parseFilters } from '../validate';
import { byArns, pageOf, versionOf, withNextToken } from './context';
import type { OpContext, OperationDef } from './context';

/** A grant the caller issued or receives, or InvalidParameterValueException. */
export function visibleGrant(ctx: OpContext, arn: string): GrantRecord {
  const g = ctx.state.grants.get(arn);
  if (!g || !ctx.state.canSeeGrant(g, ctx.account)) throw invalidParameter(`Invalid grant ARN: ${arn}. Grant not found.`);
  return g;
}

function licenseOf(ctx: OpContext, g: GrantWire): Json {
  const l = ctx.state.licenses.get(g.LicenseArn);
  return l ? ctx.state.currentLicense(l) : {};
}

function grantFilters(ctx: OpContext): Record<string, (g: GrantWire) => string | undefined> {
  return {
    LicenseArn: (g) => g.LicenseArn,
    GrantStatus: (g) => g.GrantStatus,
    GranteePrincipalARN: (g) => g.GranteePrincipalArn,
    ProductSKU: (g) => licenseOf(ctx, g).ProductSKU as string | undefined,
    LicenseIssuerName: (g) => (licenseOf(ctx, g).Issuer as Json | undefined)?.Name as string | undefined,
    GranterAccountId: (g) => ctx.state.grants.get(g.GrantArn)?.grantorAccountId,
  };
}

const DISTRIBUTED_FILTERS = ['LicenseArn', 'GrantStatus', 'GranteePrincipalARN', 'ProductSKU', 'LicenseIssuerName'];
const RECEIVED_FILTERS = ['ProductSKU', 'LicenseIssuerName', 'LicenseArn', 'GrantStatus', 'GranterAccountId'];

function listGrants(ctx: OpContext, names: string[], include: (g: GrantRecord) => boolean, key: string): Json {
  const ck = new Checker(ctx.body);
  const arns = ck.arnList('GrantArns');
  const max = ck.int('MaxResults', { min: 1, max: 100 });
  ck.done();
  const filters = parseFilters(ctx.body, names);
  const all = [...ctx.state.grants.values()].filter((g) => g.homeRegion === ctx.region && include(g)).map((g) => ctx.state.currentGrant(g));
  const items = applyFilters(byArns(all, arns, (g) => g.GrantArn), filters, grantFilters(ctx));
  const page = pageOf(ctx, items, max);
  return withNextToken({ [key]: clone(page.items) }, page.nextToken);
}

export const grantReadOps: Record<string, OperationDef> = {
  ListDistributedGrants: {
    handler: (ctx) => listGrants(ctx, DISTRIBUTED_FILTERS, (g) => g.grantorAccountId === ctx.account, 'Grants'),
  },
  ListReceivedGrants: {
    handler: (ctx) =>
      listGrants(ctx, RECEIVED_FILTERS, (g) => g.grantorAccountId !== ctx.account && ctx.state.isGrantee(g, ctx.account), 'Grants'),
  },
  GetGrant: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.arn('GrantArn', true);
      const version = ck.str('Version');
      ck.done();
      const g = visibleGrant(ctx, arn!);
      return { Grant: clone(versionOf(g.versions, version, 'Grant', arn!)) };
    },
  },
};
