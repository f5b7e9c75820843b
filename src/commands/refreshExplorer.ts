import type { CommandDefinition } from './register';

export const refreshExplorer: CommandDefinition = {
  id: 'licenseManager.explorer.refresh',
  run() {
    throw new Error('Not implemented yet');
  },
};
