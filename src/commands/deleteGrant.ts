import { GRANT_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { askStatusReason, confirm } from '../grants/prompts';
import { resolveGrant, runOnGrant } from '../grants/resolve';
import { grantLabel } from '../grants/targets';
import { awsCliArgs } from '../model/cliCommand';
import type { CommandDefinition } from './register';

export const deleteGrant: CommandDefinition = {
  id: 'licenseManager.grant.delete',
  accepts: GRANT_KINDS,
  async run(ctx, arg) {
    const title = vscode.l10n.t('Delete Grant');
    const target = await resolveGrant(ctx, arg, 'delete', title);
    const name = grantLabel(target.grant);
    const reason = await askStatusReason(
      title,
      vscode.l10n.t('Why is “{0}” being deleted? Optional; the grantee sees it.', name),
    );
    await confirm(
      vscode.l10n.t('Delete the grant “{0}”?', name),
      vscode.l10n.t(
        '{0} loses the license {1} granted through it. A deleted grant cannot be restored.',
        target.grant.GranteePrincipalArn,
        target.grant.LicenseArn,
      ),
      vscode.l10n.t('Delete'),
      awsCliArgs(
        'delete-grant',
        ['--grant-arn', target.grant.GrantArn, '--version', target.grant.Version, ...(reason ? ['--status-reason', reason] : [])],
        target.profile,
        target.region,
      ),
    );
    return runOnGrant(ctx, target, {
      operation: 'DeleteGrant',
      progress: vscode.l10n.t('Deleting grant “{0}”…', name),
      status: 'DELETED',
      landed: vscode.l10n.t('Deleted'),
      // The version the user saw: a grant changed since it was loaded is refused, not deleted.
      send: (api, _token, signal) =>
        api.deleteGrant({ grantArn: target.grant.GrantArn, version: target.grant.Version, statusReason: reason }, { signal }),
    });
  },
};
