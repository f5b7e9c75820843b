import * as vscode from 'vscode';
import { notify, t } from '../ui/window';
import { deepLink } from '../model/deepLink';
import { parseLmArn } from '../model/lmArn';
import { itemOf } from './arnItem';
import type { CommandDefinition } from './register';

/** Copies a link that opens the item in this extension (`vscode://…/open?arn=…`). */
export const copyLink: CommandDefinition = {
  id: 'licenseManager.resource.copyLink',
  async run(ctx, arg?: unknown) {
    const { resource } = await itemOf(ctx, arg, t('Copy a link to'));
    const parsed = parseLmArn(resource.arn);
    if (!parsed) throw new Error(t('Only licenses, grants, license configurations and tokens have links.'));
    const link = deepLink(vscode.env.uriScheme, ctx.services.context.extension.id, parsed.arn);
    await vscode.env.clipboard.writeText(link);
    notify.status(t('Copied a link to the clipboard'), 3000);
    return link;
  },
};
