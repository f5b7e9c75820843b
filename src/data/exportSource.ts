/**
 * What an export reads: one list of one (profile, region) with the filters
 * the explorer shows it with, as a page fetcher for the AWS layer's `pages`.
 */
import type { PageFetcher } from '../aws/pager';
import type { LicenseManagerApi, Page } from '../aws/types';
import type { CsvKind } from '../model/csv';
import { receivedLicenseRegion } from '../model/regions';
import { ORGANIZATION_LISTS, type OrganizationItems, type OrganizationList, type OrganizationListKind } from '../model/organizationLists';
import { listFilters, matchesStatus, RESOURCE_LISTS, type ItemOf, type ResourceList } from '../model/resourceLists';
import type { CategoryKind } from '../model/resources';
import { usageFilters, type ExplorerFilter, type UsageFilter } from '../model/rules';

/** Items per call of an export: the most every list operation accepts. */
export const EXPORT_PAGE_SIZE = 100;

/** The list an export reads. */
export type ExportList =
  /** One of the lists under a region (`RESOURCE_LISTS`), with the explorer's server-side status filter. */
  | {
      readonly list: 'category';
      readonly category: CategoryKind;
      readonly filter: ExplorerFilter;
      /** The profile's selected regions: received licenses are exported under the region the tree shows them in. */
      readonly selectedRegions: readonly string[];
    }
  /** A configuration's usage, with its server-side resource filter. */
  | { readonly list: 'usage'; readonly configurationArn: string; readonly filter: UsageFilter }
  /** A configuration's associations. */
  | { readonly list: 'associations'; readonly configurationArn: string }
  /** An issued license's tokens (what they are, never the tokens). */
  | { readonly list: 'tokens'; readonly licenseArn: string }
  /** An organization list (`ORGANIZATION_LISTS`), for its parent license when it needs one. */
  | {
      readonly list: 'organization';
      readonly kind: OrganizationListKind;
      readonly parentArn?: string;
      /** The profile's selected regions: received licenses are exported under the region the tree shows them in. */
      readonly selectedRegions: readonly string[];
    };

/** One list as seen through one (profile, region). */
export interface ExportSource {
  readonly profile: string;
  readonly region: string;
  readonly list: ExportList;
}

/** The CSV columns of the source's items. */
export function csvKindOf(list: ExportList): CsvKind {
  switch (list.list) {
    case 'category':
      return RESOURCE_LISTS[list.category].csvKind;
    case 'usage':
      return 'usage';
    case 'associations':
      return 'association';
    case 'tokens':
      return 'token';
    case 'organization':
      return ORGANIZATION_LISTS[list.kind].csvKind;
  }
}

function categoryFetcher<K extends CategoryKind>(
  api: LicenseManagerApi,
  source: ExportSource,
  list: Extract<ExportList, { list: 'category' }>,
  def: ResourceList<ItemOf<K>>,
  signal: AbortSignal | undefined,
): PageFetcher<object> {
  const filters = listFilters(def, list.filter);
  // The items the tree shows: the status filter, and each received license once, under its region.
  const shown = (item: ItemOf<K>): boolean =>
    matchesStatus(def, item, list.filter) &&
    (!def.homeRegionOf || receivedLicenseRegion(def.homeRegionOf(item), list.selectedRegions) === source.region);
  return async (nextToken): Promise<Page<object>> => {
    const page = await def.list(api, { maxResults: EXPORT_PAGE_SIZE, nextToken, ...(filters.length ? { filters } : {}) }, { signal });
    return { ...page, items: page.items.filter(shown) };
  };
}

function organizationFetcher(
  api: LicenseManagerApi,
  source: ExportSource,
  list: Extract<ExportList, { list: 'organization' }>,
  signal: AbortSignal | undefined,
): PageFetcher<object> {
  const def = ORGANIZATION_LISTS[list.kind] as OrganizationList<OrganizationItems[OrganizationListKind]>;
  const shown = (item: OrganizationItems[OrganizationListKind]): boolean =>
    !def.homeRegionOf || receivedLicenseRegion(def.homeRegionOf(item), list.selectedRegions) === source.region;
  return async (nextToken): Promise<Page<object>> => {
    const page = await def.list(api, list.parentArn, { maxResults: EXPORT_PAGE_SIZE, nextToken }, { signal });
    return { ...page, items: page.items.filter(shown) };
  };
}

/**
 * The page fetcher of `source` through `api` (the facade of its profile and
 * region); every call carries `signal`. Feed it to the AWS layer's `pages`.
 */
export function exportFetcher(api: LicenseManagerApi, source: ExportSource, signal?: AbortSignal): PageFetcher<object> {
  const list = source.list;
  switch (list.list) {
    case 'category':
      return categoryFetcher(api, source, list, RESOURCE_LISTS[list.category] as ResourceList<ItemOf<CategoryKind>>, signal);
    case 'usage': {
      const filters = usageFilters(list.filter);
      return (nextToken) =>
        api.listUsageForLicenseConfiguration(
          list.configurationArn,
          { maxResults: EXPORT_PAGE_SIZE, nextToken, ...(filters.length ? { filters } : {}) },
          { signal },
        );
    }
    case 'associations':
      return (nextToken) => api.listAssociationsForLicenseConfiguration(list.configurationArn, { maxResults: EXPORT_PAGE_SIZE, nextToken }, { signal });
    case 'tokens':
      return async (nextToken) => {
        const page = await api.listTokens(list.licenseArn, { maxResults: EXPORT_PAGE_SIZE, nextToken }, { signal });
        // The tokens the tree shows: those of this license.
        return { ...page, items: page.items.filter((i) => i.LicenseArn === undefined || i.LicenseArn === list.licenseArn) };
      };
    case 'organization':
      return organizationFetcher(api, source, list, signal);
  }
}
