/**
 * A grant command run on a selection of several items (VS Code passes the clicked item and the
 * selection): every item must be a node the extension holds (`heldHolder`), and every one a grant;
 * otherwise nothing is sent. The action itself is `runBulkAction` in `grants/bulk.ts`.
 */
import { runBulkAction, type BulkResult } from '../grants/bulk';
import type { BulkAction, BulkGrant } from '../grants/bulkSend';
import { grantFromArg } from '../grants/targets';
import { Cancelled } from '../shared/cancelled';
import { notify, t } from '../ui/window';
import type { CommandContext } from './register';
import { heldHolder } from './trust';


/** Runs `action` on the grants of `selection`, each the extension's own copy of what its view showed. */
export async function runOnSelection(ctx: CommandContext, action: BulkAction, selection: readonly unknown[]): Promise<BulkResult> {
  const items: BulkGrant[] = [];
  for (const arg of selection) {
    const held = heldHolder(ctx, arg);
    const grant = held ? grantFromArg(held) : undefined;
    if (!grant) {
      void notify.warn(t('The selection holds items that are not grants of the License Manager views; nothing was sent. Select grants only.'));
      throw new Cancelled();
    }
    items.push(grant);
  }
  return runBulkAction(ctx, action, items);
}
