import type { CommandDefinition } from './register';

export const openDetails: CommandDefinition = {
  id: 'licenseManager.resource.openDetails',
  run() {
    throw new Error('Not implemented yet');
  },
};
