import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { Grant } from '../../aws/types';
import type { GrantDirection } from '../../model/grantActions';
import type { ResourceRef } from '../../model/resources';
import { contextValue } from '../contextValue';
import { lastArnPart } from '../../model/arn';
import { statusIcon } from '../../model/statuses';
import type { ExplorerNode } from './explorerNode';
import { ResourceNode, tooltipLines } from './resourceNode';

/** A distributed or received grant: name, status icon and status. */
export class GrantNode extends ResourceNode<Grant> {
  constructor(
    parent: ExplorerNode,
    resource: ResourceRef,
    data: Grant,
    key: string,
    readonly direction: GrantDirection,
  ) {
    super(parent, resource, data, key);
  }

  get label(): string {
    return this.data.GrantName || lastArnPart(this.data.GrantArn);
  }

  searchText(): (string | undefined)[] {
    const g = this.data;
    return [g.GrantName, g.GrantStatus, g.GrantArn, g.LicenseArn, g.GranteePrincipalArn, g.StatusReason];
  }

  getTreeItem(): vscode.TreeItem {
    const g = this.data;
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText(g.GrantStatus));
    const icon = statusIcon(g.GrantStatus);
    item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    setItemText(item, 'tooltip', uiText(tooltipLines(this.label, [
      [vscode.l10n.t('Status'), g.GrantStatus],
      [vscode.l10n.t('Status reason'), g.StatusReason],
      [vscode.l10n.t('Principal'), g.GranteePrincipalArn],
      [vscode.l10n.t('Home region'), g.HomeRegion],
      [vscode.l10n.t('Version'), g.Version],
      [vscode.l10n.t('Operations'), g.GrantedOperations],
      [vscode.l10n.t('License'), g.LicenseArn],
      [vscode.l10n.t('ARN'), g.GrantArn],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'grant', direction: this.direction, status: g.GrantStatus });
    item.command = this.openDetails();
    return item;
  }
}
