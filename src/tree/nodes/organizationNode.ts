import * as vscode from 'vscode';
import type { Grant, GrantedLicense, LicenseConfiguration } from '../../aws/types';
import { setItemText, treeItem, uiText } from '../../ui/window';
import { receivedLicenseRegion } from '../../model/regions';
import {
  isNotOrganizationAdmin,
  notOrganizationAdminText,
  ORGANIZATION_LISTS,
  REGION_ORGANIZATION_LISTS,
  type OrganizationItems,
  type OrganizationList,
  type OrganizationListKind,
} from '../../model/organizationLists';
import { matchesText } from '../../model/rules';
import { contextValue } from '../contextValue';
import { PagedList } from '../pagedList';
import { ExplorerNode, type ExplorerContext, type ProfileHooks } from './explorerNode';
import { loadPageOf, LoadMoreNode, type PagedOwner } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { OrganizationConfigurationNode, OrganizationGrantNode, OrganizationLicenseNode, type OrganizationItemNode } from './organizationItemNodes';


/**
 * Profiles whose account turned out not to administer an organization, with what AWS said. One
 * refusal stands for every region of the profile until the Organization item is refreshed, so
 * the other regions show the message without asking again.
 */
const notAdmin = new WeakMap<ProfileHooks, string>();

/** "Organization" under a region: the organization lists, or one item saying the account cannot read them. */
export class OrganizationNode extends ExplorerNode {
  readonly id: string;
  private readonly lists: readonly OrganizationListNode[];

  constructor(parent: ExplorerNode, ctx: ExplorerContext, readonly owner: ProfileHooks, readonly region: string) {
    super(parent);
    this.id = `${parent.id}|organization`;
    this.lists = REGION_ORGANIZATION_LISTS.map((kind) => new OrganizationListNode(this, ctx, owner, region, kind, undefined, () => ctx.changed(this)));
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(vscode.l10n.t('Organization')), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('organization');
    setItemText(item, 'tooltip', uiText(vscode.l10n.t('What the accounts of your organization received (management account or delegated administrator)'), { multiline: true }));
    item.contextValue = contextValue({ node: 'organization' });
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    const refused = notAdmin.get(this.owner);
    if (refused !== undefined) return Promise.resolve([notAdminMessage(this, refused)]);
    return Promise.resolve([...this.lists]);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return this.lists;
  }

  override reset(): void {
    notAdmin.delete(this.owner);
    for (const l of this.lists) l.reset();
  }
}

function notAdminMessage(parent: ExplorerNode, awsMessage: string): MessageNode {
  return new MessageNode(parent, 'hint', notOrganizationAdminText(vscode.l10n.t), { tooltip: awsMessage, key: 'notOrganizationAdmin' });
}

/** One organization list: pages on demand; a refusal for not administering the organization shows one plain item. */
export class OrganizationListNode<K extends OrganizationListKind = OrganizationListKind> extends ExplorerNode implements PagedOwner {
  readonly id: string;
  private readonly def: OrganizationList<OrganizationItems[K]>;
  private readonly list: PagedList<OrganizationItems[K]>;
  private readonly nodes = new Map<string, OrganizationItemNode>();
  private more: LoadMoreNode | undefined;
  private calls = new AbortController();
  /** The loaded (empty) list stands for a refusal, not for an empty answer. */
  private refused = false;

  constructor(
    parent: ExplorerNode,
    private readonly ctx: ExplorerContext,
    readonly owner: ProfileHooks,
    /** The region the list is read in (for organization grants: the license's home region). */
    readonly region: string,
    readonly kind: K,
    /** The license whose grants the list shows. */
    readonly parentArn: string | undefined,
    /** Called when the list learns the account does not administer the organization. */
    private readonly onRefused: () => void,
  ) {
    super(parent);
    this.id = `${parent.id}|${kind}`;
    this.def = ORGANIZATION_LISTS[kind] as OrganizationList<OrganizationItems[K]>;
    this.list = new PagedList<OrganizationItems[K]>((item) => this.def.arnOf(item));
  }

  get label(): string {
    return this.def.label(vscode.l10n.t);
  }

  /** The `aws license-manager` operation and arguments that read this list. */
  cliArgs(): readonly string[] {
    return this.def.cli(this.parentArn);
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(this.def.icon);
    item.contextValue = contextValue({ node: 'organizationList' });
    return item;
  }

