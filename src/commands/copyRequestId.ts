import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { MessageNode } from '../tree/nodes/messageNode';
import type { CommandDefinition } from './register';

/** Copies the request id AWS gave a failure, for a support case or CloudTrail. */
export const copyRequestId: CommandDefinition = {
  id: 'licenseManager.message.copyRequestId',
  async run(_ctx, arg?: unknown) {
    const id = arg instanceof MessageNode ? arg.requestId : undefined;
    if (id === undefined) throw new Error(t('This row has no request id.'));
    await vscode.env.clipboard.writeText(id);
    notify.status(t('Copied the request id to the clipboard'), 3000);
    return id;
  },
};
