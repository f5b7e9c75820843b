import { notify, t } from '../ui/window';
import { pickProfiles } from '../tree/pickers';
import type { CommandDefinition } from './register';

/** Chooses the profiles the explorer shows (multi-select); a list of names skips the prompt. */
export const selectProfiles: CommandDefinition = {
  id: 'licenseManager.profiles.select',
  async run({ services: { state } }, arg?: unknown) {
    const profiles = await state.profiles();
    if (profiles.length === 0) {
      void notify.info(t('No AWS profiles were found. Add one with `aws configure`.'));
      return;
    }
    const names =
      Array.isArray(arg) && arg.every((n) => typeof n === 'string')
        ? (arg as string[])
        : await pickProfiles(profiles, (await state.selection()).map((s) => s.profile));
    await state.setSelectedProfiles(names);
  },
};
