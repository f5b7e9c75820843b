import { changeGrantStatus } from '../grants/statusChange';
import type { CommandDefinition } from './register';

export const activateGrant: CommandDefinition = {
  id: 'licenseManager.grant.activate',
  run: (ctx, arg) => changeGrantStatus(ctx, arg, 'ACTIVE'),
};
