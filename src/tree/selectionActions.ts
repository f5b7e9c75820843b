/**
 * The bulk grant actions a tree view's selection allows, kept in a context key per view
 * (`licenseManager:explorerSelectionActions`, `licenseManager:inboxSelectionActions`) because a
 * menu's `when` sees only the focused item's `viewItem`. With several items selected, the menus
 * show an action whose record has `bulk` (Accept, Activate, Deactivate, Reject) only when the key holds their token: every selected
 * item is a grant and the action is valid for each (see `grantActionsFor`).
 */
import * as vscode from 'vscode';
import { GRANT_ACTIONS, grantActionsFor, type GrantAction } from '../model/grantActions';
import { isResourceHolder } from '../model/resources';

/** The actions that can be sent to a selection: those whose record has `bulk`. */
export const SELECTION_ACTIONS: readonly GrantAction[] = GRANT_ACTIONS.filter((r) => r.bulk).map((r) => r.action);

/** The context key of a view's selection. */
export const SELECTION_KEYS = {
  explorer: 'licenseManager:explorerSelectionActions',
  inbox: 'licenseManager:inboxSelectionActions',
} as const;

/** The tokens (space-separated) of the actions valid for every item of `nodes`; empty unless every item is a grant. */
export function selectionActionsOf(nodes: readonly unknown[]): string {
  let common: readonly GrantAction[] = SELECTION_ACTIONS;
  for (const node of nodes) {
    if (!isResourceHolder(node)) return '';
    const { kind } = node.resource;
    const status = (node.data as { GrantStatus?: unknown }).GrantStatus;
    if ((kind !== 'receivedGrant' && kind !== 'distributedGrant') || typeof status !== 'string') return '';
    const valid = grantActionsFor(kind === 'receivedGrant' ? 'received' : 'distributed', status);
    common = common.filter((a) => valid.includes(a));
  }
  return common.join(' ');
}

/** Keeps `key` set to the actions the view's selection allows, also when the selected items reload (`changed`). */
export function watchSelectionActions(view: vscode.TreeView<unknown>, key: string, changed: vscode.Event<unknown>): vscode.Disposable {
  const update = (): void => void vscode.commands.executeCommand('setContext', key, view.selection.length > 1 ? selectionActionsOf(view.selection) : '');
  update();
  return vscode.Disposable.from(view.onDidChangeSelection(update), changed(update));
}
