import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import { contextValue } from '../contextValue';
import { ExplorerNode } from './explorerNode';

/** The list whose next page a "Load more…" item loads. */
export interface PagedOwner extends ExplorerNode {
  loadMore(node: LoadMoreNode): Promise<void>;
}

/** "Load more…": carries the token of the next page of its parent list. */
export class LoadMoreNode extends ExplorerNode {
  readonly id: string;
  loading = false;

  constructor(
    override readonly parent: PagedOwner,
    readonly token: string,
  ) {
    super(parent);
    this.id = `${parent.id}|loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const label = this.loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…');
    const item = treeItem(uiText(label), vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'ellipsis');
    setItemText(item, 'tooltip', uiText(vscode.l10n.t('Load the next page'), { multiline: true }));
    item.contextValue = contextValue({ node: 'loadMore' });
    item.command = { command: 'licenseManager.explorer.loadMore', title: label, arguments: [this] };
    return item;
  }
}
