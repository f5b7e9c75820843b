import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws/types';
import type { ProfileSelection } from '../model/resources';
import { categoriesAffected } from '../model/resourceLists';
import { normalizeFilter, type ExplorerFilter } from '../model/rules';
import type { CategoryKind } from '../model/resources';
import { InFlight } from './inflight';
import { PendingTokens } from './pendingTokens';
import { RecentChanges } from './recentChanges';
import { SelectionStore, type StateStore } from './selectionStore';

/** What changed in the explorer state. */
export type StateChange =
  | { readonly kind: 'profiles' }
  | { readonly kind: 'regions'; readonly profile: string }
  | { readonly kind: 'filter'; readonly reload: readonly CategoryKind[] };

/**
 * What the explorer shows, shared by the tree, the commands and the grant flows:
 * the discovered profiles, the selected profiles and their regions (kept across
 * reloads), the explorer filter, and the one-action-per-grant guard.
 */
export class ExplorerState implements vscode.Disposable {
  private readonly store: SelectionStore;
  private discovered: Promise<readonly ProfileInfo[]> | undefined;
  private currentFilter: ExplorerFilter = {};
  private readonly emitter = new vscode.EventEmitter<StateChange>();
  /** Fires after the selection, the regions of a profile or the filter changed, or profiles were discovered again. */
  readonly onDidChange = this.emitter.event;
  /** At most one action per grant (or license) in flight. */
  readonly inFlight = new InFlight();
  /** ClientTokens of unfinished writes, reused when the same request is sent again. */
  readonly pendingTokens = new PendingTokens();

  constructor(
    memento: StateStore,
    private readonly discover: () => Promise<readonly ProfileInfo[]>,
    /** Grant changes made here, laid over lists that do not show them yet (see `RecentChanges`). */
    readonly recent = new RecentChanges(),
  ) {
    this.store = new SelectionStore(memento);
  }

  /** The discovered profiles (reads the shared AWS files on first use; a failure is retried next time). */
  profiles(): Promise<readonly ProfileInfo[]> {
    this.discovered ??= this.discover();
    const discovered = this.discovered;
    discovered.catch(() => {
      if (this.discovered === discovered) this.discovered = undefined;
    });
    return discovered;
  }

  /** Forgets the discovered profiles, so the AWS files are read again. */
  async rediscover(): Promise<readonly ProfileInfo[]> {
    this.discovered = undefined;
    try {
      return await this.profiles();
    } finally {
      this.emitter.fire({ kind: 'profiles' });
    }
  }

  /** Names of the selected profiles among `profiles`, in discovery order. */
  selectedNames(profiles: readonly ProfileInfo[]): string[] {
    return this.store.profiles(profiles);
  }

  /** The selected profiles, each with its selected regions. */
  async selection(): Promise<ProfileSelection[]> {
    const profiles = await this.profiles();
    const names = this.store.profiles(profiles);
    return profiles.filter((p) => names.includes(p.name)).map((p) => ({ profile: p.name, regions: this.store.regions(p) }));
  }

  async setSelectedProfiles(names: readonly string[]): Promise<void> {
    await this.store.setProfiles(names);
    this.emitter.fire({ kind: 'profiles' });
  }

  /** Regions selected for a profile (the profile's own region until a choice is made). */
  regionsFor(profile: ProfileInfo): string[] {
    return this.store.regions(profile);
  }

  /** Regions selected for a profile by name; none for an unknown profile. */
  async regionsOf(profile: string): Promise<string[]> {
    const info = (await this.profiles()).find((p) => p.name === profile);
    return info ? this.store.regions(info) : [];
  }

  async setRegions(profile: string, regions: readonly string[]): Promise<void> {
    await this.store.setRegions(profile, regions);
    this.emitter.fire({ kind: 'regions', profile });
  }

  get filter(): ExplorerFilter {
    return this.currentFilter;
  }

  /** Sets the explorer filter; the change names the categories whose server-side filter changed. */
  setFilter(filter: ExplorerFilter): void {
    const before = this.currentFilter;
    this.currentFilter = normalizeFilter(filter);
    this.emitter.fire({ kind: 'filter', reload: categoriesAffected(before, this.currentFilter) });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
