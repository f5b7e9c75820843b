import * as vscode from 'vscode';
import { fetchResource } from '../data/fetchResource';
import { lastArnPart } from '../model/arn';
import { ALL_LISTS } from '../model/resourceLists';
import { isResourceHolder, type ResourceHolder, type ResourceKind, type ResourceRef } from '../model/resources';
import type { Services } from '../services';

export const JSON_SCHEME = 'license-manager-json';

/** Every kind a document can show: the items of the lists, and usage records and associations. */
const KINDS: readonly ResourceKind[] = [...ALL_LISTS.map((l) => l.kind), 'usage', 'association'];

/** A name safe in a URI path segment, derived from an ARN's last part. */
function fileName(arn: string): string {
  return (lastArnPart(arn).replace(/[^A-Za-z0-9._-]/g, '_') || 'resource').slice(0, 80);
}

/**
 * Read-only JSON documents (`license-manager-json:`) of loaded resources,
 * pretty-printed. A document updates when its resource changes through the
 * extension, when it is opened again from a refreshed item, or on `refresh`.
 */
export class JsonDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly docs = new Map<string, { ref: ResourceRef; data: object }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly services: Services) {
    this.disposables.push(
      services.changes.event((change) => {
        const arns = new Set(change.arns);
        for (const [uri, entry] of this.docs) {
          if (arns.has(entry.ref.arn)) void this.refresh(vscode.Uri.parse(uri)).catch(() => undefined);
        }
      }),
    );
  }

  /** The document URI of a resource: `license-manager-json:/<profile>/<region>/<kind>/<name>.json?<arn>`. */
  uriFor(ref: ResourceRef): vscode.Uri {
    const path = [ref.profile, ref.region, ref.kind, `${fileName(ref.arn)}.json`].map(encodeURIComponent).join('/');
    return vscode.Uri.from({ scheme: JSON_SCHEME, path: `/${path}`, query: new URLSearchParams({ arn: ref.arn }).toString() });
  }

  /** The resource a document URI names. */
  refOf(uri: vscode.Uri): ResourceRef | undefined {
    const [profile, region, kind] = uri.path.split('/').slice(1).map(decodeURIComponent);
    const arn = new URLSearchParams(uri.query).get('arn') ?? '';
    if (!profile || !region || !KINDS.includes(kind as ResourceKind)) return undefined;
    return { kind: kind as ResourceKind, profile, region, arn };
  }

  /** Shows a resource as a read-only JSON document (updating it when already open). */
  async open(holder: ResourceHolder): Promise<vscode.TextEditor> {
    if (!isResourceHolder(holder)) throw new Error(vscode.l10n.t('Nothing to show as JSON.'));
    const uri = this.uriFor(holder.resource);
    const key = uri.toString();
    const known = this.docs.get(key);
    this.docs.set(key, { ref: holder.resource, data: holder.data });
    if (known && known.data !== holder.data) this.emitter.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const shown = doc.languageId === 'json' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'json');
    return vscode.window.showTextDocument(shown, { preview: false });
  }

  /** Loads the resource of a document again and updates the document. */
  async refresh(uri: vscode.Uri): Promise<void> {
    const ref = this.refOf(uri);
    if (!ref) return;
    const api = (await this.services.clients()).get(ref.profile, ref.region);
    const data = await fetchResource(api, ref);
    if (data === undefined) return;
    this.docs.set(uri.toString(), { ref, data });
    this.emitter.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let entry = this.docs.get(uri.toString());
    if (!entry) {
      const ref = this.refOf(uri);
      if (!ref) return JSON.stringify({ error: vscode.l10n.t('Unknown document.') }, null, 2);
      try {
        await this.refresh(uri);
      } catch (e) {
        return JSON.stringify({ error: e instanceof Error ? e.message : String(e) }, null, 2);
      }
      entry = this.docs.get(uri.toString());
      if (!entry) return JSON.stringify({ error: vscode.l10n.t('Open this item again from the explorer.') }, null, 2);
    }
    return `${JSON.stringify(entry.data, null, 2)}\n`;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}
