/**
 * Result and input types of the AWS layer. They are the extension's own types,
 * independent of the SDK's generated ones, but keep AWS member names so that the
 * raw JSON shown to users reads like the AWS CLI's output.
 */

/** How a profile obtains its credentials (display only). */
export type CredentialKind =
  | 'static'
  | 'sso'
  | 'assume-role'
  | 'credential-process'
  | 'web-identity'
  | 'unknown';

/** A profile found in the shared config/credentials files. Never holds secrets. */
export interface ProfileInfo {
  /** Profile name as written after `[profile …]` or `[…]`. */
  readonly name: string;
  /** The profile's `region`, when set. */
  readonly region?: string;
  readonly kind: CredentialKind;
  /**
   * License Manager endpoint that requests with this profile go to, when one is configured
   * (AWS_ENDPOINT_URL_LICENSE_MANAGER, AWS_ENDPOINT_URL, the profile's `services` section or
   * its `endpoint_url`). Display only; absent means the public AWS endpoint of the region.
   */
  readonly endpointUrl?: string;
  /** Which mechanism supplied `endpointUrl`. */
  readonly endpointSource?: 'AWS_ENDPOINT_URL_LICENSE_MANAGER' | 'AWS_ENDPOINT_URL' | 'services' | 'profile';
  /**
   * True for the profile the AWS tools use when none is named: AWS_PROFILE when it is set
   * and names a discovered profile, otherwise `default`.
   */
  readonly isDefault: boolean;
  /** A configuration problem that makes calls with this profile fail (e.g. a missing `services` section). */
  readonly problem?: string;
  /** The account the profile signs in to, when its configuration names it (`sso_account_id`, or the account of `role_arn`). */
  readonly accountId?: string;
}

/** One page of a list operation. `nextToken` is absent on the last page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

/** Paging input common to every list call. */
export interface PageRequest {
  /** 1–100; omitted lets the service choose. */
  readonly maxResults?: number;
  readonly nextToken?: string;
}

/** A server-side filter: case-sensitive name, exactly one value in practice. */
export interface Filter {
  readonly Name: string;
  readonly Values: string[];
}

/** Paging input of a list call that takes server-side filters. */
export interface ListRequest extends PageRequest {
  readonly filters?: Filter[];
}

/** A resource tag (ListTagsForResource, GetLicenseConfiguration). */
export interface Tag {
  Key?: string;
  Value?: string;
}

/** A grant as GetGrant, ListDistributedGrants and ListReceivedGrants return it. */
export interface Grant {
  GrantArn: string;
  GrantName: string;
  ParentArn: string;
  LicenseArn: string;
  GranteePrincipalArn: string;
  HomeRegion: string;
  /** A GrantStatus value; unknown values are passed through verbatim. */
  GrantStatus: string;
  StatusReason?: string;
  Version: string;
  GrantedOperations: string[];
  Options?: { ActivationOverrideBehavior?: string };
}

/** One entitlement of a license (e.g. a number of seats). */
export interface Entitlement {
  Name: string;
  Value?: string;
  MaxCount?: number;
  Overage?: boolean;
  Unit: string;
  AllowCheckIn?: boolean;
}

/** A license as ListLicenses, GetLicense and ListLicenseVersions return it. */
export interface License {
  LicenseArn?: string;
  LicenseName?: string;
  ProductName?: string;
  ProductSKU?: string;
  Issuer?: { Name?: string; SignKey?: string; KeyFingerprint?: string };
  HomeRegion?: string;
  Status?: string;
  Validity?: { Begin: string; End?: string };
  Beneficiary?: string;
  Entitlements?: Entitlement[];
  ConsumptionConfiguration?: {
    RenewType?: string;
    ProvisionalConfiguration?: { MaxTimeToLiveInMinutes: number };
    BorrowConfiguration?: { AllowEarlyCheckIn: boolean; MaxTimeToLiveInMinutes: number };
  };
  LicenseMetadata?: { Name?: string; Value?: string }[];
  /** ISO-8601 string, as the API returns it. */
  CreateTime?: string;
  Version?: string;
}

/** The receiving account's view of a received license, mirrored from the grant it came through. */
export interface ReceivedMetadata {
  ReceivedStatus?: string;
  ReceivedStatusReason?: string;
  AllowedOperations?: string[];
}

/** A license as ListReceivedLicenses returns it. */
export interface GrantedLicense extends License {
  ReceivedMetadata?: ReceivedMetadata;
}

