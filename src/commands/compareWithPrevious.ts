import * as vscode from 'vscode';
import { currentVersion, openVersionDiff, previousVersion, resourceName } from '../documents/versionDiff';
import { historyKind } from '../model/history';
import { isVersion } from '../model/versions';
import { GRANT_KINDS, LICENSE_KINDS, isResourceHolder, type ResourceHolder } from '../model/resources';
import { notify, t, type UiText } from '../ui/window';
import { pickLoadedResource } from '../tree/pickers';
import type { CommandContext, CommandDefinition } from './register';

/** A grant or license: the argument when it is one, else a pick among the loaded ones. */
export async function versionedHolder(ctx: CommandContext, arg: unknown, title: UiText): Promise<ResourceHolder> {
  if (isResourceHolder(arg) && historyKind(arg.resource.kind)) return arg;
  return pickLoadedResource(ctx.explorer, title, true, {
    accept: (n) => historyKind(n.resource.kind) !== undefined,
    none: vscode.l10n.t('No grant or license is loaded yet: expand a list of grants or licenses in the License Manager explorer first.'),
  });
}

/**
 * Diffs a grant or license version with the one before it: the version shown,
 * or `version` (a decimal string, as the panel's History section passes it).
 */
export const compareWithPrevious: CommandDefinition = {
  id: 'licenseManager.resource.compareWithPrevious',
  accepts: [...GRANT_KINDS, ...LICENSE_KINDS],
  async run(ctx, arg?: unknown, version?: unknown) {
    const holder = await versionedHolder(ctx, arg, t('Compare with Previous Version'));
    const newer = isVersion(version) ? version : currentVersion(holder);
    if (newer === undefined) throw new Error(t('{0} has no version number.', resourceName(holder)));
    const older = await previousVersion(ctx.services, holder, newer);
    if (older === undefined) {
      void notify.info(t('{0} has no version before version {1}.', resourceName(holder), newer));
      return;
    }
    await openVersionDiff(ctx.services, ctx.json, holder, older, newer);
  },
};
