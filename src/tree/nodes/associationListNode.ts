import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
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
    const item = treeItem(uiText(vscode.l10n.t('Associations')), vscode.TreeItemCollapsibleState.Collapsed);
    setItemText(item, 'tooltip', uiText(vscode.l10n.t('Resources associated with this configuration'), { multiline: true }));
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
    const item = treeItem(uiText(lastArnPart(a.ResourceArn) || vscode.l10n.t('(no ARN)')), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText([a.ResourceType, a.ResourceOwnerId].filter(Boolean).join(' · ')));
    item.iconPath = new vscode.ThemeIcon('link');
    setItemText(item, 'tooltip', uiText(tooltipLines(undefined, [
      [vscode.l10n.t('Resource'), a.ResourceArn],
      [vscode.l10n.t('Type'), a.ResourceType],
      [vscode.l10n.t('Owner'), a.ResourceOwnerId],
      [vscode.l10n.t('Associated'), a.AssociationTime],
      [vscode.l10n.t('AMI association scope'), a.AmiAssociationScope],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'association', hasArn: Boolean(a.ResourceArn) });
    item.command = this.openJson();
    return item;
  }
}
