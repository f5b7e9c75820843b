import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { GrantedLicense } from '../../aws/types';
import { contextValue } from '../contextValue';
import { lastArnPart } from '../../model/arn';
import { statusIcon } from '../../model/statuses';
import { ResourceNode, tooltipLines } from './resourceNode';

/** A received license: name and ReceivedStatus; the reason is in the tooltip. */
export class ReceivedLicenseNode extends ResourceNode<GrantedLicense> {
  get label(): string {
    return this.data.LicenseName || this.data.ProductName || lastArnPart(this.data.LicenseArn);
  }

  searchText(): (string | undefined)[] {
    const l = this.data;
    return [l.LicenseName, l.ProductName, l.ProductSKU, l.Status, l.ReceivedMetadata?.ReceivedStatus, l.LicenseArn, l.Issuer?.Name];
  }

  getTreeItem(): vscode.TreeItem {
    const l = this.data;
    const received = l.ReceivedMetadata;
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.None);
    const away = l.HomeRegion && l.HomeRegion !== this.resource.region;
    setItemText(item, 'description', uiText([received?.ReceivedStatus, away ? vscode.l10n.t('home {0}', l.HomeRegion ?? '') : undefined]
      .filter(Boolean)
      .join(' · ')));
    const icon = statusIcon(received?.ReceivedStatus);
    item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    setItemText(item, 'tooltip', uiText(tooltipLines(this.label, [
      [vscode.l10n.t('Received status'), received?.ReceivedStatus],
      [vscode.l10n.t('Received status reason'), received?.ReceivedStatusReason],
      [vscode.l10n.t('Allowed operations'), received?.AllowedOperations],
      [vscode.l10n.t('Product'), l.ProductName],
      [vscode.l10n.t('SKU'), l.ProductSKU],
      [vscode.l10n.t('License status'), l.Status],
      [vscode.l10n.t('Issuer'), l.Issuer?.Name],
      [vscode.l10n.t('Home region'), l.HomeRegion],
      [vscode.l10n.t('ARN'), l.LicenseArn],
    ]), { multiline: true }));
    item.contextValue = contextValue({
      node: 'receivedLicense',
      receivedStatus: received?.ReceivedStatus,
      allowedOperations: received?.AllowedOperations,
    });
    item.command = this.openDetails();
    return item;
  }
}
