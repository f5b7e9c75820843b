/**
 * Bounded-concurrency fan-out over (profile, region) targets, shared by every
 * flow that asks several profiles and regions at once (palette pickers, the
 * grants inbox). Results are delivered as each call settles.
 */

/** One place to ask: a profile and one of its regions. */
export interface Target {
  readonly profile: string;
  readonly region: string;
}

/** Options of `fanOut`. */
export interface FanOutOptions<T, R> {
  /** Calls in flight at most, all targets together. Default 8. */
  readonly limit?: number;
  /** Stops starting new calls and is passed to running ones. */
  readonly signal?: AbortSignal;
  /** Called once per target as soon as its call settles, in settle order. */
  readonly onSettled?: (target: T, result: PromiseSettledResult<R>) => void;
}

/** Default cap on calls in flight. */
export const DEFAULT_FAN_OUT_LIMIT = 8;

/**
 * Runs `task` once per target with at most `limit` running at a time and
 * resolves with every outcome in the order of `targets` (never rejects). Once
 * `signal` is aborted, targets not yet started settle as rejected with the
 * signal's reason without calling `task`.
 */
export async function fanOut<T, R>(
  targets: readonly T[],
  task: (target: T, signal: AbortSignal | undefined) => Promise<R>,
  options: FanOutOptions<T, R> = {},
): Promise<PromiseSettledResult<R>[]> {
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_FAN_OUT_LIMIT));
  const results = new Array<PromiseSettledResult<R>>(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index];
      let result: PromiseSettledResult<R>;
      if (options.signal?.aborted) {
        result = { status: 'rejected', reason: options.signal.reason };
      } else {
        try {
          result = { status: 'fulfilled', value: await task(target, options.signal) };
        } catch (reason) {
          result = { status: 'rejected', reason };
        }
      }
      results[index] = result;
      options.onSettled?.(target, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, targets.length) }, () => worker()));
  return results;
}
