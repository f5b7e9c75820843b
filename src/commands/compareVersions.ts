import { GRANT_KINDS, LICENSE_KINDS } from '../model/resources';
import * as vscode from 'vscode';
import { listVersions, openVersionDiff, resourceName } from '../documents/versionDiff';
import { inputSteps, runSteps } from '../grants/multiStepInput';
import { isVersion } from '../model/versions';
import { notify, t, uiText, type UiPickItem } from '../ui/window';
import { versionedHolder } from './compareWithPrevious';
import type { CommandDefinition } from './register';

interface VersionItem extends UiPickItem {
  readonly version: string;
}

interface Answers {
  first: VersionItem;
  /** Typed after picking "Older version…". */
  firstOlder?: string;
  second: VersionItem;
  secondOlder?: string;
}

/** The item that asks for an older version by number. */
const OLDER = '';

/**
 * Asks for two versions of a grant or license (Back between the steps) and diffs them. The picks
 * offer the newest versions; "Older version…" asks for the number of an older one.
 */
export const compareVersions: CommandDefinition = {
  id: 'licenseManager.resource.compareVersions',
  accepts: [...GRANT_KINDS, ...LICENSE_KINDS],
  async run(ctx, arg?: unknown) {
    const title = t('Compare Versions');
    const holder = await versionedHolder(ctx, arg, title);
    const name = resourceName(holder);
    const { choices, olderThrough } = await listVersions(ctx.services, holder);
    if (choices.length < 2 && olderThrough === undefined) {
      void notify.info(t('{0} has only one version.', name));
      return;
    }
    const items: VersionItem[] = choices.map((v) => ({
      version: v.version,
      label: t('Version {0}', v.version),
      description: v.description ? uiText(v.description) : undefined,
    }));
    const older: VersionItem[] =
      olderThrough === undefined ? [] : [{ version: OLDER, label: t('Older version…'), description: t('versions 1 to {0}', olderThrough) }];
    const typed = {
      prompt: vscode.l10n.t('Version number, from 1 to {0}', olderThrough ?? ''),
      validate: (v: string) =>
        isVersion(v) && olderThrough !== undefined && Number(v) <= Number(olderThrough)
          ? undefined
          : vscode.l10n.t('Enter a version number from 1 to {0}.', olderThrough ?? ''),
    };
    const step = inputSteps<Answers>();
    const answers = await runSteps<Answers>(t('Compare Versions of {0}', name), [
      step.pick('first', { placeholder: vscode.l10n.t('Select the first version'), items: [...items, ...older] }),
      step.text('firstOlder', typed, (a) => a.first?.version === OLDER),
      step.pick('second', {
        placeholder: vscode.l10n.t('Select the version to compare it with'),
        items: [...items.slice(1), ...items.slice(0, 1), ...older],
      }),
      step.text('secondOlder', typed, (a) => a.second?.version === OLDER),
    ]);
    const first = answers.first.version === OLDER ? answers.firstOlder : answers.first.version;
    const second = answers.second.version === OLDER ? answers.secondOlder : answers.second.version;
    if (first === undefined || second === undefined || first === second) {
      throw new Error(vscode.l10n.t('Select two different versions to compare.'));
    }
    await openVersionDiff(ctx.services, ctx.json, holder, first, second);
  },
};
