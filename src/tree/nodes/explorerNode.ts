import type * as vscode from 'vscode';
import type { LicenseManagerApi } from '../../aws/types';
import type { ExplorerFilter } from '../../model/rules';

/** What nodes need from the explorer; the provider implements it. */
export interface ExplorerContext {
  /** The facade of one (profile, region); loads the AWS layer on first use. */
  api(profile: string, region: string): Promise<LicenseManagerApi>;
  /** Items per page (the `licenseManager.pageSize` setting, 1–100). */
  pageSize(): number;
  /** The explorer filter in force. */
  filter(): ExplorerFilter;
  /** Asks the view to redraw a node and its children (the whole tree when undefined). */
  changed(node?: ExplorerNode): void;
  /** Like `changed`, once no list is loading (for ancestors of lists that may be loading). */
  changedWhenIdle(node: ExplorerNode): void;
}

/** What nodes below a profile report to it. */
export interface ProfileHooks {
  readonly name: string;
  /** The regions selected for the profile, in order. */
  selectedRegions(): readonly string[];
  /** A list call of this profile succeeded (no error) or failed. */
  reportResult(error: unknown): void;
  /** A loaded item revealed the profile's account. */
  learnAccount(accountId: string | undefined): void;
}

/** A node of the explorer tree. */
export abstract class ExplorerNode {
  /**
   * Unique in the tree. Not used as TreeItem.id: VS Code 1.100 rejects a child list that
   * arrives while an ancestor refreshes ("Element with id … is already registered").
   */
  abstract readonly id: string;

  constructor(readonly parent: ExplorerNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }

  /** Children created so far, without loading anything. */
  loadedChildren(): readonly ExplorerNode[] {
    return [];
  }

  /** Forgets what was loaded below this node, so it loads afresh when shown again. */
  reset(): void {}
}
