/** Shapes shared by the emulator modules: seed file, options, request log. */

export type Json = Record<string, unknown>;

export interface Tag {
  Key?: string;
  Value?: string;
}

/** An identity (access key) of a seeded account. */
export interface SeedIdentity {
  /** Profile name written by `writeAwsConfig`. */
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Region written into the profile; defaults to the account's default region. */
  defaultRegion?: string;
  /** Operations answered with AccessDeniedException for this identity. */
  deniedOperations?: string[];
}

/** A license configuration; PascalCase members are copied to the wire. */
export interface SeedLicenseConfiguration extends Json {
  id: string;
  Name: string;
  LicenseCountingType: string;
  usage?: SeedUsage[];
  generatedUsage?: SeedGeneratedUsage;
  associations?: SeedAssociation[];
  tags?: Tag[];
}

export interface SeedUsage {
  ResourceArn: string;
  ResourceType: string;
  ResourceStatus?: string;
  ResourceOwnerId?: string;
  /** ISO-8601 in the seed; epoch seconds on the wire. */
  AssociationTime: string;
  ConsumedLicenses: number;
}

export interface SeedAssociation {
  ResourceArn: string;
  ResourceType: string;
  ResourceOwnerId?: string;
  AssociationTime: string;
  AmiAssociationScope?: string;
}

/** Deterministic bulk usage records generated at load time. */
export interface SeedGeneratedUsage {
  count: number;
  /** Cycled through; default EC2_INSTANCE. */
  resourceTypes?: string[];
  /** Cycled through; default the owning account. */
  ownerAccounts?: string[];
  /** Cycled through; default [1]. */
  consumedLicenses?: number[];
  /** Cycled through; default ["running"]. */
  resourceStatuses?: string[];
  /** First AssociationTime (ISO); each record is one minute later. */
  startTime: string;
  /** Also add an association per generated record. */
  associate?: boolean;
}

/** A seller-issued license; PascalCase members are copied to the wire. */
export interface SeedLicense extends Json {
  id: string;
  /** Earlier versions, oldest first; each is merged over the current members. */
  history?: Json[];
  usage?: Json[];
  tags?: Tag[];
}

export interface SeedGrantVersion {
  status: string;
  statusReason?: string;
  name?: string;
  operations?: string[];
}

export interface SeedGrant {
  id: string;
  name: string;
  licenseArn: string;
  /** Account root, organization or OU ARN. */
  principal: string;
  operations: string[];
  status: string;
  statusReason?: string;
  /** Defaults to the license ARN. */
  parentArn?: string;
  /** Earlier versions, oldest first. */
  history?: SeedGrantVersion[];
  tags?: Tag[];
}

export interface SeedRegion {
  licenseConfigurations?: SeedLicenseConfiguration[];
  licenses?: SeedLicense[];
  grants?: SeedGrant[];
}

export interface SeedAccount {
  id: string;
  name: string;
  profile?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  defaultRegion: string;
  deniedOperations?: string[];
  /** Issuer details of licenses this account issues. */
  issuer?: { Name?: string; SignKey?: string; KeyFingerprint?: string };
  identities?: SeedIdentity[];
  regions?: Record<string, SeedRegion>;
}

export interface SeedOrganization {
  id: string;
  managementAccountId: string;
  accounts: string[];
  ous?: { id: string; accounts: string[] }[];
  /** Member accounts registered as delegated administrators for License Manager. */
  delegatedAdministrators?: string[];
}

export interface Seed {
  regions: string[];
  accounts: SeedAccount[];
  organizations?: SeedOrganization[];
}

export interface RequestLogEntry {
  /** Epoch milliseconds. */
  time: number;
  requestId: string;
  /** Operation name, or the raw target when unknown. */
  operation: string;
  accessKeyId?: string;
  account?: string;
  profile?: string;
  region?: string;
  status: number;
  errorType?: string;
  /** Parsed request body (raw text when it was not JSON). */
  body: unknown;
  /** The per-operation fault applied to this request, if any. */
  fault?: string;
}

export interface FaultOptions {
  latencyMs?: number;
  /**
   * Eventual consistency: list operations (`List…`) answer from the state as it was this many
   * milliseconds ago; reads by ARN and mutations see the current state. 0 (the default) = current.
   */
  lagMs?: number;
  throttleRate?: number;
  failRate?: number;
  failAfterCommitRate?: number;
  /** Operations (`*` = all) whose requests are applied and never answered (the connection stays open). */
  hang?: string[];
  /** Operations whose requests are applied and whose answer is cut off mid-body by a connection reset. */
  reset?: string[];
  /** Operations answered by a gateway's HTML page (502 Bad Gateway, text/html) without reaching the service. */
  html?: string[];
  /** Operations that are applied and answered 200 with truncated, invalid JSON. */
  malformed?: string[];
  /** List operations answered with more items than MaxResults asked (twice as many, at least one more). */
  oversize?: string[];
  /** List operations whose NextToken cycles A → B → A. */
  tokenCycle?: string[];
}

export interface EmulatorOptions extends FaultOptions {
  /** Start the emulator's clock at this ISO-8601 time (not before now). */
  clock?: string;
  /** Seed file path or object; default the demo seed. */
  seed?: string | Seed;
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Serve HTTPS with a certificate from a test CA generated at start (see `RunningEmulator.caPem`). */
  tls?: boolean;
  /** Source of randomness for faults; default Math.random. */
  random?: () => number;
  /** Called after each answer with its log entry. */
  onRequest?: (entry: RequestLogEntry) => void;
}
