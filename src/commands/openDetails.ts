import * as vscode from 'vscode';
import { isResourceHolder, type ProfileSelection, type ResourceHolder } from '../model/resources';
import { dedupeReceived, describeHolder, listPickable } from '../panels/pickable';
import { errorView } from '../panels/views/state';
import { Cancelled } from '../shared/cancelled';
import type { CommandContext, CommandDefinition } from './register';

const PICK_PAGE = 100;

interface HolderItem extends vscode.QuickPickItem {
  readonly holder: ResourceHolder;
}

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

/** Lists the first page of each category in every selected (profile, region) into a quick pick as results arrive. */
async function pickResource(ctx: CommandContext): Promise<ResourceHolder> {
  const selection: readonly ProfileSelection[] = await ctx.services.state.selection();
  const targets = selection.flatMap((s) => s.regions.map((region) => ({ profile: s.profile, region })));
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(t('Select an AWS profile and region in the License Manager explorer first.'));
    throw new Cancelled();
  }
  const factory = await ctx.services.clients();
  const qp = vscode.window.createQuickPick<HolderItem>();
  qp.title = t('Open Details');
  qp.placeholder = t('Pick a license configuration, license or grant');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  qp.busy = true;
  let holders: ResourceHolder[] = [];
  let failed = 0;
  let remaining = targets.length;
  const redraw = (): void => {
    qp.items = dedupeReceived(holders).map((holder) => ({ ...describeHolder(t, holder), holder }));
  };
  for (const { profile, region } of targets) {
    void listPickable(factory.get(profile, region), PICK_PAGE).then((result) => {
      holders = holders.concat(result.holders);
      failed += result.failures.length;
      for (const f of result.failures) {
        const e = errorView(t, f.error);
        ctx.services.log.warn(`openDetails: listing ${f.kind} in ${f.profile}/${f.region} failed: ${e.kind}: ${e.message}`);
      }
      remaining--;
      redraw();
      if (remaining === 0) {
        qp.busy = false;
        if (failed > 0) qp.placeholder = t('Pick a resource ({0} lists could not be loaded; see the output log)', failed);
      }
    });
  }
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
      qp.dispose();
      if (!done) reject(new Cancelled());
    });
    qp.show();
  });
}

export const openDetails: CommandDefinition = {
  id: 'licenseManager.resource.openDetails',
  async run(ctx, arg?: unknown) {
    const holder = isResourceHolder(arg) ? arg : await pickResource(ctx);
    await ctx.panels.open({ resource: holder.resource, data: holder.data });
  },
};
