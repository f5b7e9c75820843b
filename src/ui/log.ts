/**
 * The extension's log: a `LogOutputChannel` every line of which is made one line by
 * {@link logText}, so text from AWS (an error code, a message, a name) can neither start a
 * line that looks like the extension's own nor flood the log.
 */
import type * as vscode from 'vscode';
import { logText } from '../shared/plainText';

function part(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** One escaped, capped line of a message and its arguments. */
export function logLine(message: unknown, args: readonly unknown[] = []): string {
  return logText([message, ...args].map(part).join(' '));
}

/** `channel` whose every message passes through {@link logLine}. */
export function safeLog(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return {
    get name() {
      return channel.name;
    },
    get logLevel() {
      return channel.logLevel;
    },
    onDidChangeLogLevel: channel.onDidChangeLogLevel,
    trace: (message, ...args) => channel.trace(logLine(message, args)),
    debug: (message, ...args) => channel.debug(logLine(message, args)),
    info: (message, ...args) => channel.info(logLine(message, args)),
    warn: (message, ...args) => channel.warn(logLine(message, args)),
    error: (error, ...args) => channel.error(logLine(error, args)),
    append: (value) => channel.append(logText(value)),
    appendLine: (value) => channel.appendLine(logText(value)),
    replace: (value) => channel.replace(logText(value)),
    clear: () => channel.clear(),
    show: (columnOrFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean) =>
      typeof columnOrFocus === 'boolean' || columnOrFocus === undefined ? channel.show(columnOrFocus) : channel.show(columnOrFocus, preserveFocus),
    hide: () => channel.hide(),
    dispose: () => channel.dispose(),
  };
}

/**
 * The `.catch` handler of work nobody awaits (an event handler's, a timer's): its failure is
 * logged as `<what> failed: <error>` instead of becoming an unhandled rejection.
 */
export function logFailure(log: Pick<vscode.LogOutputChannel, 'error'>, what: string): (e: unknown) => void {
  return (e) => log.error(`${what} failed:`, e);
}
