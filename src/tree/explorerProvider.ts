import * as vscode from 'vscode';
import type { Services } from '../services';

/** Placeholder; replaced by the explorer implementation. */
export class ExplorerProvider implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(readonly services: Services) {}
  attach(_view: vscode.TreeView<vscode.TreeItem>): void {}
  getTreeItem(e: vscode.TreeItem): vscode.TreeItem {
    return e;
  }
  getChildren(): vscode.TreeItem[] {
    return [];
  }
  dispose(): void {
    this.emitter.dispose();
  }
}
