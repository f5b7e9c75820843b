import * as vscode from 'vscode';
import { isResourceHolder } from '../model/resources';
import { pickLoadedResource } from '../tree/pickers';
import type { CommandDefinition } from './register';

/** Copies a resource's ARN to the clipboard; from the palette, offers the loaded resources. */
export const copyArn: CommandDefinition = {
  id: 'licenseManager.resource.copyArn',
  async run({ explorer }, arg?: unknown) {
    const holder = isResourceHolder(arg) ? arg : await pickLoadedResource(explorer, vscode.l10n.t('Copy the ARN of'), true);
    const arn = holder.resource.arn;
    if (!arn) throw new Error(vscode.l10n.t('This item has no ARN.'));
    await vscode.env.clipboard.writeText(arn);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the ARN to the clipboard'), 3000);
    return arn;
  },
};
