import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { License } from '../../aws/types';
import { contextValue } from '../contextValue';
import { lastArnPart } from '../../model/arn';
import type { ResourceRef } from '../../model/resources';
import type { ExplorerContext, ExplorerNode, ProfileHooks } from './explorerNode';
import { ResourceNode, tooltipLines } from './resourceNode';
import { TokenListNode } from './tokenListNode';

/** An issued license: name, SKU and status; under it, its Tokens. */
export class LicenseNode extends ResourceNode<License> {
  readonly tokens: TokenListNode;

  constructor(parent: ExplorerNode, ctx: ExplorerContext, owner: ProfileHooks, resource: ResourceRef, data: License, key: string) {
    super(parent, resource, data, key);
    this.tokens = new TokenListNode(this, ctx, owner, resource.region);
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([this.tokens]);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [this.tokens];
  }

  get label(): string {
    return this.data.LicenseName || this.data.ProductName || lastArnPart(this.data.LicenseArn);
  }

  searchText(): (string | undefined)[] {
    const l = this.data;
    return [l.LicenseName, l.ProductName, l.ProductSKU, l.Status, l.LicenseArn, l.Issuer?.Name];
  }

  getTreeItem(): vscode.TreeItem {
    const l = this.data;
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.Collapsed);
    setItemText(item, 'description', uiText([l.Status, l.ProductSKU].filter(Boolean).join(' · ')));
    item.iconPath = new vscode.ThemeIcon(
      'key',
      l.Status && l.Status !== 'AVAILABLE' ? new vscode.ThemeColor('disabledForeground') : undefined,
    );
    setItemText(item, 'tooltip', uiText(tooltipLines(this.label, [
      [vscode.l10n.t('Product'), l.ProductName],
      [vscode.l10n.t('SKU'), l.ProductSKU],
      [vscode.l10n.t('Status'), l.Status],
      [vscode.l10n.t('Issuer'), l.Issuer?.Name],
      [vscode.l10n.t('Home region'), l.HomeRegion],
      [vscode.l10n.t('Valid from'), l.Validity?.Begin],
      [vscode.l10n.t('Valid until'), l.Validity?.End],
      [vscode.l10n.t('Version'), l.Version],
      [vscode.l10n.t('ARN'), l.LicenseArn],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'license', status: l.Status });
    item.command = this.openDetails();
    return item;
  }
}
