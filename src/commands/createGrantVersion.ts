import type { CommandDefinition } from './register';

export const createGrantVersion: CommandDefinition = {
  id: 'licenseManager.grant.createVersion',
  run() {
    throw new Error('Not implemented yet');
  },
};
