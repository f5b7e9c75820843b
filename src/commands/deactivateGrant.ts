import { GRANT_KINDS } from '../model/resources';
import { changeGrantStatus } from '../grants/statusChange';
import type { CommandDefinition } from './register';
import { runOnSelection } from './bulkGrants';

export const deactivateGrant: CommandDefinition = {
  id: 'licenseManager.grant.deactivate',
  accepts: GRANT_KINDS,
  runSelection: (ctx, selection) => runOnSelection(ctx, 'deactivate', selection),
  run: (ctx, arg) => changeGrantStatus(ctx, arg, 'DISABLED'),
};
