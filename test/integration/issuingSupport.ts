/** What the in-host tests of issued licenses share: the issuing seed's names, messages, the tree, edits. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { waitFor } from '../support';

export const REGION = 'us-east-1';
export const RENDER_ARN = 'arn:aws:license-manager::123412341234:license:l-7a1e0c3d5b2f4e6a8c9d0e1f2a3b4c5d';

export interface Shown {
  readonly kind: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly items: string[];
  /** A modal's detail. */
  readonly detail?: string;
}

/** Records the messages the extension shows; answers each with `answer` when it offers it. */
export class Messages {
  readonly shown: Shown[] = [];
  /** The button(s) a message is answered with, when it offers one. */
  answer: string | string[] | undefined;
  private readonly saved = new Map<string, unknown>();
  constructor() {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const [name, kind] of [['showInformationMessage', 'info'], ['showWarningMessage', 'warning'], ['showErrorMessage', 'error']] as const) {
      this.saved.set(name, w[name]);
      w[name] = async (message: string, ...rest: unknown[]): Promise<string | undefined> => {
        const items = rest.filter((r): r is string => typeof r === 'string');
        const detail = (rest.find((r) => typeof r === 'object' && r !== null) as { detail?: string } | undefined)?.detail;
        this.shown.push({ kind, message, items, ...(detail !== undefined ? { detail } : {}) });
        return items.find((i) => (Array.isArray(this.answer) ? this.answer.includes(i) : this.answer === i));
      };
    }
  }
  restore(): void {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of this.saved) w[name] = fn;
  }
}

export async function treeChild(api: ExtensionApi, parent: unknown, pick: (n: Record<string, unknown>) => boolean, what: string): Promise<unknown> {
  return waitFor(async () => (await api.explorer.getChildren(parent as never)).find((c) => pick(c as unknown as Record<string, unknown>)), 10_000, what);
}

/** The issuer's Licenses list under us-east-1, loaded as the user expands it. */
export async function licensesList(api: ExtensionApi): Promise<unknown> {
  const p = await treeChild(api, undefined, (n) => n.name === 'issuer', 'profile issuer');
  const r = await treeChild(api, p, (n) => n.region === REGION, 'region');
  return treeChild(api, r, (n) => n.category === 'licenses', 'Licenses');
}

export async function edit(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `the document holds ${from}`);
  const e = new vscode.WorkspaceEdit();
  e.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(e));
}

export const lineOf = (doc: vscode.TextDocument, text: string): number => doc.positionAt(doc.getText().indexOf(text)).line;


