import { showQuickPick, t, uiText } from '../ui/window';
import { UsageListNode } from '../tree/nodes/usageListNode';
import { pickUsageFilter } from '../tree/pickers';
import { isStringRecord, type UsageFilter } from '../model/rules';
import { Cancelled } from '../shared/cancelled';
import type { CommandDefinition } from './register';

const FILTER_KEYS: readonly (keyof UsageFilter)[] = ['resourceType', 'resourceAccount', 'resourceArn'];

/** Filters a configuration's usage server-side by resource type, account or ARN. A filter object skips the prompts. */
export const filterUsage: CommandDefinition = {
  id: 'licenseManager.usage.filter',
  async run({ explorer }, arg?: unknown, filter?: unknown) {
    let node = arg instanceof UsageListNode ? arg : undefined;
    if (!node) {
      const lists = explorer.loadedNodes().filter((n): n is UsageListNode => n instanceof UsageListNode);
      if (lists.length === 0) throw new Error(t('Expand a license configuration in the explorer first.'));
      const picked = await showQuickPick(
        lists.map((l) => {
          const label = l.parent?.getTreeItem().label;
          return {
            node: l,
            label: uiText(typeof label === 'string' ? label : l.configurationArn),
            detail: uiText(l.configurationArn),
          };
        }),
        { title: t('Filter the usage of which configuration?'), ignoreFocusOut: true },
      );
      if (!picked) throw new Cancelled();
      node = picked.node;
    }
    node.setFilter(isStringRecord(filter, FILTER_KEYS) ? filter : await pickUsageFilter(node.filter));
  },
};
