import { createQuickPick, notify, setTexts, uiText, type UiPickItem, t } from '../ui/window';
import { gatherAcross, selectedTargets, showsReceivedHere } from '../data/fanOut';
import { listFirstPages } from '../data/firstPages';
import { ALL_RESOURCE_KINDS, isResourceHolder, type ResourceHolder } from '../model/resources';
import { describeHolder } from '../panels/pickable';
import { errorView } from '../panels/views/state';
import { Cancelled } from '../shared/cancelled';
import { logFailure } from '../ui/log';
import type { CommandContext, CommandDefinition } from './register';

const PICK_PAGE = 100;

interface HolderItem extends UiPickItem {
  readonly holder: ResourceHolder;
}


/**
 * Lists the first page of each list in every selected (profile, region) into a quick
 * pick as answers arrive. Received licenses appear once per profile, where the tree
 * shows them, so picking one opens the same panel as clicking it in the tree.
 * Closing the pick abandons the calls still running.
 */
async function pickResource(ctx: CommandContext): Promise<ResourceHolder> {
  const selection = await ctx.services.state.selection();
  if (selectedTargets(selection).length === 0) {
    void notify.info(uiText(t('Select an AWS profile and region in the License Manager explorer first.')));
    throw new Cancelled();
  }
  const factory = await ctx.services.clients();
  const abort = new AbortController();
  const qp = createQuickPick<HolderItem>({ title: uiText(t('Open Details')), placeholder: uiText(t('Pick a license configuration, license or grant')) });
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  qp.busy = true;
  let failed = 0;
  gatherAcross(
    selection,
    async (target, signal) => {
      const result = await listFirstPages(factory.get(target.profile, target.region), PICK_PAGE, {
        signal,
        shownHere: (home) => showsReceivedHere(target, home),
      });
      failed += result.failures.length;
      for (const f of result.failures) {
        const e = errorView(t, f.error);
        ctx.services.log.warn(`openDetails: listing ${f.kind} in ${f.profile}/${f.region} failed: ${e.kind}: ${e.message}`);
      }
      return result.holders;
    },
    {
      signal: abort.signal,
      onProgress: (found) => {
        if (abort.signal.aborted) return;
        qp.items = found.items.map((holder) => ({ ...describeHolder(t, holder), holder }));
        if (found.pending > 0) return;
        qp.busy = false;
        if (failed > 0) setTexts(qp, { placeholder: uiText(t('Pick a resource ({0} lists could not be loaded; see the output log)', failed)) });
      },
    },
  ).catch((e: unknown) => {
    qp.busy = false;
    logFailure(ctx.services.log, 'openDetails: listing')(e);
  });
  return new Promise<ResourceHolder>((resolve, reject) => {
    let done = false;
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0];
      if (!item) return;
      done = true;
      resolve(item.holder);
      qp.hide();
    });
    qp.onDidHide(() => {
      abort.abort();
      qp.dispose();
      if (!done) reject(new Cancelled());
    });
    qp.show();
  });
}

export const openDetails: CommandDefinition = {
  id: 'licenseManager.resource.openDetails',
  accepts: ALL_RESOURCE_KINDS,
  async run(ctx, arg?: unknown) {
    const holder = isResourceHolder(arg) ? arg : await pickResource(ctx);
    await ctx.panels.open({ resource: holder.resource, data: holder.data });
  },
};
