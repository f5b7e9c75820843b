/** The kinds of AWS resource the explorer shows and the panels open. */
export type ResourceKind =
  | 'licenseConfiguration'
  | 'license'
  | 'receivedLicense'
  | 'distributedGrant'
  | 'receivedGrant'
  | 'usage'
  | 'association'
  | 'token'
  | OrganizationItemKind;

/** The kinds of the items of the organization lists (one per row of `ORGANIZATION_LISTS`): shown as JSON, no panel. */
export type OrganizationItemKind = 'organizationReceivedLicense' | 'organizationGrant' | 'organizationLicenseConfiguration';

/** Every resource kind, and the groups commands accept. */
export const ALL_RESOURCE_KINDS: readonly ResourceKind[] = ['licenseConfiguration', 'license', 'receivedLicense', 'distributedGrant', 'receivedGrant', 'usage', 'association'];
export const GRANT_KINDS: readonly ResourceKind[] = ['distributedGrant', 'receivedGrant'];
export const LICENSE_KINDS: readonly ResourceKind[] = ['license', 'receivedLicense'];

/** Identifies one resource as seen through one (profile, region). */
export interface ResourceRef {
  readonly kind: ResourceKind;
  readonly profile: string;
  readonly region: string;
  readonly arn: string;
}

/** The lists under a region (one row each in `RESOURCE_LISTS`), in display order. */
export type CategoryKind =
  | 'licenseConfigurations'
  | 'licenses'
  | 'receivedLicenses'
  | 'distributedGrants'
  | 'receivedGrants';

export const CATEGORY_KINDS: readonly CategoryKind[] = [
  'licenseConfigurations',
  'licenses',
  'receivedLicenses',
  'distributedGrants',
  'receivedGrants',
];

/** A change made through the extension that views must reflect. */
export interface ResourceChange {
  readonly profile: string;
  /** ARNs whose items and panels must reload (grants, licenses). */
  readonly arns: readonly string[];
  /** Categories to reload across the profile's regions (e.g. a new grant appears). */
  readonly categories?: readonly CategoryKind[];
}

export function resourceKey(ref: ResourceRef): string {
  return `${ref.kind}|${ref.profile}|${ref.region}|${ref.arn}`;
}

/**
 * Anything that carries one loaded resource: tree item nodes, and the argument
 * detail panels pass to commands. Commands accept any `ResourceHolder`.
 */
export interface ResourceHolder {
  readonly resource: ResourceRef;
  /** The AWS object as loaded (Grant, License, GrantedLicense, LicenseConfiguration, …). */
  readonly data: object;
}

export function isResourceHolder(x: unknown): x is ResourceHolder {
  if (typeof x !== 'object' || x === null) return false;
  const r = (x as { resource?: Partial<ResourceRef> }).resource;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.kind === 'string' &&
    typeof r.profile === 'string' &&
    typeof r.region === 'string' &&
    typeof r.arn === 'string' &&
    typeof (x as { data?: unknown }).data === 'object'
  );
}

/** A profile and the regions chosen for it in the explorer. */
export interface ProfileSelection {
  readonly profile: string;
  readonly regions: readonly string[];
}
