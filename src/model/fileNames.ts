/**
 * File names made from text that came from AWS (configuration names, profile
 * names): safe on Windows, macOS and Linux file systems. Pure.
 */

/** Characters no common file system accepts in a name (and path separators). */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+/g;
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Room for a date and an extension within the common 255-byte limit, counting multi-byte characters. */
const MAX_PART = 80;

/**
 * One part of a file name: forbidden and invisible characters become `_`,
 * whitespace runs one `-`, leading/trailing dots, dashes and spaces go,
 * at most 80 characters (whole code points); empty or reserved text becomes `fallback`.
 */
export function fileNamePart(text: string | undefined, fallback: string): string {
  const cleaned = [...(text ?? '').normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, '-')]
    .slice(0, MAX_PART)
    .join('')
    .replace(/^[.\-_ ]+|[.\-_ ]+$/g, '');
  return cleaned === '' || RESERVED.test(cleaned) ? fallback : cleaned;
}

/** `YYYY-MM-DD` of `date` in local time (the day the user sees). */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The default name of an export: its parts (already words, e.g. `usage`, a
 * configuration name) made safe and joined with `-`, then the date and `.ext`.
 * `usage`, `SQL Server: fleet`, 2026-11-30, `csv` → `usage-SQL-Server_-fleet-2026-11-30.csv`.
 */
export function exportFileName(parts: readonly (string | undefined)[], date: Date, ext: string): string {
  const safe = parts.map((p) => fileNamePart(p, '')).filter((p) => p !== '');
  return `${[...safe, localDate(date)].join('-')}.${ext}`;
}
