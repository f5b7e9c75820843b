/**
 * Version history of grants and licenses: what each version changed from the
 * one before, and a canonical JSON text of one version for a diff editor.
 */
import type { Grant, License } from '../aws/types';
import type { ResourceKind } from './resources';
import { listOfKind } from './resourceLists';

/** One member that differs between a version and the one before it. */
export interface HistoryChange {
  /**
   * Path of the member: `GrantName`, `Validity.End`, `Entitlements[Users].MaxCount`
   * (list items with a `Name` are matched by name), `GrantedOperations`.
   */
  readonly member: string;
  /** Text before; absent when the member was added. */
  readonly before?: string;
  /** Text after; absent when the member was removed. */
  readonly after?: string;
}

/** One version, as the History section lists it (newest first). */
export interface HistoryEntry {
  readonly version: string;
  /** GrantStatus of a grant, Status of a license. */
  readonly status?: string;
  /** The previous version's status when it differs. */
  readonly previousStatus?: string;
  /** StatusReason (grants only). */
  readonly statusReason?: string;
  /** When the version was created, where the API says (licenses: `CreateTime`; grants have no time). */
  readonly time?: string;
  /** What changed from the previous version, status and reason aside; empty for the first version. */
  readonly changes: readonly HistoryChange[];
  /** True for the oldest version in the list (nothing to compare with). */
  readonly first: boolean;
}

/** Members that are not content: never reported as changes. */
const NOT_CHANGES = new Set(['Version', 'CreateTime', 'GrantStatus', 'Status', 'StatusReason']);

function versionNumber(v: string | undefined): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : -Infinity;
}

/** Newest first by numeric `Version`. */
function newestFirst<T extends { Version?: string }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => versionNumber(b.Version) - versionNumber(a.Version) || String(b.Version).localeCompare(String(a.Version)));
}

function text(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && v !== null) return JSON.stringify(sortKeys(v));
  return String(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Leaf paths of a value: nested members dotted, named list items by name, other lists as one text. */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (value === undefined || value === null) return out;
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else if (Array.isArray(value) && value.length > 0 && value.every((x) => isRecord(x) && typeof x.Name === 'string')) {
    for (const item of value as Record<string, unknown>[]) {
      const { Name, ...rest } = item;
      const at = `${path}[${String(Name)}]`;
      out.set(at, String(Name));
      for (const [k, v] of Object.entries(rest)) leaves(v, `${at}.${k}`, out);
    }
  } else if (Array.isArray(value)) {
    out.set(path, value.every((x) => typeof x === 'string') ? value.join(', ') : text(value));
  } else {
    out.set(path, text(value));
  }
  return out;
}

/** The members that differ between two versions (status, reason, version and time aside). */
export function changesBetween(before: object, after: object): HistoryChange[] {
  const pick = (o: object) =>
    leaves(Object.fromEntries(Object.entries(o).filter(([k]) => !NOT_CHANGES.has(k))), '', new Map<string, string>());
  const a = pick(before);
  const b = pick(after);
  const changes: HistoryChange[] = [];
  for (const member of [...new Set([...a.keys(), ...b.keys()])]) {
    const was = a.get(member);
    const now = b.get(member);
    if (was === now) continue;
    // An added or removed named item is one change, not one per member.
    const owner = /^(.*\[[^\]]*\])\./.exec(member)?.[1];
    if (owner && (a.has(owner) !== b.has(owner))) continue;
    changes.push({ member, ...(was !== undefined ? { before: was } : {}), ...(now !== undefined ? { after: now } : {}) });
  }
  return changes;
}

function history<T extends { Version?: string }>(
  versions: readonly T[],
  status: (v: T) => string | undefined,
  extra: (v: T) => { statusReason?: string; time?: string },
): HistoryEntry[] {
  const sorted = newestFirst(versions);
  return sorted.map((v, i) => {
    const previous = sorted[i + 1];
    const now = status(v);
    const was = previous ? status(previous) : undefined;
    const { statusReason, time } = extra(v);
    return {
      version: String(v.Version ?? ''),
      ...(now !== undefined ? { status: now } : {}),
      ...(previous && was !== now && was !== undefined ? { previousStatus: was } : {}),
      ...(statusReason !== undefined ? { statusReason } : {}),
      ...(time !== undefined ? { time } : {}),
      changes: previous ? changesBetween(previous, v) : [],
      first: !previous,
    };
  });
}

/** History of a grant from its versions (any order, e.g. GetGrant with each Version). */
export function grantHistory(versions: readonly Grant[]): HistoryEntry[] {
  return history(versions, (g) => g.GrantStatus, (g) => (g.StatusReason !== undefined ? { statusReason: g.StatusReason } : {}));
}

/** History of a license from ListLicenseVersions (any order). */
export function licenseHistory(versions: readonly License[]): HistoryEntry[] {
  return history(versions, (l) => l.Status, (l) => (l.CreateTime !== undefined ? { time: l.CreateTime } : {}));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value instanceof Date ? value.toISOString() : value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

/**
 * Pretty JSON of one version with members in a stable (sorted) order at every
 * depth, list order kept, and a final newline, so two versions diff line by line.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** Which version history a resource kind has: grants (GetGrant with Version), licenses (ListLicenseVersions), or none. */
export function historyKind(kind: ResourceKind): 'grant' | 'license' | undefined {
  return listOfKind(kind)?.history;
}

/** The title of a diff between two versions: "Name: v3 ↔ v4". */
export function versionDiffTitle(name: string, older: string, newer: string): string {
  return `${name}: v${older} ↔ v${newer}`;
}
