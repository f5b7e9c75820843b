import { t } from '../ui/window';
import type { ResourceRef } from '../model/resources';
import type { ResolvedItem } from '../tree/arnLookup';
import type { ResourceNode } from '../tree/nodes/resourceNode';
import { pickLoadedResource } from '../tree/pickers';
import type { UiText } from '../ui/window';
import type { CommandContext } from './register';

/** Why an argument names no resource, in words. */
export function unresolvedText(found: Exclude<ResolvedItem, { resource: ResourceRef }>): UiText {
  switch (found.reason) {
    case 'notArn':
      return t('This is not a License Manager license, grant, license configuration or token ARN; nothing was sent.');
    case 'unsupported':
      return t('Tokens are not opened by ARN; nothing was sent.');
    case 'noProfile':
      return t(
        'No selected profile is of account {0}, so nothing was sent. Select a profile of that account in the License Manager explorer (its account shows once one of its lists loads), then try again.',
        found.arn.account,
      );
  }
}

/**
 * The resource a read-only command works on: the argument as the extension holds it
 * (see `ArnLookup.resolveItem`), or, without one, a pick among the loaded resources.
 */
export async function itemOf(ctx: CommandContext, arg: unknown, title: UiText): Promise<{ resource: ResourceRef; node?: ResourceNode }> {
  if (arg === undefined || arg === null) {
    const node = await pickLoadedResource(ctx.explorer, title, true);
    return { resource: node.resource, node };
  }
  const found = await ctx.arns.resolveItem(arg);
  if ('resource' in found) return found;
  throw new Error(unresolvedText(found));
}
