/**
 * Create Token's inputs, from the CreateToken request shape: role ARNs (`ArnList`), expiry in days
 * (`Integer`, default 365) and up to three token properties (`MaxSize3StringList`). Pure.
 */
import type { Translate } from './translate';
import { ARN_MAX, ARN_RE } from './validation';

export const TOKEN_DAYS_DEFAULT = 365;
export const TOKEN_PROPERTIES_MAX = 3;

/** Comma-separated entries, trimmed, empty ones dropped. */
export function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** A problem with the role ARNs typed (comma-separated; none is fine), or undefined. */
export function checkRoleArns(t: Translate, value: string): string | undefined {
  const bad = splitList(value).find((a) => a.length > ARN_MAX || !ARN_RE.test(a) || !/:iam::\d{12}:role\//.test(a));
  return bad === undefined ? undefined : t('“{0}” is not an IAM role ARN (arn:aws:iam::123456789012:role/Name).', bad);
}

/** A problem with the days typed (empty: the default), or undefined. */
export function checkDays(t: Translate, value: string): string | undefined {
  if (value.trim() === '') return undefined;
  return /^\s*[1-9]\d{0,4}\s*$/.test(value) ? undefined : t('Enter a whole number of days of at least 1, or nothing for {0}.', TOKEN_DAYS_DEFAULT);
}

export function daysOf(value: string): number {
  return value.trim() === '' ? TOKEN_DAYS_DEFAULT : Number(value.trim());
}

/** A problem with the token properties typed, or undefined. */
export function checkProperties(t: Translate, value: string): string | undefined {
  const n = splitList(value).length;
  return n > TOKEN_PROPERTIES_MAX ? t('At most {0} token properties; {1} were entered.', TOKEN_PROPERTIES_MAX, n) : undefined;
}
