import { GRANT_KINDS } from '../model/resources';
import { grantActionRecord, type GrantAction } from '../model/grantActions';
import { runGrantActionFlow } from '../grants/grantAction';
import type { CommandDefinition } from './register';

/** The command of a grant action that is one request: its id from the action's record, its flow in `grants/`. */
export function grantActionCommand(action: GrantAction): CommandDefinition {
  return {
    id: grantActionRecord(action).command,
    accepts: GRANT_KINDS,
    run: (ctx, arg) => runGrantActionFlow(ctx, arg, action),
  };
}
