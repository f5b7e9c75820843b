import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { confirm } from '../grants/prompts';
import { versionDocument } from '../model/licenseTemplates';
import { Cancelled } from '../shared/cancelled';
import { grantCount, runLicenseChange } from './licenseChange';
import { resolveIssuedLicense } from './licenseTarget';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext } from './register';

/** Deactivate License: a new version of the license as read, with Status DEACTIVATED, based on that version. */
export async function runDeactivateLicense(ctx: CommandContext, deps: IssuingDeps, arg: unknown): Promise<unknown> {
    const title = vscode.l10n.t('Deactivate License');
    const target = await resolveIssuedLicense(ctx, deps, arg, title);
    const { ref, license, name } = target;
    if (license.Status !== 'AVAILABLE') {
      void notify.warn(t('The license “{0}” is {1}; only an AVAILABLE license can be deactivated.', name, license.Status ?? '?'));
      throw new Cancelled();
    }
    const api = (await ctx.services.clients()).get(ref.profile, ref.region);
    const grants = await grantCount(api, ref.arn);
    await confirm(
      vscode.l10n.t('Deactivate the license “{0}”?', name),
      grants === undefined
        ? vscode.l10n.t('Its grants could not be listed. Grantees can no longer use its entitlements until a new version makes it AVAILABLE again.')
        : vscode.l10n.t('It has {0} grant(s). Grantees can no longer use its entitlements until a new version makes it AVAILABLE again.', grants),
      vscode.l10n.t('Deactivate'),
    );
    const clientToken = (await ctx.services.aws()).newClientToken();
    const members = { ...versionDocument(license), Status: 'DEACTIVATED' };
    return runLicenseChange(ctx, target, {
      operation: 'CreateLicenseVersion',
      progress: vscode.l10n.t('Deactivating license “{0}”…', name),
      status: 'DEACTIVATED',
      landed: vscode.l10n.t('Deactivated'),
      send: (a, signal) => a.createLicenseVersion({ clientToken, members }, { signal }),
    });
}
