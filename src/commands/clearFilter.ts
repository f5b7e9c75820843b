import type { CommandDefinition } from './register';

export const clearFilter: CommandDefinition = {
  id: 'licenseManager.explorer.clearFilter',
  run({ explorer }) {
    explorer.clearFilter();
  },
};
