import * as vscode from 'vscode';
import type { Problem } from '../model/validation';
import { escapeLinks } from '../shared/plainText';

/** The text shown in an input box for a validation problem. */
export function problemText(p: Problem | undefined, field: string): string | undefined {
  if (!p) return undefined;
  switch (p.code) {
    case 'required':
      return vscode.l10n.t('{0} is required.', field);
    case 'tooLong':
      return vscode.l10n.t('{0} must be at most {1} characters (now {2}).', field, p.max, p.length);
    case 'notArn':
      return vscode.l10n.t('{0} is not a valid ARN. Expected, for example, arn:aws:iam::123456789012:root.', field);
    case 'notPrincipal':
      return vscode.l10n.t(
        '{0} must be an account (arn:aws:iam::123456789012:root), organization (arn:aws:organizations::123456789012:organization/o-…) or organizational unit (arn:aws:organizations::123456789012:ou/o-…/ou-…) ARN.',
        field,
      );
    case 'noOperations':
      return vscode.l10n.t('Select at least one operation.');
    case 'tooManyOperations':
      return vscode.l10n.t('Select at most {0} operations.', p.max);
  }
}

/**
 * Notifications for grant actions. Their text holds AWS names and error text, which
 * VS Code would render as links (`[x](command:…)`): it is shown literally instead.
 */
export const notify = {
  info: (text: string, ...items: string[]): Thenable<string | undefined> =>
    vscode.window.showInformationMessage(escapeLinks(text), ...items),
  warn: (text: string, ...items: string[]): Thenable<string | undefined> =>
    vscode.window.showWarningMessage(escapeLinks(text), ...items),
  error: (text: string, ...items: string[]): Thenable<string | undefined> =>
    vscode.window.showErrorMessage(escapeLinks(text), ...items),
};
