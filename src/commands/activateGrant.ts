import { GRANT_KINDS } from '../model/resources';
import { changeGrantStatus } from '../grants/statusChange';
import type { CommandDefinition } from './register';
import { runOnSelection } from './bulkGrants';

export const activateGrant: CommandDefinition = {
  id: 'licenseManager.grant.activate',
  accepts: GRANT_KINDS,
  runSelection: (ctx, selection) => runOnSelection(ctx, 'activate', selection),
  run: (ctx, arg) => changeGrantStatus(ctx, arg, 'ACTIVE'),
};
