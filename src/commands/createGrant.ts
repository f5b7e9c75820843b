import type { CommandDefinition } from './register';

export const createGrant: CommandDefinition = {
  id: 'licenseManager.grant.create',
  run() {
    throw new Error('Not implemented yet');
  },
};
