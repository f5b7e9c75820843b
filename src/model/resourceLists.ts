/**
 * The five lists under a region, one row each: what the category node, resource
 * loading, the palette pickers, JSON documents and panel summaries know about a
 * list. Pure: the calls only name the `LicenseManagerApi` type. Adding a list is
 * adding a row here (and a node class for its items in the tree).
 */
import type {
  CallOptions,
  Filter,
  Grant,
  GrantedLicense,
  License,
  LicenseConfiguration,
  LicenseManagerApi,
  ListRequest,
  Page,
} from '../aws/types';
import { accountOfArn, accountOfPrincipal, isAccountId } from './arn';
import type { CsvKind } from './csv';
import type { GrantDirection } from './grantActions';
import { CATEGORY_KINDS, type CategoryKind, type ResourceKind } from './resources';
import type { ExplorerFilter } from './rules';
import type { Translate } from './translate';

/** The item type of each list. */
export interface ListItems {
  readonly licenseConfigurations: LicenseConfiguration;
  readonly licenses: License;
  readonly receivedLicenses: GrantedLicense;
  readonly distributedGrants: Grant;
  readonly receivedGrants: Grant;
}

export type ItemOf<K extends CategoryKind> = ListItems[K];

/** Which part of the explorer filter a list's status filter follows, and the server-side filter name. */
interface StatusFilter<T> {
  readonly key: 'grantStatus' | 'licenseStatus';
  /** The `Filter` name the list call takes. */
  readonly name: string;
  statusOf(item: T): string | undefined;
}

/**
 * The AWS CLI read commands of a list: the `list-…` operation, and the operation and
 * arguments that read one item by ARN (`get-grant --grant-arn <arn>`).
 */
export interface CliReads {
  readonly list: string;
  item(arn: string): readonly string[];
}

/**
 * The License Manager console pages of a list and of one item: the route after `#/`
 * (`grantedLicenses`, `grantedLicenses/l-…`). The console does not document its routes.
 */
export interface ConsolePages {
  readonly list: string;
  item(id: string): string;
}

/** One list: its kind, how to read it from AWS and how to word it. */
export interface ResourceList<T extends object> {
  readonly category: CategoryKind;
  /** The kind of its items (tree items, panels, JSON documents). */
  readonly kind: ResourceKind;
  /** The columns of its CSV export. */
  readonly csvKind: CsvKind;
  /** Codicon of the list's node. */
  readonly icon: string;
  /** For grant lists, the side of the grant the viewing account is on. */
  readonly direction?: GrantDirection;
  /** Name of the list, e.g. "Received licenses". */
  label(t: Translate): string;
  /** Name of one item's kind, e.g. "Received license". */
  kindLabel(t: Translate): string;
  /** What an empty list says. */
  emptyText(t: Translate): string;
  /** The ARN that identifies an item. */
  arnOf(item: T): string | undefined;
  /** One page of the list. */
  list(api: LicenseManagerApi, req: ListRequest, opts?: CallOptions): Promise<Page<T>>;
  /** One item afresh; undefined when the service no longer lists it. */
  get(api: LicenseManagerApi, arn: string, opts?: CallOptions): Promise<T | undefined>;
  /** The server-side status filter, if the list has one. */
  readonly status?: StatusFilter<T>;
  /** For lists the service returns in every region: the item's home region (see `receivedLicenseRegion`). */
  homeRegionOf?(item: T): string | undefined;
  /** The viewing account, when an item reveals it. */
  accountOf(item: T): string | undefined;
  /** The AWS CLI commands that read the list and one item. */
  readonly cli: CliReads;
  /** Its pages in the AWS console. */
  readonly console: ConsolePages;
}

const grantStatus: StatusFilter<Grant> = { key: 'grantStatus', name: 'GrantStatus', statusOf: (g) => g.GrantStatus };
const licenseStatus: StatusFilter<License> = { key: 'licenseStatus', name: 'Status', statusOf: (l) => l.Status };

