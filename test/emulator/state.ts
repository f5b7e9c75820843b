/** In-memory service state and the visibility rules shared by the operations. */
import type { Json, SeedOrganization, Tag } from './types';

export interface Identity {
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  region: string;
  deniedOperations: Set<string>;
}

export interface Account {
  id: string;
  name: string;
  defaultRegion: string;
  issuer: { Name?: string; SignKey?: string; KeyFingerprint?: string };
}

export interface UsageRecord {
  ResourceArn: string;
  ResourceType: string;
  ResourceStatus?: string;
  ResourceOwnerId: string;
  /** Epoch seconds. */
  AssociationTime: number;
  ConsumedLicenses: number;
}

export interface AssociationRecord {
  ResourceArn: string;
  ResourceType: string;
  ResourceOwnerId: string;
  AssociationTime: number;
  AmiAssociationScope?: string;
}

export interface ConfigRecord {
  arn: string;
  id: string;
  accountId: string;
  region: string;
  /** Seeded wire members (derived members are computed on read). */
  data: Json;
  usage: UsageRecord[];
  associations: AssociationRecord[];
  tags: Tag[];
}

export interface LicenseRecord {
  arn: string;
  accountId: string;
  homeRegion: string;
  /** Wire License objects, oldest first; the last is current. */
  versions: Json[];
  usage: Json[];
  tags: Tag[];
}

export interface GrantWire {
  GrantArn: string;
  GrantName: string;
  ParentArn: string;
  LicenseArn: string;
  GranteePrincipalArn: string;
  HomeRegion: string;
  GrantStatus: string;
  StatusReason?: string;
  Version: string;
  GrantedOperations: string[];
  Options?: { ActivationOverrideBehavior?: string };
}

export interface GrantRecord {
  arn: string;
  grantorAccountId: string;
  homeRegion: string;
  /** Oldest first; the last is current. */
  versions: GrantWire[];
  tags: Tag[];
}

/** One license consumption: a checkout (PROVISIONAL or PERPETUAL) or a borrow. */
export interface CheckoutRecord {
  token: string;
  licenseArn: string;
  accountId: string;
  kind: 'PROVISIONAL' | 'PERPETUAL' | 'BORROW';
  entitlements: { Name: string; Unit: string; Value?: string }[];
  /** Emulator-clock milliseconds; PERPETUAL units never come back. */
  issuedAt: number;
  expiresAt: number;
  checkedIn: boolean;
}

export interface IdempotencyEntry {
  fingerprint: string;
  response: Json;
}

/** A grant principal: an account root, an organization or an organizational unit. */
export type Principal =
  | { kind: 'account'; accountId: string }
  | { kind: 'organization'; orgId: string }
  | { kind: 'ou'; orgId: string; ouId: string };

/** Parses a grant principal ARN; `undefined` for anything else (e.g. a role or user ARN). */
export function parsePrincipal(arn: string): Principal | undefined {
  const acct = /^arn:aws[a-zA-Z-]*:iam::(\d{12}):root$/.exec(arn);
  if (acct) return { kind: 'account', accountId: acct[1] };
  const org = /^arn:aws[a-zA-Z-]*:organizations::\d{12}:organization\/(o-[a-z0-9]+)$/.exec(arn);
  if (org) return { kind: 'organization', orgId: org[1] };
  const ou = /^arn:aws[a-zA-Z-]*:organizations::\d{12}:ou\/(o-[a-z0-9]+)\/(ou-[a-z0-9-]+)$/.exec(arn);
  if (ou) return { kind: 'ou', orgId: ou[1], ouId: ou[2] };
  return undefined;
}

const RECEIVED_PRIORITY = [
  'ACTIVE',
  'DISABLED',
  'PENDING_ACCEPT',
  'WORKFLOW_COMPLETED',
  'PENDING_WORKFLOW',
  'FAILED_WORKFLOW',
  'PENDING_DELETE',
  'REJECTED',
  'DELETED',
];

