import * as vscode from 'vscode';
import { setItemText, treeItem, uiText, t } from '../../ui/window';
import type { LicenseManagerApi, Page } from '../../aws/types';
import { receivedLicenseRegion } from '../../model/regions';
import { listFilters, matchesStatus, RESOURCE_LISTS, type ItemOf, type ResourceList } from '../../model/resourceLists';
import type { CategoryKind, ResourceRef } from '../../model/resources';
import { contextValue } from '../contextValue';
import type { ExplorerContext, ExplorerNode, ProfileHooks } from './explorerNode';
import { GrantNode } from './grantNode';
import { LicenseConfigurationNode } from './licenseConfigurationNode';
import { LicenseNode } from './licenseNode';
import { PagedNode } from './pagedNode';
import { ReceivedLicenseNode } from './receivedLicenseNode';
import type { ResourceNode } from './resourceNode';


/** Builds the tree item of one loaded item of a list. */
type NodeFactory<T extends object> = (parent: ExplorerNode, ctx: ExplorerContext, owner: ProfileHooks, ref: ResourceRef, item: T, key: string) => ResourceNode<T>;

/** The node class of each list's items. */
const NODES: { readonly [K in CategoryKind]: NodeFactory<ItemOf<K>> } = {
  licenseConfigurations: (parent, ctx, owner, ref, item, key) => new LicenseConfigurationNode(parent, ctx, owner, ref, item, key),
  licenses: (parent, ctx, owner, ref, item, key) => new LicenseNode(parent, ctx, owner, ref, item, key),
  receivedLicenses: (parent, _ctx, _owner, ref, item, key) => new ReceivedLicenseNode(parent, ref, item, key),
  distributedGrants: (parent, _ctx, _owner, ref, item, key) => new GrantNode(parent, ref, item, key, 'distributed'),
  receivedGrants: (parent, _ctx, _owner, ref, item, key) => new GrantNode(parent, ref, item, key, 'received'),
};

/** One of the lists under a region; what it lists comes from its row in `RESOURCE_LISTS`. */
export class CategoryNode<K extends CategoryKind = CategoryKind> extends PagedNode<ItemOf<K>> {
  readonly id: string;
  private readonly def: ResourceList<ItemOf<K>>;
  private readonly makeNode: NodeFactory<ItemOf<K>>;

  constructor(parent: ExplorerNode, ctx: ExplorerContext, owner: ProfileHooks, region: string, readonly category: K) {
    super(parent, ctx, owner, region);
    this.id = `${parent.id}|${category}`;
    this.def = RESOURCE_LISTS[category];
    this.makeNode = NODES[category];
  }

  get label(): string {
    return this.def.label(t);
  }

  protected fetchPage(api: LicenseManagerApi, maxResults: number, nextToken: string | undefined, signal: AbortSignal): Promise<Page<ItemOf<K>>> {
    const filters = listFilters(this.def, this.ctx.filter());
    return this.def.list(api, { maxResults, nextToken, ...(filters.length ? { filters } : {}) }, { signal });
  }

  protected keyOf(item: ItemOf<K>): string | undefined {
    return this.def.arnOf(item);
  }

  protected override async fetchOne(api: LicenseManagerApi, node: ResourceNode<ItemOf<K>>): Promise<ItemOf<K> | undefined> {
    return this.def.get(api, node.resource.arn);
  }

  protected createNode(item: ItemOf<K>, key: string): ResourceNode<ItemOf<K>> {
    const ref = { kind: this.def.kind, profile: this.owner.name, region: this.region, arn: this.def.arnOf(item) ?? '' };
    return this.makeNode(this, this.ctx, this.owner, ref, item, key);
  }

  protected emptyLabel(): string {
    return this.def.emptyText(t);
  }

  /** Items honour the status filter; lists returned in every region show each item once (see `receivedLicenseRegion`). */
  protected override isShown(item: ItemOf<K>): boolean {
    if (!matchesStatus(this.def, item, this.ctx.filter())) return false;
    if (!this.def.homeRegionOf) return true;
    return receivedLicenseRegion(this.def.homeRegionOf(item), this.owner.selectedRegions()) === this.region;
  }

  protected override onPage(items: readonly ItemOf<K>[]): void {
    for (const item of items) {
      const account = this.def.accountOf(item);
      if (account) {
        this.owner.learnAccount(account);
        return;
      }
    }
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(this.def.icon);
    const status = listFilters(this.def, this.ctx.filter())[0]?.Values[0];
    setItemText(item, 'description', uiText(status ? t('status {0}', status) : undefined));
    item.contextValue = contextValue({ node: 'category', category: this.category });
    return item;
  }
}
