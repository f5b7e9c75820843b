import type { CommandDefinition } from './register';

/** Reloads the Grants Inbox across the selected profiles and regions. */
export const refreshInbox: CommandDefinition = {
  id: 'licenseManager.inbox.refresh',
  run({ inbox }) {
    return inbox.refresh();
  },
};
