import { GRANT_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { confirm } from '../grants/prompts';
import { resolveGrant, runOnGrant } from '../grants/resolve';
import { grantLabel } from '../grants/targets';
import { awsCliArgs } from '../model/cliCommand';
import type { CommandDefinition } from './register';
import { runOnSelection } from './bulkGrants';

export const rejectGrant: CommandDefinition = {
  id: 'licenseManager.grant.reject',
  accepts: GRANT_KINDS,
  runSelection: (ctx, selection) => runOnSelection(ctx, 'reject', selection),
  async run(ctx, arg) {
    const title = vscode.l10n.t('Reject Grant');
    const target = await resolveGrant(ctx, arg, 'reject', title);
    const name = grantLabel(target.grant);
    await confirm(
      vscode.l10n.t('Reject the grant “{0}”?', name),
      vscode.l10n.t(
        'Profile “{0}” will no longer be able to use the license {1} through this grant. A rejected grant cannot be accepted again; the grantor would have to create a new one.',
        target.profile,
        target.grant.LicenseArn,
      ),
      vscode.l10n.t('Reject'),
      awsCliArgs('reject-grant', ['--grant-arn', target.grant.GrantArn], target.profile, target.region),
    );
    return runOnGrant(ctx, target, {
      operation: 'RejectGrant',
      progress: vscode.l10n.t('Rejecting grant “{0}”…', name),
      status: 'REJECTED',
      landed: vscode.l10n.t('Rejected'),
      send: (api, _token, signal) => api.rejectGrant(target.grant.GrantArn, { signal }),
    });
  },
};
