/**
 * What a grant write did when its answer was lost: reads the grant again and judges. A write on an
 * existing grant is read back by ARN (current at once). A new grant can only be found through a
 * list, which lags behind: it is looked for on every page, by what the request named, leaving out
 * grants of that name that existed before the request was sent, and looked for again until the
 * deadline; not finding it leaves the outcome unknown. No `vscode` here: the flow shows progress.
 */
import { isLicenseManagerError, type LicenseManagerError } from '../aws/errors';
import type { CallOptions, Grant, LicenseManagerApi, Page, PageRequest } from '../aws/types';
import { judgeOutcome, mayHaveLanded, type Reread as ReadState, type Verdict } from '../model/mutationOutcome';
import type { Expectation } from '../model/mutationOutcome';

/** The grant as read again, with its ARN when the read found one (CreateGrant). */
export type Reread = (ReadState & { readonly grantArn?: string }) | 'notFound';

/** What `checkOutcome` needs of a grant action. */
export interface OutcomeCheck {
  readonly key: string;
  readonly operation: string;
  readonly expect: Expectation;
  reread(api: LicenseManagerApi, signal: AbortSignal): Promise<Reread>;
}

/** Where and how long `checkOutcome` reads. */
export interface OutcomeReading {
  readonly api: LicenseManagerApi;
  /** Aborts the reading (the user's Cancel): the outcome is then unknown. */
  readonly signal: AbortSignal;
  /** How long a new grant is looked for again when a list does not show it yet. */
  readonly deadlineMs: number;
  /** Pause between two looks; default 1 s. */
  readonly intervalMs?: number;
  readonly log: (line: string) => void;
  /** Clock and pause, replaceable in tests. */
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** What reading the grant again told about a failed write. */
export interface Checked {
  readonly verdict: Verdict;
  readonly status: string;
  readonly version: string;
  readonly grantArn?: string;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    function abort(): void {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('Cancelled'));
    }
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

/**
 * After a write failed in a way that may follow a commit, reads the grant again and judges whether
 * the write landed. Undefined when the failure happened before anything was written; `unknown` when
 * a read fails or is cancelled, and when a new grant is still not found at the deadline.
 */
export async function checkOutcome(spec: OutcomeCheck, e: LicenseManagerError, reading: OutcomeReading): Promise<Checked | undefined> {
  if (!mayHaveLanded(e.kind, e.details.attempts)) return undefined;
  const now = reading.now ?? Date.now;
  const sleep = reading.sleep ?? pause;
  const interval = reading.intervalMs ?? 1000;
  const end = now() + reading.deadlineMs;
  const isNew = spec.expect.before === undefined;
  try {
    let reread: Reread;
    for (let look = 1; ; look++) {
      reread = await readOnce(spec, reading);
      const left = end - now();
      if (reread !== 'notFound' || !isNew || left <= 0) break;
      reading.log(`${spec.operation} on ${spec.key}: not listed yet (look ${look}); looking again`);
      await sleep(Math.min(interval, left), reading.signal);
    }
    const verdict = judgeOutcome(spec.expect, reread);
    reading.log(`${spec.operation} on ${spec.key} failed (${e.kind}); read again: ${verdict}`);
    if (reread === 'notFound') return { verdict, status: spec.expect.status, version: spec.expect.before?.version ?? '' };
    return { verdict, status: reread.status, version: reread.version, grantArn: reread.grantArn };
  } catch (err) {
    reading.log(`${spec.operation} on ${spec.key}: reading the grant again failed: ${err instanceof Error ? err.message : String(err)}`);
    return { verdict: 'unknown', status: '', version: '' };
  }
}

async function readOnce(spec: OutcomeCheck, reading: OutcomeReading): Promise<Reread> {
  try {
    return await spec.reread(reading.api, reading.signal);
  } catch (err) {
    if (isLicenseManagerError(err) && err.kind === 'notFound') return 'notFound';
    throw err;
  }
}

/** Pages read at most while looking for a new grant. */
export const NEW_GRANT_MAX_PAGES = 100;

/** What a CreateGrant request named, by which its grant is found again. */
export interface NewGrantRequest {
  readonly licenseArn: string;
  readonly principal: string;
  readonly grantName: string;
}

/**
 * Finds the grant a CreateGrant request made: `before` (called just before sending) notes the
 * grants of that license, principal and name that already exist; `reread` then finds one that was
 * not there. When `before` could not list, a grant of that name cannot be told from an older one
 * and the reading fails (outcome unknown) rather than saying it landed.
 */
export class NewGrantSearch {
  private existing: ReadonlySet<string> | undefined;

  constructor(private readonly request: NewGrantRequest) {}

  async before(api: LicenseManagerApi, signal: AbortSignal): Promise<void> {
    try {
      this.existing = new Set((await this.named(api, signal)).map((g) => g.GrantArn));
    } catch {
      this.existing = undefined;
    }
  }

  readonly reread = async (api: LicenseManagerApi, signal: AbortSignal): Promise<Reread> => {
    const named = await this.named(api, signal);
    const existing = this.existing;
    if (existing === undefined) {
      if (named.length > 0) throw new Error(`grants named “${this.request.grantName}” exist, and which existed before could not be listed`);
      return 'notFound';
    }
    const found = named.filter((g) => !existing.has(g.GrantArn));
    if (found.length > 1) throw new Error(`${found.length} new grants named “${this.request.grantName}”`);
    const g = found[0];
    return g ? { status: g.GrantStatus, version: g.Version, grantArn: g.GrantArn } : 'notFound';
  };

  /** Every distributed grant of the license and principal with the requested name, over every page. */
  private async named(api: LicenseManagerApi, signal: AbortSignal): Promise<Grant[]> {
    const { licenseArn, principal, grantName } = this.request;
    const filters = [
      { Name: 'LicenseArn', Values: [licenseArn] },
      { Name: 'GranteePrincipalARN', Values: [principal] },
    ];
    const list = (req: PageRequest, opts: CallOptions): Promise<Page<Grant>> => api.listDistributedGrants({ ...req, filters }, opts);
    const out: Grant[] = [];
    const seen = new Set<string>();
    let nextToken: string | undefined;
    for (let pages = 0; pages < NEW_GRANT_MAX_PAGES; pages++) {
      const page = await list({ maxResults: 100, nextToken }, { signal });
      out.push(...page.items.filter((g) => g.GrantName === grantName));
      nextToken = page.nextToken || undefined;
      if (nextToken === undefined) return out;
      if (seen.has(nextToken)) throw new Error('the grant list repeats a page token');
      seen.add(nextToken);
    }
    throw new Error(`more than ${NEW_GRANT_MAX_PAGES} pages of grants`);
  }
}
