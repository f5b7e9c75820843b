import * as vscode from 'vscode';
import { setItemText, t, treeItem, uiText, withProgress } from '../../ui/window';
import type { PagedList, PageFetcher } from '../pagedList';
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

/**
 * Loads the page `node` carries into `list` under a cancellable notification, the node showing it
 * loads meanwhile. Cancel abandons the page (`abandon`): the loaded items and Load more stay, and
 * nothing more is sent.
 */
export async function loadPageOf<T>(node: LoadMoreNode, list: PagedList<T>, fetcher: PageFetcher<T>, abandon: () => void, changed: (n: ExplorerNode) => void): Promise<void> {
  if (!node.loading) {
    node.loading = true;
    changed(node);
  }
  try {
    await withProgress({ location: vscode.ProgressLocation.Notification, title: t('Loading more items…'), cancellable: true }, async (_progress, cancel) => {
      const sub = cancel.onCancellationRequested(abandon);
      try {
        await list.loadMore(node.token, fetcher);
      } finally {
        sub.dispose();
      }
    });
  } finally {
    node.loading = false;
  }
}
