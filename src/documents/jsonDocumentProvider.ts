import * as vscode from 'vscode';
import { fetchResource } from '../data/fetchResource';
import { loadVersion } from '../data/history';
import { canonicalJson, historyKind } from '../model/history';
import { lastArnPart } from '../model/arn';
import { isResourceHolder, type ResourceHolder, type ResourceRef } from '../model/resources';
import type { Services } from '../services';
import { isVersion } from '../model/versions';
import { notAVersion } from '../data/history';
import { parseRestoredRef } from '../model/restoredPanel';
import { logFailure } from '../ui/log';
import { DOCUMENT_CACHE_LIMIT, DocumentCache } from './documentCache';

export const JSON_SCHEME = 'license-manager-json';

/** workspaceState key of the URIs this provider made, newest last: those still open at a window reload are read again. */
const MADE_KEY = 'licenseManager.jsonDocuments';

interface Entry {
  readonly uri: vscode.Uri;
  readonly ref: ResourceRef;
  readonly data: object;
  readonly version?: string;
  /** When this content was set (it differs for each content, so an open editor reloads it). */
  readonly mtime: number;
}

const errorText = (error: string): string => `${JSON.stringify({ error }, null, 2)}\n`;

/** How long a closed document's content is kept in case it opens again at once. */
const CLOSED_GRACE_MS = 1000;

/** A name safe in a URI path segment, derived from an ARN's last part. */
function fileName(arn: string): string {
  return (lastArnPart(arn).replace(/[^A-Za-z0-9._-]/g, '_') || 'resource').slice(0, 80);
}

/**
 * Read-only JSON documents (`license-manager-json:`) of loaded resources,
 * pretty-printed, served by a read-only file system provider (so VS Code keeps
 * their editors, version diffs included, across a window reload). A document updates when its resource changes through the
 * extension, when it is opened again from a refreshed item, or on `refresh`.
 *
 * Security: only URIs this provider produced (`open`, `putVersion`) are served or
 * reloaded. It remembers the last ones it made in this workspace, so documents and
 * version diffs still open at a window reload are read again from AWS (the resource,
 * or that version of it) through the profile they name, if it still exists. Any other
 * URI (typed, linked) names a profile, region and ARN someone else chose: it is refused
 * without a signed call.
 */
