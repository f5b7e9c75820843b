import type { Filter, LicenseConfiguration } from '../aws/types';
import type { Translate } from './translate';


/** Clamps the page size setting to what every list operation accepts (1–100). */
export function clampPageSize(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : 25;
  return Math.min(100, Math.max(1, n));
}

/** True when a configuration consumes more than its limit. */
export function isOverLimit(c: LicenseConfiguration): boolean {
  return typeof c.LicenseCount === 'number' && typeof c.ConsumedLicenses === 'number' && c.ConsumedLicenses > c.LicenseCount;
}

/** Case-insensitive substring match of `needle` in any of the texts; an empty needle matches everything. */
export function matchesText(texts: readonly (string | undefined)[], needle: string | undefined): boolean {
  const n = needle?.trim().toLowerCase();
  if (!n) return true;
  return texts.some((t) => t !== undefined && t.toLowerCase().includes(n));
}

/** Server-side filters of the usage list. */
export interface UsageFilter {
  readonly resourceType?: string;
  readonly resourceAccount?: string;
  readonly resourceArn?: string;
}

/** A usage resource type in words ("EC2 host"); a type not known here is shown as AWS names it. */
export function resourceTypeWords(type: string, t: Translate): string {
  switch (type) {
    case 'EC2_INSTANCE':
      return t('EC2 instance');
    case 'EC2_HOST':
      return t('EC2 host');
    case 'EC2_AMI':
      return t('EC2 AMI');
    case 'RDS':
      return t('RDS');
    case 'SYSTEMS_MANAGER_MANAGED_INSTANCE':
      return t('Systems Manager managed instance');
    default:
      return type;
  }
}

/** A usage filter in words, one item per condition: "Resource type: EC2 host". */
export function usageFilterWords(f: UsageFilter, t: Translate): string[] {
  const out: string[] = [];
  if (f.resourceType) out.push(t('Resource type: {0}', resourceTypeWords(f.resourceType, t)));
  if (f.resourceAccount) out.push(t('Resource account: {0}', f.resourceAccount));
  if (f.resourceArn) out.push(t('Resource ARN: {0}', f.resourceArn));
  return out;
}

export function usageFilters(f: UsageFilter): Filter[] {
  const out: Filter[] = [];
  if (f.resourceType) out.push({ Name: 'resourceType', Values: [f.resourceType] });
  if (f.resourceAccount) out.push({ Name: 'resourceAccount', Values: [f.resourceAccount] });
  if (f.resourceArn) out.push({ Name: 'resourceArn', Values: [f.resourceArn] });
  return out;
}

/**
 * True for a plain object whose members are all among `keys` and are strings or
 * undefined: a filter passed to a command. Tree items (which view-title actions
 * receive) and arrays are not plain objects.
 */
export function isStringRecord(arg: unknown, keys: readonly string[]): arg is Record<string, string | undefined> {
  if (typeof arg !== 'object' || arg === null || Object.getPrototypeOf(arg) !== Object.prototype) return false;
  const f = arg as Record<string, unknown>;
  return Object.keys(f).every((k) => keys.includes(k) && (f[k] === undefined || typeof f[k] === 'string'));
}

/** The filter of the whole explorer. */
export interface ExplorerFilter {
  /** Matched against the loaded items' names, statuses and ARNs. */
  readonly text?: string;
  /** Server-side GrantStatus filter of both grant lists. */
  readonly grantStatus?: string;
  /** Server-side Status filter of issued and received licenses. */
  readonly licenseStatus?: string;
}

export function normalizeFilter(f: ExplorerFilter): ExplorerFilter {
  const text = f.text?.trim();
  return {
    ...(text ? { text } : {}),
    ...(f.grantStatus ? { grantStatus: f.grantStatus } : {}),
    ...(f.licenseStatus ? { licenseStatus: f.licenseStatus } : {}),
  };
}

export function isFilterActive(f: ExplorerFilter): boolean {
  return Boolean(f.text || f.grantStatus || f.licenseStatus);
}
