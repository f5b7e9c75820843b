import { LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { fromIni } from '@aws-sdk/credential-providers';
import { credentialFix, credentialKind, profileSection, readSharedFiles, resolveConfiguredEndpoint } from './config';
import { LicenseManagerError } from './errors';
import { NETWORK_DEFAULTS, badRegion, credentialsTimeout, displayEndpoint, isRegionName } from './outcomes';

export { NETWORK_DEFAULTS };
import { LicenseManagerFacade, type ConnectedClient } from './facade';
import { createRequestHandler, type NetworkSettings } from './transport';
import type { CredentialKind, LicenseManagerApi, LicenseManagerClientFactory } from './types';

/** Options of `createClientFactory`. */
export interface ClientFactoryOptions {
  /** Debug lines (operation, profile, region, outcome, request id); never credentials. */
  readonly log?: (line: string) => void;
  /**
   * Attempts per call, the first included, for the SDK's retry strategy.
   * Omitted: the SDK's own choice (AWS_MAX_ATTEMPTS, the profile's `max_attempts`, else 3).
   */
  readonly maxAttempts?: number;
  /** Milliseconds to wait for the TCP/TLS connection before failing with kind `timeout`. Default `NETWORK_DEFAULTS.connectionTimeoutMs`. */
  readonly connectionTimeoutMs?: number;
  /**
   * Milliseconds to wait for the first byte of the answer, and the longest silence while the
   * rest arrives, before failing with kind `timeout` (the request handler must throw, not warn).
   * Default `NETWORK_DEFAULTS.requestTimeoutMs`.
   */
  readonly requestTimeoutMs?: number;
  /** Milliseconds one whole call may take: credentials, request and retries. Default `NETWORK_DEFAULTS.callDeadlineMs`. */
  readonly callDeadlineMs?: number;
  /** Milliseconds a credential provider (SSO, assume-role, credential_process) may take. Default `NETWORK_DEFAULTS.credentialsDeadlineMs`. */
  readonly credentialsDeadlineMs?: number;
  /**
   * The editor's proxy settings (user scope only), read whenever a client is created;
   * call `reset()` after they change. See `src/aws/transport.ts`.
   */
  readonly network?: () => NetworkSettings;
}


/** The refusal of a configured endpoint; the URL is shown without its user and password. */
function invalidEndpoint(url: string, profile: string, region: string): LicenseManagerError {
  return new LicenseManagerError('configuration', `The License Manager endpoint configured for profile "${profile}" is not an http(s) URL: ${displayEndpoint(url)}`, {
    code: 'InvalidEndpointConfiguration',
    profile,
    region,
    fix: `Correct endpoint_url for profile "${profile}" in the AWS config file, or the AWS_ENDPOINT_URL variables.`,
  });
}

function checkedUrl(url: string, profile: string, region: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidEndpoint(url, profile, region);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalidEndpoint(url, profile, region);
  if (parsed.username || parsed.password) throw invalidEndpoint(url, profile, region);
  return url;
}

type Provider = ReturnType<typeof fromIni>;

/**
 * A 200 answer without a body is not License Manager's (every operation answers
 * a JSON object); the SDK would read it as a result with nothing in it.
 */
function refuseEmptyAnswer(response: unknown): void {
  const { statusCode, headers } = response as { statusCode?: number; headers?: Record<string, string> };
  const length = headers?.['content-length'];
  if (statusCode === 200 && length !== undefined && Number(length) === 0) {
    throw Object.assign(new Error('The answer has an empty body.'), { name: 'EmptyAnswer', $metadata: { httpStatusCode: 200 } });
  }
}

function credentialSource(kind: CredentialKind): string | undefined {
  const names: Partial<Record<CredentialKind, string>> = {
    sso: 'SSO',
    'assume-role': 'assume role',
    'credential-process': 'credential_process',
    'web-identity': 'web identity',
  };
  return names[kind];
}

/**
 * The provider, failing with kind `timeout` when it has not settled within `ms`
 * (a credential_process that never exits, an SSO or STS endpoint that never answers).
 */
function withDeadline(provider: Provider, profile: string, ms: number, source: string | undefined): Provider {
  return (props) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(credentialsTimeout(profile, ms, source)), ms);
    });
    return Promise.race([provider(props), deadline]).finally(() => clearTimeout(timer));
  };
}

/**
 * Creates the SDK client of one (profile, region). The shared files are read
 * afresh, so a client created after `reset` sees edits.
 *
 * - Credentials: `fromIni({ profile })` from `@aws-sdk/credential-providers`,
 *   which covers static keys, SSO (legacy and sso-session), assume-role,
 *   credential_process and web identity, and refreshes expiring credentials.
 *   Environment credentials (AWS_ACCESS_KEY_ID…) never override the profile.
 * - Endpoint: resolved from the standard mechanisms only (see
 *   `resolveConfiguredEndpoint`) and passed explicitly; when none is configured
 *   the SDK's own lookup is switched off so that it cannot apply another
 *   profile's `endpoint_url` (the SDK reads it from AWS_PROFILE/`default`, not
 *   from the client's `profile`).
 * - Retries: the SDK's retry strategy (standard unless the profile says otherwise).
 * - Deadlines: see `NETWORK_DEFAULTS`; a region that is not a region name is
 *   refused (kind `configuration`) before anything is read or sent.
 */
