/**
 * AWS lists are eventually consistent: for a while after a change, ListDistributedGrants and
 * ListReceivedGrants still answer the grant as it was (and a new grant not at all). This overlay
 * remembers the grants this window changed, keyed by ARN and version, from the change's own answer
 * and from reads by ARN, and lays them over every grant list that still answers an older version,
 * until the list shows that version or newer or the entry expires. Every facade the extension uses
 * goes through `withRecentChanges` (recentChangesApi.ts), so the tree, the inbox, the pickers and
 * the panels see the same grant.
 */
import type { Filter, Grant } from '../aws/types';
import { compareVersions, isVersion } from '../model/versions';
import { RecentLicenses } from './recentLicenses';

/** How long a change made here outranks a list that does not show it yet. */
export const RECENT_CHANGE_MS = 5 * 60_000;
/** Changes remembered at most (the oldest is forgotten first). */
export const RECENT_CHANGE_LIMIT = 500;

/** The members a change is known to have set, always with the grant's ARN, status and version. */
export type GrantMembers = Partial<Grant> & Pick<Grant, 'GrantArn' | 'GrantStatus' | 'Version'>;

/** Which side's list a grant shows in. */
export type ListSide = 'distributed' | 'received';

/** Where a new grant belongs although no list shows it yet. */
export interface GrantPlace {
  readonly profile: string;
  readonly region: string;
  readonly side: ListSide;
}

interface Entry {
  members: GrantMembers;
  /** True once `members` is a whole grant (a read by ARN, or a new grant read back). */
  whole: boolean;
  readonly place?: GrantPlace;
  /** A list has shown this version or a newer one. */
  listed: boolean;
  expires: number;
}

/** One page of a grant list, as the overlay needs to know it. */
export interface ListedPage {
  readonly profile: string;
  readonly region: string;
  readonly side: ListSide;
  readonly filters?: readonly Filter[];
  readonly arns?: readonly string[];
  /** The service said this is the last page. */
  readonly last: boolean;
}

/** The grant member a list filter compares, for the filters a change can affect. */
const FILTERED_MEMBER: Readonly<Record<string, keyof Grant>> = {
  GrantStatus: 'GrantStatus',
  LicenseArn: 'LicenseArn',
  GranteePrincipalARN: 'GranteePrincipalArn',
};

