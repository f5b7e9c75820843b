/**
 * AWS CLI command lines: the argument list of a read command, and one function that
 * quotes it for the shell a user pastes into. Pure.
 */

/** The shells a copied command is written for: POSIX shells, or PowerShell (the Windows default). */
export type Shell = 'posix' | 'powershell';

/** The shell of a platform (`process.platform`). */
export function shellOf(platform: string): Shell {
  return platform === 'win32' ? 'powershell' : 'posix';
}

/**
 * Words each shell takes literally outside quotes (POSIX: no leading `=`, which zsh
 * expands; PowerShell: no `@` (splatting) and no `,` (which makes an array)).
 */
const PLAIN: Readonly<Record<Shell, RegExp>> = {
  posix: /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/,
  powershell: /^[A-Za-z0-9_+=:./-]+$/,
};
/** Quote characters PowerShell accepts as a single quote. */
const PS_QUOTES = /['\u2018\u2019\u201a\u201b]/g;
/** Control characters (a pasted line break would run what follows). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * One argument as the shell must read it back, byte for byte. Plain words stay bare;
 * others are single-quoted (`'\''` for a quote in POSIX shells, doubled quotes in
 * PowerShell). Control characters are written as escapes (`$'\x0a'` in POSIX shells,
 * `"`n"`-style `` `u{…} `` in PowerShell) so that a pasted command is never cut in two.
 */
export function quoteArg(value: string, shell: Shell): string {
  if (PLAIN[shell].test(value)) return value;
  if (shell === 'posix') {
    if (!CONTROL.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
    return `$'${[...value].map(posixAnsiChar).join('')}'`;
  }
  if (!CONTROL.test(value)) return `'${value.replace(PS_QUOTES, (q) => q + q)}'`;
  return `"${[...value].map(psDoubleChar).join('')}"`;
}

function posixAnsiChar(ch: string): string {
  if (ch === '\\' || ch === "'") return `\\${ch}`;
  if (!CONTROL.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Inside PowerShell double quotes: `` ` ``, `"`, `$` and their look-alikes are escaped with a backtick. */
function psDoubleChar(ch: string): string {
  if (/[`"$\u201c\u201d\u201e]/.test(ch)) return `\`${ch}`;
  if (!CONTROL.test(ch)) return ch;
  return `\`u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
}

/** A whole command line: every argument quoted, joined with spaces. */
export function commandLine(args: readonly string[], shell: Shell): string {
  return args.map((a) => quoteArg(a, shell)).join(' ');
}

/** `--filters` with the server-side filters of a list as JSON (exact for any value, commas included); nothing without filters. */
export function filterArg(filters: readonly { readonly Name: string; readonly Values: readonly string[] }[]): string[] {
  if (filters.length === 0) return [];
  return ['--filters', JSON.stringify(filters.map((f) => ({ Name: f.Name, Values: [...f.Values] })))];
}

/** `aws license-manager <operation> <args…> --profile <p> --region <r>` as an argument list. */
export function awsCliArgs(operation: string, args: readonly string[], profile: string, region: string): string[] {
  return ['aws', 'license-manager', operation, ...args, '--profile', profile, '--region', region];
}
