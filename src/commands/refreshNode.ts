import { isResourceHolder } from '../model/resources';
import { ExplorerNode } from '../tree/nodes/explorerNode';
import type { CommandDefinition } from './register';

/** Reloads one item or list (an error item retries); without an argument, the whole view. */
export const refreshNode: CommandDefinition = {
  id: 'licenseManager.explorer.refreshNode',
  run({ explorer }, arg?: unknown) {
    if (arg instanceof ExplorerNode || isResourceHolder(arg)) return explorer.refresh(arg);
    return explorer.refresh();
  },
};