export class RecentChanges {
  private readonly entries = new Map<string, Entry>();
  /** Issued licenses this window created or changed, laid over ListLicenses the same way. */
  readonly licenses: RecentLicenses;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = RECENT_CHANGE_MS,
    private readonly limit = RECENT_CHANGE_LIMIT,
  ) {
    this.licenses = new RecentLicenses(now, ttlMs, limit);
  }

  /** How many changes are remembered (expired ones are dropped first). */
  get size(): number {
    this.prune();
    return this.entries.size;
  }

  /**
   * A change this window made (its answer, or a read after a lost answer): outranks older versions
   * in lists from now on. A whole grant with a `place` is also listed there until a list shows it.
   */
  record(members: GrantMembers, options: { whole?: boolean; place?: GrantPlace } = {}): void {
    if (!isVersion(members.Version)) return;
    const known = this.entries.get(members.GrantArn);
    const cmp = known ? compareVersions(members.Version, known.members.Version) : 0;
    if (cmp === undefined) return;
    if (known && cmp < 0) return;
    this.entries.delete(members.GrantArn);
    this.entries.set(members.GrantArn, {
      members: cmp === 0 && known ? { ...known.members, ...members } : members,
      whole: options.whole === true || (cmp === 0 && known?.whole === true),
      place: options.place ?? known?.place,
      listed: false,
      expires: this.now() + this.ttlMs,
    });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /**
   * A read by ARN of the current version: replaces what is known of a changed grant when it is as
   * new or newer. A read by ARN is current, so an older version means the change is no longer
   * there (the service's data was put back): it is forgotten.
   */
  noteRead(grant: Grant): void {
    const known = this.entries.get(grant.GrantArn);
    if (!known) return;
    const cmp = compareVersions(grant.Version, known.members.Version);
    if (cmp === undefined || cmp < 0) {
      this.entries.delete(grant.GrantArn);
      return;
    }
    known.members = grant;
    known.whole = true;
  }

  /** Forgets every change (the profiles were discovered again: the accounts behind them may differ). */
  clear(): void {
    this.entries.clear();
    this.licenses.clear();
  }

  /**
   * One page of a grant list with the changes laid over it: an item older than a change shows the
   * change (and leaves the page when it no longer matches the page's filters); on the last page, a
   * new grant no list has shown yet is added where it belongs.
   */
  mergeGrants(items: readonly Grant[], page: ListedPage): Grant[] {
    this.prune();
    if (this.entries.size === 0) return [...items];
    const out: Grant[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(item.GrantArn);
      const entry = this.entries.get(item.GrantArn);
      const cmp = entry ? compareVersions(item.Version, entry.members.Version) : undefined;
      if (!entry || cmp === undefined || cmp >= 0) {
        if (entry && cmp !== undefined) entry.listed = true;
        out.push(item);
        continue;
      }
      const merged = { ...item, ...entry.members };
      if (matches(merged, page.filters)) out.push(merged);
    }
    if (!page.last) return out;
    for (const [arn, entry] of this.entries) {
      const place = entry.place;
      if (seen.has(arn) || entry.listed || !entry.whole || !place) continue;
      if (place.profile !== page.profile || place.region !== page.region || place.side !== page.side) continue;
      if (page.arns && page.arns.length > 0 && !page.arns.includes(arn)) continue;
      const grant = entry.members as Grant;
      if (matches(grant, page.filters, true)) out.push(grant);
    }
    return out;
  }

  /** The changes a page contradicts: listed at an older version, or (a new grant) not on the last page where it belongs. */
  doubtful(items: readonly Grant[], page: ListedPage): string[] {
    this.prune();
    if (this.entries.size === 0) return [];
    const out: string[] = [];
    const onPage = new Set<string>();
    for (const item of items) {
      onPage.add(item.GrantArn);
      const entry = this.entries.get(item.GrantArn);
      const cmp = entry ? compareVersions(item.Version, entry.members.Version) : undefined;
      if (cmp !== undefined && cmp < 0) out.push(item.GrantArn);
    }
    if (!page.last) return out;
    for (const [arn, entry] of this.entries) {
      const place = entry.place;
      if (onPage.has(arn) || entry.listed || !place) continue;
      if (place.profile === page.profile && place.region === page.region && place.side === page.side) out.push(arn);
    }
    return out;
  }

  /** Forgets one change (the service no longer holds it). */
  forget(arn: string): void {
    this.entries.delete(arn);
  }

  /** True when this window changed the grant recently. */
  changed(arn: string): boolean {
    this.prune();
    return this.entries.has(arn);
  }

  /** The licenses (where known) of the grants changed recently that no list has shown at their version yet. */
  changedLicenses(): Set<string> {
    this.prune();
    const out = new Set<string>();
    for (const entry of this.entries.values()) if (entry.members.LicenseArn && !entry.listed) out.add(entry.members.LicenseArn);
    return out;
  }

  private prune(): void {
    const now = this.now();
    for (const [arn, entry] of this.entries) if (entry.expires <= now) this.entries.delete(arn);
  }
}

/**
 * True when the grant passes the filters a change can affect; with `strict`, false for any other
 * filter too (a grant added to a list must be known to match every filter of the page).
 */
function matches(grant: Grant, filters: readonly Filter[] | undefined, strict = false): boolean {
  for (const f of filters ?? []) {
    const member = FILTERED_MEMBER[f.Name];
    if (member === undefined) {
      if (strict) return false;
      continue;
    }
    if (!f.Values.includes(String(grant[member] ?? ''))) return false;
  }
  return true;
}
