import { pickFilter } from '../tree/pickers';
import type { ExplorerFilter } from '../tree/rules';
import type { CommandDefinition } from './register';

function isFilter(arg: unknown): arg is ExplorerFilter {
  if (typeof arg !== 'object' || arg === null) return false;
  // Only a plain object: title actions receive the focused tree item.
  if (Object.getPrototypeOf(arg) !== Object.prototype) return false;
  const f = arg as Record<string, unknown>;
  const keys = ['text', 'grantStatus', 'licenseStatus'];
  return Object.keys(f).every((k) => keys.includes(k) && (f[k] === undefined || typeof f[k] === 'string'));
}

/** Filters the explorer: text over loaded items, grant and license status server-side. A filter object skips the prompts. */
export const filterExplorer: CommandDefinition = {
  id: 'licenseManager.explorer.filter',
  async run({ explorer }, arg?: unknown) {
    explorer.setFilter(isFilter(arg) ? arg : await pickFilter(explorer.filter));
  },
};
