import type { Services } from '../services';

/** What grant flows need: clients, the log, the change feed and the explorer state (selection, in-flight guard). */
export interface GrantDeps {
  readonly services: Pick<Services, 'aws' | 'clients' | 'log' | 'changes' | 'state'>;
}
