/** The license a checkout command works on: read afresh from AWS before anything is generated or consumed. */
import * as vscode from 'vscode';
import type { GrantedLicense, License, LicenseManagerApi } from '../aws/types';
import { loadResource } from '../data/fetchResource';
import { isResourceHolder, type ResourceHolder, type ResourceRef } from '../model/resources';
import { isLicenseKind } from '../model/resourceLists';
import type { Services } from '../services';
import { Cancelled } from '../shared/cancelled';
import { t, withProgress } from '../ui/window';

export interface LicenseTarget {
  readonly ref: ResourceRef;
  /** As AWS answered just now (a received license keeps its ReceivedMetadata). */
  readonly license: License | GrantedLicense;
  /** Issued by the caller's account (listed under Licenses): checkouts then name the Beneficiary. */
  readonly issuedByCaller: boolean;
  readonly api: LicenseManagerApi;
}

/** True for an issued or received license. */
export const isLicenseHolder = (x: unknown): x is ResourceHolder =>
  isResourceHolder(x) && isLicenseKind(x.resource.kind);

/** Runs `task` under a cancellable progress notification; cancelling aborts the AWS call. */
export function withAwsProgress<R>(title: string, task: (signal: AbortSignal) => Promise<R>): Promise<R> {
  return Promise.resolve(
    withProgress({ location: vscode.ProgressLocation.Notification, title: t(title), cancellable: true }, async (_p, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await task(abort.signal);
      } catch (e) {
        if (token.isCancellationRequested) throw new Cancelled();
        throw e;
      } finally {
        sub.dispose();
      }
    }),
  );
}

/** Reads the license of `holder` again through its (profile, region). */
export async function readLicense(services: Services, holder: ResourceHolder): Promise<LicenseTarget> {
  const ref: ResourceRef = { ...holder.resource };
  const api = (await services.clients()).get(ref.profile, ref.region);
  const license = (await withAwsProgress('Reading the license…', (signal) => loadResource(api, ref, signal))) as License;
  return { ref, license, issuedByCaller: ref.kind === 'license', api };
}
