import { changeGrantStatus } from '../grants/statusChange';
import type { CommandDefinition } from './register';

export const deactivateGrant: CommandDefinition = {
  id: 'licenseManager.grant.deactivate',
  run: (ctx, arg) => changeGrantStatus(ctx, arg, 'DISABLED'),
};
