import { grantActionCommand } from './grantActionCommand';

export const activateGrant = grantActionCommand('activate');
