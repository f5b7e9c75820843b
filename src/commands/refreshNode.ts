import type { CommandDefinition } from './register';

export const refreshNode: CommandDefinition = {
  id: 'licenseManager.explorer.refreshNode',
  run() {
    throw new Error('Not implemented yet');
  },
};
