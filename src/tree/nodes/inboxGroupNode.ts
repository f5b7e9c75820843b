import * as vscode from 'vscode';
import { treeItem, uiText } from '../../ui/window';
import type { InboxGroup, InboxItem } from '../../model/inbox';
import { contextValue } from '../contextValue';
import { ExplorerNode } from './explorerNode';
import { InboxGrantNode } from './inboxGrantNode';

const LABELS: Readonly<Record<InboxGroup, () => string>> = {
  waiting: () => vscode.l10n.t('Waiting for you'),
  acceptedNotActive: () => vscode.l10n.t('Accepted, not active'),
  problems: () => vscode.l10n.t('Your grants with problems'),
};

const ICONS: Readonly<Record<InboxGroup, string>> = {
  waiting: 'mail',
  acceptedNotActive: 'debug-pause',
  problems: 'warning',
};

/** One inbox group ("Waiting for you", …) and its grants. */
export class InboxGroupNode extends ExplorerNode {
  readonly id: string;
  readonly grants: InboxGrantNode[];

  constructor(
    readonly group: InboxGroup,
    items: readonly InboxItem[],
  ) {
    super(undefined);
    this.id = `inbox|${group}`;
    this.grants = items.map((i) => new InboxGrantNode(this, i));
  }

  get label(): string {
    return LABELS[this.group]();
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.Expanded, { description: uiText(String(this.grants.length)) });
    item.iconPath = new vscode.ThemeIcon(ICONS[this.group]);
    item.contextValue = contextValue({ node: 'inboxGroup' });
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.grants);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return this.grants;
  }
}
