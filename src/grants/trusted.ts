/**
 * Marks the resources a command received as an argument it did not make itself (a `command:` link,
 * another extension) and therefore read from AWS before acting: flows ask before changing them.
 */
import type { ResourceHolder } from '../model/resources';

const readFromAws = new WeakSet<object>();

/** Records that `holder` holds what AWS answered just now for an argument the extension did not make. */
export function markReadFromAws<T extends ResourceHolder>(holder: T): T {
  readFromAws.add(holder);
  return holder;
}

/** True for a holder from `markReadFromAws`: no view showed it to the user before the command ran. */
export function wasReadFromAws(holder: unknown): boolean {
  return typeof holder === 'object' && holder !== null && readFromAws.has(holder);
}