export const RESOURCE_LISTS: { readonly [K in CategoryKind]: ResourceList<ItemOf<K>> } = {
  licenseConfigurations: {
    category: 'licenseConfigurations',
    kind: 'licenseConfiguration',
    csvKind: 'licenseConfiguration',
    icon: 'settings-gear',
    label: (t) => t('License configurations'),
    kindLabel: (t) => t('License configuration'),
    emptyText: (t) => t('No license configurations'),
    arnOf: (c) => c.LicenseConfigurationArn,
    list: (api, req, opts) => api.listLicenseConfigurations(req, opts),
    get: (api, arn, opts) => api.getLicenseConfiguration(arn, opts),
    // Configurations carry their owner.
    accountOf: (c) => (isAccountId(c.OwnerAccountId) ? c.OwnerAccountId : accountOfArn(c.LicenseConfigurationArn)),
    cli: { list: 'list-license-configurations', item: (arn) => ['get-license-configuration', '--license-configuration-arn', arn] },
    console: { list: 'licenseConfigurations', item: (id) => `licenseConfigurations/${id}` },
  },
  licenses: {
    category: 'licenses',
    kind: 'license',
    csvKind: 'license',
    icon: 'key',
    label: (t) => t('Licenses'),
    kindLabel: (t) => t('License'),
    emptyText: (t) => t('No licenses'),
    arnOf: (l) => l.LicenseArn,
    list: (api, req, opts) => api.listLicenses(req, opts),
    get: (api, arn, opts) => api.getLicense(arn, undefined, opts),
    status: licenseStatus,
    // Issued licenses are owned by the caller.
    accountOf: (l) => accountOfArn(l.LicenseArn),
    cli: { list: 'list-licenses', item: (arn) => ['get-license', '--license-arn', arn] },
    console: { list: 'sellerIssuedLicenses', item: (id) => `sellerIssuedLicenses/${id}` },
  },
  receivedLicenses: {
    category: 'receivedLicenses',
    kind: 'receivedLicense',
    csvKind: 'receivedLicense',
    icon: 'inbox',
    label: (t) => t('Received licenses'),
    kindLabel: (t) => t('Received license'),
    emptyText: (t) => t('No received licenses'),
    arnOf: (l) => l.LicenseArn,
    list: (api, req, opts) => api.listReceivedLicenses(req, opts),
    get: async (api, arn, opts) => (await api.listReceivedLicenses({ arns: [arn] }, opts)).items.find((l) => l.LicenseArn === arn),
    status: licenseStatus,
    homeRegionOf: (l) => l.HomeRegion,
    accountOf: () => undefined,
    cli: { list: 'list-received-licenses', item: (arn) => ['list-received-licenses', '--license-arns', arn] },
    console: { list: 'grantedLicenses', item: (id) => `grantedLicenses/${id}` },
  },
  distributedGrants: {
    category: 'distributedGrants',
    kind: 'distributedGrant',
    csvKind: 'grant',
    icon: 'export',
    direction: 'distributed',
    label: (t) => t('Distributed grants'),
    kindLabel: (t) => t('Distributed grant'),
    emptyText: (t) => t('No distributed grants'),
    arnOf: (g) => g.GrantArn,
    list: (api, req, opts) => api.listDistributedGrants(req, opts),
    get: (api, arn, opts) => api.getGrant(arn, undefined, opts),
    status: grantStatus,
    // Distributed grants are owned by the caller.
    accountOf: (g) => accountOfArn(g.GrantArn),
    cli: { list: 'list-distributed-grants', item: (arn) => ['get-grant', '--grant-arn', arn] },
    console: { list: 'sellerIssuedLicenses', item: (id) => `grants/${id}` },
  },
  receivedGrants: {
    category: 'receivedGrants',
    kind: 'receivedGrant',
    csvKind: 'grant',
    icon: 'gift',
    direction: 'received',
    label: (t) => t('Received grants'),
    kindLabel: (t) => t('Received grant'),
    emptyText: (t) => t('No received grants'),
    arnOf: (g) => g.GrantArn,
    list: (api, req, opts) => api.listReceivedGrants(req, opts),
    get: (api, arn, opts) => api.getGrant(arn, undefined, opts),
    status: grantStatus,
    // A grant received by an account names that account as its principal.
    accountOf: (g) => accountOfPrincipal(g.GranteePrincipalArn),
    cli: { list: 'list-received-grants', item: (arn) => ['get-grant', '--grant-arn', arn] },
    console: { list: 'grantedLicenses', item: (id) => `grants/${id}` },
  },
};


/** Every list, in display order. */
export const ALL_LISTS: readonly ResourceList<ItemOf<CategoryKind>>[] = CATEGORY_KINDS.map((c) => RESOURCE_LISTS[c]);

/** The list whose items are of `kind`, if any (usage records and associations belong to none). */
export function listOfKind(kind: ResourceKind): ResourceList<ItemOf<CategoryKind>> | undefined {
  return ALL_LISTS.find((l) => l.kind === kind);
}

/** The server-side filters a list call gets from the explorer filter. */
export function listFilters<T extends object>(list: ResourceList<T>, f: ExplorerFilter): Filter[] {
  const value = list.status ? f[list.status.key] : undefined;
  return list.status && value ? [{ Name: list.status.name, Values: [value] }] : [];
}

/** Whether a loaded item passes the explorer's status filter. */
export function matchesStatus<T extends object>(list: ResourceList<T>, item: T, f: ExplorerFilter): boolean {
  const value = list.status ? f[list.status.key] : undefined;
  return !list.status || !value || list.status.statusOf(item) === value;
}

/** Which categories a change of the filter's server-side parts must reload. */
export function categoriesAffected(before: ExplorerFilter, after: ExplorerFilter): CategoryKind[] {
  return CATEGORY_KINDS.filter((c) => {
    const key = RESOURCE_LISTS[c].status?.key;
    return key !== undefined && before[key] !== after[key];
  });
}
