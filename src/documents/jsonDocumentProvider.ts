import * as vscode from 'vscode';
import type { Services } from '../services';

export const JSON_SCHEME = 'license-manager-json';

/** Placeholder; replaced by the JSON document implementation. */
export class JsonDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  constructor(readonly services: Services) {}
  provideTextDocumentContent(): string {
    return '';
  }
  dispose(): void {}
}
