import * as vscode from 'vscode';
import { t, uiText, withProgress } from '../ui/window';
import { isLicenseManagerError } from '../aws/errors';
import type { GrantMutationResult, LicenseManagerApi } from '../aws/types';
import type { GrantDeps } from './deps';
import type { CategoryKind } from '../model/resources';
import { GRANT_LISTS, OTHER_SIDE } from '../model/resourceLists';
import { errorKindLabel } from '../model/errorKinds';
import { mayHaveLanded, refusedOutright } from '../model/mutationOutcome';
import { landedChange, landedMessage, notify } from './messages';
import type { Expectation } from '../model/mutationOutcome';
import { checkOutcome, type Checked, type Reread } from './outcome';
import { signInProfileOf, withSignIn } from './signIn';
import { markMadeHere } from './trusted';
import { noteAccessDenied } from './readOnly';

/** What a grant action changed, so views can reload it. */
export interface Affected {
  readonly grantArn?: string;
  readonly licenseArn?: string;
  /** More grants and licenses (a bulk action). */
  readonly arns?: readonly string[];
  /** Categories of the acting profile to reload. */
  readonly categories: readonly CategoryKind[];
}

/**
 * Tells the explorer and panels to reload: the acting profile's categories, and
 * in every other selected profile the lists where the other side of a grant
 * shows (`showsOtherSide` in `RESOURCE_LISTS`).
 */
