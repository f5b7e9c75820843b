import * as vscode from 'vscode';
import { logFailure } from '../ui/log';
import { notify, t, uiText, withProgress } from '../ui/window';
import { isLicenseManagerError } from '../aws/errors';
import type { License, LicenseManagerApi, LicenseMutationResult } from '../aws/types';
import type { LicenseDraft } from '../documents/licenseDrafts';
import { openVersionDiff } from '../documents/versionDiff';
import { errorKindLabel } from '../model/errorKinds';
import { mayHaveLanded } from '../model/mutationOutcome';
import type { ResourceRef } from '../model/resources';
import { Cancelled } from '../shared/cancelled';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext } from './register';

/** What a send of a license document came to; returned to scripts and tests. */
export type SubmitOutcome =
  | { readonly outcome: 'invalid'; readonly problems: number }
  | { readonly outcome: 'created'; readonly licenseArn: string; readonly version: string; readonly shownInTree: boolean }
  | { readonly outcome: 'stale' | 'failed' | 'unknown' | 'cancelled' | 'busy' };

const OPERATION = { createLicense: 'CreateLicense', licenseVersion: 'CreateLicenseVersion' } as const;

function documentOf(arg: unknown): vscode.TextDocument | undefined {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  return uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Shows the new license or version: reloads its list, selects it in the tree, opens its panel; views and panels follow. */
async function show(ctx: CommandContext, deps: IssuingDeps, draft: LicenseDraft, region: string, result: LicenseMutationResult, api: LicenseManagerApi): Promise<boolean> {
  const ref: ResourceRef = { kind: 'license', profile: draft.profile, region, arn: result.LicenseArn };
  const [node, license] = await Promise.all([
    deps.findLicense(draft.profile, region, result.LicenseArn).catch(() => undefined),
    api.getLicense(result.LicenseArn).catch(() => undefined),
  ]);
  // The list just reloaded shows the license; other loaded lists of the profile reload.
  ctx.services.changes.fire({ profile: draft.profile, arns: [result.LicenseArn], ...(node ? {} : { categories: ['licenses'] }) });
  if (node) await ctx.explorer.reveal(node as never).catch(() => undefined);
  else revealWhenListed(ctx, deps, draft.profile, region, result.LicenseArn).catch(logFailure(ctx.services.log, `revealing ${result.LicenseArn}`));
  const data: License = license ?? ((node as { data?: License } | undefined)?.data) ?? { LicenseArn: result.LicenseArn, Status: result.Status, Version: result.Version };
  await ctx.panels.open({ resource: ref, data });
  return node !== undefined;
}

/** Lists lag behind changes: the list is read again a few times until it shows the new license. */
async function revealWhenListed(ctx: CommandContext, deps: IssuingDeps, profile: string, region: string, arn: string): Promise<void> {
  for (const delay of [1000, 2000, 4000]) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const node = await deps.findLicense(profile, region, arn).catch(() => undefined);
    if (node) {
      await ctx.explorer.reveal(node as never).catch(() => undefined);
      return;
    }
  }
  ctx.services.log.info(`${arn} is not listed yet under ${profile}/${region}; Refresh shows it once License Manager lists it`);
}

async function staleVersion(ctx: CommandContext, draft: LicenseDraft, region: string, name: string): Promise<void> {
  const refresh = vscode.l10n.t('Refresh');
  const changes = vscode.l10n.t('Show Changes');
  const ref: ResourceRef = { kind: 'license', profile: draft.profile, region, arn: draft.licenseArn! };
  const current = await ctx.services
    .clients()
    .then((clients) => clients.get(draft.profile, region).getLicense(ref.arn))
    .catch(() => undefined);
  const answer = await notify.warn(
    t('The license “{0}” changed since it was loaded (version {1}; it is now version {2}). Nothing was sent.', name, draft.sourceVersion, current?.Version ?? '?'),
    refresh,
    ...(current?.Version && draft.sourceVersion ? [changes] : []),
  );
  if (answer === refresh) await vscode.commands.executeCommand('licenseManager.license.newVersion', { resource: ref, data: current ?? {} });
  if (answer === changes && current) await openVersionDiff(ctx.services, ctx.json, { resource: ref, data: current }, draft.sourceVersion!, current.Version!);
}

/**
 * Create License / Create Version on a license document: checks the whole document (schema and
 * rules between members), lists every problem in the Problems view and sends nothing while there is
 * one; otherwise sends one request with the document's one ClientToken, then shows the license.
 */
