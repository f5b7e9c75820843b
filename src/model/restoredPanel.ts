/**
 * What a detail panel saves in its webview state to come back after a window
 * reload, and the check of what comes back: that state passed through the
 * webview, so it is read as untrusted input. Pure.
 */
import type { ResourceKind, ResourceRef } from './resources';
import { isArn } from './validation';
import { ALL_LISTS } from './resourceLists';

/** Kinds a restored panel can read again from AWS (usage records and associations cannot be). */
const RESTORABLE: readonly ResourceKind[] = ALL_LISTS.map((l) => l.kind);
const REGION = /^[a-z]{2}(-[a-z0-9]+){1,3}-\d{1,2}$/;
/** A profile name as the shared config files allow it (no whitespace, no brackets). */
const PROFILE = /^[A-Za-z0-9_.@+\-/:]{1,128}$/;

/**
 * The resource a restored panel shows, or `undefined` when the saved state is
 * not exactly a reference to a resource the panel can read again through a
 * profile in `profiles`. Never carries the saved object itself: the panel reads it from AWS.
 */
export function parseRestoredRef(state: unknown, profiles: readonly string[]): ResourceRef | undefined {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  const ref = (state as { ref?: unknown }).ref;
  if (typeof ref !== 'object' || ref === null || Array.isArray(ref)) return undefined;
  const r = ref as Record<string, unknown>;
  const { kind, profile, region, arn } = r;
  if (Object.keys(r).some((k) => !['kind', 'profile', 'region', 'arn'].includes(k))) return undefined;
  if (typeof kind !== 'string' || !(RESTORABLE as readonly string[]).includes(kind)) return undefined;
  if (typeof profile !== 'string' || !PROFILE.test(profile) || !profiles.includes(profile)) return undefined;
  if (typeof region !== 'string' || !REGION.test(region)) return undefined;
  if (typeof arn !== 'string' || !isArn(arn)) return undefined;
  return { kind: kind as ResourceKind, profile, region, arn };
}
