/**
 * AWS lists are eventually consistent: for a while after a change, ListDistributedGrants and
 * ListReceivedGrants still answer the grant as it was (and a new grant not at all). This overlay
 * remembers the grants this window changed, keyed by ARN and version, from the change's own answer
 * and from reads by ARN, and lays them over every grant list that still answers an older version,
 * until the list shows that version or newer or the entry expires. Every facade the extension uses
 * goes through `wrap`, so the tree, the inbox, the pickers and the panels see the same grant.
 */
import type {
  CallOptions,
  CreateGrantInput,
  CreateGrantVersionInput,
  DeleteGrantInput,
  Filter,
  Grant,
  GrantMutationResult,
  LicenseManagerApi,
  ListRequest,
  Page,
} from '../aws/types';
import { compareVersions, isVersion } from '../model/versions';

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

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = RECENT_CHANGE_MS,
    private readonly limit = RECENT_CHANGE_LIMIT,
  ) {}

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

  /** `api` with every grant change recorded, every read by ARN noted and every grant list merged. */
  wrap(api: LicenseManagerApi): LicenseManagerApi {
    const wrapped = this.wrappers.get(api);
    if (wrapped) return wrapped;
    const fresh = this.makeWrapper(api);
    this.wrappers.set(api, fresh);
    return fresh;
  }

  private readonly wrappers = new WeakMap<LicenseManagerApi, LicenseManagerApi>();

  private makeWrapper(api: LicenseManagerApi): LicenseManagerApi {
    const list =
      (side: ListSide, call: (req: ListRequest & { arns?: string[] }, opts?: CallOptions) => Promise<Page<Grant>>) =>
      async (req: ListRequest & { arns?: string[] } = {}, opts?: CallOptions): Promise<Page<Grant>> => {
        const page = await call(req, opts);
        const listed: ListedPage = { profile: api.profile, region: api.region, side, filters: req.filters, arns: req.arns, last: !page.nextToken };
        await this.verify(api, this.doubtful(page.items, listed), opts);
        return { ...page, items: this.mergeGrants(page.items, listed) };
      };
    const changed = (result: GrantMutationResult, members: Partial<Grant> = {}): GrantMutationResult => {
      this.record({ ...members, GrantArn: result.GrantArn, GrantStatus: result.Status, Version: result.Version });
      return result;
    };
    const overrides: Partial<LicenseManagerApi> = {
      listDistributedGrants: list('distributed', (req, opts) => api.listDistributedGrants(req, opts)),
      listReceivedGrants: list('received', (req, opts) => api.listReceivedGrants(req, opts)),
      getGrant: async (arn: string, version?: string, opts?: CallOptions) => {
        const grant = await api.getGrant(arn, version, opts);
        if (version === undefined) this.noteRead(grant);
        return grant;
      },
      acceptGrant: async (arn: string, opts?: CallOptions) => changed(await api.acceptGrant(arn, opts)),
      rejectGrant: async (arn: string, opts?: CallOptions) => changed(await api.rejectGrant(arn, opts)),
      createGrantVersion: async (input: CreateGrantVersionInput, opts?: CallOptions) =>
        changed(await api.createGrantVersion(input, opts), {
          ...(input.grantName !== undefined ? { GrantName: input.grantName } : {}),
          ...(input.allowedOperations !== undefined ? { GrantedOperations: input.allowedOperations } : {}),
          ...(input.status !== undefined ? { StatusReason: input.statusReason } : {}),
        }),
      deleteGrant: async (input: DeleteGrantInput, opts?: CallOptions) =>
        changed(await api.deleteGrant(input, opts), input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}),
      createGrant: async (input: CreateGrantInput, opts?: CallOptions) => {
        const result = await api.createGrant(input, opts);
        await this.recordCreated(api, input, result, opts);
        return result;
      },
    };
    return new Proxy(api, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && Object.hasOwn(overrides, prop)) return overrides[prop as keyof LicenseManagerApi];
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** The changes a page contradicts: listed at an older version, or (a new grant) not on the last page where it belongs. */
  private doubtful(items: readonly Grant[], page: ListedPage): string[] {
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

  /**
   * Reads by ARN (current) the changes a list contradicts before laying them over it: a lagging
   * list is outranked, but a change the service no longer holds (an older version, or no grant at
   * all) is forgotten. A read that fails keeps the change.
   */
  private async verify(api: LicenseManagerApi, arns: readonly string[], opts?: CallOptions): Promise<void> {
    await Promise.all(
      arns.map((arn) =>
        api.getGrant(arn, undefined, opts).then(
          (grant) => this.noteRead(grant),
          (e: unknown) => {
            if (typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'notFound') this.entries.delete(arn);
          },
        ),
      ),
    );
  }

  /** A new grant: remembered from its request, then read back whole so that lists can show it (a failed read is no failure). */
  private async recordCreated(api: LicenseManagerApi, input: CreateGrantInput, result: GrantMutationResult, opts?: CallOptions): Promise<void> {
    const place: GrantPlace = { profile: api.profile, region: input.homeRegion, side: 'distributed' };
    this.record(
      {
        GrantArn: result.GrantArn,
        GrantName: input.grantName,
        LicenseArn: input.licenseArn,
        GranteePrincipalArn: input.principal,
        HomeRegion: input.homeRegion,
        GrantedOperations: [...input.allowedOperations],
        GrantStatus: result.Status,
        Version: result.Version,
      },
      { place },
    );
    await api.getGrant(result.GrantArn, undefined, opts).then(
      (grant) => this.noteRead(grant),
      () => undefined,
    );
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
