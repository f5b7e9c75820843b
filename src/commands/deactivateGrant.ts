import type { CommandDefinition } from './register';

export const deactivateGrant: CommandDefinition = {
  id: 'licenseManager.grant.deactivate',
  run() {
    throw new Error('Not implemented yet');
  },
};
