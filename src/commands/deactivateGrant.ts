import { GRANT_KINDS } from '../model/resources';
import { changeGrantStatus } from '../grants/statusChange';
import type { CommandDefinition } from './register';

export const deactivateGrant: CommandDefinition = {
  id: 'licenseManager.grant.deactivate',
  accepts: GRANT_KINDS,
  run: (ctx, arg) => changeGrantStatus(ctx, arg, 'DISABLED'),
};
