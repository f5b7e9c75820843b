/**
 * Sends one grant action to many grants: each grant its own request (and ClientToken where the
 * operation takes one) under its own in-flight key, bounded per profile and region and in all by
 * the shared fan-out; a throttled place backs off alone and its grants are sent again after the
 * pause. Each grant's outcome is told as the single-grant flow tells it: a lost answer is read
 * again (`checkOutcome`) and said as landed, not landed or unknown. No `vscode` here: the flow in
 * `bulk.ts` asks, shows progress and sums up.
 */
import { isLicenseManagerError, LicenseManagerError } from '../aws/errors';
import type { Grant, GrantMutationResult, LicenseManagerApi } from '../aws/types';
import { fanOut, type PlaceGate } from '../data/fanOut';
import { grantActionRecord, type GrantAction, type GrantDirection } from '../model/grantActions';
import { mayHaveLanded, refusedOutright } from '../model/mutationOutcome';
import { checkOutcome } from './outcome';

/** A grant action sent to a selection: one whose record has `bulk`. */
export type BulkAction = GrantAction;

/** One grant of a selection, as a view showed it. */
export interface BulkGrant {
  readonly grant: Grant;
  readonly profile: string;
  readonly region: string;
  readonly direction: GrantDirection;
}

/** How an action is sent: its operation, the status it leaves, its request. */
export interface BulkOperation {
  readonly operation: string;
  /** The status the grant has once the action landed. */
  readonly status: string;
  /** Everything the request asks when it takes a ClientToken (kept until it is known to be done). */
  request(grant: Grant): unknown;
  send(api: LicenseManagerApi, grant: Grant, clientToken: string, signal: AbortSignal | undefined): Promise<GrantMutationResult>;
}

/** How `action` is sent to each grant of a selection: its record's request, with no reason. */
export function bulkOperation(action: BulkAction): BulkOperation {
  const { flow, bulk } = grantActionRecord(action);
  if (!flow || !bulk) throw new Error(`${action} is not offered on a selection`);
  return {
    operation: flow.operation,
    status: flow.status,
    request: (grant) => flow.request?.({ grant, reason: undefined }),
    send: (api, grant, clientToken, signal) => flow.send(api, { grant, reason: undefined }, clientToken, signal ?? new AbortController().signal),
  };
}

/** What happened to one grant of a bulk action. */
export type BulkOutcome =
  /** The service answered: the grant is now `result`. */
  | { readonly kind: 'done'; readonly result: GrantMutationResult }
  /** The answer was lost; the grant read again shows the change. */
  | { readonly kind: 'landed'; readonly status: string; readonly version: string }
  /** The grant changed since it was loaded; nothing was changed. */
  | { readonly kind: 'stale'; readonly error: LicenseManagerError }
  /** Refused or failed before anything was written (or read again unchanged): nothing was changed. */
  | { readonly kind: 'failed'; readonly error: unknown }
  /** It may have landed and reading the grant again could not tell. */
  | { readonly kind: 'unknown'; readonly error: unknown }
  /** Another action on the grant was in flight; nothing was sent. */
  | { readonly kind: 'busy'; readonly running: string }
  /** Cancelled before it was sent; nothing was sent. */
  | { readonly kind: 'notSent' }
  /** Cancelled while its request was on its way: Refresh shows whether it took effect. */
  | { readonly kind: 'cancelled' };

/** What `sendBulk` needs: clients, tokens, the in-flight guard. */
export interface BulkSendDeps {
  api(profile: string, region: string): LicenseManagerApi;
  newClientToken(): string;
  readonly tokens: { take(request: string, fresh: () => string): string; settle(request: string): void };
  readonly inFlight: { tryRun<T>(key: string, label: string, fn: () => Promise<T>): Promise<{ busy: false; value: T } | { busy: true; running: string }> };
  /** The user's Cancel: nothing more is sent; requests on their way are aborted. */
  readonly signal?: AbortSignal;
  /** How long a lost answer is looked for (the call deadline). */
  readonly deadlineMs: number;
  readonly log: (line: string) => void;
  /** Calls in flight at most, all places together and per place; defaults of `fanOut`. */
  readonly limit?: number;
  readonly perPlace?: number;
  /** Called as each grant's outcome is known. */
  readonly onSettled?: (item: BulkGrant, outcome: BulkOutcome) => void;
}

/** Extra sends of a grant its place throttled, each after the place's pause. */
export const BULK_THROTTLE_RETRIES = 6;

/** The key under which a request's ClientToken is kept (the single-grant flow keeps the same). */
function requestKey(op: BulkOperation, item: BulkGrant): string | undefined {
  const request = op.request(item.grant);
  return request === undefined ? undefined : JSON.stringify([op.operation, item.profile, item.region, request]);
}

