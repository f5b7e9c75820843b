/** Which side of a grant the viewing account is on. */
export type GrantDirection = 'received' | 'distributed';

export type GrantAction = 'accept' | 'reject' | 'activate' | 'deactivate' | 'createVersion' | 'delete';

export const GRANT_ACTIONS: readonly GrantAction[] = ['accept', 'reject', 'activate', 'deactivate', 'createVersion', 'delete'];

const RECEIVED: Record<string, readonly GrantAction[]> = {
  PENDING_ACCEPT: ['accept', 'reject'],
  DISABLED: ['activate', 'reject', 'createVersion'],
  ACTIVE: ['deactivate', 'reject', 'createVersion'],
};

const DISTRIBUTED: Record<string, readonly GrantAction[]> = {
  PENDING_ACCEPT: ['createVersion', 'delete'],
  DISABLED: ['activate', 'createVersion', 'delete'],
  ACTIVE: ['deactivate', 'createVersion', 'delete'],
  WORKFLOW_COMPLETED: ['createVersion', 'delete'],
  PENDING_WORKFLOW: ['delete'],
  FAILED_WORKFLOW: ['delete'],
  REJECTED: ['delete'],
};

/** The actions valid for a grant seen from `direction` in `status`. Unknown statuses allow none. */
export function grantActionsFor(direction: GrantDirection, status: string): readonly GrantAction[] {
  const table = direction === 'received' ? RECEIVED : DISTRIBUTED;
  return Object.prototype.hasOwnProperty.call(table, status) ? table[status] : [];
}

/** The action a grant's status invites (accept a pending grant, activate an accepted one); none otherwise. */
export function invitedAction(direction: GrantDirection, status: string): GrantAction | undefined {
  if (direction === 'received' && status === 'PENDING_ACCEPT') return 'accept';
  if (status === 'DISABLED') return 'activate';
  return undefined;
}

/** Statuses a new grant version may set from `current` (the current one first, meaning "keep"). */
export function nextStatusesFor(current: string): string[] {
  switch (current) {
    case 'ACTIVE':
      return ['ACTIVE', 'DISABLED'];
    case 'DISABLED':
      return ['DISABLED', 'ACTIVE'];
    default:
      return [current];
  }
}
