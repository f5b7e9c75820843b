import type { Page } from '../aws/types';

/** Fetches the page that starts at `nextToken` (the first page when undefined). */
export type PageFetcher<T> = (nextToken: string | undefined) => Promise<Page<T>>;

/** Shaped like the AWS layer's `LicenseManagerError` (kind `unexpectedAnswer`), which this layer cannot construct. */
function tokenCycle(): Error {
  return Object.assign(
    new Error('The service returned a page token it had already returned (the pages go round in a cycle); listing stopped to avoid an endless loop.'),
    { name: 'LicenseManagerError', kind: 'unexpectedAnswer', details: { code: 'RepeatedNextToken' } },
  );
}

/** The AWS layer's kind `cancelled`: the caller abandoned the call. */
function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'cancelled';
}

/**
 * Page-at-a-time state of one list: the items loaded so far (each key once),
 * the token of the next page, and the failure of the last attempt. At most one
 * request is in flight; a concurrent call shares it.
 */
export class PagedList<T> {
  private entries: T[] = [];
  private readonly index = new Map<string, number>();
  private token: string | undefined;
  /** Every next-page token received since the last reset; one seen again means the pages cycle. */
  private readonly seenTokens = new Set<string>();
  private firstPageDone = false;
  private failure: { error: unknown; token: string | undefined } | undefined;
  private inflight: Promise<void> | undefined;
  private generation = 0;

  constructor(private readonly keyOf: (item: T) => string | undefined) {}

  get items(): readonly T[] {
    return this.entries;
  }
  get nextToken(): string | undefined {
    return this.token;
  }
  /** The first page has arrived. */
  get loaded(): boolean {
    return this.firstPageDone;
  }
  /** Failure of the first page (nothing to show but the error). */
  get error(): unknown {
    return this.failure && this.failure.token === undefined ? this.failure.error : undefined;
  }
  /** Failure of a later page (the loaded items stay). */
  get moreError(): unknown {
    return this.failure && this.failure.token !== undefined ? this.failure.error : undefined;
  }

  /** Loads the first page unless it is loaded, failed (retry with `reset`) or loading. */
  ensureLoaded(fetch: PageFetcher<T>): Promise<void> {
    if (this.inflight) return this.inflight;
    if (this.firstPageDone || this.failure) return Promise.resolve();
    return this.run(undefined, fetch);
  }

  /**
   * Loads the page after `token`. Does nothing unless `token` is the current next
   * token, so a stale "load more" cannot load a page twice.
   */
  loadMore(token: string, fetch: PageFetcher<T>): Promise<void> {
    if (this.inflight) return this.inflight;
    if (!this.firstPageDone || token !== this.token) return Promise.resolve();
    return this.run(token, fetch);
  }

  /** Forgets everything; a request still in flight is ignored when it settles. */
  reset(): void {
    this.generation++;
    this.entries = [];
    this.index.clear();
    this.token = undefined;
    this.seenTokens.clear();
    this.firstPageDone = false;
    this.failure = undefined;
    this.inflight = undefined;
  }

  /** Replaces the item with the same key (after reloading one item). */
  replace(item: T): boolean {
    const key = this.keyOf(item);
    const at = key === undefined ? undefined : this.index.get(key);
    if (at === undefined) return false;
    this.entries = this.entries.map((e, i) => (i === at ? item : e));
    return true;
  }

  private run(token: string | undefined, fetch: PageFetcher<T>): Promise<void> {
    const generation = this.generation;
    const request: Promise<void> = Promise.resolve()
      .then(() => fetch(token))
      .then(
        (page) => {
          if (generation !== this.generation) return;
          this.append(page.items);
          this.firstPageDone = true;
          const next = page.nextToken || undefined;
          // A token seen before (a repeat, or a cycle A → B → A) would make Load more endless.
          // The error stays on this page's token, shown where Load more was; no further page is asked for.
          if (next !== undefined && this.seenTokens.has(next)) {
            this.token = token ?? next;
            this.failure = { error: tokenCycle(), token: token ?? next };
            return;
          }
          if (next !== undefined) this.seenTokens.add(next);
          this.token = next;
          this.failure = undefined;
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          // A cancelled later page is no failure: the loaded items and Load more stay as they were.
          if (token !== undefined && isCancelled(error)) return;
          this.failure = { error: error ?? new Error('Unknown error'), token };
        },
      )
      .finally(() => {
        if (this.inflight === request) this.inflight = undefined;
      });
    this.inflight = request;
    return request;
  }

  private append(items: readonly T[]): void {
    for (const item of items) {
      const key = this.keyOf(item);
      if (key !== undefined && this.index.has(key)) continue;
      if (key !== undefined) this.index.set(key, this.entries.length);
      this.entries.push(item);
    }
  }
}
