/** Grant, license and received statuses: their values and how every surface draws them. Pure. */

/** GrantStatus values, for the status filter. */
export const GRANT_STATUSES: readonly string[] = [
  'PENDING_WORKFLOW',
  'PENDING_ACCEPT',
  'REJECTED',
  'ACTIVE',
  'FAILED_WORKFLOW',
  'DELETED',
  'PENDING_DELETE',
  'DISABLED',
  'WORKFLOW_COMPLETED',
];

/** LicenseStatus values, for the status filter. */
export const LICENSE_STATUSES: readonly string[] = [
  'AVAILABLE',
  'PENDING_AVAILABLE',
  'DEACTIVATED',
  'SUSPENDED',
  'EXPIRED',
  'PENDING_DELETE',
  'DELETED',
];

/** ResourceType values accepted by the usage filter. */
export const USAGE_RESOURCE_TYPES: readonly string[] = ['EC2_INSTANCE', 'EC2_HOST', 'EC2_AMI', 'RDS', 'SYSTEMS_MANAGER_MANAGED_INSTANCE'];

/** The colour family of a status in the panels (the webview maps it to theme colours). */
export type Tone = 'ok' | 'info' | 'warning' | 'error' | 'neutral';

/** How a status is drawn: tree codicon and theme colour, panel badge tone. */
export interface StatusStyle {
  readonly icon: string;
  /** A theme colour id; none draws the icon in the default colour. */
  readonly color?: string;
  readonly tone: Tone;
}

const STYLES: Readonly<Record<string, StatusStyle>> = {
  ACTIVE: { icon: 'pass', color: 'charts.green', tone: 'ok' },
  AVAILABLE: { icon: 'pass', color: 'charts.green', tone: 'ok' },
  WORKFLOW_COMPLETED: { icon: 'check-all', color: 'charts.blue', tone: 'ok' },
  PENDING_ACCEPT: { icon: 'mail', color: 'charts.yellow', tone: 'info' },
  PENDING_WORKFLOW: { icon: 'sync', color: 'charts.blue', tone: 'info' },
  PENDING_AVAILABLE: { icon: 'sync', color: 'charts.blue', tone: 'info' },
  DISABLED: { icon: 'circle-slash', color: 'charts.orange', tone: 'neutral' },
  DEACTIVATED: { icon: 'circle-slash', color: 'charts.orange', tone: 'neutral' },
  SUSPENDED: { icon: 'warning', color: 'charts.orange', tone: 'warning' },
  PENDING_DELETE: { icon: 'trash', color: 'charts.orange', tone: 'warning' },
  REJECTED: { icon: 'close', color: 'charts.red', tone: 'error' },
  FAILED_WORKFLOW: { icon: 'error', color: 'charts.red', tone: 'error' },
  EXPIRED: { icon: 'error', color: 'charts.red', tone: 'error' },
  DELETED: { icon: 'trash', color: 'disabledForeground', tone: 'error' },
};

const UNKNOWN: StatusStyle = { icon: 'question', tone: 'neutral' };

/** The style of a grant, license or received status; unknown statuses get a neutral question mark. */
export function statusStyle(status: string | undefined): StatusStyle {
  return status !== undefined && Object.prototype.hasOwnProperty.call(STYLES, status) ? STYLES[status] : UNKNOWN;
}

/** Codicon and theme colour of a status in the tree. */
export function statusIcon(status: string | undefined): { icon: string; color?: string } {
  const { icon, color } = statusStyle(status);
  return color ? { icon, color } : { icon };
}

/** The badge colour of a status in the panels. */
export function statusTone(status: string | undefined): Tone {
  return statusStyle(status).tone;
}
