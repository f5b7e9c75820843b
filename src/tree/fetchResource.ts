import { LicenseManagerError } from '../aws/errors';
import type { LicenseManagerApi } from '../aws/types';
import type { ResourceRef } from '../model/resources';

/**
 * Loads one resource afresh. Undefined for kinds that cannot be loaded alone
 * (usage records and associations). Rejects with a `LicenseManagerError`.
 */
export async function fetchResource(api: LicenseManagerApi, ref: ResourceRef): Promise<object | undefined> {
  switch (ref.kind) {
    case 'licenseConfiguration':
      return api.getLicenseConfiguration(ref.arn);
    case 'license':
      return api.getLicense(ref.arn);
    case 'distributedGrant':
    case 'receivedGrant':
      return api.getGrant(ref.arn);
    case 'receivedLicense': {
      const page = await api.listReceivedLicenses({ arns: [ref.arn] });
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
