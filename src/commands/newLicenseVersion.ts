import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { documentText, versionDocument } from '../model/licenseTemplates';
import { Cancelled } from '../shared/cancelled';
import { resolveIssuedLicense } from './licenseTarget';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext } from './register';

/** New License Version…: the license's current version as an editable document based on it. */
export async function runNewLicenseVersion(ctx: CommandContext, deps: IssuingDeps, arg: unknown): Promise<unknown> {
    const { ref, license, name } = await resolveIssuedLicense(ctx, deps, arg, vscode.l10n.t('New License Version'));
    if (license.Status === 'DELETED' || license.Status === 'PENDING_DELETE') {
      void notify.warn(t('The license “{0}” is {1}; it takes no new version.', name, license.Status));
      throw new Cancelled();
    }
    const editor = await ctx.drafts.open(
      { kind: 'licenseVersion', profile: ref.profile, region: ref.region, licenseArn: ref.arn, sourceVersion: license.Version },
      `${name} v${license.Version ?? ''}`,
      documentText(versionDocument(license)),
    );
    return editor.document.uri;
}
