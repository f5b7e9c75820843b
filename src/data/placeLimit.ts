/**
 * Per-place state of a fan-out: how many calls a (profile, region) may have in flight, and its
 * pause after throttling. AWS throttles per account and region, so a throttled place slows down
 * alone: its limit halves and it starts nothing new until its pause ends; each call that succeeds
 * there gives one slot back. No `vscode`, no timers of its own.
 */

/** Calls in flight at most, all places together. */
export const GLOBAL_CALL_LIMIT = 128;
/** Calls in flight at most per place (profile and region). */
export const PLACE_CALL_LIMIT = 8;
/** First pause of a throttled place; it doubles per throttling answer in a row, up to `MAX_BACKOFF_MS`. */
export const FIRST_BACKOFF_MS = 250;
export const MAX_BACKOFF_MS = 8_000;

/** The place of a target that names a profile and a region; other targets share one place. */
export function placeKeyOf(target: unknown): string {
  if (typeof target === 'object' && target !== null) {
    const { profile, region } = target as { profile?: unknown; region?: unknown };
    if (typeof profile === 'string' && typeof region === 'string') return `${profile}\n${region}`;
  }
  return '';
}

/** One place's share of a fan-out. */
export class PlaceState {
  /** Calls holding a slot of this place. */
  active = 0;
  /** Throttling answers since the last success. */
  strikes = 0;
  /** Nothing new starts here before this time (ms since epoch). */
  resumeAt = 0;
  limit: number;

  constructor(private readonly max: number) {
    this.limit = max;
  }

  /** True when a new call may start here at `now`. */
  canStart(now: number): boolean {
    return this.active < this.limit && now >= this.resumeAt;
  }

  /**
   * A call here was throttled: halve the limit and pause; answers how long to wait (with jitter).
   * Throttling answered while the place is already paused (the same burst) waits for the same end.
   */
  throttled(now: number, random: () => number = Math.random): number {
    if (now < this.resumeAt) return this.resumeAt - now;
    this.strikes++;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (this.strikes - 1));
    const wait = Math.round(base * (0.75 + random() * 0.5));
    this.resumeAt = Math.max(this.resumeAt, now + wait);
    return this.resumeAt - now;
  }

  /** A call here succeeded: one slot back, and the pause no longer grows from where it was. */
  succeeded(): void {
    this.strikes = Math.max(0, this.strikes - 1);
    this.limit = Math.min(this.max, this.limit + 1);
  }
}
