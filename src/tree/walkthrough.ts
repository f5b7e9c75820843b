import * as vscode from 'vscode';
import type { ExplorerNode } from './nodes/explorerNode';
import { ProfileNode } from './nodes/profileNode';
import { RegionNode } from './nodes/regionNode';

/** Context keys the Getting Started walkthrough's steps complete on. */
export const WALKTHROUGH_CONTEXT = {
  regionExpanded: 'licenseManager:regionExpanded',
  demoData: 'licenseManager:demoData',
} as const;

/** Whether a profile's License Manager endpoint is on this machine (the demo's emulator). */
function isLocalEndpoint(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Sets the walkthrough's context keys from what the user does in the explorer: a region
 * expanded, and a region expanded of a profile that uses a License Manager on this
 * machine (the demo's). Set on the user's action, so an open walkthrough sees them change.
 */
export function watchWalkthrough(view: vscode.TreeView<ExplorerNode>): vscode.Disposable {
  return view.onDidExpandElement((e) => {
    if (!(e.element instanceof RegionNode)) return;
    void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.regionExpanded, true);
    const profile = e.element.parent;
    if (profile instanceof ProfileNode && isLocalEndpoint(profile.info.endpointUrl)) {
      void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.demoData, true);
    }
  });
}
