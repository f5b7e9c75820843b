/**
 * Rules of the grants inbox: which grants need attention and in which group,
 * one entry per grant however many profiles see it, which waiting grants are
 * new since the last refresh, and what the announcement says.
 */
import type { Grant } from '../aws/types';

/** The inbox groups, in display order. */
export type InboxGroup = 'waiting' | 'acceptedNotActive' | 'problems';
export const INBOX_GROUPS: readonly InboxGroup[] = ['waiting', 'acceptedNotActive', 'problems'];

/** Which list a grant came from. */
export type GrantSide = 'received' | 'distributed';

/** (side, GrantStatus) → group; anything not listed stays out of the inbox. */
const GROUP_OF: Readonly<Record<GrantSide, Readonly<Record<string, InboxGroup>>>> = {
  received: { PENDING_ACCEPT: 'waiting', DISABLED: 'acceptedNotActive' },
  distributed: { FAILED_WORKFLOW: 'problems', PENDING_WORKFLOW: 'problems' },
};

/** The group of a grant seen from `side`, or `undefined` when it needs no attention. */
export function inboxGroup(side: GrantSide, status: string): InboxGroup | undefined {
  return Object.prototype.hasOwnProperty.call(GROUP_OF[side], status) ? GROUP_OF[side][status] : undefined;
}

/** A profile and one of its regions. */
export interface InboxPlace {
  readonly profile: string;
  readonly region: string;
}

/** What one (profile, region) answered; a side is absent when its listing failed. */
export interface InboxListing extends InboxPlace {
  /** The profile's account, when known; lets grants to an organization or OU be merged across profiles. */
  readonly accountId?: string;
  readonly received?: readonly Grant[];
  readonly distributed?: readonly Grant[];
}

/** One grant that needs attention. */
export interface InboxItem {
  /** Stable identity of the entry (also the key of the seen-set). */
  readonly key: string;
  readonly group: InboxGroup;
  readonly side: GrantSide;
  /** The grant as the first place that saw it listed it. */
  readonly grant: Grant;
  /** Received: the grantor account; distributed: the grantee (account id, or the principal ARN). */
  readonly counterpart: string;
  /** Product of the grant's license, when the caller knows it. */
  readonly productName?: string;
  /** Every (profile, region) that sees this grant, in the order of the listings. */
  readonly places: readonly InboxPlace[];
}

/** The account in a grant ARN (`arn:aws:license-manager::<account>:grant:…`). */
export function grantorAccount(grantArn: string): string | undefined {
  return /^arn:[^:]+:license-manager:[^:]*:(\d{12}):grant:/.exec(grantArn)?.[1];
}

/** The account of an account-root principal (`arn:aws:iam::<account>:root`). */
export function principalAccount(principal: string): string | undefined {
  return /^arn:[^:]+:iam::(\d{12}):root$/.exec(principal)?.[1];
}

/**
 * Identity of an entry. A received grant to an account is that account's only, so its ARN
 * suffices; one to an organization or OU is received by each member account, so the account
 * (or, when unknown, the profile) is part of it. A distributed grant belongs to its grantor.
 */
