/** Quoting a command line for the shell a user pastes it into. Pure. */

/** The shells a copied command is written for. */
export type ShellKind = 'sh' | 'pwsh' | 'cmd' | 'fish';

/** Arguments that read the same, unquoted, in every shell. */
const PLAIN = /^[A-Za-z0-9._-]+$/;
/** Characters no quoting carries safely through a pasted line (controls, line and paragraph breaks). */
const UNPASTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** PowerShell's single quotes: ASCII `'` and the curly ones it treats alike. */
const PWSH_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** The shell a terminal's executable path names (`vscode.env.shell`); `sh` for anything unknown, `pwsh` when empty on Windows. */
export function shellKindOf(shellPath: string | undefined, platform: string): ShellKind {
  const name = (shellPath ?? '').split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '') ?? '';
  if (name === 'pwsh' || name === 'powershell' || name === 'pwsh-preview') return 'pwsh';
  if (name === 'cmd') return 'cmd';
  if (name === 'fish') return 'fish';
  if (!name && platform === 'win32') return 'pwsh';
  return 'sh';
}

/**
 * One argument quoted so that `shell` passes it to the program literally, or `undefined`
 * when that shell cannot carry it safely (control characters anywhere; in cmd, `"`, `%`
 * or `!`; in PowerShell, `"`, which Windows PowerShell mangles on the way to a program).
 */
export function quoteArg(shell: ShellKind, arg: string): string | undefined {
  if (PLAIN.test(arg)) return arg;
  if (arg === '' || UNPASTABLE.test(arg)) return undefined;
  switch (shell) {
    case 'sh':
      return `'${arg.replace(/'/g, `'\\''`)}'`;
    case 'fish':
      // Inside fish's single quotes only `\\` and `\'` are escapes.
      return `'${arg.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case 'pwsh':
      if (arg.includes('"')) return undefined;
      return `'${arg.replace(PWSH_SINGLE_QUOTES, (q) => q + q)}'`;
    case 'cmd':
      // Inside double quotes cmd takes & | < > ^ literally; `"`, `%` and `!` cannot be escaped there.
      return /["%!]/.test(arg) ? undefined : `"${arg}"`;
  }
}

/** `aws sso login --profile NAME` for `shell`, or `undefined` when the name cannot be quoted for it. */
export function signInCommandLine(shell: ShellKind, profile: string): string | undefined {
  const quoted = quoteArg(shell, profile);
  return quoted === undefined ? undefined : `aws sso login --profile ${quoted}`;
}

/** The arguments `aws` is run with to sign `profile` in, without any shell. */
export function signInArgs(profile: string): string[] {
  return ['sso', 'login', '--profile', profile];
}
