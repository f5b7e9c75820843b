/**
 * The actions on a grant, one record each: the explorer and inbox menus (matched by the record's
 * `contextValue` token), the detail panel's buttons, the palette's picks, the checks before
 * anything is sent, the command registration and the prompts all follow from this table.
 * Pure: the requests only name the `LicenseManagerApi` type.
 */
import type { Grant, GrantMutationResult, LicenseManagerApi } from '../aws/types';
import type { Translate } from './translate';

/** Which side of a grant the viewing account is on. */
export type GrantDirection = 'received' | 'distributed';

export type GrantAction = 'accept' | 'activate' | 'deactivate' | 'reject' | 'createVersion' | 'delete';

/** A prompt an action may ask before it sends anything. */
export type PromptStep = 'reason' | 'confirm';

/**
 * The one order of prompts for every grant action: the optional status reason first, then the
 * confirmation, so the confirmation is the last thing before the request and the command it offers
 * to copy is the one that would be sent, reason included.
 */
export const PROMPT_ORDER: readonly PromptStep[] = ['reason', 'confirm'];

/** The grant an action is about, as its prompts word it. */
export interface GrantActionSubject {
  /** The grant's name (its ARN when it has none). */
  readonly name: string;
  readonly grant: Grant;
  readonly profile: string;
  readonly region: string;
  /** The Grants Inbox row the action was started from: the account on the other side and the product. */
  readonly row?: { readonly counterpart: string; readonly productName?: string };
}

/** The modal question before an action is sent. */
export interface GrantConfirmation {
  /** `always`, or only from a Grants Inbox row (rows move as grants change: the row under the pointer may be another grant). */
  readonly when: 'always' | 'inboxRow';
  message(t: Translate, s: GrantActionSubject): string;
  detail(t: Translate, s: GrantActionSubject): string;
  button(t: Translate): string;
  /** The operation and arguments of the request as `aws license-manager` takes them (profile and region are added), offered to copy instead of sending it. */
  cli?(s: GrantActionSubject, reason: string | undefined, clientToken: string): string[];
}

/** What a request on a grant is made of: the grant as loaded and the reason typed. */
export interface GrantRequest {
  readonly grant: Grant;
  readonly reason: string | undefined;
}

/** How an action that is one request on an existing grant asks and sends. */
export interface GrantRequestFlow {
  /** The API operation, named in progress and failures. */
  readonly operation: string;
  /** The status the request leaves the grant in (`DELETED` for Delete). */
  readonly status: string;
  /** The prompt of the optional status reason, when the request carries one. */
  reason?(t: Translate, name: string): string;
  readonly confirm?: GrantConfirmation;
  /** Progress text, e.g. "Accepting grant “x”…". */
  progress(t: Translate, name: string): string;
  /** Says the request landed, e.g. "Accepted". */
  landed(t: Translate): string;
  /** Everything the request asks when it takes a ClientToken: a retry of the same request reuses the first token. */
  request?(r: GrantRequest): object;
  send(api: LicenseManagerApi, r: GrantRequest, clientToken: string, signal: AbortSignal): Promise<GrantMutationResult>;
}

/** One action on a grant. */
export interface GrantActionRecord {
  readonly action: GrantAction;
  /** The `contextValue` token a grant's item carries while the action is valid for it. */
  readonly token: string;
  /** The command the menu items, the panel button and the palette run. */
  readonly command: string;
  /** The group of its item in the explorer's and the inbox's context menus (`2_edit@n`, `9_destructive@n`). */
  readonly group: string;
  /** The group of its inline button on Grants Inbox rows, if it has one. */
  readonly inline?: string;
  /** Cannot be undone: shown as a destructive button and confirmed before anything is sent. */
  readonly destructive: boolean;
  /** The step a grant in one of its statuses is waiting for: the panel's primary button. */
  readonly invited: boolean;
  /** The statuses it applies to, per side of the grant; any other status (also a new one) allows none. */
  readonly validIn: { readonly [D in GrantDirection]: readonly string[] };
  /** The command's title without the ellipsis, e.g. "Reject Grant": titles of its prompts and picks. */
  title(t: Translate): string;
  /** The panel button's label. */
  label(t: Translate): string;
  /** How it asks and sends when it is one request; New Grant Version has a multi-step input of its own. */
  readonly flow?: GrantRequestFlow;
  /** Offered on a selection of several grants (one question, each grant sent on its own with `flow`, no reason asked). */
  readonly bulk?: GrantBulkTexts;
}

