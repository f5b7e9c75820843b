import * as assert from 'node:assert/strict';
import { fanOut } from '../../src/data/fanOut';

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
});
