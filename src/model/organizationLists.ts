/**
 * The organization lists a management account or a delegated administrator sees under each
 * region: the licenses the organization's accounts received, the grants of one of them (per
 * account, with its status) and the license configurations of all its accounts. One row per list,
 * in the shape of `RESOURCE_LISTS`. Pure: the calls only name the `LicenseManagerApi` type.
 */
import type { CallOptions, Grant, GrantedLicense, LicenseConfiguration, LicenseManagerApi, ListRequest, Page } from '../aws/types';
import { accountOfPrincipal, lastArnPart, principalKindOf } from './arn';
import type { CsvKind } from './csv';
import type { OrganizationItemKind, ResourceKind } from './resources';
import type { Translate } from './translate';

export type OrganizationListKind = 'organizationReceivedLicenses' | 'organizationGrants' | 'organizationLicenseConfigurations';

/** The item type of each organization list. */
export interface OrganizationItems {
  readonly organizationReceivedLicenses: GrantedLicense;
  readonly organizationGrants: Grant;
  readonly organizationLicenseConfigurations: LicenseConfiguration;
}

/** One organization list. `parentArn` is the license whose grants `organizationGrants` lists. */
export interface OrganizationList<T extends object> {
  readonly kind: OrganizationListKind;
  /** The kind of its items (their JSON documents, Copy ARN): read-only, no panel, no actions. */
  readonly itemKind: OrganizationItemKind;
  /** What its items are, and so which item node shows them. */
  readonly item: 'license' | 'grant' | 'configuration';
  /** The list shown under each of its items, read with the item's ARN as `parentArn`. */
  readonly children?: OrganizationListKind;
  /** True when the list is read for one parent's ARN (and so only under that parent). */
  readonly needsParent: boolean;
  /** The columns of its CSV export. */
  readonly csvKind: CsvKind;
  /** Codicon of the list's node. */
  readonly icon: string;
  label(t: Translate): string;
  /** Name of one item's kind, e.g. "Organization grant". */
  kindLabel(t: Translate): string;
  emptyText(t: Translate): string;
  arnOf(item: T): string | undefined;
  /** For lists the service returns in every region: the item's home region (see `receivedLicenseRegion`). */
  homeRegionOf?(item: T): string | undefined;
  list(api: LicenseManagerApi, parentArn: string | undefined, req: ListRequest, opts?: CallOptions): Promise<Page<T>>;
  /** The `aws license-manager` operation and its arguments that read the list. */
  cli(parentArn: string | undefined): readonly string[];
}

export const ORGANIZATION_LISTS: { readonly [K in OrganizationListKind]: OrganizationList<OrganizationItems[K]> } = {
  organizationReceivedLicenses: {
    kind: 'organizationReceivedLicenses',
    itemKind: 'organizationReceivedLicense',
    item: 'license',
    children: 'organizationGrants',
    needsParent: false,
    csvKind: 'receivedLicense',
    icon: 'inbox',
    label: (t) => t('Organization received licenses'),
    kindLabel: (t) => t('Organization received license'),
    emptyText: (t) => t('No licenses received in the organization'),
    arnOf: (l) => l.LicenseArn,
    homeRegionOf: (l) => l.HomeRegion,
    list: (api, _parent, req, opts) => api.listReceivedLicensesForOrganization(req, opts),
    cli: () => ['list-received-licenses-for-organization'],
  },
  organizationGrants: {
    kind: 'organizationGrants',
    itemKind: 'organizationGrant',
    item: 'grant',
    needsParent: true,
    csvKind: 'grant',
    icon: 'organization',
    label: (t) => t('Organization grants'),
    kindLabel: (t) => t('Organization grant'),
    emptyText: (t) => t('No grants of this license in the organization'),
    arnOf: (g) => g.GrantArn,
    list: (api, parent, req, opts) => api.listReceivedGrantsForOrganization(parent ?? '', req, opts),
    cli: (parent) => ['list-received-grants-for-organization', '--license-arn', parent ?? ''],
  },
  organizationLicenseConfigurations: {
    kind: 'organizationLicenseConfigurations',
    itemKind: 'organizationLicenseConfiguration',
    item: 'configuration',
    needsParent: false,
    csvKind: 'licenseConfiguration',
    icon: 'settings-gear',
    label: (t) => t('Organization license configurations'),
    kindLabel: (t) => t('Organization license configuration'),
    emptyText: (t) => t('No license configurations in the organization'),
    arnOf: (c) => c.LicenseConfigurationArn,
    list: (api, _parent, req, opts) => api.listLicenseConfigurationsForOrganization(req, opts),
    cli: () => ['list-license-configurations-for-organization'],
  },
};

/** The lists under a region's Organization node, in display order (organization grants sit under each license). */
export const REGION_ORGANIZATION_LISTS: readonly OrganizationListKind[] = ['organizationReceivedLicenses', 'organizationLicenseConfigurations'];

/** The organization list whose items are of `kind`; undefined for the kinds of `RESOURCE_LISTS` and the others. */
export function organizationListOfKind(kind: ResourceKind): OrganizationList<OrganizationItems[OrganizationListKind]> | undefined {
  return (Object.values(ORGANIZATION_LISTS) as OrganizationList<OrganizationItems[OrganizationListKind]>[]).find((l) => l.itemKind === kind);
}

/**
 * True when a failed organization call means the caller is neither the organization's management
 * account nor a delegated administrator: AWS refuses those with AccessDeniedException or
 * AuthorizationException (kind `accessDenied`).
 */
export function isNotOrganizationAdmin(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'accessDenied';
}

/** What an account that is not an organization administrator sees instead of the organization lists. */
export function notOrganizationAdminText(t: Translate): string {
  return t("Organization lists need the organization's management account or a delegated administrator");
}

/** The grantee of an organization grant as a row names it: the account id, or the organization or OU. */
export function granteeLabel(t: Translate, principalArn: string | undefined): string {
  const arn = principalArn ?? '';
  switch (principalKindOf(arn)) {
    case 'account':
      return accountOfPrincipal(arn) ?? arn;
    case 'organization':
      return t('Organization {0}', lastArnPart(arn));
    case 'organizationalUnit':
      return t('Organizational unit {0}', lastArnPart(arn));
    default:
      return arn;
  }
}
