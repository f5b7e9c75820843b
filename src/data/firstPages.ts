import type { LicenseManagerApi } from '../aws/types';
import { ALL_LISTS } from '../model/resourceLists';
import type { ResourceHolder, ResourceKind } from '../model/resources';

/** One list call that failed while gathering resources. */
export interface ListFailure {
  readonly profile: string;
  readonly region: string;
  readonly kind: ResourceKind;
  readonly error: unknown;
}

export interface FirstPages {
  readonly holders: ResourceHolder[];
  readonly failures: ListFailure[];
}

export interface FirstPagesOptions {
  readonly signal?: AbortSignal;
  /**
   * For lists the service returns in every region: keeps an item only where this
   * says its home region is shown (see `showsReceivedHere`). Default: keep all.
   */
  readonly shownHere?: (homeRegion: string | undefined) => boolean;
}

/**
 * The first page of every list in one (profile, region), as holders the panels
 * can open, in list order. A failing list is reported and does not stop the others.
 */
export async function listFirstPages(api: LicenseManagerApi, maxResults: number, options: FirstPagesOptions = {}): Promise<FirstPages> {
  const failures: ListFailure[] = [];
  const perList = await Promise.all(
    ALL_LISTS.map(async (list): Promise<ResourceHolder[]> => {
      const kind = list.kind;
      try {
        const page = await list.list(api, { maxResults }, { signal: options.signal });
        const out: ResourceHolder[] = [];
        for (const data of page.items) {
          const arn = list.arnOf(data);
          if (!arn) continue;
          if (list.homeRegionOf && options.shownHere && !options.shownHere(list.homeRegionOf(data))) continue;
          out.push({ resource: { kind, profile: api.profile, region: api.region, arn }, data });
        }
        return out;
      } catch (error) {
        failures.push({ profile: api.profile, region: api.region, kind, error });
        return [];
      }
    }),
  );
  return { holders: perList.flat(), failures };
}
