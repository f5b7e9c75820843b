import { isLicenseHolder, readLicense } from '../checkout/license';
import { tryCheckout as runTryCheckout } from '../checkout/tryCheckout';
import { pickLoadedResource } from '../tree/pickers';
import { t } from '../ui/window';
import type { CommandDefinition } from './register';

/** Checks out one unit of one entitlement of a license (read again from AWS), guarded, and checks it in. */
export const tryCheckout: CommandDefinition = {
  id: 'licenseManager.checkout.try',
  async run({ services, explorer, checkout }, arg?: unknown) {
    const holder = isLicenseHolder(arg)
      ? arg
      : await pickLoadedResource(explorer, t('Try Checkout of'), true, {
          accept: isLicenseHolder,
          none: t('No license is loaded: expand Licenses or Received licenses in the License Manager explorer first.'),
        });
    return runTryCheckout(services, checkout.open, await readLicense(services, holder));
  },
};
