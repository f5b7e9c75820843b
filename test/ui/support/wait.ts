import { pollUntil } from '../../support/poll';

/** Polls `fn` until it returns something other than undefined/false (or stops throwing). */
export function poll<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 15_000,
  what: string | (() => string) = 'condition',
): Promise<Exclude<T, undefined | false>> {
  return pollUntil(fn, timeoutMs, what, 100);
}

/** The few DOM members the helpers read inside page functions (the tests compile without the DOM lib). */
export interface DomElement {
  innerText: string;
  offsetParent: unknown;
  style: { display: string };
}
