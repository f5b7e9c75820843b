import * as vscode from 'vscode';
import type { Grant, GrantedLicense, License, LicenseConfiguration, LicenseManagerApi, Page } from '../../aws/types';
import type { CategoryKind, ResourceKind } from '../../model/resources';
import { contextValue } from '../contextValue';
import { fetchResource } from '../../data/fetchResource';
import { accountFromItem, categoryFilters, receivedLicenseRegion } from '../../model/rules';
import type { ExplorerContext, ExplorerNode, ProfileHooks } from './explorerNode';
import { GrantNode } from './grantNode';
import { LicenseConfigurationNode } from './licenseConfigurationNode';
import { LicenseNode } from './licenseNode';
import { PagedNode } from './pagedNode';
import { ReceivedLicenseNode } from './receivedLicenseNode';
import type { ResourceNode } from './resourceNode';

export type CategoryItem = LicenseConfiguration | License | GrantedLicense | Grant;

const RESOURCE_KIND: Record<CategoryKind, ResourceKind> = {
  licenseConfigurations: 'licenseConfiguration',
  licenses: 'license',
  receivedLicenses: 'receivedLicense',
  distributedGrants: 'distributedGrant',
  receivedGrants: 'receivedGrant',
};

const ICONS: Record<CategoryKind, string> = {
  licenseConfigurations: 'settings-gear',
  licenses: 'key',
  receivedLicenses: 'inbox',
  distributedGrants: 'export',
  receivedGrants: 'gift',
};

export function categoryLabel(category: CategoryKind): string {
  switch (category) {
    case 'licenseConfigurations':
      return vscode.l10n.t('License configurations');
    case 'licenses':
      return vscode.l10n.t('Licenses');
    case 'receivedLicenses':
      return vscode.l10n.t('Received licenses');
    case 'distributedGrants':
      return vscode.l10n.t('Distributed grants');
    case 'receivedGrants':
      return vscode.l10n.t('Received grants');
  }
}

function emptyLabel(category: CategoryKind): string {
  switch (category) {
    case 'licenseConfigurations':
      return vscode.l10n.t('No license configurations');
    case 'licenses':
      return vscode.l10n.t('No licenses');
    case 'receivedLicenses':
      return vscode.l10n.t('No received licenses');
    case 'distributedGrants':
      return vscode.l10n.t('No distributed grants');
    case 'receivedGrants':
      return vscode.l10n.t('No received grants');
  }
}

/** The ARN that identifies an item of a category. */
export function arnOf(category: CategoryKind, item: CategoryItem): string | undefined {
  switch (category) {
    case 'licenseConfigurations':
      return (item as LicenseConfiguration).LicenseConfigurationArn;
    case 'licenses':
    case 'receivedLicenses':
      return (item as License).LicenseArn;
    case 'distributedGrants':
    case 'receivedGrants':
      return (item as Grant).GrantArn;
  }
}

/** One of the five lists under a region. */
export class CategoryNode extends PagedNode<CategoryItem> {
  readonly id: string;

  constructor(parent: ExplorerNode, ctx: ExplorerContext, owner: ProfileHooks, region: string, readonly category: CategoryKind) {
    super(parent, ctx, owner, region);
    this.id = `${parent.id}|${category}`;
  }

  get label(): string {
    return categoryLabel(this.category);
  }

  protected fetchPage(api: LicenseManagerApi, maxResults: number, nextToken: string | undefined): Promise<Page<CategoryItem>> {
    const filters = categoryFilters(this.category, this.ctx.filter());
    const req = { maxResults, nextToken, ...(filters.length ? { filters } : {}) };
    switch (this.category) {
      case 'licenseConfigurations':
        return api.listLicenseConfigurations(req);
      case 'licenses':
        return api.listLicenses(req);
      case 'receivedLicenses':
        return api.listReceivedLicenses(req);
      case 'distributedGrants':
        return api.listDistributedGrants(req);
      case 'receivedGrants':
        return api.listReceivedGrants(req);
    }
  }

  protected keyOf(item: CategoryItem): string | undefined {
    return arnOf(this.category, item);
  }

  protected override async fetchOne(api: LicenseManagerApi, node: ResourceNode<CategoryItem>): Promise<CategoryItem | undefined> {
    return (await fetchResource(api, node.resource)) as CategoryItem | undefined;
  }

  protected createNode(item: CategoryItem, key: string): ResourceNode<CategoryItem> {
    const ref = { kind: RESOURCE_KIND[this.category], profile: this.owner.name, region: this.region, arn: arnOf(this.category, item) ?? '' };
    switch (this.category) {
      case 'licenseConfigurations':
        return new LicenseConfigurationNode(this, this.ctx, this.owner, ref, item as LicenseConfiguration, key) as ResourceNode<CategoryItem>;
      case 'licenses':
        return new LicenseNode(this, ref, item as License, key) as ResourceNode<CategoryItem>;
      case 'receivedLicenses':
        return new ReceivedLicenseNode(this, ref, item as GrantedLicense, key) as ResourceNode<CategoryItem>;
      case 'distributedGrants':
        return new GrantNode(this, ref, item as Grant, key, 'distributed') as ResourceNode<CategoryItem>;
      case 'receivedGrants':
        return new GrantNode(this, ref, item as Grant, key, 'received') as ResourceNode<CategoryItem>;
    }
  }

  protected emptyLabel(): string {
    return emptyLabel(this.category);
  }

  /** Received licenses appear once per profile (see `receivedLicenseRegion`); items also honour the status filter. */
  protected override isShown(item: CategoryItem): boolean {
    const f = this.ctx.filter();
    switch (this.category) {
      case 'receivedLicenses': {
        const l = item as GrantedLicense;
        if (f.licenseStatus && l.Status !== f.licenseStatus) return false;
        return receivedLicenseRegion(l.HomeRegion, this.owner.selectedRegions()) === this.region;
      }
      case 'licenses':
        return !f.licenseStatus || (item as License).Status === f.licenseStatus;
      case 'distributedGrants':
      case 'receivedGrants':
        return !f.grantStatus || (item as Grant).GrantStatus === f.grantStatus;
      default:
        return true;
    }
  }

  protected override onPage(items: readonly CategoryItem[]): void {
    for (const item of items) {
      const account = accountFromItem(this.category, item);
      if (account) {
        this.owner.learnAccount(account);
        return;
      }
    }
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(ICONS[this.category]);
    const status = categoryFilters(this.category, this.ctx.filter())[0]?.Values[0];
    item.description = status ? vscode.l10n.t('status {0}', status) : undefined;
    item.contextValue = contextValue({ node: 'category', category: this.category });
    return item;
  }
}
