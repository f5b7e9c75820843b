/**
 * ClientTokens of writes not known to be done, by the request they were made for: the same request
 * sent again (the user retries after a lost answer, a failure or a cancel) reuses the first token,
 * so the service applies it at most once. Forgotten when the write is known to be done, and after
 * an hour.
 */
export const PENDING_TOKEN_MS = 60 * 60_000;
/** Requests remembered at most (the oldest is forgotten first). */
export const PENDING_TOKEN_LIMIT = 200;

export class PendingTokens {
  private readonly tokens = new Map<string, { readonly token: string; readonly expires: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = PENDING_TOKEN_MS,
    private readonly limit = PENDING_TOKEN_LIMIT,
  ) {}

  /** The token of an earlier unfinished `request` (a canonical text of everything it asks), or a fresh one kept for it. */
  take(request: string, fresh: () => string): string {
    const now = this.now();
    const known = this.tokens.get(request);
    if (known && known.expires > now) return known.token;
    const token = fresh();
    this.tokens.delete(request);
    this.tokens.set(request, { token, expires: now + this.ttlMs });
    while (this.tokens.size > this.limit) this.tokens.delete(this.tokens.keys().next().value as string);
    return token;
  }

  /** The request is done (answered, or found to have landed): a new identical request is a new write. */
  settle(request: string): void {
    this.tokens.delete(request);
  }
}
