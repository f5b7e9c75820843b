import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { confirm } from '../grants/prompts';
import { Cancelled } from '../shared/cancelled';
import { grantCount, runLicenseChange } from './licenseChange';
import { resolveIssuedLicense } from './licenseTarget';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext } from './register';

/** Delete License: deletes the version read (a license changed meanwhile is refused, not deleted). */
export async function runDeleteLicense(ctx: CommandContext, deps: IssuingDeps, arg: unknown): Promise<unknown> {
    const title = vscode.l10n.t('Delete License');
    const target = await resolveIssuedLicense(ctx, deps, arg, title);
    const { ref, license, name } = target;
    if (license.Status === 'DELETED' || license.Status === 'PENDING_DELETE' || !license.Version) {
      void notify.warn(t('The license “{0}” is {1}; nothing was sent.', name, license.Status ?? '?'));
      throw new Cancelled();
    }
    const version = license.Version;
    const api = (await ctx.services.clients()).get(ref.profile, ref.region);
    const grants = await grantCount(api, ref.arn);
    await confirm(
      vscode.l10n.t('Delete the license “{0}”?', name),
      grants === undefined
        ? vscode.l10n.t('Its grants could not be listed; they are deleted with it. A deleted license cannot be restored.')
        : vscode.l10n.t('It has {0} grant(s); they are deleted with it. A deleted license cannot be restored.', grants),
      vscode.l10n.t('Delete'),
    );
    return runLicenseChange(ctx, target, {
      operation: 'DeleteLicense',
      progress: vscode.l10n.t('Deleting license “{0}”…', name),
      status: 'DELETED',
      landed: vscode.l10n.t('Deleted'),
      send: (a, signal) => a.deleteLicense(ref.arn, version, { signal }),
    });
}
