/** `vscode.l10n.t` in the extension; a plain `{0}` formatter in unit tests. Lets pure modules word things. */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** A translator that only substitutes `{n}` placeholders. */
export const plainTranslate: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
