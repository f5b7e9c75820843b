/**
 * Bounded-concurrency fan-out over (profile, region) targets, shared by every
 * flow that asks several profiles and regions at once (palette pickers, the
 * grants inbox, bulk grant actions). Calls are bounded twice: all together
 * (`GLOBAL_CALL_LIMIT`) and per place, a profile and region
 * (`PLACE_CALL_LIMIT`), since AWS throttles per account and region; a place
 * that is throttled backs off alone (see `placeLimit.ts`). Results are
 * delivered as each call settles.
 */

import { receivedLicenseRegion } from '../model/regions';
import { GLOBAL_CALL_LIMIT, PLACE_CALL_LIMIT, PlaceState, placeKeyOf } from './placeLimit';

/** One place to ask: a profile and one of its regions. */
export interface Target {
  readonly profile: string;
  readonly region: string;
}

/** Options of `fanOut`. */
export interface FanOutOptions<T, R> {
  /** Calls in flight at most, all targets together. Default `GLOBAL_CALL_LIMIT`. */
  readonly limit?: number;
  /** Calls in flight at most per place. Default `PLACE_CALL_LIMIT`. */
  readonly perPlace?: number;
  /**
   * The place of a target (AWS throttles per account and region). Default: its profile and region
   * when it names both; targets without them share one place bounded by `limit` alone.
   */
  readonly placeOf?: (target: T) => string;
  /** Stops starting new calls and is passed to running ones. */
  readonly signal?: AbortSignal;
  /** Called once per target as soon as its call settles, in settle order. */
  readonly onSettled?: (target: T, result: PromiseSettledResult<R>) => void;
}

/** Default cap on calls in flight, all places together. */
export const DEFAULT_FAN_OUT_LIMIT = GLOBAL_CALL_LIMIT;

/** What a task knows of its place: it reports throttling there and waits out the place's pause. */
export interface PlaceGate {
  /**
   * The place was throttled: halves its limit, pauses new calls there, and resolves when the pause
   * ends (rejects with the signal's reason when `signal` aborts first). Other places go on.
   */
  backoff(signal?: AbortSignal): Promise<void>;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Runs `task` once per target, at most `limit` at a time and at most `perPlace` per place, in the
 * order of `targets` as far as the bounds allow, and resolves with every outcome in that order
 * (never rejects). Once `signal` is aborted, targets not yet started settle as rejected with the
 * signal's reason without calling `task`.
 */
export function fanOut<T, R>(
  targets: readonly T[],
  task: (target: T, signal: AbortSignal | undefined, place: PlaceGate) => Promise<R>,
  options: FanOutOptions<T, R> = {},
): Promise<PromiseSettledResult<R>[]> {
  const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_FAN_OUT_LIMIT));
  const perPlace = Math.max(1, Math.floor(options.perPlace ?? PLACE_CALL_LIMIT));
  const placeOf = options.placeOf ?? placeKeyOf;
  const signal = options.signal;
  const places = new Map<string, PlaceState>();
  const stateOf = (key: string): PlaceState => {
    let s = places.get(key);
    if (!s) places.set(key, (s = new PlaceState(key === '' ? Number.POSITIVE_INFINITY : perPlace)));
    return s;
  };
  const results = new Array<PromiseSettledResult<R>>(targets.length);
  const queue = targets.map((_, i) => i);
  let active = 0;
  let settled = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => pump();
    const settle = (index: number, result: PromiseSettledResult<R>): void => {
      results[index] = result;
      settled++;
      try {
        options.onSettled?.(targets[index], result);
      } finally {
        if (settled === targets.length) {
          if (timer) clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(results);
        }
      }
    };
    const start = (index: number, place: PlaceState): void => {
      active++;
      place.active++;
      const gate: PlaceGate = { backoff: (s) => pause(place.throttled(Date.now()), s) };
      let call: Promise<R>;
      try {
        call = task(targets[index], signal, gate);
      } catch (e) {
        call = Promise.reject(e);
      }
      call.then(
        (value) => {
          place.succeeded();
          return { status: 'fulfilled', value } as const;
        },
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      ).then((result) => {
        active--;
        place.active--;
        settle(index, result);
        pump();
      }).catch((e: unknown) => reject(e instanceof Error ? e : new Error(String(e)))); // only an `onSettled` that throws
    };
    function pump(): void {
      if (signal?.aborted) {
        for (const index of queue.splice(0)) settle(index, { status: 'rejected', reason: signal.reason });
        return;
      }
      const now = Date.now();
      let wake = Number.POSITIVE_INFINITY;
      for (let q = 0; q < queue.length && active < limit; ) {
        const place = stateOf(placeOf(targets[queue[q]]));
        if (place.canStart(now)) {
          start(queue.splice(q, 1)[0], place);
          continue;
        }
        if (place.active < place.limit) wake = Math.min(wake, place.resumeAt);
        q++;
      }
      if (timer) clearTimeout(timer);
      timer = queue.length > 0 && wake < Number.POSITIVE_INFINITY ? setTimeout(pump, Math.max(0, wake - now)) : undefined;
    }
    if (targets.length === 0) {
      resolve(results);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    pump();
  });
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
