import * as vscode from 'vscode';
import { notify, showQuickPick, t, uiText, withProgress } from '../ui/window';
import type { License } from '../aws/types';
import { isResourceHolder, type ResourceRef } from '../model/resources';
import { Cancelled } from '../shared/cancelled';
import { confirm } from '../grants/prompts';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext } from './register';

/** An issued license as just read from AWS, with where it was read. */
export interface IssuedLicense {
  readonly ref: ResourceRef;
  readonly license: License;
  readonly name: string;
}

/**
 * The issued license a license action is about: the node or panel argument, else a pick among the
 * issued licenses the explorer has loaded; then read afresh with GetLicense, so that nothing is
 * changed on the strength of what an argument says. A license no view showed (named by a link or
 * another extension) is asked about first, naming what AWS answered.
 */
export async function resolveIssuedLicense(ctx: CommandContext, deps: Pick<IssuingDeps, 'readFromAws'>, arg: unknown, title: string): Promise<IssuedLicense> {
  let ref: ResourceRef | undefined = isResourceHolder(arg) && arg.resource.kind === 'license' ? arg.resource : undefined;
  if (!ref) {
    const loaded = ctx.explorer.loadedResources().filter((n) => n.resource.kind === 'license');
    if (loaded.length === 0) {
      void notify.info(t('{0}: expand Licenses under a profile and region in the License Manager explorer first.', title));
      throw new Cancelled();
    }
    const picked = await showQuickPick(
      loaded.map((n) => ({
        label: uiText(String((n.data as License).LicenseName ?? n.resource.arn)),
        description: uiText(`${n.resource.profile} · ${n.resource.region}`),
        ref: n.resource,
      })),
      { title: uiText(title), placeHolder: t('Pick an issued license') },
    );
    if (!picked) throw new Cancelled();
    ref = picked.ref;
  }
  const target = ref;
  const api = (await ctx.services.clients()).get(target.profile, target.region);
  const license = await withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Reading the license…'), cancellable: true },
    async (_p, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await api.getLicense(target.arn, undefined, { signal: abort.signal });
      } finally {
        sub.dispose();
      }
    },
  );
  const name = license.LicenseName ?? target.arn;
  if (deps.readFromAws(arg)) {
    await confirm(
      vscode.l10n.t('{0}: “{1}”?', title, name),
      vscode.l10n.t(
        'This license was named by a link or another extension, not picked in a License Manager view. AWS answered for it just now:\nLicense: {0}\nProduct: {1}\nIssuer: {2}\nARN: {3}\nAs profile “{4}” in {5}',
        license.LicenseName ?? '',
        license.ProductName ?? '',
        license.Issuer?.Name ?? '',
        target.arn,
        target.profile,
        target.region,
      ),
      title,
    );
  }
  return { ref: target, license, name };
}
