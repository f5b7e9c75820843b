import * as vscode from 'vscode';
import { setItemText, treeItem, uiText } from '../../ui/window';
import type { LicenseConfigurationUsage, LicenseManagerApi, Page } from '../../aws/types';
import { contextValue } from '../contextValue';
import { lastArnPart } from '../../model/arn';
import { usageFilterWords, usageFilters, type UsageFilter } from '../../model/rules';
import type { ExplorerNode } from './explorerNode';
import { PagedNode } from './pagedNode';
import { ResourceNode, tooltipLines } from './resourceNode';

/** The configuration this list belongs to. */
interface ConfigurationParent extends ExplorerNode {
  readonly resource: { readonly arn: string; readonly profile: string };
}

/** "Usage" of a license configuration: paged records, filtered server-side. */
export class UsageListNode extends PagedNode<LicenseConfigurationUsage> {
  readonly id = `${this.parent?.id}|usage`;
  private usageFilter: UsageFilter = {};

  get configurationArn(): string {
    return (this.parent as ConfigurationParent).resource.arn;
  }

  /** The server-side filter in force. */
  get filter(): UsageFilter {
    return this.usageFilter;
  }

  /** Sets the filter and reloads the list. */
  setFilter(filter: UsageFilter): void {
    this.usageFilter = { ...filter };
    this.retry();
  }

  protected fetchPage(api: LicenseManagerApi, maxResults: number, nextToken: string | undefined, signal: AbortSignal): Promise<Page<LicenseConfigurationUsage>> {
    const filters = usageFilters(this.usageFilter);
    return api.listUsageForLicenseConfiguration(
      this.configurationArn,
      { maxResults, nextToken, ...(filters.length ? { filters } : {}) },
      { signal },
    );
  }

  protected keyOf(item: LicenseConfigurationUsage): string | undefined {
    return item.ResourceArn;
  }

  protected createNode(item: LicenseConfigurationUsage, key: string): UsageRecordNode {
    return new UsageRecordNode(this, { kind: 'usage', profile: this.owner.name, region: this.region, arn: item.ResourceArn ?? '' }, item, key);
  }

  protected emptyLabel(): string {
    return usageFilters(this.usageFilter).length ? vscode.l10n.t('No usage matches the filter') : vscode.l10n.t('No usage');
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(uiText(vscode.l10n.t('Usage')), vscode.TreeItemCollapsibleState.Collapsed);
    const f = usageFilters(this.usageFilter);
    const words = usageFilterWords(this.usageFilter, vscode.l10n.t);
    setItemText(item, 'description', uiText(words.length ? words.join(', ') : undefined));
    setItemText(item, 'tooltip', uiText(f.length ? vscode.l10n.t('Filtered: {0}', item.description ?? '') : vscode.l10n.t('Resources that consume this configuration'), { multiline: true }));
    item.iconPath = new vscode.ThemeIcon('graph');
    item.contextValue = contextValue({ node: 'usageList' });
    return item;
  }
}

/** One resource's consumption of a configuration. */
export class UsageRecordNode extends ResourceNode<LicenseConfigurationUsage> {
  searchText(): (string | undefined)[] {
    const u = this.data;
    return [u.ResourceArn, u.ResourceType, u.ResourceStatus, u.ResourceOwnerId];
  }

  getTreeItem(): vscode.TreeItem {
    const u = this.data;
    const item = treeItem(uiText(lastArnPart(u.ResourceArn) || vscode.l10n.t('(no ARN)')), vscode.TreeItemCollapsibleState.None);
    setItemText(item, 'description', uiText([vscode.l10n.t('{0} consumed', u.ConsumedLicenses ?? 0), u.ResourceStatus, u.ResourceType]
      .filter(Boolean)
      .join(' · ')));
    item.iconPath = new vscode.ThemeIcon('vm');
    setItemText(item, 'tooltip', uiText(tooltipLines(undefined, [
      [vscode.l10n.t('Resource'), u.ResourceArn],
      [vscode.l10n.t('Type'), u.ResourceType],
      [vscode.l10n.t('Status'), u.ResourceStatus],
      [vscode.l10n.t('Owner'), u.ResourceOwnerId],
      [vscode.l10n.t('Consumed'), u.ConsumedLicenses],
      [vscode.l10n.t('Associated'), u.AssociationTime],
    ]), { multiline: true }));
    item.contextValue = contextValue({ node: 'usageRecord', hasArn: Boolean(u.ResourceArn) });
    item.command = this.openJson();
    return item;
  }
}
