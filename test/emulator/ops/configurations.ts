/** License configurations: regional, visible to their owner account only. */
import { invalidParameter } from '../errors';
import { clone, omitUndefined } from '../state';
import type { ConfigRecord } from '../state';
import type { Json } from '../types';
import { applyFilters, Checker, parseFilters } from '../validate';
import { byArns, pageOf, withNextToken } from './context';
import type { OpContext, OperationDef } from './context';

function summarize<T extends { ResourceType: string }>(items: T[], value: (t: T) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(it.ResourceType, (m.get(it.ResourceType) ?? 0) + value(it));
  return m;
}

export function consumedLicenses(c: ConfigRecord): number {
  return c.usage.reduce((n, u) => n + u.ConsumedLicenses, 0);
}

/** Wire LicenseConfiguration: seeded members plus the members derived from usage and associations. */
export function configWire(c: ConfigRecord): Json {
  const consumed = summarize(c.usage, (u) => u.ConsumedLicenses);
  const managed = summarize(c.associations, () => 1);
  return omitUndefined({
    LicenseConfigurationId: c.id,
    LicenseConfigurationArn: c.arn,
    Status: 'AVAILABLE',
    ...clone(c.data),
    ConsumedLicenses: consumedLicenses(c),
    OwnerAccountId: c.accountId,
    ConsumedLicenseSummaryList: [...consumed].map(([ResourceType, ConsumedLicenses]) => ({ ResourceType, ConsumedLicenses })),
    ManagedResourceSummaryList: [...managed].map(([ResourceType, AssociationCount]) => ({ ResourceType, AssociationCount })),
  });
}

/** The caller's configuration in the request region, or InvalidParameterValueException. */
export function ownConfig(ctx: OpContext, arn: string): ConfigRecord {
  const c = ctx.state.findConfig(arn);
  if (!c || c.accountId !== ctx.account || c.region !== ctx.region) {
    throw invalidParameter(`Invalid license configuration ARN: ${arn}. No such license configuration in account ${ctx.account}, region ${ctx.region}.`);
  }
  return c;
}

export const CONFIG_FILTERS: Record<string, (c: ConfigRecord) => string | undefined> = {
  licenseCountingType: (c) => c.data.LicenseCountingType as string | undefined,
  enforceLicenseCount: (c) => String(c.data.LicenseCountHardLimit === true),
  usagelimitExceeded: (c) => String(typeof c.data.LicenseCount === 'number' && consumedLicenses(c) > c.data.LicenseCount),
};

const USAGE_FILTERS: Record<string, (u: ConfigRecord['usage'][number]) => string | undefined> = {
  resourceArn: (u) => u.ResourceArn,
  resourceType: (u) => u.ResourceType,
  resourceAccount: (u) => u.ResourceOwnerId,
};

export const configurationOps: Record<string, OperationDef> = {
  ListLicenseConfigurations: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arns = ck.strList('LicenseConfigurationArns');
      const max = ck.int('MaxResults', { min: 1 });
      ck.done();
      const filters = parseFilters(ctx.body, Object.keys(CONFIG_FILTERS));
      const mine = ctx.state.configs.filter((c) => c.accountId === ctx.account && c.region === ctx.region);
      const items = applyFilters(byArns(mine, arns, (c) => c.arn), filters, CONFIG_FILTERS);
      const page = pageOf(ctx, items, max);
      return withNextToken({ LicenseConfigurations: page.items.map(configWire) }, page.nextToken);
    },
  },
  GetLicenseConfiguration: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.str('LicenseConfigurationArn', { required: true });
      ck.done();
      const c = ownConfig(ctx, arn!);
      return { ...configWire(c), Tags: clone(c.tags) };
    },
  },
  ListUsageForLicenseConfiguration: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.str('LicenseConfigurationArn', { required: true });
      const max = ck.int('MaxResults', { min: 1 });
      ck.done();
      const filters = parseFilters(ctx.body, Object.keys(USAGE_FILTERS));
      const c = ownConfig(ctx, arn!);
      const page = pageOf(ctx, applyFilters(c.usage, filters, USAGE_FILTERS), max);
      return withNextToken({ LicenseConfigurationUsageList: page.items.map((u) => omitUndefined({ ...u })) }, page.nextToken);
    },
  },
  ListAssociationsForLicenseConfiguration: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.str('LicenseConfigurationArn', { required: true });
      const max = ck.int('MaxResults', { min: 1 });
      ck.done();
      const c = ownConfig(ctx, arn!);
      const page = pageOf(ctx, c.associations, max);
      return withNextToken({ LicenseConfigurationAssociations: page.items.map((a) => omitUndefined({ ...a })) }, page.nextToken);
    },
  },
};
