import { t } from '../ui/window';
import { ALL_RESOURCE_KINDS, isResourceHolder } from '../model/resources';
import { pickLoadedResource } from '../tree/pickers';
import type { CommandDefinition } from './register';

/** Shows a resource as a read-only JSON document; from the palette, offers the loaded resources. */
export const openJson: CommandDefinition = {
  id: 'licenseManager.resource.openJson',
  accepts: ALL_RESOURCE_KINDS,
  async run({ explorer, json }, arg?: unknown) {
    const holder = isResourceHolder(arg) ? arg : await pickLoadedResource(explorer, t('Open as JSON'));
    await json.open(holder);
  },
};
