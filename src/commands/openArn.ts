import { notify, showInputBox, t } from '../ui/window';
import { OPEN_ARN_COMMAND } from '../documents/arnHover';
import { parseLmArn } from '../model/lmArn';
import { Cancelled } from '../shared/cancelled';
import { unresolvedText } from './arnItem';
import type { CommandDefinition } from './register';

/**
 * Opens a License Manager ARN read-only (from a CodeLens, a link or the palette): the
 * explorer item showing it is revealed and its panel opened; otherwise its panel reads
 * it through a selected profile of its account. Never changes anything. Resolves with
 * what it opened, or the message it showed instead.
 */
export const openArn: CommandDefinition = {
  id: OPEN_ARN_COMMAND,
  async run(ctx, arg?: unknown) {
    let target = arg;
    if (target === undefined || target === null) {
      const typed = await showInputBox({
        title: t('Open in License Manager'),
        prompt: t('The ARN of a license, grant or license configuration'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === '' || parseLmArn(v.trim()) ? undefined : t('Enter a License Manager ARN (arn:aws:license-manager:…)')),
      });
      if (typed === undefined || typed.trim() === '') throw new Cancelled();
      target = typed.trim();
    }
    const found = await ctx.arns.resolveItem(target);
    if (!('resource' in found)) {
      const message = unresolvedText(found);
      void notify.warn(message);
      return { refused: message };
    }
    if (found.node && ctx.explorer.loadedResources().includes(found.node)) await ctx.explorer.reveal(found.node);
    await ctx.panels.open(found.node ?? { resource: found.resource, data: {} });
    return { opened: found.resource };
  },
};
