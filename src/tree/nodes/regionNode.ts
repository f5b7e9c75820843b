import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import { CATEGORY_KINDS } from '../../model/resources';
import { contextValue } from '../contextValue';
import { regionName } from '../../model/regions';
import { CategoryNode } from './categoryNode';
import { ExplorerNode, type ExplorerContext, type ProfileHooks } from './explorerNode';
import { OrganizationNode } from './organizationNode';

/** A region selected for a profile: code and name; its lists below (`RESOURCE_LISTS`), then the organization lists. */
export class RegionNode extends ExplorerNode {
  readonly id: string;
  readonly categories: readonly CategoryNode[];
  readonly organization: OrganizationNode;

  constructor(parent: ExplorerNode, ctx: ExplorerContext, owner: ProfileHooks, readonly region: string) {
    super(parent);
    this.id = `${parent.id}|${region}`;
    this.categories = CATEGORY_KINDS.map((kind) => new CategoryNode(this, ctx, owner, region, kind));
    this.organization = new OrganizationNode(this, ctx, owner, region);
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(this.region), vscode.TreeItemCollapsibleState.Collapsed);
    const name = regionName(this.region);
    setItemText(item, 'description', uiText(name));
    setItemText(item, 'tooltip', uiText(name ? `${this.region} — ${name}` : this.region, { multiline: true }));
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = contextValue({ node: 'region' });
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([...this.categories, this.organization]);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [...this.categories, this.organization];
  }

  override reset(): void {
    for (const c of this.categories) c.reset();
    this.organization.reset();
  }
}