/** What an action on a selection says: the question, its button, the progress and the count done. */
export interface GrantBulkTexts {
  question(t: Translate, count: number, accounts: string): string;
  button(t: Translate): string;
  progress(t: Translate, count: number): string;
  done(t: Translate, count: number): string;
}

/** The texts of an action on a selection, e.g. "Activate 3 grants from accounts …?" ("Activate 1 grant from account …?" for one). */
function bulkTexts(verb: (t: Translate) => string, ing: (t: Translate, n: number) => string, question: (t: Translate, n: number, a: string) => string, done: (t: Translate, n: number) => string): GrantBulkTexts {
  return { question, button: verb, progress: ing, done };
}

const copyToken = (clientToken: string): string[] => ['--client-token', clientToken];

/** Activate and Deactivate: a new grant version with the status, the reason, and SourceVersion = the version loaded. */
function statusFlow(status: 'ACTIVE' | 'DISABLED'): Pick<GrantRequestFlow, 'operation' | 'status' | 'request' | 'send'> {
  const request = ({ grant, reason }: GrantRequest): { grantArn: string; status: string; statusReason?: string; sourceVersion: string } => ({
    grantArn: grant.GrantArn,
    status,
    statusReason: reason,
    sourceVersion: grant.Version,
  });
  return {
    operation: 'CreateGrantVersion',
    status,
    request,
    send: (api, r, clientToken, signal) => api.createGrantVersion({ ...request(r), clientToken }, { signal }),
  };
}

