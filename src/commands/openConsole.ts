import * as vscode from 'vscode';
import { t } from '../ui/window';
import { ExplorerNode } from '../tree/nodes/explorerNode';
import { itemConsoleUrl, listConsoleUrl } from '../tree/readCommands';
import { itemOf } from './arnItem';
import type { CommandDefinition } from './register';

/** Opens the AWS console's page of an item (or list) in its region, in the browser. */
export const openConsole: CommandDefinition = {
  id: 'licenseManager.resource.openConsole',
  async run(ctx, arg?: unknown) {
    const list = arg instanceof ExplorerNode && ctx.explorer.loadedNodes().includes(arg) ? listConsoleUrl(arg) : undefined;
    const url = list ?? itemConsoleUrl((await itemOf(ctx, arg, t('Open in the AWS console'))).resource);
    if (!url) throw new Error(t('The AWS console has no page for this item.'));
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return url;
  },
};
