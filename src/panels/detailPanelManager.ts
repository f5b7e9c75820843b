import * as vscode from 'vscode';
import type { Services } from '../services';

/** Placeholder; replaced by the detail panel implementation. */
export class DetailPanelManager implements vscode.Disposable {
  constructor(readonly services: Services) {}
  dispose(): void {}
}
