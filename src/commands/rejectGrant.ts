import { grantActionCommand } from './grantActionCommand';

export const rejectGrant = grantActionCommand('reject');
