import * as vscode from 'vscode';
import type { ExplorerState } from '../state/explorerState';
import type { ExplorerNode } from './nodes/explorerNode';
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
 * Sets the walkthrough's context keys from what the user did: a region expanded in the
 * explorer, and profiles that use the local demo data.
 */
export function watchWalkthrough(view: vscode.TreeView<ExplorerNode>, state: ExplorerState): vscode.Disposable {
  const checkDemo = (): void => {
    state.profiles().then(
      (profiles) => {
        if (profiles.some((p) => isLocalEndpoint(p.endpointUrl))) void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.demoData, true);
      },
      () => undefined,
    );
  };
  checkDemo();
  return vscode.Disposable.from(
    view.onDidExpandElement((e) => {
      if (e.element instanceof RegionNode) void vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT.regionExpanded, true);
    }),
    state.onDidChange((change) => {
      if (change.kind === 'profiles') checkDemo();
    }),
  );
}
