import type { CommandDefinition } from './register';

/** Reloads the whole view: profiles are discovered again and every list loads afresh. */
export const refreshExplorer: CommandDefinition = {
  id: 'licenseManager.explorer.refresh',
  run({ explorer }) {
    return explorer.refresh();
  },
};
