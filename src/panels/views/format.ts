import type { Translate } from '../../model/translate';
import type { ActionView, BadgeView, FieldView, LinkView, SectionView, Tone } from '../../shared/detailView';

/** The kind-specific part of a detail view. */
export interface Summary {
  readonly title: string;
  readonly badges: BadgeView[];
  readonly sections: SectionView[];
  readonly links: LinkView[];
  readonly actions: ActionView[];
}


const TONES: Record<string, Tone> = {
  ACTIVE: 'ok',
  AVAILABLE: 'ok',
  WORKFLOW_COMPLETED: 'ok',
  PENDING_ACCEPT: 'info',
  PENDING_WORKFLOW: 'info',
  PENDING_AVAILABLE: 'info',
  DISABLED: 'neutral',
  DEACTIVATED: 'neutral',
  SUSPENDED: 'warning',
  PENDING_DELETE: 'warning',
  REJECTED: 'error',
  FAILED_WORKFLOW: 'error',
  DELETED: 'error',
  EXPIRED: 'error',
};

/** The badge colour of a grant, license or received status; unknown values are neutral. */
export function statusTone(status: string | undefined): Tone {
  return status !== undefined && Object.prototype.hasOwnProperty.call(TONES, status) ? TONES[status] : 'neutral';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A date as `YYYY-MM-DD HH:MM UTC`. Accepts what the API and a JSON round trip
 * produce: Date, ISO strings, epoch seconds (number or digits). Anything else
 * is returned as given.
 */
export function formatDate(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let d: Date | undefined;
  if (value instanceof Date) d = value;
  else if (typeof value === 'number') d = new Date(value * 1000);
  else if (typeof value === 'string') d = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (d === undefined || Number.isNaN(d.getTime())) return typeof value === 'string' ? value : String(value);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export function yesNo(t: Translate, value: boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value ? t('Yes') : t('No');
}

/** The last part of an ARN (`l-…`, `g-…`, `lic-…`), for titles when a name is missing. */
export function arnTail(arn: string): string {
  const i = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
  return i >= 0 && i < arn.length - 1 ? arn.slice(i + 1) : arn;
}

/** What kind of principal an ARN names: account, organization or organizational unit. */
export function principalKind(t: Translate, arn: string): string | undefined {
  if (/^arn:aws[a-zA-Z-]*:iam::\d{12}:root$/.test(arn)) return t('AWS account {0}', arn.split(':')[4]);
  if (/^arn:aws[a-zA-Z-]*:organizations::\d{12}:organization\//.test(arn)) return t('Organization');
  if (/^arn:aws[a-zA-Z-]*:organizations::\d{12}:ou\//.test(arn)) return t('Organizational unit');
  return undefined;
}

/** Builds a field list, dropping fields whose value is missing. */
export function fields(...list: Array<FieldView | { label: string; value: string | undefined } | undefined>): FieldView[] {
  const out: FieldView[] = [];
  for (const f of list) {
    if (f !== undefined && f.value !== undefined && f.value !== '') out.push(f as FieldView);
  }
  return out;
}

export function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function strList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function objList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Pretty JSON of an AWS object, with Dates as ISO strings. */
export function prettyJson(data: object): string {
  try {
    return JSON.stringify(data, null, 2) ?? '{}';
  } catch {
    return '{}';
  }
}
