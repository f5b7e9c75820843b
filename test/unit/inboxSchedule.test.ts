import * as assert from 'node:assert/strict';
import { BACKOFF_CAP_FACTOR, InboxSchedule, pollDelay, type ScheduleTimers } from '../../src/state/inboxSchedule';

/** A clock that moves only when the test says so. */
class FakeClock implements ScheduleTimers {
  time = 0;
  private seq = 0;
  readonly pending = new Map<number, { at: number; fn: () => void }>();
  now = (): number => this.time;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown): void => {
    this.pending.delete(h as number);
  };
  /** Moves time forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const MIN = 60_000;

function setup(options: { interval?: number; focused?: boolean; ok?: () => boolean } = {}) {
  const clock = new FakeClock();
  const calls: number[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const schedule = new InboxSchedule(
    async () => {
      calls.push(clock.now());
      if (hold) await new Promise<void>((r) => (release = r));
      return { ok: options.ok ? options.ok() : true };
    },
    options.interval ?? 15 * MIN,
    options.focused ?? true,
    clock,
  );
  return {
    clock,
    calls,
    schedule,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('inbox refresh schedule', () => {
  it('makes no call at start, loads when the view first shows, then polls every interval', async () => {
    const s = setup();
    await s.clock.advance(1000);
    assert.deepEqual(s.calls, []);
    s.schedule.setVisible(true);
    await flush();
    assert.deepEqual(s.calls, [1000]);
    s.schedule.setVisible(false);
    s.schedule.setVisible(true);
    await flush();
    assert.equal(s.calls.length, 1, 'showing the view again does not reload it');
    await s.clock.advance(15 * MIN);
    assert.deepEqual(s.calls, [1000, 1000 + 15 * MIN]);
  });

  it('does not poll before the view is first shown, even with polling on', async () => {
    const s = setup();
    await s.clock.advance(60 * MIN);
    s.schedule.setFocused(false);
    s.schedule.setFocused(true);
    await s.clock.advance(60 * MIN);
    assert.deepEqual(s.calls, []);
    s.schedule.setVisible(true);
    await flush();
    await s.clock.advance(15 * MIN);
    assert.deepEqual(s.calls, [120 * MIN, 135 * MIN]);
  });

  it('never calls while polling is off and the view is hidden', async () => {
    const s = setup({ interval: 0 });
    await s.clock.advance(10 * 60 * MIN);
    s.schedule.setFocused(false);
    s.schedule.setFocused(true);
    await s.clock.advance(60 * MIN);
    assert.deepEqual(s.calls, []);
  });

  it('stops while unfocused and refreshes on focus when the last refresh is older than the interval', async () => {
    const s = setup();
    s.schedule.setVisible(true);
    await flush();
    s.schedule.setFocused(false);
    await s.clock.advance(40 * MIN);
    assert.equal(s.calls.length, 1, 'no polling while unfocused');
    s.schedule.setFocused(true);
    await flush();
    assert.deepEqual(s.calls, [0, 40 * MIN]);
    s.schedule.setFocused(false);
    await s.clock.advance(5 * MIN);
    s.schedule.setFocused(true);
    await flush();
    assert.equal(s.calls.length, 2, 'a recent refresh is not repeated on focus');
    await s.clock.advance(10 * MIN);
    assert.deepEqual(s.calls, [0, 40 * MIN, 55 * MIN], 'the next poll keeps the interval from the last refresh');
  });

  it('never overlaps: a tick or a request during a refresh runs at most one more afterwards', async () => {
    const s = setup({ interval: MIN });
    s.holdNext();
    s.schedule.setVisible(true);
    await flush();
    await s.clock.advance(5 * MIN);
    assert.equal(s.calls.length, 1, 'no poll while a refresh runs');
    const manual = [s.schedule.refreshNow(), s.schedule.refreshNow()];
    assert.ok(s.schedule.busy);
    s.release();
    await flush();
    await flush();
    await Promise.all(manual);
    assert.equal(s.calls.length, 2, 'the manual refreshes ran once, after the first');
    assert.equal(s.schedule.busy, false);
  });

  it('backs off after failures, doubling up to a cap, and recovers after a success', async () => {
    let ok = false;
    const s = setup({ interval: MIN, ok: () => ok });
    s.schedule.setVisible(true);
    await flush();
    await s.clock.advance(2 * MIN);
    await s.clock.advance(4 * MIN);
    await s.clock.advance(8 * MIN);
    await s.clock.advance(8 * MIN);
    assert.deepEqual(s.calls, [0, 2, 6, 14, 22].map((m) => m * MIN));
    ok = true;
    await s.clock.advance(8 * MIN);
    await s.clock.advance(MIN);
    assert.deepEqual(s.calls.slice(-2), [30 * MIN, 31 * MIN]);
  });

  it('a new interval applies at once; 0 cancels the pending poll', async () => {
    const s = setup();
    s.schedule.setVisible(true);
    await flush();
    s.schedule.setInterval(MIN);
    await s.clock.advance(MIN);
    assert.equal(s.calls.length, 2);
    s.schedule.setInterval(0);
    await s.clock.advance(60 * MIN);
    assert.equal(s.calls.length, 2);
  });

  it('pollDelay doubles and caps', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 10].map((f) => pollDelay(100, f)), [100, 200, 400, 800, 800, 800].map((x) => Math.min(x, 100 * BACKOFF_CAP_FACTOR)));
  });
});
