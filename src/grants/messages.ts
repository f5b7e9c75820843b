import * as vscode from 'vscode';
import { t, type UiText } from '../ui/window';
import type { Problem } from '../model/validation';

/** The text shown in an input box for a validation problem. */
export function problemText(p: Problem | undefined, field: string): string | undefined {
  if (!p) return undefined;
  switch (p.code) {
    case 'required':
      return t('{0} is required.', field);
    case 'tooLong':
      return t('{0} must be at most {1} characters (now {2}).', field, p.max, p.length);
    case 'notArn':
      return t('{0} is not a valid ARN. Expected, for example, arn:aws:iam::123456789012:root.', field);
    case 'notPrincipal':
      return t(
        '{0} must be an account ID (12 digits) or the ARN of an account, organization or organizational unit, e.g. 123456789012, arn:aws:organizations::123456789012:organization/o-… or arn:aws:organizations::123456789012:ou/o-…/ou-….',
        field,
      );
    case 'noOperations':
      return t('Select at least one operation.');
    case 'tooManyOperations':
      return t('Select at most {0} operations.', p.max);
  }
}

/** Notifications for grant actions (their texts are made literal by `t()`/`uiText()`). */
export { notify } from '../ui/window';

/** A grant change that landed, as the user asked for it. */
export type LandedChange = 'accept' | 'reject' | 'activate' | 'deactivate' | 'createVersion' | 'delete';

/** The step a user most likely takes next, offered as the notification's button. */
export interface NextStep {
  /** The button's text. */
  readonly label: string;
  /** The command the button runs with the grant as read again. */
  readonly command: string;
}

interface LandedText {
  /** The sentence, in the user's words; the API status stays in the panel and the tooltip. */
  text(name: string, version: string): UiText;
  next?(): NextStep;
}

const ACTIVATE = (): NextStep => ({ label: vscode.l10n.t('Activate'), command: 'licenseManager.grant.activate' });

/** Every notification of a landed grant change, with its next step. */
const LANDED: Record<LandedChange, LandedText> = {
  accept: { text: (n) => t('Accepted “{0}”. It is not active yet.', n), next: ACTIVATE },
  activate: {
    text: (n) => t('Activated “{0}”. Its licenses can be used now.', n),
    next: () => ({ label: vscode.l10n.t('Open Details'), command: 'licenseManager.resource.openDetails' }),
  },
  deactivate: { text: (n) => t('Deactivated “{0}”. Its licenses cannot be used until it is activated again.', n), next: ACTIVATE },
  reject: { text: (n) => t('Rejected “{0}”. Only the grantor can offer it again, with a new grant.', n) },
  delete: { text: (n) => t('Deleted “{0}”. The grantee can no longer use its licenses.', n) },
  createVersion: {
    text: (n, v) => t('Saved version {1} of “{0}”.', n, v),
    next: () => ({ label: vscode.l10n.t('Compare with Previous'), command: 'licenseManager.resource.compareWithPrevious' }),
  },
};

/** Which change an operation made of a grant that was in `before` and is now in `status`. */
export function landedChange(operation: string, status: string, before: string | undefined): LandedChange | undefined {
  switch (operation) {
    case 'AcceptGrant':
      return 'accept';
    case 'RejectGrant':
      return 'reject';
    case 'DeleteGrant':
      return 'delete';
    case 'CreateGrantVersion':
      if (status !== before && status === 'ACTIVE') return 'activate';
      if (status !== before && status === 'DISABLED' && before === 'ACTIVE') return 'deactivate';
      return 'createVersion';
    default:
      return undefined;
  }
}

/** The notification of a landed change and its next step (none when nothing follows). */
export function landedMessage(change: LandedChange, name: string, version: string): { text: UiText; next?: NextStep } {
  const row = LANDED[change];
  return { text: row.text(name, version), next: row.next?.() };
}
