/**
 * Seeded shuffling of a mocha run: test files, suites and tests within each
 * suite. Hooks stay attached to their suites, so `before`/`after` still wrap
 * the tests they belong to. The seed comes from LM_TEST_SHUFFLE_SEED; the same
 * seed gives the same order.
 */
import type Mocha from 'mocha';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates in place. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Shuffles the child suites and the tests of `suite` and of every suite below it. */
export function shuffleSuite(suite: Mocha.Suite, random: () => number): void {
  shuffleInPlace(suite.suites, random);
  shuffleInPlace(suite.tests, random);
  for (const s of suite.suites) shuffleSuite(s, random);
}

/** The seed asked for in the environment, or undefined for the written order. */
export function shuffleSeed(): number | undefined {
  const raw = process.env.LM_TEST_SHUFFLE_SEED;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`LM_TEST_SHUFFLE_SEED must be a non-negative integer (got ${raw})`);
  return n;
}
