import type { CommandDefinition } from './register';

export const copyArn: CommandDefinition = {
  id: 'licenseManager.resource.copyArn',
  run() {
    throw new Error('Not implemented yet');
  },
};