export class JsonDocumentProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private clock = 0;
  /** Reads again after a window reload, by URI: one per document while it is open, whether it succeeds or not. */
  private readonly rereads = new Map<string, Promise<Entry | string>>();
  private readonly docs = new DocumentCache<Entry>((key) =>
    vscode.workspace.textDocuments.some((d) => d.uri.toString() === key),
  );
  private readonly disposables: vscode.Disposable[] = [];
  private readonly closing = new Set<ReturnType<typeof setTimeout>>();

  constructor(readonly services: Services) {
    this.disposables.push(
      // A closed document is forgotten once it stays closed (a language change closes and opens it again at once).
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== JSON_SCHEME) return;
        const key = doc.uri.toString();
        this.rereads.delete(key);
        const timer = setTimeout(() => {
          this.closing.delete(timer);
          this.docs.closed(key);
        }, CLOSED_GRACE_MS);
        this.closing.add(timer);
      }),
      services.changes.event((change) => {
        const arns = new Set(change.arns);
        for (const entry of this.docs.values()) {
          // A version never changes; only documents of the current state follow changes.
          if (entry.version === undefined && arns.has(entry.ref.arn)) void this.refresh(entry.uri).catch(() => undefined);
        }
      }),
    );
  }

  /**
   * The document URI of a resource, or of one version of it:
   * `license-manager-json:/<profile>/<region>/<kind>/<name>[.v<version>].json?arn=<arn>[&version=<version>]`.
   */
  uriFor(ref: ResourceRef, version?: string): vscode.Uri {
    if (version !== undefined && !isVersion(version)) throw notAVersion();
    const name = `${fileName(ref.arn)}${version !== undefined ? `.v${version}` : ''}.json`;
    const path = [ref.profile, ref.region, ref.kind, name].map(encodeURIComponent).join('/');
    const query = new URLSearchParams({ arn: ref.arn, ...(version !== undefined ? { version } : {}) });
    return vscode.Uri.from({ scheme: JSON_SCHEME, path: `/${path}`, query: query.toString() });
  }

  /** The version a document URI names; undefined for the current state. */
  versionOf(uri: vscode.Uri): string | undefined {
    const version = new URLSearchParams(uri.query).get('version');
    return isVersion(version) ? version : undefined;
  }

  /**
   * Holds one version of a resource as a read-only document (canonical JSON,
   * members sorted, so two versions diff line by line) and returns its URI.
   */
  putVersion(ref: ResourceRef, version: string, data: object): vscode.Uri {
    const uri = this.uriFor(ref, version);
    const key = uri.toString();
    const known = this.docs.get(key);
    this.docs.set(key, { uri, ref, data, version, mtime: this.stamp() });
    this.remember(key);
    if (known && known.data !== data) this.changed(uri);
    return uri;
  }

  /** Shows a resource as a read-only JSON document (updating it when already open). */
  async open(holder: ResourceHolder): Promise<vscode.TextEditor> {
    if (!isResourceHolder(holder)) throw new Error(vscode.l10n.t('Nothing to show as JSON.'));
    const uri = this.uriFor(holder.resource);
    const key = uri.toString();
    const known = this.docs.get(key);
    this.docs.set(key, { uri, ref: holder.resource, data: holder.data, mtime: this.stamp() });
    this.remember(key);
    if (known && known.data !== holder.data) this.changed(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const shown = doc.languageId === 'json' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'json');
    return vscode.window.showTextDocument(shown, { preview: false });
  }

  /** Loads the resource of a document this provider opened again and updates the document; ignores any other URI. */
  async refresh(uri: vscode.Uri): Promise<void> {
    const known = this.docs.get(uri.toString());
    if (!known) return;
    const ref = known.ref;
    const api = (await this.services.clients()).get(ref.profile, ref.region);
    const version = this.versionOf(uri);
    const kind = historyKind(ref.kind);
    if (version !== undefined && kind) {
      this.docs.set(uri.toString(), { uri: known.uri, ref, data: await loadVersion(api, kind, ref.arn, version), version, mtime: this.stamp() });
      this.changed(uri);
      return;
    }
    const data = await fetchResource(api, ref);
    if (data === undefined) return;
    this.docs.set(uri.toString(), { uri: known.uri, ref, data, mtime: this.stamp() });
    this.changed(uri);
  }

  /** The text of a document and when it was set (0 for a text saying why there is none). */
  private async document(uri: vscode.Uri, reading: boolean): Promise<{ text: string; mtime: number }> {
    const key = uri.toString();
    let entry: Entry | string | undefined = this.docs.get(key);
    if (!entry && this.made().includes(key)) {
      const reread = this.rereads.get(key) ?? this.readAgain(uri);
      this.rereads.set(key, reread);
      entry = await reread;
    }
    if (typeof entry === 'string') return { text: errorText(entry), mtime: 0 };
    if (!entry) {
      if (reading) this.services.log.warn(`documents: refused ${JSON_SCHEME}: document not opened from the explorer in this window`);
      const error = vscode.l10n.t(
        'This document was not opened from the License Manager explorer in this window, so nothing was loaded. Open the item again from the explorer.',
      );
      return { text: errorText(error), mtime: 0 };
    }
    const text = entry.version !== undefined ? canonicalJson(entry.data) : `${JSON.stringify(entry.data, null, 2)}\n`;
    return { text, mtime: entry.mtime };
  }

  // --- FileSystemProvider: read-only documents held in memory ---

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { text, mtime } = await this.document(uri, false);
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: Buffer.byteLength(text), permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return Buffer.from((await this.document(uri, true)).text, 'utf8');
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  private changed(uri: vscode.Uri): void {
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /** A time for new content, later than any before it. */
  private stamp(): number {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return this.clock;
  }

  /** The URIs this provider made in this workspace, oldest first. */
  private made(): string[] {
    const saved = this.services.context.workspaceState.get<unknown>(MADE_KEY);
    return Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : [];
  }

  private remember(key: string): void {
    const made = this.made();
    if (made[made.length - 1] === key) return;
    const next = [...made.filter((k) => k !== key), key].slice(-DOCUMENT_CACHE_LIMIT);
    this.services.context.workspaceState.update(MADE_KEY, next).then(undefined, logFailure(this.services.log, 'documents: remembering a document'));
  }

  /** The resource and version a URI of `uriFor` names, when it is exactly such a URI of a resource that can be read again. */
  private target(uri: vscode.Uri): { ref: ResourceRef; version?: string } | undefined {
    const segments = uri.path.split('/').slice(1);
    if (segments.length !== 4) return undefined;
    const [profile, region, kind] = segments.slice(0, 3).map((s) => decodeURIComponent(s));
    const query = new URLSearchParams(uri.query);
    const ref = parseRestoredRef({ ref: { kind, profile, region, arn: query.get('arn') } }, [profile]);
    const version = query.get('version') ?? undefined;
    if (!ref || (version !== undefined && (!isVersion(version) || !historyKind(ref.kind)))) return undefined;
    return this.uriFor(ref, version).toString() === uri.toString() ? { ref, version } : undefined;
  }

  /**
   * A document this provider made before the window reloaded, read again from AWS; a text saying
   * why when it cannot be (the profile is gone, the read failed).
   */
  private async readAgain(uri: vscode.Uri): Promise<Entry | string> {
    try {
      const target = this.target(uri);
      if (!target) return vscode.l10n.t('This document cannot be read again. Open the item again from the explorer.');
      const { ref, version } = target;
      const profiles = await this.services.state.profiles();
      if (!profiles.some((p) => p.name === ref.profile)) {
        return vscode.l10n.t('This document cannot be read again: the AWS profile “{0}” is no longer in the AWS config and credentials files.', ref.profile);
      }
      const api = (await this.services.clients()).get(ref.profile, ref.region);
      const kind = historyKind(ref.kind);
      const data = version !== undefined && kind ? await loadVersion(api, kind, ref.arn, version) : await fetchResource(api, ref);
      if (data === undefined) return vscode.l10n.t('This document cannot be read again. Open the item again from the explorer.');
      const entry: Entry = { uri, ref, data, version, mtime: this.stamp() };
      this.docs.set(uri.toString(), entry);
      this.services.log.info(`documents: read ${ref.kind} ${ref.arn}${version !== undefined ? ` version ${version}` : ''} again after the window reloaded`);
      return entry;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.services.log.warn(`documents: reading ${uri.path} again failed: ${message}`);
      return vscode.l10n.t('This document could not be read again: {0}', message);
    }
  }

  dispose(): void {
    for (const timer of this.closing) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
