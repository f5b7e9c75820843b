import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { Grant, GrantedLicense, LicenseConfiguration } from '../../aws/types';
import { lastArnPart } from '../../model/arn';
import { granteeLabel } from '../../model/organizationLists';
import { statusIcon } from '../../model/statuses';
import { contextValue } from '../contextValue';
import { ExplorerNode } from './explorerNode';
import { tooltipLines } from './resourceNode';

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

/** A row of an organization list: what AWS answered, shown as text only. */
export abstract class OrganizationItemNode<T extends object = object> extends ExplorerNode {
  readonly id: string;

  constructor(parent: ExplorerNode, readonly key: string, private current: T) {
    super(parent);
    this.id = `${parent.id}|${key}`;
  }

  get data(): T {
    return this.current;
  }

  update(data: object): void {
    this.current = data as T;
  }

  /** Texts the explorer's text filter looks in. */
  abstract searchText(): (string | undefined)[];
}

function iconOf(status: string | undefined): vscode.ThemeIcon {
  const icon = statusIcon(status);
  return new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

/** A license an account of the organization received; "Organization grants" below it. */
export class OrganizationLicenseNode extends OrganizationItemNode<GrantedLicense> {
  private readonly grants: ExplorerNode;

  constructor(parent: ExplorerNode, key: string, data: GrantedLicense, grants: (parent: ExplorerNode) => ExplorerNode) {
    super(parent, key, data);
    this.grants = grants(this);
  }

  get label(): string {
    return this.data.LicenseName || this.data.ProductName || lastArnPart(this.data.LicenseArn);
  }

  searchText(): (string | undefined)[] {
    const l = this.data;
    return [l.LicenseName, l.ProductName, l.ProductSKU, l.ReceivedMetadata?.ReceivedStatus, l.LicenseArn, l.Issuer?.Name];
  }

  getTreeItem(): vscode.TreeItem {
    const l = this.data;
    const status = l.ReceivedMetadata?.ReceivedStatus;
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.Collapsed);
    setItemText(item, 'description', uiText([status, l.ProductSKU].filter(Boolean).join(' · ')));
    item.iconPath = iconOf(status);
    setItemText(item, 'tooltip', uiText(tooltipLines(this.label, [
      [t('Received status'), status],
      [t('Received status reason'), l.ReceivedMetadata?.ReceivedStatusReason],
      [t('Product'), l.ProductName],
      [t('SKU'), l.ProductSKU],
      [t('License status'), l.Status],
      [t('Issuer'), l.Issuer?.Name],
      [t('Home region'), l.HomeRegion],
      [t('ARN'), l.LicenseArn],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'organizationItem' });
    item.accessibilityInformation = { label: uiText([this.label, t('Organization received license'), status ? t('status {0}', status) : ''].filter(Boolean).join(', ')) };
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([this.grants]);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [this.grants];
  }

  override reset(): void {
    this.grants.reset();
  }
}

/** A grant of a license into the organization: the account (or organization, OU) and the grant's status. */
export class OrganizationGrantNode extends OrganizationItemNode<Grant> {
  get label(): string {
    return granteeLabel(t, this.data.GranteePrincipalArn);
  }

  searchText(): (string | undefined)[] {
    const g = this.data;
    return [this.label, g.GrantName, g.GrantStatus, g.GrantArn, g.GranteePrincipalArn, g.StatusReason];
  }

  getTreeItem(): vscode.TreeItem {
    const g = this.data;
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText(g.GrantStatus));
    item.iconPath = iconOf(g.GrantStatus);
    setItemText(item, 'tooltip', uiText(tooltipLines(g.GrantName || this.label, [
      [t('Status'), g.GrantStatus],
      [t('Status reason'), g.StatusReason],
      [t('Principal'), g.GranteePrincipalArn],
      [t('Home region'), g.HomeRegion],
      [t('Version'), g.Version],
      [t('Operations'), g.GrantedOperations],
      [t('Parent'), g.ParentArn],
      [t('ARN'), g.GrantArn],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'organizationItem' });
    item.accessibilityInformation = { label: uiText([this.label, t('Organization grant'), g.GrantStatus ? t('status {0}', g.GrantStatus) : ''].filter(Boolean).join(', ')) };
    return item;
  }
}

/** A license configuration of an account of the organization: name, owner account and counting type. */
export class OrganizationConfigurationNode extends OrganizationItemNode<LicenseConfiguration> {
  get label(): string {
    return this.data.Name || lastArnPart(this.data.LicenseConfigurationArn);
  }

  searchText(): (string | undefined)[] {
    const c = this.data;
    return [c.Name, c.Description, c.OwnerAccountId, c.LicenseCountingType, c.Status, c.LicenseConfigurationArn];
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.data;
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText([c.OwnerAccountId, c.LicenseCountingType].filter(Boolean).join(' · ')));
    item.iconPath = new vscode.ThemeIcon('settings-gear');
    setItemText(item, 'tooltip', uiText(tooltipLines(this.label, [
      [t('Owner account'), c.OwnerAccountId],
      [t('Counting type'), c.LicenseCountingType],
      [t('Consumed'), c.ConsumedLicenses],
      [t('License count'), c.LicenseCount],
      [t('Hard limit'), c.LicenseCountHardLimit],
      [t('Status'), c.Status],
      [t('Description'), c.Description],
      [t('ARN'), c.LicenseConfigurationArn],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'organizationItem' });
    return item;
  }
}
