import { GRANT_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { resolveGrant, runOnGrant } from '../grants/resolve';
import { grantLabel } from '../grants/targets';
import type { CommandDefinition } from './register';

export const acceptGrant: CommandDefinition = {
  id: 'licenseManager.grant.accept',
  accepts: GRANT_KINDS,
  async run(ctx, arg) {
    const target = await resolveGrant(ctx, arg, 'accept', vscode.l10n.t('Accept Grant'));
    const name = grantLabel(target.grant);
    return runOnGrant(ctx, target, {
      operation: 'AcceptGrant',
      progress: vscode.l10n.t('Accepting grant “{0}”…', name),
      status: 'DISABLED',
      landed: vscode.l10n.t('Accepted'),
      send: (api, _token, signal) => api.acceptGrant(target.grant.GrantArn, { signal }),
    });
  },
};
