/**
 * Generated checkout code: opens it as an untitled document in its language, remembers which
 * license each document was made for, and offers a "Check" CodeLens that runs the pre-flight for
 * the values written in the code.
 */
import * as vscode from 'vscode';
import type { ResourceRef } from '../model/resources';
import type { CheckoutPlan, CodeLanguage, PlannedEntitlement } from '../model/checkoutCode';

export const CHECK_CODE_COMMAND = 'licenseManager.checkout.checkCode';

export interface GeneratedCode {
  readonly ref: ResourceRef;
  readonly plan: CheckoutPlan;
  readonly language: CodeLanguage;
}

/** The generated documents of this window, by URI. */
export class CheckoutCodeDocuments implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly made = new Map<string, GeneratedCode>();
  private count = 0;
  private readonly registration: vscode.Disposable;
  private readonly closing: vscode.Disposable;

  constructor() {
    this.registration = vscode.languages.registerCodeLensProvider({ scheme: 'untitled' }, this);
    this.closing = vscode.workspace.onDidCloseTextDocument((d) => this.made.delete(d.uri.toString()));
  }

  /**
   * A new untitled document named for its language (`untitled:/checkout-N/LicenseCheck.java`), never one
   * still open under that name, filled with the code.
   */
  async open(code: GeneratedCode): Promise<vscode.TextEditor> {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let uri: vscode.Uri;
    do uri = vscode.Uri.from({ scheme: 'untitled', path: `/checkout-${++this.count}/${code.language.fileName}` });
    while (open.has(uri.toString()));
    let doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), code.language.generate(code.plan));
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('The generated code could not be written into a new document.'));
    if (doc.languageId !== code.language.languageId) doc = await vscode.languages.setTextDocumentLanguage(doc, code.language.languageId);
    this.made.set(doc.uri.toString(), code);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  generated(doc: vscode.TextDocument): GeneratedCode | undefined {
    return this.made.get(doc.uri.toString());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.made.has(doc.uri.toString())) return [];
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        command: CHECK_CODE_COMMAND,
        title: vscode.l10n.t('Check: would this checkout succeed?'),
        arguments: [doc.uri],
      }),
    ];
  }

  dispose(): void {
    this.registration.dispose();
    this.closing.dispose();
    this.made.clear();
  }
}

/**
 * The entitlements the code asks for now: an entitlement whose name is gone is not asked for; each
 * takes the unit written after `Unit` (or `.unit(`) where its name is, and a counted one the whole
 * number written after `Value` (or `.value(`).
 */
export function entitlementsInCode(text: string, code: GeneratedCode): PlannedEntitlement[] {
  return code.plan.entitlements.flatMap((e) => {
    const marker = code.language.id === 'shell' ? code.language.literal(`"Name":${JSON.stringify(e.name)}`).slice(2, -1) : code.language.literal(e.name);
    const at = text.indexOf(marker);
    if (at < 0) return [];
    const rest = text.slice(at + marker.length).split(code.language.id === 'shell' ? '}' : '\n')[0];
    const unit = /[Uu]nit[^A-Za-z]*(?:types\.EntitlementDataUnit\(")?([A-Za-z/]*)/.exec(rest)?.[1] || e.unit;
    const value = /[Vv]alue[^0-9A-Za-z]*(?:aws\.String\(")?(\d*)/.exec(rest)?.[1];
    return [{ name: e.name, unit, ...(value !== undefined ? { value } : {}) }];
  });
}
