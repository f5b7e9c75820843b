import { LicenseManagerError } from './errors';
import type { Page } from './types';

/** Fetches the page that starts at `nextToken` (`undefined` for the first page). */
export type PageFetcher<T> = (nextToken: string | undefined) => Promise<Page<T>>;

/** Options of `pages`. */
export interface PagesOptions {
  /** Token of the first page to fetch; omitted starts at the beginning. */
  readonly startToken?: string;
  /** Stops before fetching another page once aborted. */
  readonly signal?: AbortSignal;
}

/** Kind `unexpectedAnswer`: the next-page token was seen before (a repeat, or a cycle such as A → B → A). */
export function repeatedToken(): LicenseManagerError {
  return new LicenseManagerError(
    'unexpectedAnswer',
    'The service returned a page token it had already returned (the pages go round in a cycle); listing stopped to avoid an endless loop.',
    { code: 'RepeatedNextToken' },
  );
}

/**
 * Yields every page of a list operation, following `nextToken` until a page
 * has none (an empty string counts as none). Rejects with a
 * `LicenseManagerError` (kind `unexpectedAnswer`, code `RepeatedNextToken`) when
 * the service returns any token seen before in this listing (a repeat or a
 * cycle A → B → A), instead of looping forever.
 */
export async function* pages<T>(fetch: PageFetcher<T>, options: PagesOptions = {}): AsyncGenerator<Page<T>, void, undefined> {
  const seen = new Set<string>();
  let token = options.startToken || undefined;
  if (token) seen.add(token);
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await fetch(token);
    yield page;
    const next = page.nextToken || undefined;
    if (next === undefined) return;
    if (seen.has(next)) throw repeatedToken();
    seen.add(next);
    token = next;
  }
}

/** Options of `collectAll`. */
export interface CollectOptions extends PagesOptions {
  /** Most items to return; further pages are not fetched once reached. Default 10,000. */
  readonly maxItems?: number;
}

/** Result of `collectAll`. */
export interface Collected<T> {
  readonly items: T[];
  /** False when `maxItems` cut the listing short. */
  readonly complete: boolean;
  /**
   * True when `maxItems` cut the listing short: `items` is not everything, and
   * whatever shows or exports them must say so. Always `!complete`.
   */
  readonly truncated: boolean;
}

/** Collects the items of every page, up to `maxItems` (then `truncated` is true). */
export async function collectAll<T>(fetch: PageFetcher<T>, options: CollectOptions = {}): Promise<Collected<T>> {
  const max = options.maxItems ?? 10_000;
  const items: T[] = [];
  for await (const page of pages(fetch, options)) {
    const room = max - items.length;
    if (page.items.length > room) {
      items.push(...page.items.slice(0, room));
      return { items, complete: false, truncated: true };
    }
    items.push(...page.items);
    if (items.length >= max && page.nextToken) return { items, complete: false, truncated: true };
  }
  return { items, complete: true, truncated: false };
}
