import { LoadMoreNode } from '../tree/nodes/loadMoreNode';
import type { CommandDefinition } from './register';

/** Loads the next page of the list a "Load more…" item belongs to. */
export const loadMore: CommandDefinition = {
  id: 'licenseManager.explorer.loadMore',
  async run({ explorer }, arg?: unknown) {
    if (arg instanceof LoadMoreNode) await explorer.loadMore(arg);
  },
};
