import { LicenseManagerError } from '../aws/errors';
import type { LicenseManagerApi } from '../aws/types';
import type { ResourceRef } from '../model/resources';
import { fetchResource } from '../tree/fetchResource';

/**
 * Reads one resource again from AWS through the (profile, region) facade (see
 * `fetchResource`); usage records and associations cannot be loaded on their own.
 */
export async function loadResource(api: LicenseManagerApi, ref: ResourceRef): Promise<object> {
  const data = await fetchResource(api, ref);
  if (data === undefined) {
    throw new LicenseManagerError('invalidInput', `A ${ref.kind} record cannot be loaded on its own.`, {
      code: 'NotReloadable',
      profile: ref.profile,
      region: ref.region,
    });
  }
  return data;
}
