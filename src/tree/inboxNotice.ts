import * as vscode from 'vscode';
import { grantorAccount, inboxNotice, type InboxItem } from '../model/inbox';
import { notify, t, tLines, type UiText } from '../ui/window';
import type { InboxGrantNode } from './nodes/inboxGrantNode';

/** The text of the announcement of `fresh` waiting grants (AWS names made literal). */
export function noticeText(fresh: readonly InboxItem[]): UiText | undefined {
  const notice = inboxNotice(fresh);
  if (!notice) return undefined;
  if (notice.kind === 'many') return t('{0} new license grants', notice.count);
  return t('New license grant from {0}: {1} ({2}, {3})', notice.grantor, notice.grantName, notice.profile, notice.region);
}

/** Asks before accepting a grant from the notification; true when the user confirms. */
async function confirmAccept(item: InboxItem): Promise<boolean> {
  const button = vscode.l10n.t('Accept');
  const place = item.places[0];
  const answer = await notify.confirm(
    t('Accept the grant “{0}” from account {1}?', item.grant.GrantName || item.grant.GrantArn, grantorAccount(item.grant.GrantArn) ?? item.counterpart),
    {
      modal: true,
      detail: tLines(
        'Profile “{0}” ({1}) accepts it and can then activate it to use the license {2}.\nGrant: {3}',
        place?.profile ?? '',
        place?.region ?? '',
        item.grant.LicenseArn,
        item.grant.GrantArn,
      ),
    },
    button,
  );
  return answer === button;
}

/**
 * Shows one notification for the new waiting grants of a refresh, with Accept…,
 * Open and Don't show again. `nodeOf` finds the inbox item of an entry key.
 */
export function announceNewGrants(fresh: readonly InboxItem[], nodeOf: (key: string) => InboxGrantNode | undefined): void {
  const text = noticeText(fresh);
  if (text === undefined) return;
  const accept = vscode.l10n.t('Accept…');
  const open = vscode.l10n.t('Open');
  const never = vscode.l10n.t("Don't show again");
  // Grant names and accounts are AWS text: shown literally, never as links.
  void notify.info(text, accept, open, never).then(async (answer) => {
    const node = fresh.length === 1 ? nodeOf(fresh[0].key) : undefined;
    if (answer === accept) {
      // One grant: ask, naming it and its grantor's account, then accept it; several: the accept command offers the waiting grants.
      if (node && !(await confirmAccept(fresh[0]))) return;
      await vscode.commands.executeCommand('licenseManager.grant.accept', node);
    } else if (answer === open) {
      if (node) await vscode.commands.executeCommand('licenseManager.resource.openDetails', node);
      else await vscode.commands.executeCommand('licenseManager.views.inbox.focus');
    } else if (answer === never) {
      await vscode.workspace.getConfiguration('licenseManager.inbox').update('notify', false, vscode.ConfigurationTarget.Global);
    }
  });
}
