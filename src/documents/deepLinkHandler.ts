import * as vscode from 'vscode';
import { notify, t, type UiText } from '../ui/window';
import { parseDeepLink, type DeepLinkProblem } from '../model/deepLink';
import { OPEN_ARN_COMMAND } from './arnHover';

function problemText(problem: DeepLinkProblem, value: string | undefined): UiText {
  switch (problem) {
    case 'path':
      return t('License Manager Explorer opens only links of the form …/open?arn=<ARN>; this link was not opened.');
    case 'missing':
      return t('This License Manager link names no ARN (…/open?arn=<ARN>); nothing was opened.');
    case 'many':
      return t('This License Manager link names more than one ARN; nothing was opened.');
    case 'extra':
      return t('This License Manager link has parameters other than arn; nothing was opened.');
    case 'tooLong':
      return t('This License Manager link is too long to name an ARN; nothing was opened.');
    case 'notArn':
      return t('This link does not name a License Manager license, grant, license configuration or token ARN: {0}. Nothing was opened.', value ?? '');
  }
}

/**
 * Handles `<scheme>://<publisher>.<name>/open?arn=<ARN>`: a well-formed link opens the
 * resource read-only (see the open-ARN command); anything else is refused with a message.
 * Resolves once the resource is shown or the link refused.
 */
export class DeepLinkHandler implements vscode.UriHandler {
  /** The last link's outcome: opened, or refused with the message shown. */
  last: { readonly outcome: 'opened' | 'refused'; readonly message?: string } | undefined;

  async handleUri(uri: vscode.Uri): Promise<void> {
    const parsed = parseDeepLink(uri.path, uri.query);
    if (!parsed.ok) {
      const message = problemText(parsed.problem, parsed.value);
      this.last = { outcome: 'refused', message };
      void notify.warn(message);
      return;
    }
    const result = await vscode.commands.executeCommand<{ refused?: string } | undefined>(OPEN_ARN_COMMAND, parsed.arn.arn);
    this.last = result?.refused !== undefined ? { outcome: 'refused', message: result.refused } : { outcome: 'opened' };
  }
}