export const GRANT_ACTIONS: readonly GrantActionRecord[] = [
  {
    action: 'accept',
    token: 'canAccept',
    command: 'licenseManager.grant.accept',
    group: '2_edit@1',
    inline: 'inline@1',
    destructive: false,
    invited: true,
    bulk: bulkTexts((t) => t('Accept'), (t, n) => (n === 1 ? t('Accepting 1 grant…') : t('Accepting {0} grants…', n)), (t, n, a) => (n === 1 ? t('Accept 1 grant from account {0}?', a) : t('Accept {0} grants from accounts {1}?', n, a)), (t, n) => t('{0} accepted', n)),
    validIn: { received: ['PENDING_ACCEPT'], distributed: [] },
    title: (t) => t('Accept Grant'),
    label: (t) => t('Accept'),
    flow: {
      operation: 'AcceptGrant',
      status: 'DISABLED',
      confirm: {
        when: 'inboxRow',
        message: (t, s) => t('Accept “{0}” from account {1}?', s.name, s.row?.counterpart ?? ''),
        detail: (t, s) =>
          t('Profile “{0}” ({1}) receives {2} through it. It stays inactive until you activate it.', s.profile, s.region, s.row?.productName ?? s.grant.LicenseArn),
        button: (t) => t('Accept'),
      },
      progress: (t, name) => t('Accepting grant “{0}”…', name),
      landed: (t) => t('Accepted'),
      send: (api, r, _token, signal) => api.acceptGrant(r.grant.GrantArn, { signal }),
    },
  },
  {
    action: 'activate',
    token: 'canActivate',
    command: 'licenseManager.grant.activate',
    group: '2_edit@2',
    inline: 'inline@2',
    destructive: false,
    invited: true,
    bulk: bulkTexts((t) => t('Activate'), (t, n) => (n === 1 ? t('Activating 1 grant…') : t('Activating {0} grants…', n)), (t, n, a) => (n === 1 ? t('Activate 1 grant from account {0}?', a) : t('Activate {0} grants from accounts {1}?', n, a)), (t, n) => t('{0} activated', n)),
    validIn: { received: ['DISABLED'], distributed: ['DISABLED'] },
    title: (t) => t('Activate Grant'),
    label: (t) => t('Activate…'),
    flow: {
      ...statusFlow('ACTIVE'),
      reason: (t, name) => t('Why is “{0}” being activated? Optional; both sides of the grant see it.', name),
      progress: (t, name) => t('Activating grant “{0}”…', name),
      landed: (t) => t('Activated'),
    },
  },
  {
    action: 'deactivate',
    token: 'canDeactivate',
    command: 'licenseManager.grant.deactivate',
    group: '2_edit@3',
    destructive: false,
    invited: false,
    bulk: bulkTexts((t) => t('Deactivate'), (t, n) => (n === 1 ? t('Deactivating 1 grant…') : t('Deactivating {0} grants…', n)), (t, n, a) => (n === 1 ? t('Deactivate 1 grant from account {0}?', a) : t('Deactivate {0} grants from accounts {1}?', n, a)), (t, n) => t('{0} deactivated', n)),
    validIn: { received: ['ACTIVE'], distributed: ['ACTIVE'] },
    title: (t) => t('Deactivate Grant'),
    label: (t) => t('Deactivate…'),
    flow: {
      ...statusFlow('DISABLED'),
      reason: (t, name) => t('Why is “{0}” being deactivated? Optional; both sides of the grant see it.', name),
      confirm: {
        when: 'always',
        message: (t, s) => t('Deactivate the grant “{0}”?', s.name),
        detail: (t, s) => t('The license {0} cannot be used through this grant until it is activated again.', s.grant.LicenseArn),
        button: (t) => t('Deactivate'),
        // The copied command carries a client token of its own.
        cli: (s, reason, clientToken) => [
          'create-grant-version',
          '--grant-arn',
          s.grant.GrantArn,
          '--status',
          'DISABLED',
          ...(reason ? ['--status-reason', reason] : []),
          '--source-version',
          s.grant.Version,
          ...copyToken(clientToken),
        ],
      },
      progress: (t, name) => t('Deactivating grant “{0}”…', name),
      landed: (t) => t('Deactivated'),
    },
  },
  {
    action: 'reject',
    token: 'canReject',
    command: 'licenseManager.grant.reject',
    group: '9_destructive@1',
    destructive: true,
    invited: false,
    bulk: bulkTexts((t) => t('Reject'), (t, n) => (n === 1 ? t('Rejecting 1 grant…') : t('Rejecting {0} grants…', n)), (t, n, a) => (n === 1 ? t('Reject 1 grant from account {0}?', a) : t('Reject {0} grants from accounts {1}?', n, a)), (t, n) => t('{0} rejected', n)),
    validIn: { received: ['PENDING_ACCEPT', 'DISABLED', 'ACTIVE'], distributed: [] },
    title: (t) => t('Reject Grant'),
    label: (t) => t('Reject…'),
    flow: {
      operation: 'RejectGrant',
      status: 'REJECTED',
      confirm: {
        when: 'always',
        message: (t, s) => t('Reject the grant “{0}”?', s.name),
        detail: (t, s) =>
          t(
            'Profile “{0}” will no longer be able to use the license {1} through this grant. A rejected grant cannot be accepted again; the grantor would have to create a new one.',
            s.profile,
            s.grant.LicenseArn,
          ),
        button: (t) => t('Reject'),
        cli: (s) => ['reject-grant', '--grant-arn', s.grant.GrantArn],
      },
      progress: (t, name) => t('Rejecting grant “{0}”…', name),
      landed: (t) => t('Rejected'),
      send: (api, r, _token, signal) => api.rejectGrant(r.grant.GrantArn, { signal }),
    },
  },
  {
    action: 'createVersion',
    token: 'canCreateVersion',
    command: 'licenseManager.grant.createVersion',
    group: '2_edit@4',
    destructive: false,
    invited: false,
    validIn: { received: ['DISABLED', 'ACTIVE'], distributed: ['PENDING_ACCEPT', 'DISABLED', 'ACTIVE', 'WORKFLOW_COMPLETED'] },
    title: (t) => t('New Grant Version'),
    label: (t) => t('New Version…'),
  },
  {
    action: 'delete',
    token: 'canDelete',
    command: 'licenseManager.grant.delete',
    group: '9_destructive@2',
    destructive: true,
    invited: false,
    validIn: {
      received: [],
      distributed: ['PENDING_ACCEPT', 'DISABLED', 'ACTIVE', 'WORKFLOW_COMPLETED', 'PENDING_WORKFLOW', 'FAILED_WORKFLOW', 'REJECTED'],
    },
    title: (t) => t('Delete Grant'),
    label: (t) => t('Delete…'),
    flow: {
      operation: 'DeleteGrant',
      status: 'DELETED',
      reason: (t, name) => t('Why is “{0}” being deleted? Optional; the grantee sees it.', name),
      confirm: {
        when: 'always',
        message: (t, s) => t('Delete the grant “{0}”?', s.name),
        detail: (t, s) => t('{0} loses the license {1} granted through it. A deleted grant cannot be restored.', s.grant.GranteePrincipalArn, s.grant.LicenseArn),
        button: (t) => t('Delete'),
        cli: (s, reason) => ['delete-grant', '--grant-arn', s.grant.GrantArn, '--version', s.grant.Version, ...(reason ? ['--status-reason', reason] : [])],
      },
      progress: (t, name) => t('Deleting grant “{0}”…', name),
      landed: (t) => t('Deleted'),
      // The version the user saw: a grant changed since it was loaded is refused, not deleted.
      send: (api, r, _token, signal) => api.deleteGrant({ grantArn: r.grant.GrantArn, version: r.grant.Version, statusReason: r.reason }, { signal }),
    },
  },
];

