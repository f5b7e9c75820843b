import * as vscode from 'vscode';
import type { LicenseConfigurationAssociation, LicenseManagerApi, Page } from '../../aws/types';
import { contextValue } from '../contextValue';
import { lastArnPart } from '../../model/arn';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';
import { ResourceNode, tooltipLines } from './resourceNode';

interface ConfigurationParent extends ExplorerNode {
  readonly resource: { readonly arn: string };
}

/** "Associations" of a license configuration, paged. */
export class AssociationListNode extends PagedNode<LicenseConfigurationAssociation> {
  readonly id = `${this.parent?.id}|associations`;

  get configurationArn(): string {
    return (this.parent as ConfigurationParent).resource.arn;
  }

  protected fetchPage(api: LicenseManagerApi, maxResults: number, nextToken: string | undefined, signal: AbortSignal): Promise<Page<LicenseConfigurationAssociation>> {
    return api.listAssociationsForLicenseConfiguration(this.configurationArn, { maxResults, nextToken }, { signal });
  }

  protected keyOf(item: LicenseConfigurationAssociation): string | undefined {
    return item.ResourceArn;
  }

  protected createNode(item: LicenseConfigurationAssociation, key: string): AssociationNode {
    return new AssociationNode(this, { kind: 'association', profile: this.owner.name, region: this.region, arn: item.ResourceArn ?? '' }, item, key);
  }

  protected emptyLabel(): string {
    return vscode.l10n.t('No associations');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Associations'), vscode.TreeItemCollapsibleState.Collapsed);
    item.tooltip = vscode.l10n.t('Resources associated with this configuration');
    item.iconPath = new vscode.ThemeIcon('link');
    item.contextValue = contextValue({ node: 'associationList' });
    return item;
  }
}

/** One resource associated with a configuration. */
export class AssociationNode extends ResourceNode<LicenseConfigurationAssociation> {
  searchText(): (string | undefined)[] {
    const a = this.data;
    return [a.ResourceArn, a.ResourceType, a.ResourceOwnerId];
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.data;
    const item = new vscode.TreeItem(lastArnPart(a.ResourceArn) || vscode.l10n.t('(no ARN)'), vscode.TreeItemCollapsibleState.None);
    item.description = [a.ResourceType, a.ResourceOwnerId].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('link');
    item.tooltip = tooltipLines(undefined, [
      [vscode.l10n.t('Resource'), a.ResourceArn],
      [vscode.l10n.t('Type'), a.ResourceType],
      [vscode.l10n.t('Owner'), a.ResourceOwnerId],
      [vscode.l10n.t('Associated'), a.AssociationTime],
      [vscode.l10n.t('AMI association scope'), a.AmiAssociationScope],
    ]);
    item.contextValue = contextValue({ node: 'association', hasArn: Boolean(a.ResourceArn) });
    item.command = this.openJson();
    return item;
  }
}
