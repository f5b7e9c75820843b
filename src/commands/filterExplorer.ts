import { isStringRecord, type ExplorerFilter } from '../model/rules';
import { pickFilter } from '../tree/pickers';
import type { CommandDefinition } from './register';

const FILTER_KEYS: readonly (keyof ExplorerFilter)[] = ['text', 'grantStatus', 'licenseStatus'];

/** Filters the explorer: text over loaded items, grant and license status server-side. A filter object skips the prompts. */
export const filterExplorer: CommandDefinition = {
  id: 'licenseManager.explorer.filter',
  async run({ services: { state } }, arg?: unknown) {
    state.setFilter(isStringRecord(arg, FILTER_KEYS) ? arg : await pickFilter(state.filter));
  },
};
