import * as assert from 'node:assert/strict';
import { fanOut } from '../../src/data/fanOut';
import { PlaceState } from '../../src/data/placeLimit';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('fanOut across profiles and regions', () => {
  it('never has more calls in flight than the limit and answers every target', async () => {
    let running = 0;
    let peak = 0;
    const targets = Array.from({ length: 20 }, (_, i) => i);
    const results = await fanOut(
      targets,
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1 + (n % 3)));
        running--;
        return n * 10;
      },
      { limit: 3 },
    );
    assert.equal(peak, 3);
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value : 'x')),
      [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190],
    );
  });

  it('reports each target as it settles and keeps failures next to successes', async () => {
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    const seen: string[] = [];
    const all = fanOut(['a', 'b', 'c'], (t) => gates['abc'.indexOf(t)].promise, {
      onSettled: (t, r) => seen.push(`${t}:${r.status}`),
    });
    gates[2].resolve('C');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(seen, ['c:fulfilled']);
    gates[0].reject(new Error('denied'));
    gates[1].resolve('B');
    const results = await all;
    assert.deepEqual(seen, ['c:fulfilled', 'a:rejected', 'b:fulfilled']);
    assert.equal(results[0].status, 'rejected');
    assert.equal((results[0] as PromiseRejectedResult).reason.message, 'denied');
  });

  it('starts nothing more once cancelled', async () => {
    const controller = new AbortController();
    let started = 0;
    const results = await fanOut(
      [1, 2, 3, 4],
      async () => {
        started++;
        controller.abort(new Error('cancelled by user'));
        return 1;
      },
      { limit: 1, signal: controller.signal },
    );
    assert.equal(started, 1);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'rejected']);
  });

  describe('per profile and region', () => {
    const place = (profile: string, region: string, n: number) => ({ profile, region, n });

    it('bounds each place apart from the bound of all places together', async () => {
      const targets = [
        ...Array.from({ length: 6 }, (_, n) => place('a', 'us-east-1', n)),
        ...Array.from({ length: 6 }, (_, n) => place('b', 'us-east-1', n)),
        ...Array.from({ length: 6 }, (_, n) => place('a', 'eu-west-1', n)),
      ];
      const running = new Map<string, number>();
      const peaks = new Map<string, number>();
      let all = 0;
      let peakAll = 0;
      await fanOut(
        targets,
        async (t) => {
          const key = `${t.profile}/${t.region}`;
          running.set(key, (running.get(key) ?? 0) + 1);
          peaks.set(key, Math.max(peaks.get(key) ?? 0, running.get(key)!));
          peakAll = Math.max(peakAll, ++all);
          await new Promise((r) => setTimeout(r, 5));
          running.set(key, running.get(key)! - 1);
          all--;
        },
        { limit: 5, perPlace: 2 },
      );
      assert.deepEqual(Object.fromEntries(peaks), { 'a/us-east-1': 2, 'b/us-east-1': 2, 'a/eu-west-1': 2 });
      assert.equal(peakAll, 5);
    });

    it('backs off only the place that was throttled, and retries there after its pause', async () => {
      const startedAt: Array<{ key: string; at: number }> = [];
      const t0 = Date.now();
      let throttledOnce = false;
      const targets = [place('slow', 'us-east-1', 0), ...Array.from({ length: 4 }, (_, n) => place('slow', 'us-east-1', n + 1)), ...Array.from({ length: 4 }, (_, n) => place('fast', 'us-east-1', n))];
      const results = await fanOut(
        targets,
        async (t, signal, gate) => {
          const key = `${t.profile}#${t.n}`;
          startedAt.push({ key, at: Date.now() - t0 });
          if (t.profile === 'slow' && t.n === 0 && !throttledOnce) {
            throttledOnce = true;
            await gate.backoff(signal);
          }
          await new Promise((r) => setTimeout(r, 2));
          return key;
        },
        { limit: 10, perPlace: 1 },
      );
      assert.equal(results.every((r) => r.status === 'fulfilled'), true);
      const slowLater = startedAt.filter((s) => s.key.startsWith('slow#') && s.key !== 'slow#0');
      const fast = startedAt.filter((s) => s.key.startsWith('fast#'));
      // The throttled place waits its pause (at least 3/4 of the first 250 ms) before its next call...
      assert.ok(slowLater.every((s) => s.at >= 180), `slow starts ${JSON.stringify(slowLater)}`);
      // ...while the other place goes on at once.
      assert.ok(fast.every((s) => s.at < 150), `fast starts ${JSON.stringify(fast)}`);
    });

    it('waits out a burst of throttling once: calls throttled during the pause end with it', async () => {
      const s = new PlaceState(8);
      assert.equal(s.throttled(1000, () => 0.5), 250);
      assert.equal(s.limit, 4);
      assert.equal(s.throttled(1100, () => 0.5), 150);
      assert.equal(s.limit, 4);
      assert.equal(s.canStart(1249), false);
      assert.equal(s.canStart(1250), true);
      assert.equal(s.throttled(1300, () => 0.5), 500);
      assert.equal(s.limit, 2);
      s.succeeded();
      assert.equal(s.limit, 3);
    });
  });
});
