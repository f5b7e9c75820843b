import type { CommandDefinition } from './register';

export const selectProfiles: CommandDefinition = {
  id: 'licenseManager.profiles.select',
  run() {
    throw new Error('Not implemented yet');
  },
};
