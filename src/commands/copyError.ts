import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { MessageNode } from '../tree/nodes/messageNode';
import type { CommandDefinition } from './register';

/** Copies the whole failure an error row shows (message, operation, code, request id, fix). */
export const copyError: CommandDefinition = {
  id: 'licenseManager.message.copyError',
  async run(_ctx, arg?: unknown) {
    const text = arg instanceof MessageNode ? arg.errorText : undefined;
    if (text === undefined) throw new Error(t('Copy Error works on error rows of the License Manager views.'));
    await vscode.env.clipboard.writeText(text);
    notify.status(t('Copied the error to the clipboard'), 3000);
    return text;
  },
};
