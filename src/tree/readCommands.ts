import { awsCliArgs, filterArg } from '../model/cliCommand';
import { consoleUrl } from '../model/consoleUrl';
import { lastArnPart, partitionOf } from '../model/arn';
import { ALL_LISTS, listFilters, listOfKind } from '../model/resourceLists';
import type { ResourceRef } from '../model/resources';
import { usageFilters, type ExplorerFilter } from '../model/rules';
import { AssociationListNode } from './nodes/associationListNode';
import { CategoryNode } from './nodes/categoryNode';
import type { ExplorerNode } from './nodes/explorerNode';
import { OrganizationListNode } from './nodes/organizationNode';
import { UsageListNode } from './nodes/usageListNode';

/**
 * The `aws license-manager` command that reads what a list node shows (with the
 * explorer's server-side filters), as an argument list; undefined for other nodes.
 */
export function listReadArgs(node: ExplorerNode, filter: ExplorerFilter): string[] | undefined {
  if (node instanceof CategoryNode) {
    const def = ALL_LISTS.find((l) => l.category === node.category);
    if (!def) return undefined;
    return awsCliArgs(def.cli.list, filterArg(listFilters(def, filter)), node.owner.name, node.region);
  }
  if (node instanceof UsageListNode) {
    const args = ['--license-configuration-arn', node.configurationArn, ...filterArg(usageFilters(node.filter))];
    return awsCliArgs('list-usage-for-license-configuration', args, node.owner.name, node.region);
  }
  if (node instanceof OrganizationListNode) {
    const [operation, ...args] = node.cliArgs();
    return awsCliArgs(operation, args, node.owner.name, node.region);
  }
  if (node instanceof AssociationListNode) {
    return awsCliArgs('list-associations-for-license-configuration', ['--license-configuration-arn', node.configurationArn], node.owner.name, node.region);
  }
  return undefined;
}

/** The command that reads one resource (by its ARN, with its profile and region); undefined for usage records and associations. */
export function itemReadArgs(ref: ResourceRef): string[] | undefined {
  const list = listOfKind(ref.kind);
  if (!list || !ref.arn) return undefined;
  const [operation, ...args] = list.cli.item(ref.arn);
  return awsCliArgs(operation, args, ref.profile, ref.region);
}

/** The console page of a resource in its region; undefined for kinds the console has no page for. */
export function itemConsoleUrl(ref: ResourceRef): string | undefined {
  const list = listOfKind(ref.kind);
  if (!list || !ref.arn) return undefined;
  return consoleUrl(partitionOf(ref.arn), ref.region, list.console.item(lastArnPart(ref.arn)));
}

/** The console page of a list node's list; undefined for other nodes. */
export function listConsoleUrl(node: ExplorerNode): string | undefined {
  const def = node instanceof CategoryNode ? ALL_LISTS.find((l) => l.category === node.category) : undefined;
  return def && consoleUrl('aws', (node as CategoryNode).region, def.console.list);
}