/** A license configuration (regional) as ListLicenseConfigurations and GetLicenseConfiguration return it. */
export interface LicenseConfiguration {
  LicenseConfigurationId?: string;
  LicenseConfigurationArn?: string;
  Name?: string;
  Description?: string;
  LicenseCountingType?: string;
  LicenseRules?: string[];
  LicenseCount?: number;
  LicenseCountHardLimit?: boolean;
  DisassociateWhenNotFound?: boolean;
  ConsumedLicenses?: number;
  Status?: string;
  OwnerAccountId?: string;
  ConsumedLicenseSummaryList?: { ResourceType?: string; ConsumedLicenses?: number }[];
  ManagedResourceSummaryList?: { ResourceType?: string; AssociationCount?: number }[];
  ProductInformationList?: unknown[];
  AutomatedDiscoveryInformation?: { LastRunTime?: Date };
  LicenseExpiry?: number;
  /** Only on GetLicenseConfiguration. */
  Tags?: Tag[];
}

/** One resource's consumption of a license configuration (ListUsageForLicenseConfiguration). */
export interface LicenseConfigurationUsage {
  ResourceArn?: string;
  ResourceType?: string;
  ResourceStatus?: string;
  ResourceOwnerId?: string;
  AssociationTime?: Date;
  ConsumedLicenses?: number;
}

/** A resource associated with a license configuration (ListAssociationsForLicenseConfiguration). */
export interface LicenseConfigurationAssociation {
  ResourceArn?: string;
  ResourceType?: string;
  ResourceOwnerId?: string;
  AssociationTime?: Date;
  AmiAssociationScope?: string;
}

/** Consumption of one entitlement (GetLicenseUsage); counts are strings, as in the API. */
export interface EntitlementUsage {
  Name: string;
  ConsumedValue: string;
  MaxCount?: string;
  Unit: string;
}

/** What every grant mutation returns. */
export interface GrantMutationResult {
  GrantArn: string;
  Status: string;
  Version: string;
}

/** Input of `createGrant`. */
export interface CreateGrantInput {
  /** One per user action; reuse it when the same action is retried. */
  clientToken: string;
  grantName: string;
  licenseArn: string;
  /** Exactly one account, organization or OU ARN. */
  principal: string;
  homeRegion: string;
  allowedOperations: string[];
}

/** Input of `createGrantVersion`; members left out are not changed. */
export interface CreateGrantVersionInput {
  clientToken: string;
  grantArn: string;
  grantName?: string;
  allowedOperations?: string[];
  status?: string;
  statusReason?: string;
  /** The version the change is based on; a stale one is refused by the service. */
  sourceVersion?: string;
}

/** Input of `deleteGrant`. */
export interface DeleteGrantInput {
  grantArn: string;
  /** Must be the grant's current version. */
  version: string;
  statusReason?: string;
}

/** What CreateLicense and CreateLicenseVersion return. */
export interface LicenseMutationResult {
  LicenseArn: string;
  Status: string;
  Version: string;
}

/**
 * Input of `createLicense` / `createLicenseVersion`: the members of a license document (checked
 * against the schema by the caller), and the document's one request token.
 */
export interface LicenseRequestInput {
  clientToken: string;
  members: Record<string, unknown>;
}

/** What DeleteLicense returns. */
export interface LicenseDeletion {
  Status: string;
  DeletionDate?: string;
}

/** A token as ListTokens returns it (never the token itself). */
export interface TokenData {
  TokenId?: string;
  TokenType?: string;
  LicenseArn?: string;
  ExpirationTime?: string;
  TokenProperties?: string[];
  RoleArns?: string[];
  Status?: string;
}

/** Input of `createToken`. */
export interface CreateTokenInput {
  clientToken: string;
  licenseArn: string;
  roleArns?: string[];
  expirationInDays?: number;
  tokenProperties?: string[];
}

/** What CreateToken returns: the token, to be shown once and never kept. */
export interface CreatedToken {
  TokenId: string;
  TokenType?: string;
  Token: string;
}

/** The few kinds of failure the UI acts on. */
export type AwsErrorKind =
  | 'credentials'
  | 'accessDenied'
  | 'throttled'
  | 'invalidInput'
  | 'notFound'
  | 'staleVersion'
  | 'service'
  | 'network'
  /** No answer within the call's deadline (connect, first byte, whole response or credentials). */
  | 'timeout'
  /** The caller abandoned the call (user Cancel, collapsed node, closed panel). */
  | 'cancelled'
  /** The HTTP(S) proxy refused, failed or asked for credentials. */
  | 'proxy'
  /** The endpoint's TLS certificate is not trusted (private CA missing, inspection gateway, wrong host). */
  | 'certificate'
  /** The answer is not License Manager's (HTML from a portal or proxy, empty, malformed JSON, oversized, inconsistent). */
  | 'unexpectedAnswer'
  /** The profile's own settings are unusable (region that is not a region name, bad endpoint URL). Not retryable. */
  | 'configuration';

