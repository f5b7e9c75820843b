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

const madeHere = new WeakSet<object>();

/**
 * Records that the extension itself made `holder` from what AWS answered, for a step the user chose on
 * the extension's own surface (the button of an outcome notification): commands take it as held.
 */
export function markMadeHere<T extends ResourceHolder>(holder: T): T {
  madeHere.add(holder);
  return holder;
}

/** True for a holder from `markMadeHere`. */
export function wasMadeHere(holder: unknown): boolean {
  return typeof holder === 'object' && holder !== null && madeHere.has(holder);
}
