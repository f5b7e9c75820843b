import * as vscode from 'vscode';
import { isLicenseManagerError } from '../aws/errors';
import type { UiText } from '../ui/window';

const SSO_LOGIN = 'aws sso login --profile ';

/**
 * The profile to sign in to AWS IAM Identity Center when `error` is a credentials failure whose
 * fix is `aws sso login` (an SSO profile, or a role profile whose source is one); otherwise `undefined`.
 */
export function signInProfileOf(error: unknown): string | undefined {
  if (!isLicenseManagerError(error) || error.kind !== 'credentials') return undefined;
  const fix = error.details.fix;
  return fix?.startsWith(SSO_LOGIN) ? fix.slice(SSO_LOGIN.length).trim() || undefined : undefined;
}

/**
 * Shows `text` with a "Sign in" button when `profiles` is not empty; choosing it runs
 * `licenseManager.profile.signIn` for the one profile, or lets the user pick among several.
 * Returns the other button chosen, if any.
 */
export async function withSignIn(
  show: (text: UiText, ...items: string[]) => Thenable<string | undefined>,
  text: UiText,
  profiles: readonly string[],
  ...items: string[]
): Promise<string | undefined> {
  const names = [...new Set(profiles)];
  const signIn = vscode.l10n.t('Sign in');
  const answer = await show(text, ...(names.length > 0 ? [signIn] : []), ...items);
  if (names.length > 0 && answer === signIn) {
    await vscode.commands.executeCommand('licenseManager.profile.signIn', names.length === 1 ? names[0] : undefined);
    return undefined;
  }
  return answer;
}
