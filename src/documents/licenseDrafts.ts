/**
 * Editable license documents (Create License, New License Version) on the `license-manager-draft:`
 * scheme: kept in memory only (Save keeps the text in this window; closing sends nothing). The
 * schema generated from the service model (media/schemas/) is contributed for their file names;
 * a CodeLens sends them, and their problems are listed in the Problems view.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { checkLicenseDocument, CheckedDocument, DocumentSchema, LicenseDocumentKind } from '../model/licenseDocument';
import type { Services } from '../services';
import { logFailure } from '../ui/log';
import { t, uiText } from '../ui/window';

export const DRAFT_SCHEME = 'license-manager-draft';

/** The file name ending that selects each document's schema (`contributes.jsonValidation`). */
const DOCUMENTS: Readonly<Record<LicenseDocumentKind, { suffix: string; schema: string; command: string }>> = {
  createLicense: { suffix: '.create-license.json', schema: 'create-license.schema.json', command: 'Create License' },
  licenseVersion: { suffix: '.license-version.json', schema: 'license-version.schema.json', command: 'Create Version' },
};

/** What the extension knows of a document beyond its text; commands trust only this. */
export interface LicenseDraft {
  readonly kind: LicenseDocumentKind;
  readonly profile: string;
  /** Where the document was opened from. */
  readonly region: string;
  /** One per document: a send of the same document again reuses it. */
  readonly clientToken: string;
  /** New License Version: the license and the version the document was based on. */
  readonly licenseArn?: string;
  readonly sourceVersion?: string;
  /** Set once the document was sent successfully. */
  created?: { readonly licenseArn: string; readonly version: string };
  /** Problems are kept current while typing once the document was checked for sending. */
  checked: boolean;
}

interface Entry {
  draft: LicenseDraft;
  content: Uint8Array;
  mtime: number;
}

export class LicenseDrafts implements vscode.FileSystemProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly schemas = new Map<string, Promise<DocumentSchema>>();
  private readonly fileEvents = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.fileEvents.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('license-manager');
  private readonly disposables: vscode.Disposable[] = [];
  private counter = 0;

  /** `loadChecker` gives the document checker (loaded with the issuing flows, not at activation). */
  constructor(
    private readonly services: Services,
    private readonly loadChecker: () => Promise<typeof checkLicenseDocument>,
  ) {
    this.disposables.push(
      this.diagnostics,
      this.fileEvents,
      vscode.workspace.registerFileSystemProvider(DRAFT_SCHEME, this, { isCaseSensitive: true }),
      vscode.languages.registerCodeLensProvider({ scheme: DRAFT_SCHEME }, this),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.draftOf(e.document.uri)?.checked) this.check(e.document).catch(logFailure(this.services.log, 'checking a license document'));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.diagnostics.delete(d.uri)),
    );
  }

  /** Opens a new document with `text` in an editor. */
  async open(draft: Omit<LicenseDraft, 'clientToken' | 'checked'>, name: string, text: string): Promise<vscode.TextEditor> {
    const safe = name.replace(/[^\w .()-]+/g, '-').slice(0, 80) || 'license';
    const path = `/${++this.counter}/${safe}${DOCUMENTS[draft.kind].suffix}`;
    const uri = vscode.Uri.from({ scheme: DRAFT_SCHEME, path });
    this.entries.set(uri.toString(), {
      draft: { ...draft, clientToken: randomUUID(), checked: false },
      content: new TextEncoder().encode(text),
      mtime: Date.now(),
    });
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  /** The draft behind a URI, if this window opened it. */
  draftOf(uri: vscode.Uri): LicenseDraft | undefined {
    return uri.scheme === DRAFT_SCHEME ? this.entries.get(uri.toString())?.draft : undefined;
  }

  /** The document's schema, read once from the extension's files. */
  schema(kind: LicenseDocumentKind): Promise<DocumentSchema> {
    const file = DOCUMENTS[kind].schema;
    let s = this.schemas.get(file);
    if (!s) {
      const uri = vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'schemas', file);
      s = Promise.resolve(vscode.workspace.fs.readFile(uri)).then((b) => JSON.parse(new TextDecoder().decode(b)) as DocumentSchema);
      s.catch(() => this.schemas.delete(file));
      this.schemas.set(file, s);
    }
    return s;
  }

  /** Checks the whole document and lists its problems in the Problems view. */
  async check(doc: vscode.TextDocument): Promise<CheckedDocument> {
    const draft = this.draftOf(doc.uri);
    if (!draft) throw new Error(vscode.l10n.t('This document was not opened by License Manager in this window.'));
    draft.checked = true;
    const [check, schema] = await Promise.all([this.loadChecker(), this.schema(draft.kind)]);
    const result = check(vscode.l10n.t, doc.getText(), schema, { licenseArn: draft.licenseArn });
    this.diagnostics.set(
      doc.uri,
      result.problems.map((p) => {
        const range = new vscode.Range(doc.positionAt(p.offset), doc.positionAt(p.offset + p.length));
        const d = new vscode.Diagnostic(range, uiText(p.message, { multiline: true }), vscode.DiagnosticSeverity.Error);
        d.source = 'License Manager';
        return d;
      }),
    );
    return result;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const draft = this.draftOf(doc.uri);
    if (!draft) return [];
    const title = draft.kind === 'createLicense' ? t('Create License') : t('Create Version');
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: 'licenseManager.license.submit', arguments: [doc.uri] })];
  }

  // --- FileSystemProvider: documents live in memory only ---

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const e = this.entry(uri);
    return { type: vscode.FileType.File, ctime: e.mtime, mtime: e.mtime, size: e.content.byteLength };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.entry(uri).content;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const e = this.entry(uri);
    e.content = content;
    e.mtime = Date.now();
    this.fileEvents.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  private entry(uri: vscode.Uri): Entry {
    const e = this.entries.get(uri.toString());
    if (!e) throw vscode.FileSystemError.FileNotFound(uri);
    return e;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