/** A throttling answer to the only attempt was a refusal: nothing was written. */
function throttledOutright(e: LicenseManagerError): boolean {
  return e.kind === 'throttled' && (e.details.attempts ?? 1) <= 1;
}

async function sendOne(op: BulkOperation, item: BulkGrant, deps: BulkSendDeps, signal: AbortSignal | undefined, gate: PlaceGate): Promise<BulkOutcome> {
  const pending = requestKey(op, item);
  const clientToken = pending === undefined ? deps.newClientToken() : deps.tokens.take(pending, () => deps.newClientToken());
  const api = deps.api(item.profile, item.region);
  const arn = item.grant.GrantArn;
  let earlierMayHaveLanded = false;
  for (let attempt = 0; ; attempt++) {
    let error: unknown;
    try {
      const result = await op.send(api, item.grant, clientToken, signal);
      if (pending !== undefined) deps.tokens.settle(pending);
      return { kind: 'done', result };
    } catch (e) {
      error = e;
    }
    if (!isLicenseManagerError(error)) return { kind: earlierMayHaveLanded ? 'unknown' : 'failed', error };
    const e = error;
    if (e.kind === 'cancelled') return earlierMayHaveLanded || attempt === 0 ? { kind: 'cancelled' } : { kind: 'notSent' };
    if (e.kind === 'throttled' && attempt < BULK_THROTTLE_RETRIES) {
      if (!throttledOutright(e)) earlierMayHaveLanded = true;
      try {
        await gate.backoff(signal);
      } catch {
        // Cancelled during the pause: a throttled request was refused, so nothing landed unless an earlier try may have.
        return earlierMayHaveLanded ? { kind: 'cancelled' } : { kind: 'notSent' };
      }
      continue;
    }
    const maybe = earlierMayHaveLanded || (mayHaveLanded(e.kind, e.details.attempts) && !throttledOutright(e));
    if (!maybe) {
      return e.kind === 'staleVersion' && refusedOutright(e.kind, e.details.attempts) ? { kind: 'stale', error: e } : { kind: 'failed', error: e };
    }
    const reading = new AbortController();
    const stop = (): void => reading.abort();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const checked = await checkOutcome(
        {
          key: arn,
          operation: op.operation,
          expect: { status: op.status, before: { status: item.grant.GrantStatus, version: item.grant.Version } },
          reread: async (a, s) => {
            const g = await a.getGrant(arn, undefined, { signal: s });
            return { status: g.GrantStatus, version: g.Version };
          },
        },
        // A refusal of a later try, after an earlier one whose answer was lost, may follow that earlier landing.
        mayHaveLanded(e.kind, e.details.attempts) ? e : new LicenseManagerError('network', e.message, { ...e.details, attempts: undefined }),
        { api, signal: reading.signal, deadlineMs: deps.deadlineMs, log: deps.log },
      );
      if (checked?.verdict === 'landed') {
        if (pending !== undefined) deps.tokens.settle(pending);
        return { kind: 'landed', status: checked.status, version: checked.version };
      }
      if (checked?.verdict === 'notLanded') return e.kind === 'staleVersion' ? { kind: 'stale', error: e } : { kind: 'failed', error: e };
      return { kind: 'unknown', error: e };
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }
}

/**
 * Sends `op` to every grant of `items` and answers each grant's outcome in the order given (never
 * rejects). A grant with another action in flight is left alone (`busy`); after Cancel, grants not
 * yet sent are `notSent`.
 */
export async function sendBulk(items: readonly BulkGrant[], op: BulkOperation, deps: BulkSendDeps): Promise<BulkOutcome[]> {
  const outcomes = new Array<BulkOutcome>(items.length);
  const index = new Map(items.map((item, i) => [item, i]));
  await fanOut(
    items,
    async (item, signal, gate): Promise<BulkOutcome> => {
      if (signal?.aborted) return { kind: 'notSent' };
      const run = await deps.inFlight.tryRun(item.grant.GrantArn, op.operation, () => sendOne(op, item, deps, signal, gate));
      return run.busy ? { kind: 'busy', running: run.running } : run.value;
    },
    {
      signal: deps.signal,
      limit: deps.limit,
      perPlace: deps.perPlace,
      onSettled: (item, settled) => {
        const outcome: BulkOutcome = settled.status === 'fulfilled' ? settled.value : deps.signal?.aborted ? { kind: 'notSent' } : { kind: 'failed', error: settled.reason };
        outcomes[index.get(item)!] = outcome;
        deps.log(`${op.operation} on ${item.grant.GrantArn} (${item.profile}, ${item.region}): ${outcome.kind}`);
        deps.onSettled?.(item, outcome);
      },
    },
  );
  return outcomes;
}
