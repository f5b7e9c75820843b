import type { CommandDefinition } from './register';

export const deleteGrant: CommandDefinition = {
  id: 'licenseManager.grant.delete',
  run() {
    throw new Error('Not implemented yet');
  },
};
