/**
 * Version numbers of grants and licenses as the API gives them (`"1"`, `"2"`, …): checked before they
 * go into a URI, a call or a pick, compared as numbers, and offered a bounded window at a time.
 */

/** A version: a positive decimal integer of at most ten digits, without a leading zero. */
export const VERSION_PATTERN = /^[1-9]\d{0,9}$/;

/** How many versions a pick offers at once (the newest first, then "Older…"). */
export const VERSION_WINDOW = 50;

export function isVersion(v: unknown): v is string {
  return typeof v === 'string' && VERSION_PATTERN.test(v);
}

/** `a` compared with `b` as numbers (negative: older); undefined when either is no version. */
export function compareVersions(a: unknown, b: unknown): number | undefined {
  if (!isVersion(a) || !isVersion(b)) return undefined;
  return Number(a) - Number(b);
}

/**
 * One window of the versions before `latest`, newest first: at most `size` of them, starting
 * below `below` (default `latest`, i.e. the version just before the latest). `older` is the
 * version to start the next window below, when there are older versions left.
 */
export function versionWindow(latest: string, below?: string, size = VERSION_WINDOW): { versions: string[]; older?: string } {
  if (!isVersion(latest) || (below !== undefined && !isVersion(below))) return { versions: [] };
  const top = Math.min(Number(latest), below === undefined ? Number(latest) : Number(below)) - 1;
  const count = Math.max(0, Math.min(size, top));
  const versions = Array.from({ length: count }, (_, i) => String(top - i));
  const last = top - count;
  return last >= 1 ? { versions, older: String(last + 1) } : { versions };
}
