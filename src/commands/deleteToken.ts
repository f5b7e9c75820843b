import * as vscode from 'vscode';
import { notify, showQuickPick, t, uiText, withProgress } from '../ui/window';
import { confirm } from '../grants/prompts';
import { Cancelled } from '../shared/cancelled';
import { isResourceHolder, resourceKey } from '../model/resources';
import type { IssuingDeps } from './issuingDeps';
import type { CommandContext } from './register';

/** Delete Token: a token the explorer lists, after a confirmation naming it and its license. */
export async function runDeleteToken(ctx: CommandContext, deps: IssuingDeps, arg: unknown): Promise<unknown> {
    const title = vscode.l10n.t('Delete Token');
    const loaded = deps.heldTokens();
    // The wrapper hands over the node or panel the extension holds for the argument, never the argument itself.
    const key = isResourceHolder(arg) ? resourceKey(arg.resource) : undefined;
    let node = loaded.find((h) => h.node === arg || resourceKey(h.resource) === key);
    if (!node) {
      if (loaded.length === 0) {
        void notify.info(t('{0}: expand Tokens under an issued license in the License Manager explorer first.', title));
        throw new Cancelled();
      }
      const picked = await showQuickPick(
        loaded.map((n) => ({ label: uiText(n.data.TokenId ?? ''), description: uiText(n.data.LicenseArn ?? ''), node: n })),
        { title: uiText(title), placeHolder: t('Pick a token') },
      );
      if (!picked) throw new Cancelled();
      node = picked.node;
    }
    const { TokenId: id, LicenseArn: licenseArn } = node.data;
    if (!id) throw new Cancelled();
    await confirm(
      vscode.l10n.t('Delete the token {0}?', id),
      vscode.l10n.t('Its holder can no longer get access tokens for the license {0}. A deleted token cannot be restored.', licenseArn ?? ''),
      vscode.l10n.t('Delete'),
    );
    const api = (await ctx.services.clients()).get(node.resource.profile, node.resource.region);
    await withProgress({ location: vscode.ProgressLocation.Notification, title: t('Deleting token {0}…', id), cancellable: true }, async (_p, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        await api.deleteToken(id, { signal: abort.signal });
      } finally {
        sub.dispose();
      }
    });
    ctx.services.log.info(`DeleteToken ${id} (${node.resource.profile})`);
    if (licenseArn) await deps.reloadTokenLists(licenseArn);
    void notify.info(t('Token {0} deleted.', id));
    return id;
}
