/**
 * When the grants inbox refreshes: on first visibility, then every interval while
 * the window is focused, on focus when the last refresh is older than the
 * interval, and on demand. Refreshes never overlap; failures back off (doubling,
 * capped). Pure: the clock and timers are injected; no `vscode`.
 */

/** The clock and timers the schedule uses (the real ones, or a test's). */
export interface ScheduleTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: ScheduleTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** What one refresh reports: `ok` false after throttling or errors (the next poll backs off). */
export interface RefreshOutcome {
  readonly ok: boolean;
}

/** Longest wait between polls after failures, as a multiple of the interval. */
export const BACKOFF_CAP_FACTOR = 8;

/** The poll delay after `failures` failed refreshes in a row: doubling, capped. */
export function pollDelay(intervalMs: number, failures: number): number {
  return intervalMs * Math.min(2 ** Math.max(0, failures), BACKOFF_CAP_FACTOR);
}

export class InboxSchedule {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: unknown;
  private lastRefresh: number | undefined;
  private readonly started: number;
  private failures = 0;
  private focused: boolean;
  private shown = false;
  private disposed = false;

  constructor(
    private readonly refresh: () => Promise<RefreshOutcome>,
    private intervalMs: number,
    focused: boolean,
    private readonly timers: ScheduleTimers = realTimers,
  ) {
    this.focused = focused;
    this.started = timers.now();
    this.arm();
  }

  /** Whether a refresh is running. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** When the last refresh finished (clock ms), if any. */
  get lastRefreshAt(): number | undefined {
    return this.lastRefresh;
  }

  /** The poll interval in ms; 0 turns polling off. */
  setInterval(ms: number): void {
    this.intervalMs = Math.max(0, ms);
    this.arm();
  }

  /** The view became visible or hidden; the first time it shows, the inbox loads. */
  setVisible(visible: boolean): void {
    if (!visible || this.shown) return;
    this.shown = true;
    if (this.lastRefresh === undefined) this.poll();
    else this.arm();
  }

  /** The window gained or lost focus: polling stops while unfocused, and catches up on focus. */
  setFocused(focused: boolean): void {
    this.focused = focused;
    if (!focused) return this.disarm();
    if (this.shown && this.intervalMs > 0 && this.timers.now() - (this.lastRefresh ?? this.started) >= this.delay()) this.poll();
    else this.arm();
  }

  /**
   * Refreshes now, or, when one is running, once more after it (a manual refresh
   * must see what is there now). Resolves when the inbox is up to date.
   */
  refreshNow(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.disarm();
    const run = (async () => {
      do {
        this.again = false;
        let ok = false;
        try {
          ok = (await this.refresh()).ok;
        } catch {
          ok = false;
        }
        this.failures = ok ? 0 : this.failures + 1;
        this.lastRefresh = this.timers.now();
      } while (this.again && !this.disposed);
    })();
    this.running = run.finally(() => {
      this.running = undefined;
      this.arm();
    });
    return this.running;
  }

  /** A refresh nobody waits for. `refreshNow` does not reject: a failed refresh counts toward the back-off. */
  private poll(): void {
    this.refreshNow().catch(() => undefined);
  }

  private delay(): number {
    return pollDelay(this.intervalMs, this.failures);
  }

  /** Sets the poll timer for the next due time, when polling is on, the window focused and the view has been shown (or refreshed on demand). */
  private arm(): void {
    this.disarm();
    if (this.disposed || this.running || !this.focused || this.intervalMs <= 0) return;
    if (!this.shown && this.lastRefresh === undefined) return;
    const due = (this.lastRefresh ?? this.started) + this.delay();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.poll();
    }, Math.max(0, due - this.timers.now()));
  }

  private disarm(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
  }
}
