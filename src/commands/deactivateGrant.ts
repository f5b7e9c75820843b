import { grantActionCommand } from './grantActionCommand';

export const deactivateGrant = grantActionCommand('deactivate');
