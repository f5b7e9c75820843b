/**
 * Accept, Activate, Deactivate or Reject on a selection of grants: one confirmation naming the
 * count and the accounts, one progress notification with Cancel, each grant sent on its own
 * (`sendBulk`), then one summary ("12 activated, 1 changed since loaded, 1 access denied") that
 * lists the grants not done, with **Retry failed**.
 */
import * as vscode from 'vscode';
import { notify, t, uiText, withProgress } from '../ui/window';
import { isLicenseManagerError } from '../aws/errors';
import { accountOfArn } from '../model/arn';
import { errorKindLabel } from '../model/errorKinds';
import { grantActionRecord, grantActionsFor, type GrantBulkTexts } from '../model/grantActions';
import { fanOut } from '../data/fanOut';
import { callsPerPlace } from '../data/networkSettings';
import { Cancelled } from '../shared/cancelled';
import type { GrantDeps } from './deps';
import { confirm } from './prompts';
import { announceChange, callDeadlineMs } from './run';
import { grantLabel } from './targets';
import { bulkOperation, sendBulk, type BulkAction, type BulkGrant, type BulkOutcome } from './bulkSend';

/** What a bulk action did, grant by grant (the command's result, for scripts and tests). */
export interface BulkResult {
  readonly action: BulkAction;
  /** Grants the action was sent to (or meant for), with their outcomes, in selection order. */
  readonly outcomes: ReadonlyArray<{ readonly item: BulkGrant; readonly outcome: BulkOutcome }>;
  /** Grants of the selection the action is not possible for (left alone). */
  readonly skipped: readonly BulkGrant[];
  /** The summary shown. */
  readonly summary: string;
}

/** The texts of `action` on a selection, from its record. */
function textsOf(action: BulkAction): GrantBulkTexts {
  const { bulk } = grantActionRecord(action);
  if (!bulk) throw new Error(`${action} is not offered on a selection`);
  return bulk;
}

/** The account on the other side of a grant: its grantor for a received grant, its grantee for a distributed one. */
function counterpart(item: BulkGrant): string {
  const arn = item.direction === 'received' ? item.grant.GrantArn : item.grant.GranteePrincipalArn;
  return accountOfArn(arn ?? '') ?? arn ?? '';
}

/** The grants the action is possible for, once each (a grant selected twice is sent once). */
export function splitSelection(action: BulkAction, items: readonly BulkGrant[]): { valid: BulkGrant[]; skipped: BulkGrant[] } {
  const seen = new Set<string>();
  const valid: BulkGrant[] = [];
  const skipped: BulkGrant[] = [];
  for (const item of items) {
    if (seen.has(item.grant.GrantArn)) continue;
    seen.add(item.grant.GrantArn);
    (grantActionsFor(item.direction, item.grant.GrantStatus).includes(action) ? valid : skipped).push(item);
  }
  return { valid, skipped };
}

/** The short name of an outcome that is not done, e.g. "changed since loaded", "access denied". */
function failureName(outcome: BulkOutcome): string | undefined {
  switch (outcome.kind) {
    case 'done':
    case 'landed':
      return undefined;
    case 'stale':
      return errorKindLabel(vscode.l10n.t, 'staleVersion').toLocaleLowerCase();
    case 'failed':
      return isLicenseManagerError(outcome.error) ? errorKindLabel(vscode.l10n.t, outcome.error.kind).toLocaleLowerCase() : t('failed');
    case 'unknown':
      return t('outcome unknown');
    case 'busy':
      return t('already being updated');
    case 'notSent':
      return t('not sent');
    case 'cancelled':
      return t('cancelled on the way');
  }
}

/** "12 activated, 1 changed since loaded, 1 access denied", then the grants not done. */
export function summarize(action: BulkAction, outcomes: BulkResult['outcomes'], skipped: readonly BulkGrant[]): string {
  const done = outcomes.filter((o) => o.outcome.kind === 'done' || o.outcome.kind === 'landed').length;
  const counts = new Map<string, number>();
  const notDone: string[] = [];
  for (const { item, outcome } of outcomes) {
    const name = failureName(outcome);
    if (name === undefined) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    notDone.push(t('“{0}” ({1})', grantLabel(item.grant), name));
  }
  const notPossible = t('not possible in their status');
  if (skipped.length > 0) counts.set(notPossible, skipped.length);
  for (const item of skipped) notDone.push(t('“{0}” ({1})', grantLabel(item.grant), item.grant.GrantStatus));
  const parts = [textsOf(action).done(t, done), ...[...counts].map(([name, n]) => t('{0} {1}', n, name))];
  const head = `${parts.join(', ')}.`;
  if (notDone.length === 0) return head;
  const shown = notDone.slice(0, 5).join(', ');
  const more = notDone.length > 5 ? t(' and {0} more', notDone.length - 5) : '';
  return `${head} ${t('Not done: {0}{1}.', shown, more)}`;
}

/** Outcomes worth another try: anything not done, where the grant may still take the action. */
function retryable(outcome: BulkOutcome): boolean {
  return outcome.kind !== 'done' && outcome.kind !== 'landed';
}

/**
 * Asks once, sends `action` to every grant of `items` it is possible for, and sums up. Rejects with
 * `Cancelled` when the user declines (nothing sent) or nothing in the selection allows the action.
 */
