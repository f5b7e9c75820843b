import type { CommandDefinition } from './register';

export const filterUsage: CommandDefinition = {
  id: 'licenseManager.usage.filter',
  run() {
    throw new Error('Not implemented yet');
  },
};
