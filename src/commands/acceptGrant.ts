import { grantActionCommand } from './grantActionCommand';

export const acceptGrant = grantActionCommand('accept');
