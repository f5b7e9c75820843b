import { GRANT_KINDS } from '../model/resources';
import { grantActionRecord, type GrantAction } from '../model/grantActions';
import { runGrantActionFlow } from '../grants/grantAction';
import type { CommandDefinition } from './register';
import { runOnSelection } from './bulkGrants';

/** The command of a grant action that is one request: its id from the action's record, its flow in `grants/`, and on a selection the bulk flow when the record offers one. */
export function grantActionCommand(action: GrantAction): CommandDefinition {
  const record = grantActionRecord(action);
  return {
    id: record.command,
    accepts: GRANT_KINDS,
    ...(record.bulk ? { runSelection: (ctx, selection) => runOnSelection(ctx, action, selection) } : {}),
    run: (ctx, arg) => runGrantActionFlow(ctx, arg, action),
  };
}
