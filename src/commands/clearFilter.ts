import type { CommandDefinition } from './register';

export const clearFilter: CommandDefinition = {
  id: 'licenseManager.explorer.clearFilter',
  run({ services: { state } }) {
    state.setFilter({});
  },
};
