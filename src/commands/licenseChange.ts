import * as vscode from 'vscode';
import { notify, t, withProgress } from '../ui/window';
import { isLicenseManagerError } from '../aws/errors';
import type { LicenseManagerApi } from '../aws/types';
import { errorKindLabel } from '../model/errorKinds';
import { RESOURCE_LISTS } from '../model/resourceLists';
import { judgeOutcome, mayHaveLanded } from '../model/mutationOutcome';
import type { IssuedLicense } from './licenseTarget';
import type { CommandContext } from './register';

/** A change of an issued license as Deactivate License and Delete License send it. */
export interface LicenseChange {
  /** The API operation, named in messages. */
  readonly operation: string;
  /** Progress text. */
  readonly progress: string;
  /** The status the change leaves the license in. */
  readonly status: string;
  /** Says the change landed, e.g. "Deactivated". */
  readonly landed: string;
  send(api: LicenseManagerApi, signal: AbortSignal): Promise<unknown>;
}

export type LicenseChangeOutcome = 'done' | 'landed' | 'notChanged' | 'unknown' | 'stale' | 'failed' | 'cancelled' | 'busy';

/** The number of grants of a license that are not deleted, or undefined when they cannot be listed. */
export async function grantCount(api: LicenseManagerApi, licenseArn: string): Promise<number | undefined> {
  try {
    let n = 0;
    let nextToken: string | undefined;
    const seen = new Set<string>();
    do {
      const page = await api.listDistributedGrants({ filters: [{ Name: 'LicenseArn', Values: [licenseArn] }], nextToken });
      n += page.items.filter((g) => g.GrantStatus !== 'DELETED').length;
      nextToken = page.nextToken;
      if (nextToken && seen.has(nextToken)) return undefined;
      if (nextToken) seen.add(nextToken);
    } while (nextToken);
    return n;
  } catch {
    return undefined;
  }
}

/**
 * Sends one change of `target` (one per license at a time), then tells what happened: done; or
 * after a failure that may follow the change, the license read again says whether it landed, did
 * not, or is unknown. The license's list and panels reload either way.
 */
export async function runLicenseChange(ctx: CommandContext, target: IssuedLicense, change: LicenseChange): Promise<LicenseChangeOutcome> {
  const { ref, license, name } = target;
  const api = (await ctx.services.clients()).get(ref.profile, ref.region);
  const reload = (): void => ctx.services.changes.fire({ profile: ref.profile, arns: [ref.arn], categories: RESOURCE_LISTS.licenses.reloads });
  const refresh = vscode.l10n.t('Refresh');
  const offerRefresh = (answer: Thenable<string | undefined>): void => {
    answer.then((a) => (a === refresh ? reload() : undefined), () => undefined);
  };
  const run = await ctx.services.state.inFlight.tryRun(ref.arn, change.operation, async (): Promise<LicenseChangeOutcome> => {
    try {
      await withProgress({ location: vscode.ProgressLocation.Notification, title: t('{0}', change.progress), cancellable: true }, async (_p, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          await change.send(api, abort.signal);
        } finally {
          sub.dispose();
        }
      });
      ctx.services.log.info(`${change.operation} ${ref.arn}: ${change.status} (${ref.profile})`);
      reload();
      void notify.info(t('License “{0}” is now {1}.', name, change.status));
      return 'done';
    } catch (e) {
      if (!isLicenseManagerError(e)) throw e;
      ctx.services.log.error(`${change.operation} on ${ref.arn} failed (${e.kind}, ${e.details.code}): ${e.message}`);
      if (e.kind === 'cancelled') {
        notify.status(t('{0} for “{1}” cancelled; if it had reached AWS, Refresh shows its outcome.', change.operation, name), 8000);
        return 'cancelled';
      }
      reload();
      const kind = errorKindLabel(vscode.l10n.t, e.kind);
      const fix = e.details.fix ? ` ${e.details.fix}` : '';
      if (!mayHaveLanded(e.kind, e.details.attempts)) {
        offerRefresh(notify.error(t('{0} failed for “{1}” ({2}): {3} Nothing was changed.', change.operation, name, kind, e.message + fix), refresh));
        return 'failed';
      }
      const again = await api.getLicense(ref.arn).catch(() => undefined);
      // A deletion the service has not finished yet reads PENDING_DELETE.
      const status = again?.Status === 'PENDING_DELETE' ? 'DELETED' : again?.Status;
      const verdict = status && again?.Version
        ? judgeOutcome({ status: change.status, before: { status: license.Status ?? '', version: license.Version ?? '' } }, { status, version: again.Version })
        : 'unknown';
      if (verdict === 'landed') {
        void notify.info(t('{0} (the first answer was lost): license “{1}” is now {2}.', change.landed, name, change.status));
        return 'landed';
      }
      if (e.kind === 'staleVersion') {
        offerRefresh(notify.warn(t('The license “{0}” changed since it was loaded ({1} refused a stale version). Nothing was changed. Refresh it and try again.', name, change.operation), refresh));
        return 'stale';
      }
      if (verdict === 'notLanded') {
        offerRefresh(notify.error(t('{0} failed for “{1}” ({2}): {3} Nothing was changed.', change.operation, name, kind, e.message + fix), refresh));
        return 'notChanged';
      }
      offerRefresh(notify.warn(t('The outcome of {0} for “{1}” is unknown ({2}): {3} Refresh to see the license as it is now.', change.operation, name, kind, e.message + fix), refresh));
      return 'unknown';
    }
  });
  if (run.busy) {
    void notify.info(t('“{0}” is already being updated ({1}); nothing was sent.', name, run.running));
    return 'busy';
  }
  return run.value;
}
