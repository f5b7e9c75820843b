import { grantActionCommand } from './grantActionCommand';

export const deleteGrant = grantActionCommand('delete');
