/**
 * Loads the grants inbox across (profile, region) places: received and
 * distributed grants of each, every page, with a bounded number of calls in
 * flight, each place reported as soon as both its lists have answered.
 */
import type { CollectOptions, Collected, PageFetcher } from '../aws/pager';
import { isLicenseManagerError } from '../aws/errors';
import type { Grant, LicenseManagerApi } from '../aws/types';
import { buildInbox, type GrantSide, type InboxItem, type InboxListing, type InboxPlace } from '../model/inbox';
import { DEFAULT_FAN_OUT_LIMIT, fanOut, type PlaceGate } from './fanOut';
import { placeKeyOf } from './placeLimit';

/** The AWS layer's `collectAll` (passed in: this layer does not load the AWS bundle itself). */
export type CollectAll = <T>(fetch: PageFetcher<T>, options?: CollectOptions) => Promise<Collected<T>>;

/** Page size of the inbox lists (the most the API allows). */
export const INBOX_PAGE_SIZE = 100;
/** Grants per list at most; far above any real account, it only bounds memory. */
export const INBOX_MAX_ITEMS = 100_000;

/** Extra tries of a page the service throttled (after the SDK's own retries), each after its place's pause. */
export const INBOX_THROTTLE_RETRIES = 3;

/**
 * `fetch`, tried again after a throttling answer once its place has paused (the place alone slows
 * down, see `PlaceGate`), so a busy service delays the inbox instead of emptying it.
 */
function patient<T>(fetch: PageFetcher<T>, place: PlaceGate, signal: AbortSignal | undefined): PageFetcher<T> {
  return async (token) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(token);
      } catch (e) {
        if (attempt >= INBOX_THROTTLE_RETRIES || !isLicenseManagerError(e) || e.kind !== 'throttled') throw e;
        await place.backoff(signal);
      }
    }
  };
}

/** What one place answered: its lists, or why a list failed. */
export interface InboxPlaceResult extends InboxListing {
  /** Why ListReceivedGrants failed (a `LicenseManagerError`, or the abort reason). */
  readonly receivedError?: unknown;
  /** Why ListDistributedGrants failed. */
  readonly distributedError?: unknown;
}

/** Options of `loadInbox`. */
export interface LoadInboxOptions {
  /** The facade of a (profile, region), e.g. the client factory's `get`. */
  readonly api: (profile: string, region: string) => LicenseManagerApi;
  readonly collectAll: CollectAll;
  /** Calls in flight at most, all places together; default `GLOBAL_CALL_LIMIT`. */
  readonly limit?: number;
  /** Calls in flight at most per profile and region; default `PLACE_CALL_LIMIT`. */
  readonly perPlace?: number;
  /** Stops starting calls and paging; places not done settle with the abort reason as their error. */
  readonly signal?: AbortSignal;
  /** The account of a profile, when known (merges organization grants across profiles). */
  readonly accountOf?: (profile: string) => string | undefined;
  /** Called once per place, as soon as both its lists have settled. */
  readonly onPlace?: (result: InboxPlaceResult) => void;
}

/** Result of `loadInbox`. */
export interface InboxLoad {
  /** One per place, in the order given. */
  readonly results: InboxPlaceResult[];
  readonly items: InboxItem[];
}

/**
 * Lists received and distributed grants of every place, fully paged. Calls are
 * ordered so that every place's received grants (what the badge counts) come
 * first. A throttled page is tried again a few times. Never rejects for a
 * place's failure: it is in that place's result.
 */
export async function loadInbox(places: readonly InboxPlace[], options: LoadInboxOptions): Promise<InboxLoad> {
  const calls = (['received', 'distributed'] as const).flatMap((side) => places.map((place, index) => ({ side, place, index })));
  const partial = places.map(() => ({}) as Partial<Record<GrantSide, PromiseSettledResult<Grant[]>>>);
  const results: InboxPlaceResult[] = new Array(places.length);
  const list = async (side: GrantSide, place: InboxPlace, signal: AbortSignal | undefined, gate: PlaceGate): Promise<Grant[]> => {
    const api = options.api(place.profile, place.region);
    const fetch: PageFetcher<Grant> = (nextToken) =>
      side === 'received'
        ? api.listReceivedGrants({ maxResults: INBOX_PAGE_SIZE, nextToken })
        : api.listDistributedGrants({ maxResults: INBOX_PAGE_SIZE, nextToken });
    return (await options.collectAll(patient(fetch, gate, signal), { maxItems: INBOX_MAX_ITEMS, signal })).items;
  };
  await fanOut(calls, (call, signal, gate) => list(call.side, call.place, signal, gate), {
    limit: options.limit ?? DEFAULT_FAN_OUT_LIMIT,
    perPlace: options.perPlace,
    placeOf: (call) => placeKeyOf(call.place),
    signal: options.signal,
    onSettled: (call, settled) => {
      const sides = partial[call.index];
      sides[call.side] = settled;
      if (!sides.received || !sides.distributed) return;
      const result = placeResult(call.place, sides.received, sides.distributed, options.accountOf?.(call.place.profile));
      results[call.index] = result;
      options.onPlace?.(result);
    },
  });
  return { results, items: buildInbox(results) };
}

function placeResult(
  place: InboxPlace,
  received: PromiseSettledResult<Grant[]>,
  distributed: PromiseSettledResult<Grant[]>,
  accountId: string | undefined,
): InboxPlaceResult {
  return {
    profile: place.profile,
    region: place.region,
    ...(accountId !== undefined ? { accountId } : {}),
    ...(received.status === 'fulfilled' ? { received: received.value } : { receivedError: received.reason }),
    ...(distributed.status === 'fulfilled' ? { distributed: distributed.value } : { distributedError: distributed.reason }),
  };
}
