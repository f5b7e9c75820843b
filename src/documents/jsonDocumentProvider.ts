import * as vscode from 'vscode';
import { fetchResource } from '../data/fetchResource';
import { loadVersion } from '../data/history';
import { canonicalJson, historyKind } from '../model/history';
import { lastArnPart } from '../model/arn';
import { isResourceHolder, type ResourceHolder, type ResourceRef } from '../model/resources';
import type { Services } from '../services';
import { isVersion } from '../model/versions';
import { notAVersion } from '../data/history';
import { DocumentCache } from './documentCache';

export const JSON_SCHEME = 'license-manager-json';

/** How long a closed document's content is kept in case it opens again at once. */
const CLOSED_GRACE_MS = 1000;

/** A name safe in a URI path segment, derived from an ARN's last part. */
function fileName(arn: string): string {
  return (lastArnPart(arn).replace(/[^A-Za-z0-9._-]/g, '_') || 'resource').slice(0, 80);
}

/**
 * Read-only JSON documents (`license-manager-json:`) of loaded resources,
 * pretty-printed. A document updates when its resource changes through the
 * extension, when it is opened again from a refreshed item, or on `refresh`.
 *
 * Security: only URIs this provider produced in this window (`open`) are served or
 * reloaded. Any other URI (typed, linked, restored after a reload) names a profile,
 * region and ARN someone else chose: it is refused without a signed call.
 */
export class JsonDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly docs = new DocumentCache<{ uri: vscode.Uri; ref: ResourceRef; data: object; version?: string }>((key) =>
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
    this.docs.set(key, { uri, ref, data, version });
    if (known && known.data !== data) this.emitter.fire(uri);
    return uri;
  }

  /** Shows a resource as a read-only JSON document (updating it when already open). */
  async open(holder: ResourceHolder): Promise<vscode.TextEditor> {
    if (!isResourceHolder(holder)) throw new Error(vscode.l10n.t('Nothing to show as JSON.'));
    const uri = this.uriFor(holder.resource);
    const key = uri.toString();
    const known = this.docs.get(key);
    this.docs.set(key, { uri, ref: holder.resource, data: holder.data });
    if (known && known.data !== holder.data) this.emitter.fire(uri);
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
      this.docs.set(uri.toString(), { uri: known.uri, ref, data: await loadVersion(api, kind, ref.arn, version), version });
      this.emitter.fire(uri);
      return;
    }
    const data = await fetchResource(api, ref);
    if (data === undefined) return;
    this.docs.set(uri.toString(), { uri: known.uri, ref, data });
    this.emitter.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const entry = this.docs.get(uri.toString());
    if (!entry) {
      this.services.log.warn(`documents: refused ${JSON_SCHEME}: document not opened from the explorer in this window`);
      const error = vscode.l10n.t(
        'This document was not opened from the License Manager explorer in this window, so nothing was loaded. Open the item again from the explorer.',
      );
      return `${JSON.stringify({ error }, null, 2)}\n`;
    }
    return entry.version !== undefined ? canonicalJson(entry.data) : `${JSON.stringify(entry.data, null, 2)}\n`;
  }

  dispose(): void {
    for (const timer of this.closing) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
