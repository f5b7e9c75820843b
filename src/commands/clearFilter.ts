import type { CommandDefinition } from './register';

export const clearFilter: CommandDefinition = {
  id: 'licenseManager.explorer.clearFilter',
  run() {
    throw new Error('Not implemented yet');
  },
};
