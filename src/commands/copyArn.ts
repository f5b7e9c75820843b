import * as vscode from 'vscode';
import { ALL_RESOURCE_KINDS, isResourceHolder } from '../model/resources';
import { licenseManagerArnKind } from '../model/arn';
import { isArn } from '../model/validation';
import { notify, t } from '../ui/window';
import { pickLoadedResource } from '../tree/pickers';
import type { CommandDefinition } from './register';

/**
 * Copies a resource's ARN to the clipboard; from the palette, offers the loaded resources. Only an
 * ARN is copied: a License Manager ARN for License Manager resources, an ARN for usage records and
 * associations (the resource's own); anything else is refused and the clipboard is left alone.
 */
export const copyArn: CommandDefinition = {
  id: 'licenseManager.resource.copyArn',
  accepts: ALL_RESOURCE_KINDS,
  async run({ explorer }, arg?: unknown) {
    const holder = isResourceHolder(arg) ? arg : await pickLoadedResource(explorer, t('Copy the ARN of'), true);
    const { arn, kind } = holder.resource;
    const valid = kind === 'usage' || kind === 'association' ? isArn(arn) : licenseManagerArnKind(arn) !== undefined;
    if (!valid) throw new Error(t('This item has no valid ARN to copy; the clipboard was left as it was.'));
    await vscode.env.clipboard.writeText(arn);
    notify.status(t('Copied the ARN to the clipboard'), 3000);
    return arn;
  },
};
