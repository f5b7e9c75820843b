import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { Grant, GrantedLicense, LicenseConfiguration } from '../../aws/types';
import { lastArnPart } from '../../model/arn';
import { granteeLabel } from '../../model/organizationLists';
import { statusIcon } from '../../model/statuses';
import { contextValue } from '../contextValue';
import type { ResourceRef } from '../../model/resources';
import { ExplorerNode } from './explorerNode';
import { ResourceNode, tooltipLines } from './resourceNode';


/** A row of an organization list: what AWS answered, shown as text only; Open JSON and Copy ARN, no panel. */
export abstract class OrganizationItemNode<T extends object = object> extends ResourceNode<T> {
  /** The tokens of its context menu: its JSON, and its ARN when it has one. */
  protected menuTokens(): string {
    return contextValue({ node: 'organizationItem', hasArn: this.resource.arn !== '' });
  }
}

function iconOf(status: string | undefined): vscode.ThemeIcon {
  const icon = statusIcon(status);
  return new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

/** A license an account of the organization received; "Organization grants" below it. */
export class OrganizationLicenseNode extends OrganizationItemNode<GrantedLicense> {
  private readonly lists: readonly ExplorerNode[];

  constructor(parent: ExplorerNode, resource: ResourceRef, data: GrantedLicense, key: string, children: (parent: ExplorerNode) => ExplorerNode | undefined) {
    super(parent, resource, data, key);
    const below = children(this);
    this.lists = below ? [below] : [];
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
      [vscode.l10n.t('Received status'), status],
      [vscode.l10n.t('Received status reason'), l.ReceivedMetadata?.ReceivedStatusReason],
      [vscode.l10n.t('Product'), l.ProductName],
      [vscode.l10n.t('SKU'), l.ProductSKU],
      [vscode.l10n.t('License status'), l.Status],
      [vscode.l10n.t('Issuer'), l.Issuer?.Name],
      [vscode.l10n.t('Home region'), l.HomeRegion],
      [vscode.l10n.t('ARN'), l.LicenseArn],
    ]), { multiline: true }));
    item.contextValue = this.menuTokens();
    item.accessibilityInformation = { label: uiText([this.label, vscode.l10n.t('Organization received license'), status ? vscode.l10n.t('status {0}', status) : ''].filter(Boolean).join(', ')) };
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([...this.lists]);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return this.lists;
  }

  override reset(): void {
    for (const l of this.lists) l.reset();
  }
}

/** A grant of a license into the organization: the account (or organization, OU) and the grant's status. */
export class OrganizationGrantNode extends OrganizationItemNode<Grant> {
  get label(): string {
    return granteeLabel(vscode.l10n.t, this.data.GranteePrincipalArn);
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
      [vscode.l10n.t('Status'), g.GrantStatus],
      [vscode.l10n.t('Status reason'), g.StatusReason],
      [vscode.l10n.t('Principal'), g.GranteePrincipalArn],
      [vscode.l10n.t('Home region'), g.HomeRegion],
      [vscode.l10n.t('Version'), g.Version],
      [vscode.l10n.t('Operations'), g.GrantedOperations],
      [vscode.l10n.t('Parent'), g.ParentArn],
      [vscode.l10n.t('ARN'), g.GrantArn],
    ]), { multiline: true }));
    item.contextValue = this.menuTokens();
    item.command = this.openJson();
    item.accessibilityInformation = { label: uiText([this.label, vscode.l10n.t('Organization grant'), g.GrantStatus ? vscode.l10n.t('status {0}', g.GrantStatus) : ''].filter(Boolean).join(', ')) };
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
      [vscode.l10n.t('Owner account'), c.OwnerAccountId],
      [vscode.l10n.t('Counting type'), c.LicenseCountingType],
      [vscode.l10n.t('Consumed'), c.ConsumedLicenses],
      [vscode.l10n.t('License count'), c.LicenseCount],
      [vscode.l10n.t('Hard limit'), c.LicenseCountHardLimit],
      [vscode.l10n.t('Status'), c.Status],
      [vscode.l10n.t('Description'), c.Description],
      [vscode.l10n.t('ARN'), c.LicenseConfigurationArn],
    ]), { multiline: true }));
    item.contextValue = this.menuTokens();
    item.command = this.openJson();
    return item;
  }
}
