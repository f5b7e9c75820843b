import { pickFilter } from '../tree/pickers';
import { isStringRecord, type ExplorerFilter } from '../tree/rules';
import type { CommandDefinition } from './register';

const FILTER_KEYS: readonly (keyof ExplorerFilter)[] = ['text', 'grantStatus', 'licenseStatus'];

/** Filters the explorer: text over loaded items, grant and license status server-side. A filter object skips the prompts. */
export const filterExplorer: CommandDefinition = {
  id: 'licenseManager.explorer.filter',
  async run({ explorer }, arg?: unknown) {
    explorer.setFilter(isStringRecord(arg, FILTER_KEYS) ? arg : await pickFilter(explorer.filter));
  },
};
