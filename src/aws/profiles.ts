import {
  credentialKind,
  profileNames,
  profileSection,
  readSharedFiles,
  resolveConfiguredEndpoint,
  type Env,
  type Section,
} from './config';
import { displayEndpoint, isRegionName } from './outcomes';
import type { ProfileInfo } from './types';

/** Options of `discoverProfiles`. */
export interface DiscoverProfilesOptions {
  /**
   * Environment to read AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE,
   * HOME and the endpoint variables from. Defaults to `process.env`.
   */
  readonly env?: Env;
}

/** The account a profile section names: `sso_account_id`, or the account of `role_arn`. */
function configuredAccount(section: Section | undefined): string | undefined {
  const sso = section?.sso_account_id?.trim();
  if (sso && /^\d{12}$/.test(sso)) return sso;
  return /^arn:aws[a-zA-Z-]*:iam::(\d{12}):role\//.exec(section?.role_arn?.trim() ?? '')?.[1];
}

/**
 * Lists the profiles of the shared config and credentials files, read afresh on
 * every call so that edits are seen. Each entry carries the profile's name,
 * region, credential kind and configured License Manager endpoint (scheme and
 * host only: user information in the URL is never shown), never a secret; a
 * region that is not a region name is reported as the profile's `problem`. Sorted by name with the default profile first. Missing files yield
 * an empty list.
 */
export async function discoverProfiles(options: DiscoverProfilesOptions = {}): Promise<ProfileInfo[]> {
  const env = options.env ?? process.env;
  const files = await readSharedFiles(env);
  const names = profileNames(files);
  const defaultName = env.AWS_PROFILE && names.includes(env.AWS_PROFILE) ? env.AWS_PROFILE : 'default';
  const profiles = names.map((name): ProfileInfo => {
    const section = profileSection(files, name);
    const endpoint = resolveConfiguredEndpoint(files, name, env);
    const region = section?.region?.trim();
    const regionProblem =
      region && !isRegionName(region) ? `The region ${JSON.stringify(region.slice(0, 60))} of profile "${name}" is not an AWS region name.` : undefined;
    const problem = endpoint.error ?? regionProblem;
    const accountId = configuredAccount(section);
    return {
      name,
      ...(region ? { region } : {}),
      kind: credentialKind(section),
      ...(endpoint.url ? { endpointUrl: displayEndpoint(endpoint.url), endpointSource: endpoint.source } : {}),
      isDefault: name === defaultName,
      ...(problem ? { problem } : {}),
      ...(accountId ? { accountId } : {}),
    };
  });
  return profiles.sort((a, b) => {
    if (a.isDefault !== b.isDefault) return a.isDefault ? -1 : 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}
