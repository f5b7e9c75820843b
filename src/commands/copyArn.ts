import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { isResourceHolder } from '../model/resources';
import { pickLoadedResource } from '../tree/pickers';
import type { CommandDefinition } from './register';

/** Copies a resource's ARN to the clipboard; from the palette, offers the loaded resources. */
export const copyArn: CommandDefinition = {
  id: 'licenseManager.resource.copyArn',
  async run({ explorer }, arg?: unknown) {
    const holder = isResourceHolder(arg) ? arg : await pickLoadedResource(explorer, t('Copy the ARN of'), true);
    const arn = holder.resource.arn;
    if (!arn) throw new Error(t('This item has no ARN.'));
    await vscode.env.clipboard.writeText(arn);
    notify.status(t('Copied the ARN to the clipboard'), 3000);
    return arn;
  },
};
