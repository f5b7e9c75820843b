/**
 * The actions on an issued license, one record each: the explorer's context menu (matched by the
 * record's `contextValue` token), the detail panel's buttons and the webview message check all
 * follow from this table.
 */
import type { Translate } from './translate';

export type LicenseAction = 'newLicenseVersion' | 'deactivateLicense' | 'deleteLicense' | 'createToken';

/** One action on an issued license. */
export interface LicenseActionRecord {
  readonly action: LicenseAction;
  /** The `contextValue` token an issued license's item carries while the action is valid for it. */
  readonly token: string;
  /** The command the menu item and the panel button run. */
  readonly command: string;
  /** The group of its explorer menu item (`2_edit@n`, `9_destructive@n`). */
  readonly group: string;
  /** Cannot be undone: shown as a destructive button, confirmed before anything is sent. */
  readonly destructive: boolean;
  /** The panel button's label. */
  label(t: Translate): string;
  /** Whether the action applies to a license in `status` (the command checks again on what it reads). */
  validFor(status: string): boolean;
}

const gone = (status: string): boolean => status === 'DELETED' || status === 'PENDING_DELETE';

export const LICENSE_ACTIONS: readonly LicenseActionRecord[] = [
  {
    action: 'newLicenseVersion',
    token: 'canNewLicenseVersion',
    command: 'licenseManager.license.newVersion',
    group: '2_edit@2',
    destructive: false,
    label: (t) => t('New License Version…'),
    validFor: (s) => !gone(s),
  },
  {
    action: 'createToken',
    token: 'canCreateToken',
    command: 'licenseManager.token.create',
    group: '2_edit@3',
    destructive: false,
    label: (t) => t('Create Token…'),
    validFor: (s) => s === 'AVAILABLE',
  },
  {
    action: 'deactivateLicense',
    token: 'canDeactivateLicense',
    command: 'licenseManager.license.deactivate',
    group: '9_destructive@1',
    destructive: false,
    label: (t) => t('Deactivate License…'),
    validFor: (s) => s === 'AVAILABLE',
  },
  {
    action: 'deleteLicense',
    token: 'canDeleteLicense',
    command: 'licenseManager.license.delete',
    group: '9_destructive@2',
    destructive: true,
    label: (t) => t('Delete License…'),
    validFor: (s) => !gone(s),
  },
];

/** Every license action, in menu and button order. */
export const LICENSE_ACTION_NAMES: readonly LicenseAction[] = LICENSE_ACTIONS.map((r) => r.action);

/** The record of `action`. */
export function licenseActionRecord(action: LicenseAction): LicenseActionRecord {
  const record = LICENSE_ACTIONS.find((r) => r.action === action);
  if (!record) throw new Error(`no license action ${action}`);
  return record;
}

/** The actions valid for an issued license in `status`; a license whose status is not known offers none. */
export function licenseActionsFor(status: string | undefined): LicenseActionRecord[] {
  return status === undefined ? [] : LICENSE_ACTIONS.filter((r) => r.validFor(status));
}
