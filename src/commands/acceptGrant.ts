import type { CommandDefinition } from './register';

export const acceptGrant: CommandDefinition = {
  id: 'licenseManager.grant.accept',
  run() {
    throw new Error('Not implemented yet');
  },
};
