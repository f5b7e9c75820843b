import type { Translate } from '../../model/translate';
import { accountOfPrincipal, principalKindOf } from '../../model/arn';
import type { ActionView, BadgeView, FieldView, LinkView, SectionView } from '../../shared/detailView';

/** The kind-specific part of a detail view. */
export interface Summary {
  readonly title: string;
  readonly badges: BadgeView[];
  readonly sections: SectionView[];
  readonly links: LinkView[];
  readonly actions: ActionView[];
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

/** What kind of principal an ARN names: account, organization or organizational unit. */
export function principalKind(t: Translate, arn: string): string | undefined {
  switch (principalKindOf(arn)) {
    case 'account':
      return t('AWS account {0}', accountOfPrincipal(arn) ?? '');
    case 'organization':
      return t('Organization');
    case 'organizationalUnit':
      return t('Organizational unit');
    default:
      return undefined;
  }
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
