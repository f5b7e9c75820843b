import * as vscode from 'vscode';
import { listOfKind } from '../model/resourceLists';
import { uiText, t } from '../ui/window';
import type { ExplorerNode } from './nodes/explorerNode';
import { ResourceNode } from './nodes/resourceNode';


/** The status of a loaded grant, license or received license, if it has one. */
function statusOf(data: object): string | undefined {
  const d = data as { GrantStatus?: unknown; Status?: unknown; ReceivedMetadata?: { ReceivedStatus?: unknown } };
  const s = d.GrantStatus ?? d.ReceivedMetadata?.ReceivedStatus ?? d.Status;
  return typeof s === 'string' && s !== '' ? s : undefined;
}

const textOf = (v: string | vscode.TreeItemLabel | boolean | undefined): string =>
  typeof v === 'string' ? v : typeof v === 'object' ? v.label : '';

/**
 * What a screen reader says for a tree item: its label, for a resource its kind and
 * status, then the rest of its description. Sets `accessibilityInformation` unless the
 * node set its own.
 */
export function withAccessibility(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
  if (item.accessibilityInformation) return item;
  const parts = [textOf(item.label)];
  let rest = textOf(item.description)
    .split(' · ')
    .filter((p) => p !== '');
  if (node instanceof ResourceNode) {
    const kind = listOfKind(node.resource.kind)?.kindLabel(t);
    const status = statusOf(node.data);
    if (kind) parts.push(kind);
    if (status) {
      parts.push(t('status {0}', status));
      rest = rest.filter((p) => p !== status);
    }
  }
  parts.push(...rest);
  item.accessibilityInformation = { label: uiText(parts.filter(Boolean).join(', ')) };
  return item;
}
