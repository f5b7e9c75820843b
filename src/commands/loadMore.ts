import type { CommandDefinition } from './register';

export const loadMore: CommandDefinition = {
  id: 'licenseManager.explorer.loadMore',
  run() {
    throw new Error('Not implemented yet');
  },
};
