import type { CommandDefinition } from './register';

export const openJson: CommandDefinition = {
  id: 'licenseManager.resource.openJson',
  run() {
    throw new Error('Not implemented yet');
  },
};
