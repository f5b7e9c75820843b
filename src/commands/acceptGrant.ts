import { GRANT_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { confirm } from '../grants/prompts';
import { resolveGrant, runOnGrant } from '../grants/resolve';
import { grantLabel } from '../grants/targets';
import type { InboxItem } from '../model/inbox';
import type { CommandDefinition } from './register';
import { runOnSelection } from './bulkGrants';

export const acceptGrant: CommandDefinition = {
  id: 'licenseManager.grant.accept',
  accepts: GRANT_KINDS,
  runSelection: (ctx, selection) => runOnSelection(ctx, 'accept', selection),
  async run(ctx, arg) {
    const target = await resolveGrant(ctx, arg, 'accept', vscode.l10n.t('Accept Grant'));
    const name = grantLabel(target.grant);
    // Inbox rows move once a grant is accepted: the row under the pointer may be another grant, so ask first.
    const row = inboxRowOf(arg);
    if (row) {
      const product = row.productName ?? target.grant.LicenseArn;
      await confirm(
        vscode.l10n.t('Accept “{0}” from account {1}?', name, row.counterpart),
        vscode.l10n.t('Profile “{0}” ({1}) receives {2} through it. It stays inactive until you activate it.', target.profile, target.region, product),
        vscode.l10n.t('Accept'),
      );
    }
    return runOnGrant(ctx, target, {
      operation: 'AcceptGrant',
      progress: vscode.l10n.t('Accepting grant “{0}”…', name),
      status: 'DISABLED',
      landed: vscode.l10n.t('Accepted'),
      send: (api, _token, signal) => api.acceptGrant(target.grant.GrantArn, { signal }),
    });
  },
};

/** The inbox entry a row of the Grants Inbox carries (only to decide whether to ask; the grant itself is resolved as usual). */
function inboxRowOf(arg: unknown): Pick<InboxItem, 'counterpart' | 'productName'> | undefined {
  const item = typeof arg === 'object' && arg !== null ? (arg as { item?: unknown }).item : undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const { counterpart, productName } = item as { counterpart?: unknown; productName?: unknown };
  if (typeof counterpart !== 'string') return undefined;
  return { counterpart, productName: typeof productName === 'string' ? productName : undefined };
}
