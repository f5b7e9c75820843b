/**
 * Reading of the shared AWS config and credentials files: paths, profile
 * sections, credential kinds and configured License Manager endpoints.
 * Secrets are read by the SDK's credential providers only; nothing here
 * returns or logs a secret value.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { CredentialKind, ProfileInfo } from './types';

/** Environment variables the AWS layer reads (defaults to `process.env`). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Key/value pairs of one ini section. */
export type Section = Readonly<Record<string, string | undefined>>;

/** The shared files as parsed by `@smithy/shared-ini-file-loader`. */
export interface SharedFiles {
  readonly configFile: string;
  readonly credentialsFile: string;
  /** Config-file sections: profiles by name, plus `sso-session.<name>` and `services.<name>`. */
  readonly config: Readonly<Record<string, Section>>;
  /** Credentials-file sections by profile name. */
  readonly credentials: Readonly<Record<string, Section>>;
}

/** The SDK's service id of License Manager, as used in endpoint configuration keys. */
export const SERVICE_ID = 'License Manager';
const ENV_SERVICE_ENDPOINT = 'AWS_ENDPOINT_URL_LICENSE_MANAGER';
const ENV_ENDPOINT = 'AWS_ENDPOINT_URL';
const SERVICES_KEY = 'license_manager.endpoint_url';

function homeDir(env: Env): string {
  return env.HOME || env.USERPROFILE || (env.HOMEPATH ? `${env.HOMEDRIVE ?? 'C:'}${env.HOMEPATH}` : '') || homedir();
}

function expandHome(path: string, env: Env): string {
  return path.startsWith('~/') || path.startsWith('~\\') ? join(homeDir(env), path.slice(2)) : path;
}

/** Paths of the shared config and credentials files, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
export function sharedFilePaths(env: Env = process.env): { configFile: string; credentialsFile: string } {
  return {
    configFile: expandHome(env.AWS_CONFIG_FILE || join(homeDir(env), '.aws', 'config'), env),
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir(env), '.aws', 'credentials'), env),
  };
}

/** Reads both shared files afresh (never from the loader's cache). Missing files read as empty. */
export async function readSharedFiles(env: Env = process.env): Promise<SharedFiles> {
  const { configFile, credentialsFile } = sharedFilePaths(env);
  const parsed = await loadSharedConfigFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: true });
  return { configFile, credentialsFile, config: parsed.configFile, credentials: parsed.credentialsFile };
}

function isSpecialSection(key: string): boolean {
  return key.startsWith('sso-session.') || key.startsWith('services.');
}

/** Names of every profile in either file, unsorted. */
export function profileNames(files: SharedFiles): string[] {
  const names = new Set<string>();
  for (const key of Object.keys(files.config)) if (!isSpecialSection(key)) names.add(key);
  for (const key of Object.keys(files.credentials)) names.add(key);
  return [...names];
}

/** A profile's merged settings; the config file wins over the credentials file, as in the SDK. */
export function profileSection(files: SharedFiles, name: string): Section | undefined {
  const fromConfig = Object.prototype.hasOwnProperty.call(files.config, name) ? files.config[name] : undefined;
  const fromCredentials = Object.prototype.hasOwnProperty.call(files.credentials, name) ? files.credentials[name] : undefined;
  if (!fromConfig && !fromCredentials) return undefined;
  return { ...fromCredentials, ...fromConfig };
}

function has(section: Section, key: string): boolean {
  return typeof section[key] === 'string';
}

/**
 * How a profile obtains credentials, checked in the order the SDK's `fromIni`
 * resolves them. `login_session` profiles are reported as `unknown`.
 */
export function credentialKind(section: Section | undefined): CredentialKind {
  if (!section) return 'unknown';
  if (has(section, 'role_arn') && has(section, 'source_profile') !== has(section, 'credential_source')) {
    return 'assume-role';
  }
  if (has(section, 'aws_access_key_id') && has(section, 'aws_secret_access_key')) return 'static';
  if (has(section, 'web_identity_token_file') && has(section, 'role_arn')) return 'web-identity';
  if (has(section, 'credential_process')) return 'credential-process';
  if (['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some((k) => has(section, k))) {
    return 'sso';
  }
  return 'unknown';
}

/** Where a configured endpoint came from. */
export type EndpointSource = NonNullable<ProfileInfo['endpointSource']>;

/** Result of `resolveConfiguredEndpoint`. */
export interface ConfiguredEndpoint {
  readonly url?: string;
  readonly source?: EndpointSource;
  /** Set when the profile names a `services` section that does not exist. */
  readonly error?: string;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}

/**
 * The License Manager endpoint configured for a profile by the standard AWS
 * mechanisms, in their documented precedence:
 * AWS_ENDPOINT_URL_LICENSE_MANAGER, AWS_ENDPOINT_URL, the `license_manager`
 * entry of the profile's `services` section, the profile's `endpoint_url`.
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / `ignore_configured_endpoint_urls`
 * disable all of them. Nothing else can supply an endpoint.
 */
export function resolveConfiguredEndpoint(files: SharedFiles, profile: string, env: Env = process.env): ConfiguredEndpoint {
  const section = profileSection(files, profile) ?? {};
  if (truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || truthy(section.ignore_configured_endpoint_urls)) return {};
  const serviceEnv = env[ENV_SERVICE_ENDPOINT];
  if (serviceEnv) return { url: serviceEnv, source: 'AWS_ENDPOINT_URL_LICENSE_MANAGER' };
  const globalEnv = env[ENV_ENDPOINT];
  if (globalEnv) return { url: globalEnv, source: 'AWS_ENDPOINT_URL' };
  const servicesName = section.services;
  if (servicesName) {
    const services = files.config[`services.${servicesName}`];
    if (!services) {
      return { error: `The services section "${servicesName}" named by profile "${profile}" is not in ${files.configFile}.` };
    }
    const url = services[SERVICES_KEY];
    if (url) return { url, source: 'services' };
  }
  if (section.endpoint_url) return { url: section.endpoint_url, source: 'profile' };
  return {};
}

/**
 * `aws VERB --profile NAME` when NAME reads the same typed into any shell; otherwise the command with
 * a placeholder, so that no text meant to be copied carries a name some shell would run.
 */
export function profileCommand(verb: string, name: string): string {
  return /^[A-Za-z0-9._-]+$/.test(name)
    ? `aws ${verb} --profile ${name}`
    : `aws ${verb} --profile NAME, with NAME the name of profile ${JSON.stringify(name)} quoted for your shell`;
}

/**
 * What the user can run or check to get working credentials for a profile.
 * Follows `source_profile` for assume-role profiles.
 */
export function credentialFix(files: SharedFiles | undefined, profile: string): string {
  const seen = new Set<string>();
  let name = profile;
  for (;;) {
    const section = files ? profileSection(files, name) : undefined;
    if (!section) return profileCommand('configure', name);
    if (has(section, 'login_session')) return profileCommand('login', name);
    const kind = credentialKind(section);
    switch (kind) {
      case 'sso':
        return profileCommand('sso login', name);
      case 'static':
        return profileCommand('configure', name);
      case 'credential-process':
        return `Check the credential_process command of profile "${name}".`;
      case 'web-identity':
        return `Check the web_identity_token_file and role_arn of profile "${name}".`;
      case 'assume-role': {
        const source = section.source_profile;
        if (!source || seen.has(source)) {
          return `Check the role_arn and credential_source of profile "${name}".`;
        }
        seen.add(name);
        name = source;
        continue;
      }
      default:
        return profileCommand('configure', name);
    }
  }
}
