import * as vscode from 'vscode';
import { affectedBy, resolveGrant } from '../grants/resolve';
import { runGrantAction } from '../grants/run';
import { grantLabel } from '../grants/targets';
import type { CommandDefinition } from './register';

export const acceptGrant: CommandDefinition = {
  id: 'licenseManager.grant.accept',
  async run(ctx, arg) {
    const target = await resolveGrant(ctx, arg, 'accept', vscode.l10n.t('Accept Grant'));
    const name = grantLabel(target.grant);
    return runGrantAction({
      ctx,
      key: target.grant.GrantArn,
      name,
      profile: target.profile,
      region: target.region,
      operation: 'AcceptGrant',
      progress: vscode.l10n.t('Accepting grant “{0}”…', name),
      affected: affectedBy(target),
      send: (api) => api.acceptGrant(target.grant.GrantArn),
    });
  },
};
