import * as vscode from 'vscode';
import { t } from '../ui/window';
import type { ExportSource } from '../data/exportSource';
import { listFilters, RESOURCE_LISTS } from '../model/resourceLists';
import type { CategoryKind } from '../model/resources';
import { usageFilterWords, usageFilters, type ExplorerFilter } from '../model/rules';
import { AssociationListNode } from './nodes/associationListNode';
import { CategoryNode } from './nodes/categoryNode';
import type { ExplorerNode } from './nodes/explorerNode';
import { LicenseConfigurationNode } from './nodes/licenseConfigurationNode';
import { OrganizationListNode } from './nodes/organizationNode';
import { ORGANIZATION_LISTS, type OrganizationListKind } from '../model/organizationLists';
import { TokenListNode } from './nodes/tokenListNode';
import { UsageListNode } from './nodes/usageListNode';


/** A list node of the tree that can be exported, and how to word it. */
export interface Exportable {
  readonly node: ExplorerNode;
  readonly source: ExportSource;
  /** E.g. "Usage of SQL Server Enterprise fleet (seller, us-east-1)"; text from AWS, shown literally. */
  readonly title: string;
  /** Words of the default file name, e.g. `usage` and the configuration's name. */
  readonly nameParts: readonly string[];
  /** "1,250 usage records", "1 received license". */
  count(n: number): string;
  /** The filter the export applies, in words ("Resource type: EC2 host"); undefined when it exports everything. */
  readonly filtered?: string;
}

function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString(vscode.env.language || 'en')} ${n === 1 ? one : many}`;
}

function configurationName(node: ExplorerNode): string {
  return node.parent instanceof LicenseConfigurationNode ? node.parent.label : '';
}

/** The export of a list node (category, usage or associations); undefined for any other node. */
export function exportableOf(node: unknown, filter: ExplorerFilter): Exportable | undefined {
  if (node instanceof CategoryNode) {
    const category: CategoryKind = node.category;
    const def = RESOURCE_LISTS[category];
    const where = `${node.owner.name}, ${node.region}`;
    const status = listFilters(def as Parameters<typeof listFilters>[0], filter)[0];
    const filtered = status ? t('Status: {0}', status.Values[0]) : undefined;
    const title = t('{0} ({1})', def.label(t), where);
    return {
      node,
      source: {
        profile: node.owner.name,
        region: node.region,
        list: { list: 'category', category, filter, selectedRegions: node.owner.selectedRegions() },
      },
      title: filtered ? t('{0}, filtered to {1}', title, filtered) : title,
      filtered,
      nameParts: [def.label(t).toLowerCase(), node.owner.name, node.region, ...(status ? [status.Name, ...status.Values] : [])],
      count: (n) => counted(n, def.kindLabel(t).toLowerCase(), def.label(t).toLowerCase()),
    };
  }
  if (node instanceof UsageListNode || node instanceof AssociationListNode) {
    const usage = node instanceof UsageListNode;
    const name = configurationName(node);
    const where = `${node.owner.name}, ${node.region}`;
    const conditions = usage ? usageFilters(node.filter) : [];
    const filtered = usage && conditions.length ? usageFilterWords(node.filter, t).join(', ') : undefined;
    const title = usage ? t('Usage of {0} ({1})', name, where) : t('Associations of {0} ({1})', name, where);
    return {
      node,
      source: {
        profile: node.owner.name,
        region: node.region,
        list: usage
          ? { list: 'usage', configurationArn: node.configurationArn, filter: node.filter }
          : { list: 'associations', configurationArn: node.configurationArn },
      },
      title: filtered ? t('{0}, filtered to {1}', title, filtered) : title,
      filtered,
      nameParts: [usage ? 'usage' : 'associations', name, ...conditions.flatMap((c) => [c.Name, ...c.Values])],
      count: (n) => (usage ? counted(n, t('usage record'), t('usage records')) : counted(n, t('association'), t('associations'))),
    };
  }
  if (node instanceof TokenListNode) {
    const parent = node.parent as { label?: unknown } | undefined;
    const name = typeof parent?.label === 'string' ? parent.label : '';
    return {
      node,
      source: { profile: node.owner.name, region: node.region, list: { list: 'tokens', licenseArn: node.licenseArn } },
      title: t('Tokens of {0} ({1})', name, `${node.owner.name}, ${node.region}`),
      nameParts: ['tokens', name],
      count: (n) => counted(n, t('token'), t('tokens')),
    };
  }
  if (node instanceof OrganizationListNode) {
    const kind: OrganizationListKind = node.kind;
    const def = ORGANIZATION_LISTS[kind];
    const parent = node.parent as { label?: unknown } | undefined;
    const of = def.needsParent && typeof parent?.label === 'string' ? parent.label : undefined;
    const where = `${node.owner.name}, ${node.region}`;
    return {
      node,
      source: {
        profile: node.owner.name,
        region: node.region,
        list: { list: 'organization', kind, parentArn: node.parentArn, selectedRegions: node.owner.selectedRegions() },
      },
      title: of !== undefined ? t('{0} of {1} ({2})', def.label(t), of, where) : t('{0} ({1})', def.label(t), where),
      nameParts: [def.label(t).toLowerCase(), ...(of !== undefined ? [of] : []), node.owner.name, node.region],
      count: (n) => counted(n, def.kindLabel(t).toLowerCase(), def.label(t).toLowerCase()),
    };
  }
  return undefined;
}

/** Every list node created so far in the tree, as exports (nothing is loaded). */
export function loadedExportables(nodes: readonly ExplorerNode[], filter: ExplorerFilter): Exportable[] {
  return nodes.map((n) => exportableOf(n, filter)).filter((e): e is Exportable => e !== undefined);
}
