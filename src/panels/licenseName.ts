import type { ResourceRef } from '../model/resources';
import { directionOf } from '../model/resourceLists';
import type { Services } from '../services';
import type { LicenseNames } from '../state/licenseNames';

/** The license ARN a grant's data names, if any. */
export function grantLicenseArn(data: object): string | undefined {
  const arn = (data as { LicenseArn?: unknown }).LicenseArn;
  return typeof arn === 'string' && arn ? arn : undefined;
}

/**
 * A distributed grant's license is the profile's own: when nothing has named it yet, reads it
 * once (GetLicense in the grant's home region, cancelled by `signal`) and tells `names`.
 * A failure keeps the name unknown and is only logged.
 */
export async function readLicenseName(services: Services, names: LicenseNames, ref: ResourceRef, data: object, signal: AbortSignal): Promise<void> {
  const arn = grantLicenseArn(data);
  if (directionOf(ref.kind) !== 'distributed' || arn === undefined || !names.claim(arn)) return;
  const home = (data as { HomeRegion?: unknown }).HomeRegion;
  const region = typeof home === 'string' && home ? home : ref.region;
  try {
    const api = (await services.clients()).get(ref.profile, region);
    const license = await api.getLicense(arn, undefined, { signal });
    if (license.ProductName) names.learn(arn, license.ProductName);
    else names.release(arn);
  } catch (e) {
    names.release(arn);
    services.log.info(`details: the product name of ${arn} (${ref.profile}, ${region}) stays unknown: ${e instanceof Error ? e.message : String(e)}`);
  }
}
