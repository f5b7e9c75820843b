import type { CommandDefinition } from './register';

export const activateGrant: CommandDefinition = {
  id: 'licenseManager.grant.activate',
  run() {
    throw new Error('Not implemented yet');
  },
};
