import * as vscode from 'vscode';
import { joinUi, t, treeItem, uiText } from '../../ui/window';
import type { Grant } from '../../aws/types';
import { lastArnPart } from '../../model/arn';
import type { InboxItem } from '../../model/inbox';
import { statusIcon } from '../../model/statuses';
import { grantListOf } from '../../model/resourceLists';
import { contextValue } from '../contextValue';
import type { ExplorerNode } from './explorerNode';
import { ResourceNode, tooltipLines } from './resourceNode';

/**
 * A grant in the inbox: name, then product, grantor or grantee, profile and region
 * (the status reason for a grant with problems). It holds the grant as seen
 * through the first place that lists it, so it has the explorer's grant menus.
 */
export class InboxGrantNode extends ResourceNode<Grant> {
  constructor(
    parent: ExplorerNode,
    readonly item: InboxItem,
  ) {
    const place = item.places[0];
    super(
      parent,
      { kind: grantListOf(item.side).kind, profile: place.profile, region: place.region, arn: item.grant.GrantArn },
      item.grant,
      item.key,
    );
  }

  get label(): string {
    return this.data.GrantName || lastArnPart(this.data.GrantArn);
  }

  searchText(): (string | undefined)[] {
    const g = this.data;
    return [g.GrantName, g.GrantStatus, g.GrantArn, g.LicenseArn, this.item.counterpart, this.item.productName];
  }

  /** Where the grant is seen, e.g. "buyer, us-east-1" (more places are counted). */
  private where(): string {
    const [first, ...rest] = this.item.places;
    const at = vscode.l10n.t('{0}, {1}', first.profile, first.region);
    return rest.length > 0 ? vscode.l10n.t('{0} (+{1})', at, rest.length) : at;
  }

  getTreeItem(): vscode.TreeItem {
    const g = this.data;
    const { item } = this;
    const who = item.side === 'received' ? t('from {0}', item.counterpart) : t('to {0}', item.counterpart);
    const reason = item.group === 'problems' ? (g.StatusReason ?? g.GrantStatus) : undefined;
    const description = joinUi([reason ? uiText(reason) : undefined, who, item.productName ? uiText(item.productName) : undefined, uiText(this.where())], ' · ');
    const item_ = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.None, {
      description,
      tooltip: tooltipLines(this.label, [
        [vscode.l10n.t('Status'), g.GrantStatus],
        [vscode.l10n.t('Status reason'), g.StatusReason],
        [vscode.l10n.t('Product'), item.productName],
        [item.side === 'received' ? vscode.l10n.t('Grantor') : vscode.l10n.t('Grantee'), item.counterpart],
        [vscode.l10n.t('Seen by'), item.places.map((p) => `${p.profile} (${p.region})`)],
        [vscode.l10n.t('License'), g.LicenseArn],
        [vscode.l10n.t('ARN'), g.GrantArn],
      ]),
    });
    const icon = statusIcon(g.GrantStatus);
    item_.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    item_.contextValue = contextValue({ node: 'grant', direction: item.side, status: g.GrantStatus });
    item_.command = this.openDetails();
    return item_;
  }
}
