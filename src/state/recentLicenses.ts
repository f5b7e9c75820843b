/**
 * The issued licenses this window created or changed, as read back by ARN, laid over ListLicenses
 * while that list still answers an older version (or, for a new license, nothing): the same rule as
 * the grant overlay in recentChanges.ts, keyed by license ARN and version, until a list shows that
 * version or newer or the entry expires.
 */
import type { Filter, License } from '../aws/types';
import { compareVersions, isVersion } from '../model/versions';

/** Where an issued license is listed: the profile and region whose ListLicenses returns it. */
export interface LicensePlace {
  readonly profile: string;
  readonly region: string;
}

/** One page of ListLicenses, as the overlay needs to know it. */
export interface LicensePage extends LicensePlace {
  readonly filters?: readonly Filter[];
  readonly arns?: readonly string[];
  /** The service said this is the last page. */
  readonly last: boolean;
}

interface Entry {
  license: License & { LicenseArn: string; Version: string };
  readonly place: LicensePlace;
  listed: boolean;
  expires: number;
}

/** The ListLicenses filters a change can affect, by the license member they compare. */
const FILTERED_MEMBER: Readonly<Record<string, keyof License>> = { Status: 'Status' };

export class RecentLicenses {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
    private readonly limit: number,
  ) {}

  /** A license as read back by ARN after this window created or changed it at `place`. */
  record(license: License, place: LicensePlace): void {
    const arn = license.LicenseArn;
    const version = license.Version;
    if (arn === undefined || !isVersion(version)) return;
    const known = this.entries.get(arn);
    if (known && (compareVersions(version, known.license.Version) ?? -1) < 0) return;
    this.entries.delete(arn);
    this.entries.set(arn, { license: { ...license, LicenseArn: arn, Version: version }, place, listed: false, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** A read by ARN (current): replaces what is known when as new or newer, else the change is gone. */
  noteRead(license: License): void {
    const known = license.LicenseArn === undefined ? undefined : this.entries.get(license.LicenseArn);
    if (!known) return;
    const cmp = compareVersions(license.Version, known.license.Version);
    if (cmp === undefined || cmp < 0) this.entries.delete(known.license.LicenseArn);
    else if (isVersion(license.Version)) known.license = { ...license, LicenseArn: known.license.LicenseArn, Version: license.Version };
  }

  /** Forgets one license (the service no longer holds it). */
  forget(arn: string): void {
    this.entries.delete(arn);
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * One page of ListLicenses with the changes laid over it: an item older than a change shows the
   * change (and leaves the page when it no longer matches the page's filters); on the last page, a
   * license no list has shown yet is added where it belongs.
   */
  merge(items: readonly License[], page: LicensePage): License[] {
    this.prune();
    if (this.entries.size === 0) return [...items];
    const out: License[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const entry = item.LicenseArn === undefined ? undefined : this.entries.get(item.LicenseArn);
      if (item.LicenseArn !== undefined) seen.add(item.LicenseArn);
      const cmp = entry ? compareVersions(item.Version, entry.license.Version) : undefined;
      if (!entry || cmp === undefined || cmp >= 0) {
        if (entry && cmp !== undefined) entry.listed = true;
        out.push(item);
        continue;
      }
      if (matches(entry.license, page.filters)) out.push(entry.license);
    }
    if (!page.last) return out;
    for (const [arn, entry] of this.entries) {
      if (seen.has(arn) || entry.listed) continue;
      if (entry.place.profile !== page.profile || entry.place.region !== page.region) continue;
      if (page.arns && page.arns.length > 0 && !page.arns.includes(arn)) continue;
      if (matches(entry.license, page.filters, true)) out.push(entry.license);
    }
    return out;
  }

  private prune(): void {
    const now = this.now();
    for (const [arn, entry] of this.entries) if (entry.expires <= now) this.entries.delete(arn);
  }
}

/** True when the license passes the filters a change can affect; with `strict`, false for any other filter too. */
function matches(license: License, filters: readonly Filter[] | undefined, strict = false): boolean {
  for (const f of filters ?? []) {
    const member = FILTERED_MEMBER[f.Name];
    if (member === undefined) {
      if (strict) return false;
      continue;
    }
    if (!f.Values.includes(String(license[member] ?? ''))) return false;
  }
  return true;
}
