import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { commandLine, shellOf } from '../model/cliCommand';
import { ExplorerNode } from '../tree/nodes/explorerNode';
import { itemReadArgs, listReadArgs } from '../tree/readCommands';
import { itemOf } from './arnItem';
import type { CommandDefinition } from './register';

/**
 * Copies the `aws license-manager` command that reads an item or a list, with its
 * profile and region, quoted for this platform's shell. Only lists the explorer holds.
 */
export const copyCli: CommandDefinition = {
  id: 'licenseManager.resource.copyCli',
  async run(ctx, arg?: unknown) {
    const list = arg instanceof ExplorerNode && ctx.explorer.loadedNodes().includes(arg) ? listReadArgs(arg, ctx.services.state.filter) : undefined;
    const args = list ?? itemReadArgs((await itemOf(ctx, arg, t('Copy the AWS CLI command of'))).resource);
    if (!args) throw new Error(t('There is no AWS CLI command that reads this item alone.'));
    const line = commandLine(args, shellOf(process.platform));
    await vscode.env.clipboard.writeText(line);
    notify.status(t('Copied the AWS CLI command to the clipboard'), 3000);
    return line;
  },
};
