import type { CommandDefinition } from './register';

export const filterExplorer: CommandDefinition = {
  id: 'licenseManager.explorer.filter',
  run() {
    throw new Error('Not implemented yet');
  },
};
