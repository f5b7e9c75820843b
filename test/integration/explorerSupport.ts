/** Small helpers of the explorer's in-host tests: walk the tree the way the view does. */
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Page } from '../../src/aws/types';
import type { ExplorerNode } from '../../src/tree/nodes/explorerNode';

export type Node = ExplorerNode;

/** The explorer reloaded with exactly `profiles` selected, each in `region` alone. */
export async function selectOnly(api: ExtensionApi, profiles: readonly string[], region: string): Promise<void> {
  await api.explorer.reloadProfiles();
  await api.services.state.setSelectedProfiles([...profiles]);
  for (const p of profiles) await api.services.state.setRegions(p, [region]);
}

export function item(api: ExtensionApi, node: Node): vscode.TreeItem {
  return api.explorer.getTreeItem(node);
}

export function label(api: ExtensionApi, node: Node): string {
  const l = item(api, node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export function description(api: ExtensionApi, node: Node): string {
  const d = item(api, node).description;
  return typeof d === 'string' ? d : '';
}

export function tokens(api: ExtensionApi, node: Node): string[] {
  return (item(api, node).contextValue ?? '').split(' ');
}

export function children(api: ExtensionApi, node?: Node): Promise<Node[]> {
  return api.explorer.getChildren(node);
}

/** The child with this label (throws with the labels seen otherwise). */
export async function child(api: ExtensionApi, parent: Node | undefined, name: string): Promise<Node> {
  const kids = await children(api, parent);
  const found = kids.find((k) => label(api, k) === name);
  if (!found) throw new Error(`no "${name}" under ${parent ? label(api, parent) : 'the root'}; saw ${kids.map((k) => label(api, k)).join(', ')}`);
  return found;
}

/** Expands a path of labels from the root. */
export async function path(api: ExtensionApi, ...labels: string[]): Promise<Node> {
  let node: Node | undefined;
  for (const l of labels) node = await child(api, node, l);
  return node as Node;
}

export const isLoadMore = (api: ExtensionApi, n: Node): boolean => tokens(api, n).includes('loadMore');
export const isMessage = (api: ExtensionApi, n: Node): boolean => tokens(api, n).includes('message');

/** Clicks "Load more…" until the list ends; returns the final children. */
export async function loadAll(api: ExtensionApi, list: Node): Promise<Node[]> {
  let kids = await children(api, list);
  for (let i = 0; i < 100; i++) {
    const more = kids.find((k) => isLoadMore(api, k));
    if (!more) return kids;
    await vscode.commands.executeCommand('licenseManager.explorer.loadMore', more);
    kids = await children(api, list);
  }
  throw new Error('"Load more…" never ended');
}

/** The ARNs of the resource items among nodes. */
export function arns(nodes: readonly Node[]): string[] {
  return nodes.filter((n) => 'resource' in n).map((n) => (n as unknown as { resource: { arn: string } }).resource.arn);
}

/** Every item of a paged facade call. */
export async function collect<T>(fetch: (nextToken?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...page.items);
    token = page.nextToken;
  } while (token);
  return out;
}

export async function setPageSize(size: number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('licenseManager').update('pageSize', size, vscode.ConfigurationTarget.Global);
}
