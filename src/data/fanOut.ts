/**
 * Bounded-concurrency fan-out over (profile, region) targets, shared by every
 * flow that asks several profiles and regions at once (palette pickers, the
 * grants inbox). Results are delivered as each call settles.
 */

import { receivedLicenseRegion } from '../model/regions';

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

/** A selected profile with its selected regions, in order. */
export interface ProfileRegions {
  readonly profile: string;
  readonly regions: readonly string[];
}

/** One (profile, region) of the selection; `regions` are all the regions selected for the profile. */
export interface SelectedTarget extends Target {
  readonly regions: readonly string[];
}

/** Every (profile, region) of a selection, in selection order. */
export function selectedTargets(selection: readonly ProfileRegions[]): SelectedTarget[] {
  return selection.flatMap((s) => s.regions.map((region) => ({ profile: s.profile, region, regions: s.regions })));
}

/**
 * The one received-license rule applied to a target: true where the explorer shows
 * a received license with this home region (see `receivedLicenseRegion`), so a
 * license listed in every region is picked once per profile, in the tree's place.
 */
export function showsReceivedHere(target: SelectedTarget, homeRegion: string | undefined): boolean {
  return receivedLicenseRegion(homeRegion, target.regions) === target.region;
}

/** What a gather has found so far. */
export interface Gathered<R> {
  /** Found items, in selection order whatever order the answers came in. */
  readonly items: R[];
  readonly failures: ReadonlyArray<{ readonly target: SelectedTarget; readonly error: unknown }>;
  /** Targets still to answer. */
  readonly pending: number;
}

export interface GatherOptions<R> {
  readonly signal?: AbortSignal;
  readonly limit?: number;
  /** Called after each answer with everything found so far. */
  readonly onProgress?: (found: Gathered<R>) => void;
}

/**
 * The one way to pick across the selected profiles and regions: runs `load` once per
 * (profile, region) through `fanOut` and gathers the items in selection order, so the
 * result does not depend on which region answers first. Failures are collected, not thrown.
 */
export async function gatherAcross<R>(
  selection: readonly ProfileRegions[],
  load: (target: SelectedTarget, signal: AbortSignal | undefined) => Promise<readonly R[]>,
  options: GatherOptions<R> = {},
): Promise<Gathered<R>> {
  const targets = selectedTargets(selection);
  const answers = new Map<SelectedTarget, PromiseSettledResult<readonly R[]>>();
  const snapshot = (): Gathered<R> => {
    const items: R[] = [];
    const failures: Array<{ target: SelectedTarget; error: unknown }> = [];
    for (const target of targets) {
      const a = answers.get(target);
      if (a?.status === 'fulfilled') items.push(...a.value);
      else if (a?.status === 'rejected') failures.push({ target, error: a.reason });
    }
    return { items, failures, pending: targets.length - answers.size };
  };
  await fanOut(targets, load, {
    signal: options.signal,
    limit: options.limit,
    onSettled: (target, result) => {
      answers.set(target, result);
      options.onProgress?.(snapshot());
    },
  });
  return snapshot();
}
