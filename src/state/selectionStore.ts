import type { ProfileInfo } from '../aws/types';

/** The part of `vscode.Memento` the store uses. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

const PROFILES_KEY = 'licenseManager.selectedProfiles';
const REGIONS_KEY = 'licenseManager.selectedRegions';

/** Region used for a profile that sets none. */
export function fallbackRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}

/**
 * The profiles and regions chosen in the explorer, kept in global state so
 * they survive reloads. Until a choice is made, the default profile (AWS_PROFILE
 * or `default`) is shown, or every profile when none is the default; each in
 * the profile's own region.
 */
export class SelectionStore {
  constructor(private readonly state: StateStore) {}

  /** The selected profiles among `discovered`, in discovery order. */
  profiles(discovered: readonly ProfileInfo[]): string[] {
    const stored = this.state.get<string[]>(PROFILES_KEY);
    if (!Array.isArray(stored)) {
      const defaults = discovered.filter((p) => p.isDefault);
      return (defaults.length > 0 ? defaults : discovered).map((p) => p.name);
    }
    return discovered.filter((p) => stored.includes(p.name)).map((p) => p.name);
  }

  async setProfiles(names: readonly string[]): Promise<void> {
    await this.state.update(PROFILES_KEY, [...new Set(names)]);
  }

  /** The regions shown for a profile, in the order chosen. */
  regions(profile: ProfileInfo): string[] {
    const stored = this.state.get<Record<string, string[]>>(REGIONS_KEY);
    const own = stored && Object.prototype.hasOwnProperty.call(stored, profile.name) ? stored[profile.name] : undefined;
    if (Array.isArray(own)) return own.filter((r) => typeof r === 'string');
    return [profile.region || fallbackRegion()];
  }

  async setRegions(profile: string, regions: readonly string[]): Promise<void> {
    const stored = this.state.get<Record<string, string[]>>(REGIONS_KEY) ?? {};
    const others = Object.entries(stored).filter(([name]) => name !== profile);
    await this.state.update(REGIONS_KEY, Object.fromEntries([...others, [profile, [...new Set(regions)]]]));
  }
}
