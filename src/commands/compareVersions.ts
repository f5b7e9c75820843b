import { GRANT_KINDS, LICENSE_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { listVersions, openVersionDiff, resourceName } from '../documents/versionDiff';
import { inputSteps, runSteps } from '../grants/multiStepInput';
import { notify, t, uiText, type UiPickItem } from '../ui/window';
import { versionedHolder } from './compareWithPrevious';
import type { CommandDefinition } from './register';

interface VersionItem extends UiPickItem {
  readonly version: string;
}

interface Answers {
  first: VersionItem;
  second: VersionItem;
}

/** Asks for two versions of a grant or license (two steps, Back between them) and diffs them. */
export const compareVersions: CommandDefinition = {
  id: 'licenseManager.resource.compareVersions',
  accepts: [...GRANT_KINDS, ...LICENSE_KINDS],
  async run(ctx, arg?: unknown) {
    const title = t('Compare Versions');
    const holder = await versionedHolder(ctx, arg, title);
    const name = resourceName(holder);
    const versions = await listVersions(ctx.services, holder);
    if (versions.length < 2) {
      void notify.info(t('{0} has only one version.', name));
      return;
    }
    const items: VersionItem[] = [...versions].reverse().map((v) => ({
      version: v.version,
      label: t('Version {0}', v.version),
      description: v.description ? uiText(v.description) : undefined,
    }));
    const step = inputSteps<Answers>();
    const answers = await runSteps<Answers>(t('Compare Versions of {0}', name), [
      step.pick('first', { placeholder: vscode.l10n.t('Select the first version'), items }),
      step.pick('second', { placeholder: vscode.l10n.t('Select the version to compare it with'), items: items.slice(1).concat(items.slice(0, 1)) }),
    ]);
    if (answers.first.version === answers.second.version) {
      throw new Error(vscode.l10n.t('Select two different versions to compare.'));
    }
    await openVersionDiff(ctx.services, ctx.json, holder, answers.first.version, answers.second.version);
  },
};
