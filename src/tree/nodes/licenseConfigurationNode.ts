import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { LicenseConfiguration } from '../../aws/types';
import type { ResourceRef } from '../../model/resources';
import { contextValue } from '../contextValue';
import { lastArnPart } from '../../model/arn';
import { isOverLimit } from '../../model/rules';
import { AssociationListNode } from './associationListNode';
import type { ExplorerContext, ExplorerNode, ProfileHooks } from './explorerNode';
import { ResourceNode, tooltipLines } from './resourceNode';
import { UsageListNode } from './usageListNode';

/** A license configuration: `consumed / limit` and counting type; Usage and Associations below it. */
export class LicenseConfigurationNode extends ResourceNode<LicenseConfiguration> {
  readonly usage: UsageListNode;
  readonly associations: AssociationListNode;

  constructor(parent: ExplorerNode, ctx: ExplorerContext, owner: ProfileHooks, resource: ResourceRef, data: LicenseConfiguration, key: string) {
    super(parent, resource, data, key);
    this.usage = new UsageListNode(this, ctx, owner, resource.region);
    this.associations = new AssociationListNode(this, ctx, owner, resource.region);
  }

  get label(): string {
    return this.data.Name || this.data.LicenseConfigurationId || lastArnPart(this.data.LicenseConfigurationArn);
  }

  /** `consumed / limit countingType`, e.g. `12 / 10 vCPU`. */
  get usageText(): string {
    const c = this.data;
    const limit = typeof c.LicenseCount === 'number' ? String(c.LicenseCount) : vscode.l10n.t('no limit');
    return [`${c.ConsumedLicenses ?? 0} / ${limit}`, c.LicenseCountingType].filter(Boolean).join(' ');
  }

  searchText(): (string | undefined)[] {
    const c = this.data;
    return [c.Name, c.Description, c.LicenseCountingType, c.Status, c.LicenseConfigurationArn, c.LicenseConfigurationId];
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.data;
    const over = isOverLimit(c);
    const item = treeItem(uiText(this.label), vscode.TreeItemCollapsibleState.Collapsed);
    setItemText(item, 'description', uiText(over ? vscode.l10n.t('{0} (over the limit)', this.usageText) : this.usageText));
    item.iconPath = over
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('settings-gear');
    setItemText(item, 'tooltip', uiText(tooltipLines(this.label, [
      [vscode.l10n.t('Usage'), this.usageText],
      [vscode.l10n.t('Warning'), over ? vscode.l10n.t('Usage is over the limit') : undefined],
      [vscode.l10n.t('Hard limit'), c.LicenseCountHardLimit],
      [vscode.l10n.t('Status'), c.Status],
      [vscode.l10n.t('Description'), c.Description],
      [vscode.l10n.t('Owner'), c.OwnerAccountId],
      [vscode.l10n.t('ARN'), c.LicenseConfigurationArn],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'licenseConfiguration' });
    item.command = this.openDetails();
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([this.usage, this.associations]);
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [this.usage, this.associations];
  }

  override reset(): void {
    this.usage.reset();
    this.associations.reset();
  }
}
