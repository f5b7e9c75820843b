/**
 * Diffs of two versions of a grant or license in VS Code's diff editor, on two
 * read-only `license-manager-json:` documents.
 */
import * as vscode from 'vscode';
import type { Grant, License, LicenseManagerApi } from '../aws/types';
import { loadGrantVersions, loadLicenseVersions, loadVersion, notAVersion } from '../data/history';
import { lastArnPart } from '../model/arn';
import { historyKind, versionDiffTitle } from '../model/history';
import type { ResourceHolder, ResourceRef } from '../model/resources';
import { isVersion, VERSION_WINDOW, versionWindow } from '../model/versions';
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

/** What a version pick offers: the newest versions, newest first, and how far the older ones go. */
export interface VersionChoices {
  /** Newest first, at most `VERSION_WINDOW`. */
  readonly choices: VersionChoice[];
  /** Older versions, from 1 up to this one, exist but are not offered one by one (they are typed). */
  readonly olderThrough?: string;
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
  return isVersion(v) ? v : undefined;
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

/** Every listed version of a license that is a version number, newest first, each once. */
async function licenseVersions(api: LicenseManagerApi, arn: string, signal: AbortSignal): Promise<VersionChoice[]> {
  const versions = await loadLicenseVersions(api, arn, { signal });
  const seen = new Set<string>();
  const out: VersionChoice[] = [];
  for (const l of versions) {
    const version = l.Version;
    if (!isVersion(version) || seen.has(version)) continue;
    seen.add(version);
    out.push({ version, description: [l.Status, l.CreateTime].filter(Boolean).join(' · ') });
  }
  return out.sort((a, b) => byNumber(b.version, a.version));
}

/**
 * The versions of a resource a pick offers, a bounded window whatever the service answers: a
 * license's newest listed versions; a grant's newest page read with GetGrant (with status), then
 * the numbers below it without, up to `VERSION_WINDOW` in all. Older ones are typed.
 */
export function listVersions(services: Services, holder: ResourceHolder): Thenable<VersionChoices> {
  const ref = holder.resource;
  const kind = kindOf(ref);
  return withProgress(t('Reading the versions of {0}…', resourceName(holder)), async (signal): Promise<VersionChoices> => {
    const api = (await services.clients()).get(ref.profile, ref.region);
    if (kind === 'license') {
      const all = await licenseVersions(api, ref.arn, signal);
      const choices = all.slice(0, VERSION_WINDOW);
      return all.length > choices.length ? { choices, olderThrough: all[choices.length].version } : { choices };
    }
    const page = await loadGrantVersions(api, ref.arn, { signal });
    const known = page.versions
      .filter((g: Grant) => isVersion(g.Version))
      .map((g: Grant) => ({ version: g.Version, description: [g.GrantStatus, g.StatusReason].filter(Boolean).join(' · ') }));
    if (page.older === undefined || known.length === 0) return { choices: known };
    const rest = versionWindow(known[0].version, String(page.older + 1), Math.max(0, VERSION_WINDOW - known.length));
    const choices = [...known, ...rest.versions.map((version) => ({ version }))];
    return rest.older !== undefined ? { choices, olderThrough: String(Number(rest.older) - 1) } : { choices };
  });
}

/** The version before `version` (grants: one less; licenses: the previous one listed), or undefined. */
export async function previousVersion(services: Services, holder: ResourceHolder, version: string): Promise<string | undefined> {
  if (!isVersion(version)) return undefined;
  if (kindOf(holder.resource) === 'grant') return Number(version) > 1 ? String(Number(version) - 1) : undefined;
  const ref = holder.resource;
  const all = await withProgress(t('Reading the versions of {0}…', resourceName(holder)), async (signal) =>
    licenseVersions((await services.clients()).get(ref.profile, ref.region), ref.arn, signal),
  );
  return all.find((v) => byNumber(v.version, version) < 0)?.version;
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
  if (!isVersion(a) || !isVersion(b)) throw notAVersion();
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