  private readonly fetcher = async (nextToken: string | undefined) => {
    const api = await this.ctx.api(this.owner.name, this.region);
    if (notAdmin.has(this.owner)) {
      this.refused = true;
      return { items: [] };
    }
    try {
      const page = await this.def.list(api, this.parentArn, { maxResults: this.ctx.pageSize(), nextToken }, { signal: this.calls.signal });
      this.owner.reportResult(undefined);
      return page;
    } catch (e) {
      if (isNotOrganizationAdmin(e)) {
        notAdmin.set(this.owner, e instanceof Error ? e.message : String(e));
        this.refused = true;
        this.onRefused();
        return { items: [] };
      }
      this.owner.reportResult(e);
      throw e;
    }
  };

  override async getChildren(): Promise<ExplorerNode[]> {
    // Refreshing the Organization item forgot the refusal: ask again.
    if (this.refused && !notAdmin.has(this.owner)) this.reset();
    await this.list.ensureLoaded(this.fetcher);
    const refused = notAdmin.get(this.owner);
    if (refused !== undefined) return [notAdminMessage(this, refused)];
    const error = this.list.error;
    if (error !== undefined) return [MessageNode.fromError(this, error, () => this.retry())];
    const text = this.ctx.filter().text;
    const shown = this.list.items.filter((item) => this.isShown(item)).map((item, i) => this.nodeFor(item, i));
    const out: ExplorerNode[] = shown.filter((n) => matchesText(n.searchText(), text));
    const token = this.list.nextToken;
    if (out.length === 0 && token === undefined && this.list.moreError === undefined) {
      out.push(new MessageNode(this, 'empty', shown.length > 0 ? vscode.l10n.t('No items match the filter') : this.def.emptyText(vscode.l10n.t)));
    }
    if (this.list.moreError !== undefined && token !== undefined) {
      out.push(MessageNode.fromError(this, this.list.moreError, () => this.loadMoreToken(token), 'more'));
    } else if (token !== undefined) {
      if (this.more?.token !== token) this.more = new LoadMoreNode(this, token);
      out.push(this.more);
    }
    return out;
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [...this.nodes.values()];
  }

  /** Lists the service returns in every region show each item once per profile (see `receivedLicenseRegion`). */
  private isShown(item: OrganizationItems[K]): boolean {
    if (!this.def.homeRegionOf) return true;
    return receivedLicenseRegion(this.def.homeRegionOf(item), this.owner.selectedRegions()) === this.region;
  }

  private nodeFor(item: OrganizationItems[K], index: number): OrganizationItemNode {
    const key = this.def.arnOf(item) ?? `#${index}`;
    let node = this.nodes.get(key);
    if (!node) {
      node = this.createNode(item, key);
      this.nodes.set(key, node);
    } else {
      node.update(item);
    }
    return node;
  }

  private createNode(item: OrganizationItems[K], key: string): OrganizationItemNode {
    const arn = this.def.arnOf(item) ?? '';
    const resource = { kind: this.def.itemKind, profile: this.owner.name, region: this.region, arn };
    switch (this.def.item) {
      case 'license': {
        const license = item as GrantedLicense;
        const below = this.def.children;
        const children = (parent: ExplorerNode) =>
          below === undefined
            ? undefined
            : new OrganizationListNode(parent, this.ctx, this.owner, this.def.homeRegionOf?.(item) || this.region, below, arn, this.onRefused);
        return new OrganizationLicenseNode(this, resource, license, key, children);
      }
      case 'grant':
        return new OrganizationGrantNode(this, resource, item as Grant, key);
      case 'configuration':
        return new OrganizationConfigurationNode(this, resource, item as LicenseConfiguration, key);
    }
  }

  async loadMore(node: LoadMoreNode): Promise<void> {
    if (node.parent !== this || node.token !== this.list.nextToken) return;
    await loadPageOf(node, this.list, this.fetcher, () => this.abandonCalls(), (n) => this.ctx.changed(n));
    this.ctx.changed(this);
  }

  private async loadMoreToken(token: string): Promise<void> {
    await this.list.loadMore(token, this.fetcher);
    this.ctx.changed(this);
  }

  retry(): void {
    this.reset();
    this.ctx.changed(this);
  }

  private abandonCalls(): void {
    this.calls.abort();
    this.calls = new AbortController();
  }

  override reset(): void {
    this.abandonCalls();
    this.list.reset();
    this.nodes.clear();
    this.more = undefined;
    this.refused = false;
  }
}
