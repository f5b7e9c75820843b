/**
 * Loads a grant's earlier versions on demand: a page of versions at a time,
 * newest first, with a few GetGrant calls in flight.
 */
import { LicenseManagerError } from '../aws/errors';
import type { CallOptions, Grant, License, LicenseManagerApi } from '../aws/types';
import { isVersion } from '../model/versions';
import { fanOut } from './fanOut';

/** Versions per page of the History section. */
export const HISTORY_PAGE_SIZE = 20;
/** GetGrant calls in flight at most while loading history. */
export const HISTORY_CONCURRENCY = 4;

/** One page of a grant's versions. */
export interface GrantVersionsPage {
  /** Newest first. */
  readonly versions: Grant[];
  /** The version to continue from ("Show older"); absent once version 1 is loaded. */
  readonly older?: number;
}

/** Options of `loadGrantVersions`. */
export interface GrantVersionsOptions extends CallOptions {
  /**
   * Newest version of the page. Omitted: the grant's current version, read with
   * GetGrant (or taken from `current` when the caller has it).
   */
  readonly from?: number;
  /** The grant as last read, to start from its version without reading it again. */
  readonly current?: Grant;
  /** Versions per page; default 20. */
  readonly pageSize?: number;
  /** Calls in flight at most; default 4. */
  readonly concurrency?: number;
}

/**
 * Reads versions `from`, `from - 1`, … (one page) of a grant with GetGrant and
 * `Version`, at most `concurrency` at a time. Rejects with the first failure
 * (a `LicenseManagerError`), or with the signal's reason once aborted.
 */
export async function loadGrantVersions(
  api: Pick<LicenseManagerApi, 'getGrant'>,
  grantArn: string,
  options: GrantVersionsOptions = {},
): Promise<GrantVersionsPage> {
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? HISTORY_PAGE_SIZE));
  options.signal?.throwIfAborted();
  let known: Grant | undefined;
  let from = options.from;
  if (from !== undefined && !isVersion(String(from))) throw notAVersion();
  if (from === undefined) {
    known = options.current ?? (await api.getGrant(grantArn));
    // A version that is no version number (or beyond ten digits) is shown, never counted down from.
    if (!isVersion(known.Version)) return { versions: [known] };
    from = Number(known.Version);
  }
  const wanted = Array.from({ length: Math.min(pageSize, from) }, (_, i) => from - i);
  const toFetch = wanted.filter((v) => String(v) !== known?.Version);
  const settled = await fanOut(
    toFetch,
    async (v) => {
      const g = await api.getGrant(grantArn, String(v));
      options.signal?.throwIfAborted();
      return g;
    },
    { limit: options.concurrency ?? HISTORY_CONCURRENCY, signal: options.signal },
  );
  options.signal?.throwIfAborted();
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const fetched = new Map(toFetch.map((v, i) => [v, (settled[i] as PromiseFulfilledResult<Grant>).value]));
  const versions = wanted.map((v) => (known && String(v) === known.Version ? known : fetched.get(v)!));
  const oldest = wanted[wanted.length - 1];
  return oldest > 1 ? { versions, older: oldest - 1 } : { versions };
}

/** Versions of a license read at most (ListLicenseVersions pages of 100). */
export const LICENSE_VERSIONS_MAX = 1000;

/**
 * Every version of a license from ListLicenseVersions, paging through at most
 * `LICENSE_VERSIONS_MAX` versions (oldest first, as the API lists them).
 */
export async function loadLicenseVersions(
  api: Pick<LicenseManagerApi, 'listLicenseVersions'>,
  licenseArn: string,
  options: CallOptions = {},
): Promise<License[]> {
  const out: License[] = [];
  let nextToken: string | undefined;
  do {
    options.signal?.throwIfAborted();
    const page = await api.listLicenseVersions(licenseArn, { maxResults: 100, nextToken }, options);
    out.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken && out.length < LICENSE_VERSIONS_MAX);
  return out;
}

/** Refusal of a version that is no version number (checked before it goes into a call). */
export function notAVersion(): LicenseManagerError {
  return new LicenseManagerError('invalidInput', 'That is not a version number (1 to 10 digits, no leading zero).', { code: 'InvalidVersion' });
}

/** One version of a grant (GetGrant with Version) or of a license (GetLicense with Version); rejects a version that is no version number. */
export function loadVersion(
  api: Pick<LicenseManagerApi, 'getGrant' | 'getLicense'>,
  kind: 'grant' | 'license',
  arn: string,
  version: string,
  options: CallOptions = {},
): Promise<Grant | License> {
  if (!isVersion(version)) return Promise.reject(notAVersion());
  return kind === 'grant' ? api.getGrant(arn, version, options) : api.getLicense(arn, version, options);
}