async function connect(profile: string, region: string, options: ClientFactoryOptions): Promise<ConnectedClient> {
  if (!isRegionName(region)) throw badRegion(profile, region);
  const files = await readSharedFiles(process.env);
  const configured = resolveConfiguredEndpoint(files, profile, process.env);
  if (configured.error) {
    throw new LicenseManagerError('configuration', configured.error, {
      code: 'InvalidServicesSection',
      profile,
      region,
      fix: `Add the missing [services …] section to ${files.configFile}, or remove "services" from profile "${profile}".`,
    });
  }
  const endpoint = configured.url ? checkedUrl(configured.url, profile, region) : undefined;
  const client = new LicenseManagerClient({
    region,
    profile,
    credentials: withDeadline(
      fromIni({ profile, ignoreCache: true }),
      profile,
      options.credentialsDeadlineMs ?? NETWORK_DEFAULTS.credentialsDeadlineMs,
      credentialSource(credentialKind(profileSection(files, profile))),
    ),
    ...(endpoint ? { endpoint } : { ignoreConfiguredEndpointUrls: true }),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    requestHandler: createRequestHandler({
      ...options,
      connectionTimeoutMs: options.connectionTimeoutMs ?? NETWORK_DEFAULTS.connectionTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs ?? NETWORK_DEFAULTS.requestTimeoutMs,
      network: options.network?.(),
      profile,
      region,
      endpoint,
      section: profileSection(files, profile),
      env: process.env,
    }),
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      refuseEmptyAnswer(result.response);
      return result;
    },
    { step: 'deserialize', name: 'refuseEmptyAnswer' },
  );
  return {
    client,
    credentialsFix: credentialFix(files, profile),
    credentialKind: credentialKind(profileSection(files, profile)),
    ...(endpoint ? { endpoint } : {}),
  };
}

interface Connection {
  readonly profile: string;
  readonly pending: Promise<ConnectedClient>;
  /** Calls currently using the client. */
  active: number;
  /** Dropped by reset/dispose; destroyed once no call uses it. */
  retired: boolean;
}

function destroyWhenIdle(connection: Connection): void {
  if (!connection.retired || connection.active > 0) return;
  connection.pending.then(
    (c) => c.client.destroy(),
    () => undefined,
  );
}

/**
 * The client factory the extension uses: one facade per (profile, region),
 * cached. Clients are created on the first call of a facade, so `get` never
 * touches the disk or the network. `reset(profile)` and `dispose()` destroy the
 * cached clients (a client still serving calls is destroyed when they finish);
 * a facade obtained earlier stays usable and builds a fresh client, re-reading
 * the config files, on its next call.
 */
export function createClientFactory(options: ClientFactoryOptions = {}): LicenseManagerClientFactory {
  const facades = new Map<string, LicenseManagerFacade>();
  const connections = new Map<string, Connection>();
  const key = (profile: string, region: string) => JSON.stringify([profile, region]);

  const current = (profile: string, region: string): Connection => {
    const k = key(profile, region);
    const existing = connections.get(k);
    if (existing) return existing;
    const created: Connection = { profile, pending: connect(profile, region, options), active: 0, retired: false };
    connections.set(k, created);
    created.pending.catch(() => {
      if (connections.get(k) === created) connections.delete(k);
    });
    return created;
  };

  const acquire = async (profile: string, region: string) => {
    const connection = current(profile, region);
    connection.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      connection.active--;
      destroyWhenIdle(connection);
    };
    try {
      return { ...(await connection.pending), release };
    } catch (e) {
      release();
      throw e;
    }
  };

  const retire = (k: string, connection: Connection) => {
    connections.delete(k);
    connection.retired = true;
    destroyWhenIdle(connection);
  };

  return {
    get(profile: string, region: string): LicenseManagerApi {
      const k = key(profile, region);
      let facade = facades.get(k);
      if (!facade) {
        facade = new LicenseManagerFacade({
          profile,
          region,
          log: options.log,
          callDeadlineMs: options.callDeadlineMs ?? NETWORK_DEFAULTS.callDeadlineMs,
          acquire: () => acquire(profile, region),
        });
        facades.set(k, facade);
      }
      return facade;
    },
    reset(profile?: string): void {
      for (const [k, c] of connections) if (profile === undefined || c.profile === profile) retire(k, c);
    },
    dispose(): void {
      for (const [k, c] of connections) retire(k, c);
      facades.clear();
    },
  };
}
