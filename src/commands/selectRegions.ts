import * as vscode from 'vscode';
import { t } from '../ui/window';
import { ProfileNode } from '../tree/nodes/profileNode';
import { pickProfile, pickRegions } from '../tree/pickers';
import type { CommandDefinition } from './register';

/** Chooses the regions of one profile (its own region preselected). Arguments: a profile node or name, then optionally the regions. */
export const selectRegions: CommandDefinition = {
  id: 'licenseManager.regions.select',
  async run({ services: { state } }, arg?: unknown, regions?: unknown) {
    const profiles = await state.profiles();
    const selected = (await state.selection()).map((s) => s.profile);
    const name =
      arg instanceof ProfileNode
        ? arg.name
        : typeof arg === 'string'
          ? arg
          : await pickProfile(selected.length ? selected : profiles.map((p) => p.name), t('Select regions for which profile?'));
    const info = profiles.find((p) => p.name === name);
    if (!info) throw new Error(vscode.l10n.t('Profile {0} was not found.', name));
    const chosen =
      Array.isArray(regions) && regions.every((r) => typeof r === 'string')
        ? (regions as string[])
        : await pickRegions(info, await state.regionsOf(name));
    await state.setRegions(name, chosen);
  },
};
