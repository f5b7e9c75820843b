import type { LicenseManagerApi } from '../aws/types';
import { ALL_LISTS } from '../model/resourceLists';
import type { ResourceHolder, ResourceKind } from '../model/resources';
import { escapeIcons } from '../shared/plainText';
import { lastArnPart } from '../model/arn';
import { str } from './views/format';
import type { Translate } from '../model/translate';
import { kindLabel } from './views/summary';

/** One list call that failed while gathering resources for the picker. */
export interface PickFailure {
  readonly profile: string;
  readonly region: string;
  readonly kind: ResourceKind;
  readonly error: unknown;
}

export interface Pickable {
  readonly holders: ResourceHolder[];
  readonly failures: PickFailure[];
}

/**
 * The first page of every category in one (profile, region), as holders the
 * panels can open. A failing list is reported and does not stop the others.
 */
export async function listPickable(api: LicenseManagerApi, maxResults: number, signal?: AbortSignal): Promise<Pickable> {
  const holders: ResourceHolder[] = [];
  const failures: PickFailure[] = [];
  await Promise.all(
    ALL_LISTS.map(async (list) => {
      const kind = list.kind;
      try {
        const page = await list.list(api, { maxResults }, { signal });
        for (const data of page.items) {
          const arn = list.arnOf(data);
          if (arn) holders.push({ resource: { kind, profile: api.profile, region: api.region, arn }, data });
        }
      } catch (error) {
        failures.push({ profile: api.profile, region: api.region, kind, error });
      }
    }),
  );
  const order = (h: ResourceHolder): number => ALL_LISTS.findIndex((l) => l.kind === h.resource.kind);
  holders.sort((a, b) => order(a) - order(b));
  return { holders, failures };
}

/**
 * Received licenses are listed in every region: keep one per (profile, ARN),
 * the one seen in its home region when there is one.
 */
export function dedupeReceived(holders: readonly ResourceHolder[]): ResourceHolder[] {
  const chosen = new Map<string, ResourceHolder>();
  const out: ResourceHolder[] = [];
  for (const h of holders) {
    if (h.resource.kind !== 'receivedLicense') {
      out.push(h);
      continue;
    }
    const key = `${h.resource.profile}|${h.resource.arn}`;
    const prev = chosen.get(key);
    const home = str((h.data as Record<string, unknown>).HomeRegion);
    if (!prev) {
      chosen.set(key, h);
      out.push(h);
    } else if (home === h.resource.region && prev.resource.region !== home) {
      chosen.set(key, h);
      out[out.indexOf(prev)] = h;
    }
  }
  return out;
}


/** Label and description of a resource in a quick pick: its name, then kind and status. */
export function describeHolder(t: Translate, holder: ResourceHolder): { label: string; description: string; detail: string } {
  const d = holder.data as Record<string, unknown>;
  const ref = holder.resource;
  const name =
    str(d.GrantName) ?? str(d.LicenseName) ?? str(d.Name) ?? str(d.ProductName) ?? str(d.ResourceArn) ?? lastArnPart(ref.arn);
  const received = d.ReceivedMetadata as { ReceivedStatus?: unknown } | undefined;
  const status = str(d.GrantStatus) ?? (ref.kind === 'receivedLicense' ? str(received?.ReceivedStatus) : undefined) ?? str(d.Status);
  const kind = kindLabel(t, ref.kind);
  return {
    label: escapeIcons(name),
    description: escapeIcons(status ? t('{0} · {1}', kind, status) : kind),
    detail: escapeIcons(t('{0} · {1} · {2}', ref.profile, ref.region, ref.arn)),
  };
}
