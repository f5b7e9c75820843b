import * as vscode from 'vscode';
import { Cancelled, type CommandDefinition } from './register';
import { UsageListNode } from '../tree/nodes/usageListNode';
import { pickUsageFilter } from '../tree/pickers';
import type { UsageFilter } from '../tree/rules';
import { escapeIcons } from '../tree/rules';

function isUsageFilter(arg: unknown): arg is UsageFilter {
  if (typeof arg !== 'object' || arg === null) return false;
  // Only a plain object: title actions receive the focused tree item.
  if (Object.getPrototypeOf(arg) !== Object.prototype) return false;
  const f = arg as Record<string, unknown>;
  const keys = ['resourceType', 'resourceAccount', 'resourceArn'];
  return Object.keys(f).every((k) => keys.includes(k) && (f[k] === undefined || typeof f[k] === 'string'));
}

/** Filters a configuration's usage server-side by resource type, account or ARN. A filter object skips the prompts. */
export const filterUsage: CommandDefinition = {
  id: 'licenseManager.usage.filter',
  async run({ explorer }, arg?: unknown, filter?: unknown) {
    let node = arg instanceof UsageListNode ? arg : undefined;
    if (!node) {
      const lists = explorer.loadedNodes().filter((n): n is UsageListNode => n instanceof UsageListNode);
      if (lists.length === 0) throw new Error(vscode.l10n.t('Expand a license configuration in the explorer first.'));
      const picked = await vscode.window.showQuickPick(
        lists.map((l) => {
          const label = l.parent?.getTreeItem().label;
          return { node: l, label: escapeIcons(typeof label === 'string' ? label : l.configurationArn), detail: l.configurationArn };
        }),
        { title: vscode.l10n.t('Filter the usage of which configuration?'), ignoreFocusOut: true },
      );
      if (!picked) throw new Cancelled();
      node = picked.node;
    }
    node.setFilter(isUsageFilter(filter) ? filter : await pickUsageFilter(node.filter));
  },
};
