/**
 * The lists under a region, one row each: everything the category node, resource
 * loading, the palette pickers, JSON documents, panels, history, export, the
 * command arguments and the reloads after a change know about a list and its items.
 * Pure: the calls only name the `LicenseManagerApi` type. Adding a list is adding a
 * row here (see CONTRIBUTING.md); `test/unit/resourceLists.test.ts` checks every row.
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
import type { LicenseManagerArnKind } from './arn';
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
  /** For grant lists, the side of the grant the viewing account is on (and so the grant actions its items offer). */
  readonly direction?: GrantDirection;
  /** The kind of ARN its items have: command arguments with such an ARN may be read as this list's items. */
  readonly arnKind: LicenseManagerArnKind;
  /** What an item's detail panel shows (and what the item is): a grant, a license or a license configuration. */
  readonly panel: 'grant' | 'license' | 'configuration';
  /** The version history of its items: grants (GetGrant with Version), licenses (ListLicenseVersions), or none. */
  readonly history?: 'grant' | 'license';
  /** The issued-license actions (`LICENSE_ACTIONS`) its items offer; grant lists offer the grant actions of their `direction`. */
  readonly licenseActions?: true;
  /** The lists of the acting profile that reload after a change to one of its items (its own first). */
  readonly reloads: readonly CategoryKind[];
  /** Reloads in every other selected profile after a grant changes: where the other side of a grant shows. */
  readonly showsOtherSide: boolean;
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
    arnKind: 'licenseConfiguration',
    panel: 'configuration',
    reloads: ['licenseConfigurations'],
    showsOtherSide: false,
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
    arnKind: 'license',
    panel: 'license',
    history: 'license',
    licenseActions: true,
    reloads: ['licenses', 'distributedGrants'],
    showsOtherSide: false,
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
    arnKind: 'license',
    panel: 'license',
    history: 'license',
    reloads: ['receivedLicenses'],
    showsOtherSide: true,
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
    arnKind: 'grant',
    panel: 'grant',
    history: 'grant',
    reloads: ['distributedGrants'],
    showsOtherSide: true,
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
    arnKind: 'grant',
    panel: 'grant',
    history: 'grant',
    reloads: ['receivedGrants', 'receivedLicenses'],
    showsOtherSide: true,
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

/** A grant list: its items are grants and it has a side. */
export type GrantList = ResourceList<Grant> & { readonly direction: GrantDirection };

/** The grant lists, in display order. */
export const GRANT_LISTS: readonly GrantList[] = ALL_LISTS.filter((l): l is GrantList => l.direction !== undefined);

/** The grant list of `direction`'s side. */
export function grantListOf(direction: GrantDirection): GrantList {
  const list = GRANT_LISTS.find((l) => l.direction === direction);
  if (!list) throw new Error(`no ${direction} grant list`);
  return list;
}

/** The side of the grant for items of `kind`; undefined when they are no grants. */
export function directionOf(kind: ResourceKind): GrantDirection | undefined {
  return listOfKind(kind)?.direction;
}

/** Whether items of `kind` are licenses (issued or received). */
export function isLicenseKind(kind: ResourceKind): boolean {
  return listOfKind(kind)?.panel === 'license';
}

/** The resource kinds an ARN of `arnKind` can be read as, in display order (the owner's list, issued or distributed, comes first). */
export function kindsOfArn(arnKind: LicenseManagerArnKind): ResourceKind[] {
  return ALL_LISTS.filter((l) => l.arnKind === arnKind).map((l) => l.kind);
}

/** The lists reloaded in every other selected profile after a grant changes. */
export const OTHER_SIDE: readonly CategoryKind[] = ALL_LISTS.filter((l) => l.showsOtherSide).map((l) => l.category);

/** Which categories a change of the filter's server-side parts must reload. */
export function categoriesAffected(before: ExplorerFilter, after: ExplorerFilter): CategoryKind[] {
  return CATEGORY_KINDS.filter((c) => {
    const key = RESOURCE_LISTS[c].status?.key;
    return key !== undefined && before[key] !== after[key];
  });
}
