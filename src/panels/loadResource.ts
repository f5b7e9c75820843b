import { LicenseManagerError } from '../aws/errors';
import type { LicenseManagerApi } from '../aws/types';
import type { ResourceRef } from '../model/resources';

/**
 * Reads one resource again from AWS through the (profile, region) facade:
 * GetGrant, GetLicense, GetLicenseConfiguration, or for a received license
 * ListReceivedLicenses filtered to its ARN (the only call that returns ReceivedMetadata).
 */
export async function loadResource(api: LicenseManagerApi, ref: ResourceRef): Promise<object> {
  switch (ref.kind) {
    case 'distributedGrant':
    case 'receivedGrant':
      return api.getGrant(ref.arn);
    case 'license':
      return api.getLicense(ref.arn);
    case 'licenseConfiguration':
      return api.getLicenseConfiguration(ref.arn);
    case 'receivedLicense': {
      const page = await api.listReceivedLicenses({ arns: [ref.arn] });
      const found = page.items.find((l) => l.LicenseArn === ref.arn);
      if (!found) {
        throw new LicenseManagerError('notFound', `Received license ${ref.arn} was not found for profile ${ref.profile}.`, {
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
      throw new LicenseManagerError('invalidInput', `A ${ref.kind} record cannot be loaded on its own.`, {
        code: 'NotReloadable',
        profile: ref.profile,
        region: ref.region,
      });
  }
}
