import { LicenseManagerError } from '../aws/errors';
import type { LicenseManagerApi } from '../aws/types';
import type { ResourceRef } from '../model/resources';

/**
 * Loads one resource afresh. Undefined for kinds that cannot be loaded alone
 * (usage records and associations). Rejects with a `LicenseManagerError`.
 */
export async function fetchResource(api: LicenseManagerApi, ref: ResourceRef, signal?: AbortSignal): Promise<object | undefined> {
  switch (ref.kind) {
    case 'licenseConfiguration':
      return api.getLicenseConfiguration(ref.arn, { signal });
    case 'license':
      return api.getLicense(ref.arn, undefined, { signal });
    case 'distributedGrant':
    case 'receivedGrant':
      return api.getGrant(ref.arn, undefined, { signal });
    case 'receivedLicense': {
      const page = await api.listReceivedLicenses({ arns: [ref.arn] }, { signal });
      const found = page.items.find((l) => l.LicenseArn === ref.arn);
      if (!found) {
        throw new LicenseManagerError('notFound', `The received license ${ref.arn} is no longer listed.`, {
          code: 'NotFound',
          operation: 'ListReceivedLicenses',
          profile: ref.profile,
          region: ref.region,
        });
      }
      return found;
    }
    case 'usage':
    case 'association':
      return undefined;
  }
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