export async function runBulkAction(ctx: GrantDeps, action: BulkAction, items: readonly BulkGrant[]): Promise<BulkResult> {
  const { valid, skipped } = splitSelection(action, items);
  if (valid.length === 0) {
    void notify.warn(t('None of the {0} selected grants allows this action in its status; nothing was sent.', items.length));
    throw new Cancelled();
  }
  const accounts = [...new Set(valid.map(counterpart))];
  const lines = valid.slice(0, 10).map((i) => t('“{0}” ({1}) as profile “{2}” in {3}', grantLabel(i.grant), counterpart(i), i.profile, i.region));
  if (valid.length > 10) lines.push(t('and {0} more', valid.length - 10));
  if (skipped.length > 0) lines.push(t('Left alone, not possible in their status: {0}', skipped.map((s) => grantLabel(s.grant)).join(', ')));
  if (action === 'reject') lines.push(t('A rejected grant cannot be accepted again; the grantor would have to create a new one.'));
  if (action === 'deactivate') lines.push(t('Their licenses cannot be used through these grants until they are activated again.'));
  const ask = textsOf(action);
  await confirm(ask.question(t, valid.length, accounts.join(', ')), lines.join('\n'), ask.button(t));

  const op = bulkOperation(action);
  const [aws, factory] = await Promise.all([ctx.services.aws(), ctx.services.clients()]);
  const outcomes = await withProgress(
    { location: vscode.ProgressLocation.Notification, title: uiText(ask.progress(t, valid.length)), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let settled = 0;
      try {
        return await sendBulk(valid, op, {
          api: (p, r) => factory.get(p, r),
          newClientToken: () => aws.newClientToken(),
          tokens: ctx.services.state.pendingTokens,
          inFlight: ctx.services.state.inFlight,
          signal: abort.signal,
          deadlineMs: callDeadlineMs(),
          perPlace: callsPerPlace(),
          log: (line) => ctx.services.log.info(line),
          onSettled: () => progress.report({ message: t('{0} of {1}', ++settled, valid.length), increment: 100 / valid.length }),
        });
      } finally {
        sub.dispose();
      }
    },
  );
  const paired = valid.map((item, i) => ({ item, outcome: outcomes[i] }));
  for (const { outcome, item } of paired) {
    if (outcome.kind === 'landed') ctx.services.state.recent.record({ GrantArn: item.grant.GrantArn, GrantStatus: outcome.status, Version: outcome.version });
  }
  await announceAll(ctx, paired);
  const summary = summarize(action, paired, skipped);
  const result: BulkResult = { action, outcomes: paired, skipped, summary };
  const failed = paired.filter((p) => retryable(p.outcome)).map((p) => p.item);
  if (failed.length === 0) {
    void notify.info(uiText(summary));
    return result;
  }
  const retry = t('Retry failed');
  notify.warn(uiText(summary), retry).then(
    (answer) => (answer === retry ? retryFailed(ctx, action, failed) : undefined),
    () => undefined,
  );
  return result;
}

/** Reloads, once per acting profile, what the action touched. */
async function announceAll(ctx: GrantDeps, paired: BulkResult['outcomes']): Promise<void> {
  const byProfile = new Map<string, BulkGrant[]>();
  for (const { item, outcome } of paired) {
    if (outcome.kind === 'notSent' || outcome.kind === 'busy') continue;
    byProfile.set(item.profile, [...(byProfile.get(item.profile) ?? []), item]);
  }
  for (const [profile, items] of byProfile) {
    const received = items.some((i) => i.direction === 'received');
    const distributed = items.some((i) => i.direction === 'distributed');
    await announceChange(ctx, profile, {
      arns: [...new Set(items.flatMap((i) => [i.grant.GrantArn, i.grant.LicenseArn]))],
      categories: [...(received ? (['receivedGrants', 'receivedLicenses'] as const) : []), ...(distributed ? (['distributedGrants'] as const) : [])],
    });
  }
}

/**
 * Tries the grants that were not done again, as AWS has them now: each is read again through its
 * profile and region (a grant changed since it was loaded gets its current version; one whose status
 * no longer allows the action is left alone), then the same confirmation and summary follow.
 */
async function retryFailed(ctx: GrantDeps, action: BulkAction, failed: readonly BulkGrant[]): Promise<void> {
  try {
    const factory = await ctx.services.clients();
    const read = await fanOut(failed, (item, signal) => factory.get(item.profile, item.region).getGrant(item.grant.GrantArn, undefined, { signal }));
    const fresh: BulkGrant[] = [];
    const unread: string[] = [];
    read.forEach((r, i) => {
      if (r.status === 'fulfilled') fresh.push({ ...failed[i], grant: r.value });
      else unread.push(grantLabel(failed[i].grant));
    });
    if (unread.length > 0) void notify.warn(t('Could not read again, so nothing was sent for them: {0}', unread.join(', ')));
    if (fresh.length > 0) await runBulkAction(ctx, action, fresh);
  } catch (e) {
    if (e instanceof Cancelled || e instanceof vscode.CancellationError) return;
    void notify.error(t('Retry failed: {0}', e instanceof Error ? e.message : String(e)));
  }
}
