import type { CommandDefinition } from './register';

export const selectRegions: CommandDefinition = {
  id: 'licenseManager.regions.select',
  run() {
    throw new Error('Not implemented yet');
  },
};
