import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { LicenseManagerApi, Page, TokenData } from '../../aws/types';
import { contextValue } from '../contextValue';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';
import { ResourceNode, tooltipLines } from './resourceNode';

interface LicenseParent extends ExplorerNode {
  readonly resource: { readonly arn: string };
}

/** "Tokens" of an issued license (ListTokens), paged. Tokens themselves are never listed, only their data. */
export class TokenListNode extends PagedNode<TokenData> {
  readonly id = `${this.parent?.id}|tokens`;

  get licenseArn(): string {
    return (this.parent as LicenseParent).resource.arn;
  }

  protected fetchPage(api: LicenseManagerApi, maxResults: number, nextToken: string | undefined, signal: AbortSignal): Promise<Page<TokenData>> {
    return api.listTokens(this.licenseArn, { maxResults, nextToken }, { signal });
  }

  protected keyOf(item: TokenData): string | undefined {
    return item.TokenId;
  }

  protected override isShown(item: TokenData): boolean {
    return item.LicenseArn === undefined || item.LicenseArn === this.licenseArn;
  }

  protected createNode(item: TokenData, key: string): TokenNode {
    return new TokenNode(this, { kind: 'token', profile: this.owner.name, region: this.region, arn: item.TokenId ?? '' }, item, key);
  }

  protected emptyLabel(): string {
    return vscode.l10n.t('No tokens');
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(vscode.l10n.t('Tokens')), vscode.TreeItemCollapsibleState.Collapsed);
    setItemText(item, 'tooltip', uiText(vscode.l10n.t('Refresh tokens of this license for customers outside AWS'), { multiline: true }));
    item.iconPath = new vscode.ThemeIcon('shield');
    item.contextValue = contextValue({ node: 'tokenList' });
    return item;
  }
}

/** One token's data: id, expiry, status. */
export class TokenNode extends ResourceNode<TokenData> {
  searchText(): (string | undefined)[] {
    const d = this.data;
    return [d.TokenId, d.Status, d.ExpirationTime, ...(d.RoleArns ?? []), ...(d.TokenProperties ?? [])];
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.data;
    const item = treeItem(uiText(d.TokenId ?? vscode.l10n.t('(no ID)')), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText([d.Status, d.ExpirationTime && vscode.l10n.t('expires {0}', d.ExpirationTime)].filter(Boolean).join(' · ')));
    item.iconPath = new vscode.ThemeIcon('shield');
    setItemText(item, 'tooltip', uiText(tooltipLines(undefined, [
      [vscode.l10n.t('Token ID'), d.TokenId],
      [vscode.l10n.t('Type'), d.TokenType],
      [vscode.l10n.t('Status'), d.Status],
      [vscode.l10n.t('Expires'), d.ExpirationTime],
      [vscode.l10n.t('Roles'), d.RoleArns],
      [vscode.l10n.t('Token properties'), d.TokenProperties],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'token' });
    item.command = this.openJson();
    return item;
  }
}
