/**
 * Diffs of two versions of a grant or license in VS Code's diff editor, on two
 * read-only `license-manager-json:` documents.
 */
import * as vscode from 'vscode';
import type { Grant, License } from '../aws/types';
import { loadGrantVersions, loadLicenseVersions, loadVersion } from '../data/history';
import { lastArnPart } from '../model/arn';
import { historyKind, versionDiffTitle } from '../model/history';
import type { ResourceHolder, ResourceRef } from '../model/resources';
import type { Services } from '../services';
import { Cancelled } from '../shared/cancelled';
import { t, uiText, withProgress as showProgress, type UiText } from '../ui/window';
import type { JsonDocumentProvider } from './jsonDocumentProvider';

/** One version as a pick shows it. */
export interface VersionChoice {
  readonly version: string;
  /** Status and time where known. */
  readonly description?: string;
}

const byNumber = (a: string, b: string): number => Number(a) - Number(b);

/** The display name of a grant or license: its name, else the ARN's last part. */
export function resourceName(holder: ResourceHolder): string {
  const d = holder.data as { GrantName?: unknown; LicenseName?: unknown; ProductName?: unknown };
  const name = [d.GrantName, d.LicenseName, d.ProductName].find((x): x is string => typeof x === 'string' && x !== '');
  return name ?? lastArnPart(holder.resource.arn);
}

/** The version a holder shows (its `Version`). */
export function currentVersion(holder: ResourceHolder): string | undefined {
  const v = (holder.data as { Version?: unknown }).Version;
  return typeof v === 'string' && /^[1-9][0-9]*$/.test(v) ? v : undefined;
}

function kindOf(ref: ResourceRef): 'grant' | 'license' {
  const kind = historyKind(ref.kind);
  if (!kind) throw new Error(vscode.l10n.t('Only grants and licenses have versions.'));
  return kind;
}

/** Runs AWS calls under a cancellable progress notification. */
function withProgress<T>(title: UiText, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return showProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort(new Cancelled()));
    try {
      return await work(abort.signal);
    } catch (e) {
      if (abort.signal.aborted) throw new Cancelled();
      throw e;
    } finally {
      sub.dispose();
    }
  });
}

/**
 * The versions of a resource, oldest first: every license version from
 * ListLicenseVersions; a grant's newest page read with GetGrant (with status) and
 * the older numbers without.
 */
export function listVersions(services: Services, holder: ResourceHolder): Thenable<VersionChoice[]> {
  const ref = holder.resource;
  const kind = kindOf(ref);
  return withProgress(t('Reading the versions of {0}…', resourceName(holder)), async (signal) => {
    const api = (await services.clients()).get(ref.profile, ref.region);
    if (kind === 'license') {
      const versions = await loadLicenseVersions(api, ref.arn, { signal });
      return versions
        .filter((l) => l.Version !== undefined)
        .map((l) => ({ version: String(l.Version), description: [l.Status, l.CreateTime].filter(Boolean).join(' · ') }))
        .sort((a, b) => byNumber(a.version, b.version));
    }
    const page = await loadGrantVersions(api, ref.arn, { signal });
    const known = page.versions.map((g: Grant) => ({ version: String(g.Version), description: [g.GrantStatus, g.StatusReason].filter(Boolean).join(' · ') }));
    const older = Array.from({ length: page.older ?? 0 }, (_, i) => ({ version: String(i + 1) }));
    return [...older, ...known].sort((a, b) => byNumber(a.version, b.version));
  });
}

/** The version before `version` (grants: one less; licenses: the previous one listed), or undefined. */
export async function previousVersion(services: Services, holder: ResourceHolder, version: string): Promise<string | undefined> {
  if (kindOf(holder.resource) === 'grant') return Number(version) > 1 ? String(Number(version) - 1) : undefined;
  const versions = await listVersions(services, holder);
  const older = versions.filter((v) => byNumber(v.version, version) < 0);
  return older[older.length - 1]?.version;
}

/** Reads two versions and opens them side by side in the diff editor, older on the left. */
export async function openVersionDiff(
  services: Services,
  json: JsonDocumentProvider,
  holder: ResourceHolder,
  a: string,
  b: string,
): Promise<void> {
  const ref = holder.resource;
  const kind = kindOf(ref);
  const [older, newer] = [a, b].sort(byNumber);
  const name = resourceName(holder);
  const [left, right] = await withProgress(t('Reading versions {0} and {1} of {2}…', older, newer, name), async (signal) => {
    const api = (await services.clients()).get(ref.profile, ref.region);
    return Promise.all([older, newer].map((v) => loadVersion(api, kind, ref.arn, v, { signal }) as Promise<Grant | License>));
  });
  const leftUri = json.putVersion(ref, older, left);
  const rightUri = json.putVersion(ref, newer, right);
  await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, uiText(versionDiffTitle(name, older, newer)), { preview: false });
}