export async function announceChange(ctx: GrantDeps, profile: string, affected: Affected): Promise<void> {
  const arns = [affected.grantArn, affected.licenseArn, ...(affected.arns ?? [])].filter((a): a is string => !!a);
  ctx.services.changes.fire({ profile, arns, categories: affected.categories });
  let others: string[] = [];
  try {
    others = (await ctx.services.state.selection()).map((s) => s.profile).filter((p) => p !== profile);
  } catch (e) {
    ctx.services.log.warn(`selection unavailable: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const p of new Set(others)) ctx.services.changes.fire({ profile: p, arns, categories: OTHER_SIDE });
}

export interface GrantActionSpec {
  readonly ctx: GrantDeps;
  /** The grant (or, for a new grant, the license) the action is about; one action per key at a time. */
  readonly key: string;
  /** The grant or license name for messages. */
  readonly name: string;
  readonly profile: string;
  readonly region: string;
  /** The API operation, named in failures. */
  readonly operation: string;
  /** Progress text, e.g. "Accepting grant “x”…". */
  readonly progress: string;
  readonly affected: Affected;
  /** The success notification; by default the grant's new status and version. */
  readonly done?: (result: GrantMutationResult) => string;
  /** What the write makes of the grant, to tell whether it landed when its answer is lost. */
  readonly expect: Expectation;
  /** Says the write landed, e.g. "Accepted". */
  readonly landed: string;
  /** Reads the grant again after a lost answer; `notFound` when there is none. */
  reread(api: LicenseManagerApi, signal: AbortSignal): Promise<Reread>;
  /** Runs just before the request is sent (e.g. notes what exists, to tell a new grant from an older one). */
  before?(api: LicenseManagerApi, signal: AbortSignal): Promise<void>;
  /**
   * Everything the request asks, when it takes a ClientToken: until it is known to be done, the
   * same request sent again (a retry) reuses the first token.
   */
  readonly request?: unknown;
  /**
   * Sends the request; `clientToken` is the request's (see `request`), reused by SDK
   * retries; `signal` aborts when the user cancels the progress notification.
   */
  send(api: LicenseManagerApi, clientToken: string, signal: AbortSignal): Promise<GrantMutationResult>;
}

/** The key under which a request's ClientToken is kept until the request is done. */
function requestKey(spec: GrantActionSpec): string | undefined {
  return spec.request === undefined ? undefined : JSON.stringify([spec.operation, spec.profile, spec.region, spec.request]);
}

/** The longest wait for one call (`licenseManager.network.callTimeout`, seconds), in milliseconds. */
export function callDeadlineMs(): number {
  const v = vscode.workspace.getConfiguration('licenseManager.network').get<number>('callTimeout');
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v * 1000 : 60_000;
}

/**
 * Reads the grant again after a failure that may follow a commit, with progress and Cancel, until
 * the call deadline (see `checkOutcome`); a cancelled reading leaves the outcome unknown.
 */
async function readOutcome(spec: GrantActionSpec, e: unknown): Promise<Checked | undefined> {
  if (!isLicenseManagerError(e) || !mayHaveLanded(e.kind, e.details.attempts)) return undefined;
  const { ctx, profile, region } = spec;
  return await withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Checking whether {0} took effect…', spec.operation), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        const factory = await ctx.services.clients();
        return await checkOutcome(spec, e, {
          api: factory.get(profile, region),
          signal: abort.signal,
          deadlineMs: callDeadlineMs(),
          log: (line) => ctx.services.log.info(line),
        });
      } finally {
        sub.dispose();
      }
    },
  );
}

/**
 * Sends one grant action: at most one per key in flight, with progress, then
 * reloads what changed and says the new status and version, or explains the failure.
 * Returns the result, or `undefined` when nothing succeeded.
 */
export async function runGrantAction(spec: GrantActionSpec): Promise<GrantMutationResult | undefined> {
  const { ctx, key, name } = spec;
  const outcome = await ctx.services.state.inFlight.tryRun(key, spec.operation, () => send(spec));
  if (outcome.busy) {
    const text = t('“{0}” is already being updated ({1}); nothing was sent.', name, outcome.running);
    notify.status(text, 5000);
    void notify.info(text);
    ctx.services.log.info(`${spec.operation} on ${key} skipped: ${outcome.running} in flight`);
    return undefined;
  }
  return outcome.value;
}

async function send(spec: GrantActionSpec): Promise<GrantMutationResult | undefined> {
  const { ctx, profile, region, name } = spec;
  const pending = requestKey(spec);
  const tokens = ctx.services.state.pendingTokens;
  let result: GrantMutationResult;
  try {
    result = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: uiText(spec.progress), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          const [aws, factory] = await Promise.all([ctx.services.aws(), ctx.services.clients()]);
          const api = factory.get(profile, region);
          const clientToken = pending === undefined ? aws.newClientToken() : tokens.take(pending, aws.newClientToken);
          await spec.before?.(api, abort.signal);
          return await spec.send(api, clientToken, abort.signal);
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (e) {
    if (isLicenseManagerError(e) && e.kind === 'cancelled') {
      // Cancel sends nothing more: no re-read, no reload, no error.
      ctx.services.log.info(`${spec.operation} on ${spec.key} cancelled`);
      notify.status(
        t('{0} for “{1}” cancelled; if it had reached AWS, Refresh shows its outcome.', spec.operation, name),
        8000,
      );
      return undefined;
    }
    const checked = await readOutcome(spec, e);
    if (checked?.verdict === 'landed') {
      if (pending !== undefined) tokens.settle(pending);
      const grantArn = checked.grantArn ?? spec.affected.grantArn;
      // What was read by ARN outranks a list that lags behind.
      if (grantArn) ctx.services.state.recent.record({ GrantArn: grantArn, GrantStatus: checked.status, Version: checked.version });
      await announceChange(ctx, profile, { ...spec.affected, grantArn });
      void notify.info(
        t(
          '{0} (the first answer was lost): grant “{1}” is now {2} (version {3}).',
          spec.landed,
          name,
          checked.status,
          checked.version,
        ),
      );
      return { GrantArn: checked.grantArn ?? spec.affected.grantArn ?? '', Status: checked.status, Version: checked.version };
    }
    await reportFailure(spec, e, checked?.verdict === 'notLanded');
    return undefined;
  }
  if (pending !== undefined) tokens.settle(pending);
  ctx.services.log.info(`${spec.operation} ${result.GrantArn}: ${result.Status} version ${result.Version} (${profile})`);
  await announceChange(ctx, profile, { ...spec.affected, grantArn: result.GrantArn });
  const change = spec.done ? undefined : landedChange(spec.operation, result.Status, spec.expect.before?.status);
  if (change === undefined) {
    void notify.info(uiText(spec.done?.(result)) || t('Grant “{0}” is now {1} (version {2}).', name, result.Status, result.Version));
    return result;
  }
  const message = landedMessage(change, name, result.Version);
  const next = message.next;
  const answer = next ? notify.info(message.text, next.label) : notify.info(message.text);
  answer.then(
    (a) => (next && a === next.label ? takeNextStep(spec, result.GrantArn, next.command) : undefined),
    () => undefined,
  );
  return result;
}

/**
 * Runs the next step on the grant as AWS has it now (read again through the
 * profile that acted), never on what the notification remembered.
 */
async function takeNextStep(spec: GrantActionSpec, grantArn: string, command: string): Promise<void> {
  const { ctx, profile, region } = spec;
  try {
    const factory = await ctx.services.clients();
    const grant = await factory.get(profile, region).getGrant(grantArn, undefined, {});
    // The side that acted: the first grant list among the lists the action reloads.
    const kind = (GRANT_LISTS.find((l) => spec.affected.categories.includes(l.category)) ?? GRANT_LISTS[0]).kind;
    await vscode.commands.executeCommand(command, markMadeHere({ resource: { kind, profile, region, arn: grant.GrantArn }, data: grant }));
  } catch (e) {
    ctx.services.log.warn(`${command} after ${spec.operation}: ${e instanceof Error ? e.message : String(e)}`);
    void notify.error(t('Could not read “{0}” again: {1}', spec.name, e instanceof Error ? e.message : String(e)));
  }
}

/**
 * Shows what went wrong and reloads what the action touches. Never waits for the
 * user: the in-flight key is released right away. `notLanded` says the grant was
 * read again and is unchanged; otherwise, after a failure that may follow a
 * commit, the outcome is unknown and said so.
 */
async function reportFailure(spec: GrantActionSpec, e: unknown, notLanded = false): Promise<void> {
  const { ctx, profile, region, name } = spec;
  const refresh = t('Refresh');
  const reload = (): Promise<void> => announceChange(ctx, profile, spec.affected);
  const offerRefresh = (answer: Thenable<string | undefined>): void => {
    answer.then(
      (a) => (a === refresh ? reload() : undefined),
      () => undefined,
    );
  };
  await reload();
  if (!isLicenseManagerError(e)) {
    const message = e instanceof Error ? e.message : String(e);
    ctx.services.log.error(`${spec.operation} on ${spec.key} failed: ${message}`);
    void notify.error(t('{0} failed for “{1}”: {2}', spec.operation, name, message));
    return;
  }
  ctx.services.log.error(`${spec.operation} on ${spec.key} failed (${e.kind}, ${e.details.code}): ${e.message}`);
  switch (e.kind) {
    case 'staleVersion': {
      offerRefresh(
        notify.warn(
          t(
            'The grant “{0}” changed since it was loaded ({1} refused a stale version). Refresh it and try again.',
            name,
            spec.operation,
          ),
          refresh,
        ),
      );
      return;
    }
    case 'accessDenied': {
      noteAccessDenied(profile, spec.operation);
      void notify.error(
        t(
          'Access denied: profile “{0}” lacks permission for {1} in {2}. {3}',
          e.details.profile ?? profile,
          e.details.operation ?? spec.operation,
          e.details.region ?? region,
          e.details.fix ?? '',
        ),
      );
      return;
    }
    case 'credentials': {
      const ssoProfile = signInProfileOf(e);
      if (!ssoProfile) break;
      void withSignIn(notify.error, t('{0} failed for “{1}”: {2} {3}', spec.operation, name, e.message, e.details.fix), [ssoProfile]).catch(
        () => undefined,
      );
      return;
    }
    default:
      break;
  }
  const fix = e.details.fix ? ` ${e.details.fix}` : '';
  const kind = errorKindLabel(vscode.l10n.t, e.kind);
  if (mayHaveLanded(e.kind, e.details.attempts) && !notLanded) {
    // A request kept with its ClientToken can be sent again as it is: AWS applies it at most once.
    const text =
      spec.request === undefined
        ? t('The outcome of {0} for “{1}” is unknown ({2}): {3} Refresh to see the grant as it is now.', spec.operation, name, kind, e.message + fix)
        : t(
            'The outcome of {0} for “{1}” is unknown ({2}): {3} Refresh to see the grant as it is now; sending the same request again is safe, AWS applies it at most once.',
            spec.operation,
            name,
            kind,
            e.message + fix,
          );
    offerRefresh(notify.warn(text, refresh));
    return;
  }
  // "Nothing was changed." stays in the message itself: an argument may be cut at its length limit.
  const text =
    notLanded || refusedOutright(e.kind, e.details.attempts)
    ? t('{0} failed for “{1}” ({2}): {3} Nothing was changed.', spec.operation, name, kind, e.message + fix)
    : t('{0} failed for “{1}” ({2}): {3}', spec.operation, name, kind, e.message + fix);
  offerRefresh(notify.error(text, refresh));
}
