import { GRANT_KINDS } from '../model/resources';
import { changeGrantStatus } from '../grants/statusChange';
import type { CommandDefinition } from './register';

export const activateGrant: CommandDefinition = {
  id: 'licenseManager.grant.activate',
  accepts: GRANT_KINDS,
  run: (ctx, arg) => changeGrantStatus(ctx, arg, 'ACTIVE'),
};
