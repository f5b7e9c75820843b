import * as vscode from 'vscode';
import { t, withProgress } from '../ui/window';
import { isLicenseManagerError, type LicenseManagerError } from '../aws/errors';
import { judgeOutcome, mayHaveLanded, type Reread as ReadState, type Verdict } from '../model/mutationOutcome';
import type { LicenseManagerApi } from '../aws/types';
import type { Expectation } from '../model/mutationOutcome';
import type { GrantDeps } from './deps';

/** The grant as read again, with its ARN when the read found one (CreateGrant). */
export type Reread = (ReadState & { readonly grantArn?: string }) | 'notFound';

/** What `checkOutcome` needs of a grant action. */
export interface OutcomeCheck {
  readonly ctx: GrantDeps;
  readonly key: string;
  readonly profile: string;
  readonly region: string;
  readonly operation: string;
  readonly expect: Expectation;
  reread(api: LicenseManagerApi, signal: AbortSignal): Promise<Reread>;
}

/** What reading the grant again told about a failed write. */
export interface Checked {
  readonly verdict: Verdict;
  readonly status: string;
  readonly version: string;
  readonly grantArn?: string;
}

/**
 * After a write failed in a way that may follow a commit, reads the grant again
 * (with its own deadline and Cancel) and judges whether the write landed.
 * Undefined when the failure happened before anything was written; `unknown`
 * when the read itself fails or is cancelled.
 */
export async function checkOutcome(spec: OutcomeCheck, e: LicenseManagerError): Promise<Checked | undefined> {
  if (!mayHaveLanded(e.kind)) return undefined;
  const { ctx, profile, region } = spec;
  try {
    const reread = await withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: t('Checking whether {0} took effect…', spec.operation),
        cancellable: true,
      },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          const factory = await ctx.services.clients();
          return await spec.reread(factory.get(profile, region), abort.signal);
        } catch (err) {
          if (isLicenseManagerError(err) && err.kind === 'notFound') return 'notFound' as const;
          throw err;
        } finally {
          sub.dispose();
        }
      },
    );
    const verdict = judgeOutcome(spec.expect, reread);
    ctx.services.log.info(`${spec.operation} on ${spec.key} failed (${e.kind}); read again: ${verdict}`);
    if (reread === 'notFound') return { verdict, status: spec.expect.status, version: spec.expect.before?.version ?? '' };
    return { verdict, status: reread.status, version: reread.version, grantArn: reread.grantArn };
  } catch (err) {
    ctx.services.log.warn(`${spec.operation} on ${spec.key}: reading the grant again failed: ${err instanceof Error ? err.message : String(err)}`);
    return { verdict: 'unknown', status: '', version: '' };
  }
}
