/**
 * The one way text from AWS (or anything else not written by this extension) enters a
 * VS Code UI string. Pure; no `vscode`. The `vscode.window` wrappers in `ui/` accept only
 * {@link UiText}, which only {@link uiText} and the `t()` wrapper there produce.
 */

/** Text that is safe to show on a VS Code surface: no links, icons or invisible controls. */
export type UiText = string & { readonly __uiText: true };

/** Longest text shown on a single-line surface (labels, descriptions, titles, notifications). */
export const SINGLE_LINE_MAX = 256;
/** Longest text shown on a multi-line surface (tooltips, modal details). */
export const MULTI_LINE_MAX = 2000;

export interface UiTextOptions {
  /** Keep line breaks (tooltips, modal details); otherwise they are shown as ⏎. */
  readonly multiline?: boolean;
  /** Overrides the length limit. */
  readonly max?: number;
}

/** Zero-width, bidi and other invisible format characters, and control characters. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const BREAK = '\u200b';

/** `U+202E` for a character. */
export function codePointName(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `<U+202E>` for an invisible character, so it is seen instead of acting. */
function visible(ch: string): string {
  return `<${codePointName(ch)}>`;
}

/**
 * Splits text at its invisible characters (bidi overrides and isolates, zero-width and other
 * format characters, control characters other than tab and line breaks): plain runs stay
 * strings, each invisible character becomes `{ invisible: 'U+XXXX' }`, for surfaces that draw
 * their own marker (the detail webview).
 */
export function splitInvisible(text: string): Array<string | { readonly invisible: string }> {
  const parts: Array<string | { readonly invisible: string }> = [];
  let last = 0;
  for (const m of text.matchAll(INVISIBLE)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push({ invisible: codePointName(m[0]) });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Makes any text literal on every VS Code surface:
 * invisible characters become `<U+XXXX>`, line breaks and tabs are flattened on single-line
 * surfaces, long text is cut with an ellipsis, `$(icon)` and markdown links `[x](y)` and
 * `command:` URIs are broken with a zero-width space that VS Code does not parse.
 */
export function uiText(text: unknown, options: UiTextOptions = {}): UiText {
  let s = text === undefined || text === null ? '' : String(text);
  s = s.replace(/\r\n?/g, '\n');
  if (options.multiline) {
    s = s.replace(/\t/g, '    ');
  } else {
    s = s.replace(/\n/g, ' ⏎ ').replace(/\t/g, ' ');
  }
  s = s.replace(INVISIBLE, (ch, at: number, all: string) => (ch === BREAK && isBreak(all, at) ? ch : visible(ch)));
  return cut(breakMarkup(s), options.max ?? (options.multiline ? MULTI_LINE_MAX : SINGLE_LINE_MAX)) as UiText;
}

/** Whether the zero-width space at `at` is one {@link uiText} inserted (so a second pass keeps it). */
function isBreak(s: string, at: number): boolean {
  const before = s.slice(0, at);
  const after = s.slice(at + 1);
  return (before.endsWith('$') && after.startsWith('(')) || (before.endsWith(']') && /^\s*\(/.test(after)) || (/\b(command|vscode|file|https?)$/i.test(before) && after.startsWith(':'));
}

function breakMarkup(s: string): string {
  return s
    .replace(/\$\(/g, `$${BREAK}(`)
    .replace(/\](\s*)\(/g, `]${BREAK}$1(`)
    .replace(/\b(command|vscode|file|https?):/gi, `$1${BREAK}:`);
}

/** Joins safe texts with a fixed separator (the result stays safe). */
export function joinUi(parts: readonly (UiText | undefined | '')[], separator: ' · ' | ', ' | ' — ' | '\n' | '\n\n'): UiText {
  return parts.filter(Boolean).join(separator) as UiText;
}
