import type { CommandDefinition } from './register';

export const rejectGrant: CommandDefinition = {
  id: 'licenseManager.grant.reject',
  run() {
    throw new Error('Not implemented yet');
  },
};
