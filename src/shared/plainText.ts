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

/**
 * What must not act unseen: control characters (`\p{Cc}`, but tab and line feed, and a carriage
 * return only when it ends a line before a line feed), format characters (`\p{Cf}`: bidi
 * controls, zero-width characters, the soft hyphen, tag characters, ...), the line and paragraph
 * separators (`\p{Zl}`, `\p{Zp}`), and characters that draw as nothing: the combining grapheme
 * joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the blank Braille pattern
 * U+2800, and the unassigned rest of the tag block U+E0000–E007F.
 */
const INVISIBLE =
  /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\u034f\u115f\u1160\u3164\uffa0\u2800\u{e0000}-\u{e007f}]/gu;
const BREAK = '\u200b';

/** `U+202E` for a character (`U+E0041` beyond the Basic Multilingual Plane). */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `<U+202E>` for an invisible character, so it is seen instead of acting. */
function visible(ch: string): string {
  return `<${codePointName(ch)}>`;
}

/**
 * Splits text at its invisible characters (see {@link INVISIBLE}): plain runs stay strings,
 * each invisible character becomes `{ invisible: 'U+XXXX' }`, for surfaces that draw their own
 * marker (the detail webview).
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
 * The part of `text` that can reach a surface of `max` characters, so nothing longer is ever
 * scanned. Every character shows as at least one (a line break as ` ⏎ `, an invisible one as
 * `<U+XXXX>`), except CR LF, which shows as one line feed on multi-line surfaces: so the first
 * `2 * max` characters always show as more than `max`, and what the edge of this prefix splits
 * (a CR LF, a surrogate pair, a `$(`) falls in the part {@link cut} drops.
 */
function reachable(text: string, max: number): string {
  const keep = 2 * max + 4;
  return text.length > keep ? text.slice(0, keep) : text;
}

/**
 * Makes any text literal on every VS Code surface:
 * invisible characters become `<U+XXXX>`, line breaks and tabs are flattened on single-line
 * surfaces, long text is cut with an ellipsis, `$(icon)` and markdown links `[x](y)` and
 * `command:` URIs are broken with a zero-width space that VS Code does not parse.
 * Only the first `2 * max` characters are read, so the cost is bounded whatever the input.
 */
export function uiText(text: unknown, options: UiTextOptions = {}): UiText {
  const max = options.max ?? (options.multiline ? MULTI_LINE_MAX : SINGLE_LINE_MAX);
  let s = reachable(text === undefined || text === null ? '' : String(text), max);
  s = s.replace(/\r\n?/g, '\n');
  if (options.multiline) {
    s = s.replace(/\t/g, '    ');
  } else {
    s = s.replace(/\n/g, ' ⏎ ').replace(/\t/g, ' ');
  }
  s = s.replace(INVISIBLE, (ch: string, at: number, all: string) => (ch === BREAK && isBreak(all, at) ? ch : visible(ch)));
  return cut(breakMarkup(s), max) as UiText;
}

const SCHEME_BEFORE = /(?:^|[^\w])(?:command|vscode|file|https?)$/i;
const PAREN_AFTER = /\s*\(/y;

/**
 * Whether the zero-width space at `at` is one {@link uiText} inserted (so a second pass keeps it).
 * Looks only at its neighbours, so a text made of zero-width spaces stays linear.
 */
function isBreak(s: string, at: number): boolean {
  const prev = s[at - 1];
  if (prev === '$') return s[at + 1] === '(';
  if (prev === ']') {
    PAREN_AFTER.lastIndex = at + 1;
    return PAREN_AFTER.test(s);
  }
  return s[at + 1] === ':' && SCHEME_BEFORE.test(s.slice(Math.max(0, at - 8), at));
}

function breakMarkup(s: string): string {
  return s
    .replace(/\$\(/g, `$${BREAK}(`)
    .replace(/\](\s*)\(/g, `]${BREAK}$1(`)
    .replace(/\b(command|vscode|file|https?):/gi, `$1${BREAK}:`);
}

/** Longest line the extension writes to its log. */
export const LOG_LINE_MAX = 2000;
const LOG_UNSAFE = new RegExp(`\\r|\\n|${INVISIBLE.source}`, 'gu');
const LOG_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/**
 * One log line of any text: line breaks become `\n` and `\r`, other control and format
 * characters `<U+XXXX>` (so no value can start a line that looks like the extension's own),
 * and text beyond `max` characters is cut, saying how long it was. Reads at most `max + 1`
 * characters.
 */
export function logText(text: unknown, max: number = LOG_LINE_MAX): string {
  const s = text === undefined || text === null ? '' : String(text);
  const shown = s.slice(0, max + 1).replace(LOG_UNSAFE, (ch: string) => LOG_ESCAPES[ch] ?? visible(ch));
  return shown.length > max ? `${cut(shown, max)} (${s.length} characters)` : shown;
}

/** Joins safe texts with a fixed separator (the result stays safe). */
export function joinUi(parts: readonly (UiText | undefined | '')[], separator: ' · ' | ', ' | ' — ' | '\n' | '\n\n'): UiText {
  return parts.filter(Boolean).join(separator) as UiText;
}