function keyOf(side: GrantSide, grant: Grant, listing: InboxListing): string {
  if (side === 'distributed' || principalAccount(grant.GranteePrincipalArn)) return `${side}|${grant.GrantArn}`;
  return `${side}|${grant.GrantArn}|${listing.accountId ?? `profile:${listing.profile}`}`;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The inbox entries of a set of listings: grouped, de-duplicated (one entry per
 * grant and receiving account, every place that sees it kept), sorted by group,
 * then grant name, then ARN. `products` maps license ARNs to product names.
 */
export function buildInbox(listings: readonly InboxListing[], products?: ReadonlyMap<string, string>): InboxItem[] {
  const items = new Map<string, { item: InboxItem; places: InboxPlace[] }>();
  for (const listing of listings) {
    const place: InboxPlace = { profile: listing.profile, region: listing.region };
    for (const side of ['received', 'distributed'] as const) {
      for (const grant of listing[side] ?? []) {
        const group = inboxGroup(side, grant.GrantStatus);
        if (!group) continue;
        const key = keyOf(side, grant, listing);
        const known = items.get(key);
        if (known) {
          if (!known.places.some((p) => p.profile === place.profile && p.region === place.region)) known.places.push(place);
          continue;
        }
        const counterpart =
          side === 'received'
            ? (grantorAccount(grant.GrantArn) ?? grant.GrantArn)
            : (principalAccount(grant.GranteePrincipalArn) ?? grant.GranteePrincipalArn);
        const productName = products?.get(grant.LicenseArn);
        const places = [place];
        items.set(key, { item: { key, group, side, grant, counterpart, ...(productName !== undefined ? { productName } : {}), places }, places });
      }
    }
  }
  return [...items.values()]
    .map((x) => x.item)
    .sort(
      (a, b) =>
        INBOX_GROUPS.indexOf(a.group) - INBOX_GROUPS.indexOf(b.group) ||
        byText(a.grant.GrantName, b.grant.GrantName) ||
        byText(a.key, b.key),
    );
}

/** Number of grants waiting for acceptance (the view's badge). */
export function waitingCount(items: readonly InboxItem[]): number {
  return items.filter((i) => i.group === 'waiting').length;
}

/**
 * What the caller persists between refreshes and window reloads: the places
 * whose received grants were listed at least once, and the waiting grants seen.
 */
export interface InboxSeen {
  readonly places: readonly string[];
  readonly waiting: readonly string[];
}

/** Waiting-grant keys kept at most (oldest dropped first). */
export const SEEN_LIMIT = 2000;

export const EMPTY_SEEN: InboxSeen = { places: [], waiting: [] };

/** One key per profile and region. */
export const placeKey = (p: InboxPlace): string => `${p.profile}\u0000${p.region}`;

/**
 * The waiting grants that are new since `seen`, and the seen-set to persist.
 * A grant is new when it was not seen before and at least one place that
 * lists it had been listed before: the first listing of a profile's region
 * announces nothing. `listed` are the places whose received grants were
 * listed successfully this time (a failed place stays unseen).
 */
export function newWaiting(
  items: readonly InboxItem[],
  listed: readonly InboxPlace[],
  seen: InboxSeen = EMPTY_SEEN,
): { fresh: InboxItem[]; seen: InboxSeen } {
  const knownPlaces = new Set(seen.places);
  const knownWaiting = new Set(seen.waiting);
  const waiting = items.filter((i) => i.group === 'waiting');
  const fresh = waiting.filter((i) => !knownWaiting.has(i.key) && i.places.some((p) => knownPlaces.has(placeKey(p))));
  const places = [...new Set([...seen.places, ...listed.map(placeKey)])];
  const added = waiting.map((i) => i.key).filter((k) => !knownWaiting.has(k));
  return { fresh, seen: { places, waiting: [...seen.waiting, ...added].slice(-SEEN_LIMIT) } };
}

/** What the announcement of new waiting grants says. */
export type InboxNotice =
  | {
      readonly kind: 'one';
      readonly item: InboxItem;
      /** The grantor account. */
      readonly grantor: string;
      readonly grantName: string;
      readonly productName?: string;
      /** The first place that sees it. */
      readonly profile: string;
      readonly region: string;
    }
  | { readonly kind: 'many'; readonly count: number; readonly items: readonly InboxItem[] };

/** The announcement of `fresh` grants, or `undefined` when there are none. */
export function inboxNotice(fresh: readonly InboxItem[]): InboxNotice | undefined {
  if (fresh.length === 0) return undefined;
  if (fresh.length > 1) return { kind: 'many', count: fresh.length, items: fresh };
  const item = fresh[0];
  return {
    kind: 'one',
    item,
    grantor: item.counterpart,
    grantName: item.grant.GrantName,
    ...(item.productName !== undefined ? { productName: item.productName } : {}),
    profile: item.places[0].profile,
    region: item.places[0].region,
  };
}