export async function runSubmitLicenseDocument(ctx: CommandContext, deps: IssuingDeps, arg: unknown): Promise<SubmitOutcome> {
    const doc = documentOf(arg);
    const draft = doc && ctx.drafts.draftOf(doc.uri);
    if (!doc || !draft) {
      void notify.warn(t('Open a license document from the License Manager explorer first (Create License… or New License Version…).'));
      throw new Cancelled();
    }
    const operation = OPERATION[draft.kind];
    if (draft.created) {
      void notify.info(t('This document was already sent: license version {0} exists. Nothing was sent again.', draft.created.version));
      return { outcome: 'created', licenseArn: draft.created.licenseArn, version: draft.created.version, shownInTree: false };
    }
    const checked = await ctx.drafts.check(doc);
    if (!checked.request) {
      const n = checked.problems.length;
      ctx.services.log.info(`${operation}: the document has ${n} problems; nothing was sent`);
      const open = vscode.l10n.t('Show Problems');
      void notify.warn(t('The license document has {0} problem(s), listed in the Problems view. Nothing was sent.', n), open).then((a) =>
        a === open ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined,
      );
      return { outcome: 'invalid', problems: n };
    }
    const members = checked.request;
    const name = String(members.LicenseName ?? '');
    const region = draft.kind === 'createLicense' ? String(members.HomeRegion) : draft.region;
    const key = `license-document|${doc.uri.toString()}`;
    const api = (await ctx.services.clients()).get(draft.profile, region);
    const run = await ctx.services.state.inFlight.tryRun(key, operation, async (): Promise<SubmitOutcome> => {
      try {
        const result = await withProgress(
          { location: vscode.ProgressLocation.Notification, title: t('Sending {0} for “{1}”…', operation, name), cancellable: true },
          async (_p, token) => {
            const abort = new AbortController();
            const sub = token.onCancellationRequested(() => abort.abort());
            try {
              const input = { clientToken: draft.clientToken, members };
              return await (draft.kind === 'createLicense' ? api.createLicense(input, { signal: abort.signal }) : api.createLicenseVersion(input, { signal: abort.signal }));
            } finally {
              sub.dispose();
            }
          },
        );
        draft.created = { licenseArn: result.LicenseArn, version: result.Version };
        ctx.services.log.info(`${operation} ${result.LicenseArn}: ${result.Status} version ${result.Version} (${draft.profile})`);
        const shownInTree = await show(ctx, deps, draft, region, result, api);
        void notify.info(t('License “{0}”: version {1} created, {2}.', name, result.Version, result.Status));
        return { outcome: 'created', licenseArn: result.LicenseArn, version: result.Version, shownInTree };
      } catch (e) {
        if (!isLicenseManagerError(e)) throw e;
        ctx.services.log.error(`${operation} failed (${e.kind}, ${e.details.code}): ${e.message}`);
        if (e.kind === 'cancelled') {
          notify.status(t('{0} for “{1}” cancelled; if it had reached AWS, sending the document again finishes it without a second change.', operation, name), 8000);
          return { outcome: 'cancelled' };
        }
        if (e.kind === 'staleVersion' && draft.kind === 'licenseVersion') {
          staleVersion(ctx, draft, region, name).catch((err: unknown) => {
            if (err instanceof Cancelled || (isLicenseManagerError(err) && err.kind === 'cancelled')) return;
            logFailure(ctx.services.log, `Show Changes of ${draft.licenseArn}`)(err);
            void notify.error(uiText(err instanceof Error ? err.message : String(err)));
          });
          return { outcome: 'stale' };
        }
        const kind = errorKindLabel(vscode.l10n.t, e.kind);
        const fix = e.details.fix ? ` ${e.details.fix}` : '';
        if (mayHaveLanded(e.kind, e.details.attempts)) {
          void notify.warn(
            t('The outcome of {0} for “{1}” is unknown ({2}): {3} Send the document again: it reuses its request token, so nothing is created twice.', operation, name, kind, e.message + fix),
          );
          return { outcome: 'unknown' };
        }
        void notify.error(t('{0} failed for “{1}” ({2}): {3} Nothing was changed.', operation, name, kind, e.message + fix));
        return { outcome: 'failed' };
      }
    });
    if (run.busy) {
      void notify.info(t('“{0}” is already being sent ({1}); nothing was sent.', name, run.running));
      return { outcome: 'busy' };
    }
    return run.value;
}