/** Per-call options every `LicenseManagerApi` method accepts as its last argument. */
export interface CallOptions {
  /** Abandons the call: the request is aborted and the promise rejects with kind `cancelled`. */
  readonly signal?: AbortSignal;
}

/**
 * Typed facade over License Manager for one (profile, region).
 * Every method rejects with a `LicenseManagerError`.
 */
export interface LicenseManagerApi {
  readonly profile: string;
  readonly region: string;

  /** ListLicenseConfigurations (regional). Filters: `licenseCountingType`, `enforceLicenseCount`, `usagelimitExceeded`. */
  listLicenseConfigurations(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<LicenseConfiguration>>;
  /** GetLicenseConfiguration; the result includes `Tags`. */
  getLicenseConfiguration(arn: string, opts?: CallOptions): Promise<LicenseConfiguration>;
  /** ListUsageForLicenseConfiguration. Filters: `resourceArn`, `resourceType`, `resourceAccount`. */
  listUsageForLicenseConfiguration(arn: string, req?: ListRequest, opts?: CallOptions): Promise<Page<LicenseConfigurationUsage>>;
  /** ListAssociationsForLicenseConfiguration (no filters). */
  listAssociationsForLicenseConfiguration(arn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<LicenseConfigurationAssociation>>;

  /** ListLicenses: licenses this account issued, listed in their home region. Filters: `Beneficiary`, `ProductSKU`, `Fingerprint`, `Status`. */
  listLicenses(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<License>>;
  /** GetLicense; `version` picks a historical version, omitted = latest. */
  getLicense(arn: string, version?: string, opts?: CallOptions): Promise<License>;
  /** ListLicenseVersions: one License per version. */
  listLicenseVersions(arn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<License>>;
  /** GetLicenseUsage: the entitlement usages (counts are strings). */
  getLicenseUsage(arn: string, opts?: CallOptions): Promise<EntitlementUsage[]>;
  /**
   * ListReceivedLicenses: licenses granted to this account; the same license is listed in
   * every region. Filters: `ProductSKU`, `Status`, `Fingerprint`, `IssuerName`, `Beneficiary`.
   */
  listReceivedLicenses(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<GrantedLicense>>;

  /** ListDistributedGrants (grantor side). Filters: `LicenseArn`, `GrantStatus`, `GranteePrincipalARN`, `ProductSKU`, `LicenseIssuerName`. */
  listDistributedGrants(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<Grant>>;
  /** ListReceivedGrants (grantee side). Filters: `ProductSKU`, `LicenseIssuerName`, `LicenseArn`, `GrantStatus`, `GranterAccountId`. */
  listReceivedGrants(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<Grant>>;
  /**
   * ListReceivedLicensesForOrganization: the licenses the accounts of the caller's organization
   * received. Only the management account or a delegated administrator may call it; others are
   * refused (kind `accessDenied`). Filters: `Beneficiary`, `ProductSKU`.
   */
  listReceivedLicensesForOrganization(req?: ListRequest, opts?: CallOptions): Promise<Page<GrantedLicense>>;
  /** ListReceivedGrantsForOrganization: the grants of one license into the organization. Filters: `ParentArn`, `GranteePrincipalArn`. */
  listReceivedGrantsForOrganization(licenseArn: string, req?: ListRequest, opts?: CallOptions): Promise<Page<Grant>>;
  /** ListLicenseConfigurationsForOrganization: the license configurations of the organization's accounts (regional). */
  listLicenseConfigurationsForOrganization(req?: ListRequest & { arns?: string[] }, opts?: CallOptions): Promise<Page<LicenseConfiguration>>;
  /** GetGrant; `version` picks a historical version, omitted = current. Deleted grants stay readable. */
  getGrant(arn: string, version?: string, opts?: CallOptions): Promise<Grant>;

  /** CreateGrant (grantor) for exactly one principal. Idempotent per `clientToken`. */
  createGrant(input: CreateGrantInput, opts?: CallOptions): Promise<GrantMutationResult>;
  /** AcceptGrant (grantee): PENDING_ACCEPT → DISABLED. */
  acceptGrant(grantArn: string, opts?: CallOptions): Promise<GrantMutationResult>;
  /** RejectGrant (grantee). */
  rejectGrant(grantArn: string, opts?: CallOptions): Promise<GrantMutationResult>;
  /**
   * CreateGrantVersion: activate/deactivate (`status` ACTIVE/DISABLED, with optional
   * `statusReason`), or rename / change operations (grantor). Idempotent per `clientToken`;
   * a stale `sourceVersion` rejects with kind `staleVersion`.
   */
  createGrantVersion(input: CreateGrantVersionInput, opts?: CallOptions): Promise<GrantMutationResult>;
  /** DeleteGrant (grantor); a version other than the current one rejects with kind `staleVersion`. */
  deleteGrant(input: DeleteGrantInput, opts?: CallOptions): Promise<GrantMutationResult>;

  /** CreateLicense from a license document's members. Idempotent per `clientToken`. */
  createLicense(input: LicenseRequestInput, opts?: CallOptions): Promise<LicenseMutationResult>;
  /** CreateLicenseVersion; a stale `SourceVersion` rejects with kind `staleVersion`. */
  createLicenseVersion(input: LicenseRequestInput, opts?: CallOptions): Promise<LicenseMutationResult>;
  /** DeleteLicense of `sourceVersion` (the version seen); another one rejects with kind `staleVersion`. */
  deleteLicense(licenseArn: string, sourceVersion: string, opts?: CallOptions): Promise<LicenseDeletion>;
  /** ListTokens of one license. */
  listTokens(licenseArn: string, req?: PageRequest, opts?: CallOptions): Promise<Page<TokenData>>;
  /** CreateToken; the answer holds the token, which must be shown once and never kept. */
  createToken(input: CreateTokenInput, opts?: CallOptions): Promise<CreatedToken>;
  /** DeleteToken. */
  deleteToken(tokenId: string, opts?: CallOptions): Promise<void>;

  /** ListTagsForResource for a license configuration, license or grant. */
  listTagsForResource(arn: string, opts?: CallOptions): Promise<Tag[]>;

  /** CheckoutLicense (by SKU and issuer fingerprint): consumes entitlements. Idempotent per `clientToken`. */
  checkoutLicense(input: CheckoutInput, opts?: CallOptions): Promise<CheckoutResult>;
  /** CheckoutBorrowLicense (by ARN, JWT_PS384): consumes entitlements for the borrow's lifetime. Idempotent per `clientToken`. */
  checkoutBorrowLicense(input: BorrowInput, opts?: CallOptions): Promise<CheckoutResult>;
  /** CheckInLicense: gives back what a consumption holds. */
  checkInLicense(consumptionToken: string, beneficiary?: string, opts?: CallOptions): Promise<void>;
}

/** One entitlement of a checkout request or answer. */
export interface EntitlementData {
  Name: string;
  Unit: string;
  Value?: string;
}

export interface CheckoutInput {
  productSku: string;
  keyFingerprint: string;
  checkoutType: 'PROVISIONAL' | 'PERPETUAL';
  entitlements: EntitlementData[];
  clientToken: string;
  beneficiary?: string;
  nodeId?: string;
}

export interface BorrowInput {
  licenseArn: string;
  entitlements: EntitlementData[];
  clientToken: string;
  nodeId?: string;
}

/** What a checkout answered. `consumptionToken` and `signedToken` are secrets: never log or store them in full. */
export interface CheckoutResult {
  licenseArn?: string;
  checkoutType?: string;
  consumptionToken: string;
  entitlementsAllowed: EntitlementData[];
  signedToken?: string;
  nodeId?: string;
  issuedAt?: string;
  expiration?: string;
}

/** Creates and caches one facade per (profile, region). */
export interface LicenseManagerClientFactory {
  /** The cached facade of (profile, region); cheap, touches neither disk nor network. */
  get(profile: string, region: string): LicenseManagerApi;
  /**
   * Drops cached clients of one profile (e.g. after `aws sso login` or a config edit), or all.
   * Facades obtained earlier stay valid and re-read the config files on their next call.
   */
  reset(profile?: string): void;
  /** Destroys every cached client. */
  dispose(): void;
}

/** Where a failure happened. */
export interface ErrorContext {
  readonly operation?: string;
  readonly profile?: string;
  readonly region?: string;
  /**
   * What the user can do about missing or expired credentials of this profile
   * (e.g. `aws sso login --profile dev`). Defaults to `aws configure --profile <profile>`.
   */
  readonly credentialsFix?: string;
  /** How the profile gets credentials; picks the wording of credential failures. */
  readonly credentialKind?: CredentialKind;
  /** Endpoint the request went to, for network failures (no credentials in it). */
  readonly endpoint?: string;
}