/** Every grant action, in panel button order. */
export const GRANT_ACTION_NAMES: readonly GrantAction[] = GRANT_ACTIONS.map((r) => r.action);

/** The record of `action`. */
export function grantActionRecord(action: GrantAction): GrantActionRecord {
  const record = GRANT_ACTIONS.find((r) => r.action === action);
  if (!record) throw new Error(`no grant action ${action}`);
  return record;
}

/** The records of the actions valid for a grant seen from `direction` in `status`. Unknown statuses allow none. */
export function grantActionRecordsFor(direction: GrantDirection, status: string): readonly GrantActionRecord[] {
  return GRANT_ACTIONS.filter((r) => r.validIn[direction].includes(status));
}

/** The actions valid for a grant seen from `direction` in `status`. Unknown statuses allow none. */
export function grantActionsFor(direction: GrantDirection, status: string): readonly GrantAction[] {
  return grantActionRecordsFor(direction, status).map((r) => r.action);
}

/** The action a grant's status invites (accept a pending grant, activate an accepted one); none otherwise. */
export function invitedAction(direction: GrantDirection, status: string): GrantAction | undefined {
  return grantActionRecordsFor(direction, status).find((r) => r.invited)?.action;
}

/** The prompts an action asks, in `PROMPT_ORDER`; `fromInboxRow` when it was started from a Grants Inbox row. */
export function promptSteps(flow: GrantRequestFlow, fromInboxRow: boolean): PromptStep[] {
  return PROMPT_ORDER.filter((step) =>
    step === 'reason' ? flow.reason !== undefined : flow.confirm !== undefined && (flow.confirm.when === 'always' || fromInboxRow),
  );
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
