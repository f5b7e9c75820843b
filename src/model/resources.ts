/** The kinds of AWS resource the explorer shows and the panels open. */
export type ResourceKind =
  | 'licenseConfiguration'
  | 'license'
  | 'receivedLicense'
  | 'distributedGrant'
  | 'receivedGrant'
  | 'usage'
  | 'association';

/** Identifies one resource as seen through one (profile, region). */
export interface ResourceRef {
  readonly kind: ResourceKind;
  readonly profile: string;
  readonly region: string;
  readonly arn: string;
}

/** The five categories under a region, in display order. */
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