export class EmulatorState {
  readonly regions: string[] = [];
  readonly accounts = new Map<string, Account>();
  readonly identities = new Map<string, Identity>();
  readonly organizations: SeedOrganization[] = [];
  readonly configs: ConfigRecord[] = [];
  readonly licenses = new Map<string, LicenseRecord>();
  readonly grants = new Map<string, GrantRecord>();
  readonly idempotency = new Map<string, IdempotencyEntry>();
  /** Consumptions by LicenseConsumptionToken. */
  readonly checkouts = new Map<string, CheckoutRecord>();
  /** How far the emulator's clock is ahead of the machine's, in milliseconds. */
  clockOffsetMs = 0;

  /** The emulator's clock (epoch milliseconds): what checkout lifetimes and validity are judged by. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** A deep copy of the data, for the lagging view of list operations. */
  snapshot(): EmulatorState {
    return Object.assign(new EmulatorState(), structuredClone({ ...this }));
  }

  /** Identities in seed order (one AWS profile each). */
  identityList(): Identity[] {
    return [...this.identities.values()];
  }

  currentGrant(g: GrantRecord): GrantWire {
    return g.versions[g.versions.length - 1];
  }

  currentLicense(l: LicenseRecord): Json {
    return l.versions[l.versions.length - 1];
  }

  /** True when the grant principal designates the account (itself, its organization or an OU holding it). */
  principalIncludes(principal: string, accountId: string): boolean {
    const p = parsePrincipal(principal);
    switch (p?.kind) {
      case 'account':
        return p.accountId === accountId;
      case 'organization':
        return this.organizations.some((o) => o.id === p.orgId && o.accounts.includes(accountId));
      case 'ou':
        return this.organizations.some(
          (o) => o.id === p.orgId && (o.ous ?? []).some((u) => u.id === p.ouId && u.accounts.includes(accountId)),
        );
      default:
        return false;
    }
  }

  isGrantee(g: GrantRecord, accountId: string): boolean {
    return this.principalIncludes(this.currentGrant(g).GranteePrincipalArn, accountId);
  }

  canSeeGrant(g: GrantRecord, accountId: string): boolean {
    return g.grantorAccountId === accountId || this.isGrantee(g, accountId);
  }

  /** Owner, or an account holding a non-deleted grant of the license. */
  canSeeLicense(l: LicenseRecord, accountId: string): boolean {
    if (l.accountId === accountId) return true;
    for (const g of this.grants.values()) {
      const cur = this.currentGrant(g);
      if (cur.LicenseArn === l.arn && cur.GrantStatus !== 'DELETED' && this.isGrantee(g, accountId)) return true;
    }
    return false;
  }

  /** The grant through which an account receives a license (the most usable one). */
  receivingGrant(licenseArn: string, accountId: string): GrantRecord | undefined {
    let best: GrantRecord | undefined;
    let bestRank = Infinity;
    for (const g of this.grants.values()) {
      const cur = this.currentGrant(g);
      if (cur.LicenseArn !== licenseArn || g.grantorAccountId === accountId || !this.isGrantee(g, accountId)) continue;
      const rank = RECEIVED_PRIORITY.indexOf(cur.GrantStatus);
      const r = rank < 0 ? RECEIVED_PRIORITY.length : rank;
      if (r <= bestRank) {
        best = g;
        bestRank = r;
      }
    }
    return best;
  }

  /** Licenses received by an account, each with ReceivedMetadata mirrored from its grant. */
  receivedLicenses(accountId: string): Json[] {
    const out: Json[] = [];
    for (const l of this.licenses.values()) {
      if (l.accountId === accountId) continue;
      const g = this.receivingGrant(l.arn, accountId);
      if (!g) continue;
      const cur = this.currentGrant(g);
      const status = cur.GrantStatus === 'PENDING_DELETE' ? 'DELETED' : cur.GrantStatus;
      out.push({
        ...this.currentLicense(l),
        ReceivedMetadata: omitUndefined({
          ReceivedStatus: status,
          ReceivedStatusReason: cur.StatusReason,
          AllowedOperations: [...cur.GrantedOperations],
        }),
      });
    }
    return out;
  }

  findConfig(arn: string): ConfigRecord | undefined {
    return this.configs.find((c) => c.arn === arn);
  }
}

export function omitUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out as T;
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
