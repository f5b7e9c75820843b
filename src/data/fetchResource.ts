import { LicenseManagerError } from '../aws/errors';
import type { LicenseManagerApi } from '../aws/types';
import { listOfKind } from '../model/resourceLists';
import type { ResourceRef } from '../model/resources';

/**
 * Loads one resource afresh. Undefined for kinds that cannot be loaded alone
 * (usage records and associations). Rejects with a `LicenseManagerError`.
 */
export async function fetchResource(api: LicenseManagerApi, ref: ResourceRef, signal?: AbortSignal): Promise<object | undefined> {
  const list = listOfKind(ref.kind);
  if (!list) return undefined;
  const found = await list.get(api, ref.arn, { signal });
  if (found === undefined) {
    throw new LicenseManagerError('notFound', `The ${ref.kind} ${ref.arn} is no longer listed.`, {
      code: 'NotFound',
      profile: ref.profile,
      region: ref.region,
    });
  }
  return found;
}

/**
 * Reads one resource again from AWS through the (profile, region) facade (see
 * `fetchResource`); usage records and associations cannot be loaded on their own.
 */
export async function loadResource(api: LicenseManagerApi, ref: ResourceRef, signal?: AbortSignal): Promise<object> {
  const data = await fetchResource(api, ref, signal);
  if (data === undefined) {
    throw new LicenseManagerError('invalidInput', `A ${ref.kind} record cannot be loaded on its own.`, {
      code: 'NotReloadable',
      profile: ref.profile,
      region: ref.region,
    });
  }
  return data;
}
