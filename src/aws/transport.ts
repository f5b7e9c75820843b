/**
 * The SDK's HTTP transport: timeouts, HTTP(S) proxies and extra certificate
 * authorities. Proxy credentials are used on the wire only; every text that
 * names a proxy shows it through `redactProxyUrl`.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { Env, Section } from './config';
import { LicenseManagerError } from './errors';
import { bypassesProxy, parseNoProxy } from './noProxy';

export { bypassesProxy, parseNoProxy };

/** Network settings of the editor (user scope only); each wins over the environment. */
export interface NetworkSettings {
  /** Proxy URL (`http://[user:pass@]host:port`); empty/absent = the environment's proxy. */
  readonly proxy?: string;
  /** Hosts that bypass the proxy, NO_PROXY syntax; absent = the environment's NO_PROXY. */
  readonly noProxy?: readonly string[];
  /**
   * False accepts an HTTPS proxy's certificate that does not verify (`http.proxyStrictSSL`). Default
   * true. It never applies to the License Manager endpoint, whose certificate is always verified
   * (a private CA goes in `ca_bundle` or AWS_CA_BUNDLE).
   */
  readonly strictSSL?: boolean;
  /**
   * True when the editor routes requests itself: VS Code's `http.proxySupport` "override"
   * (its default) or "fallback" replaces the agent of every request to a host other than
   * `localhost`/`127.0.0.1` with its own proxy agent (`http.proxy`, the proxy variables it
   * read at start, the system proxy; `http.noProxy`). The client then gets plain agents,
   * whose CA bundle VS Code keeps; a proxy agent of ours would be dropped with its CA bundle.
   */
  readonly hostRoutesRequests?: boolean;
}

/** The hosts VS Code's proxy support leaves to the extension's own agent. */
const HOST_SKIPS = new Set(['localhost', '127.0.0.1']);

/** Input of `createRequestHandler`. */
export interface TransportOptions {
  readonly profile: string;
  readonly region: string;
  /** The endpoint the client sends to; absent = the region's public endpoint. */
  readonly endpoint?: string;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly network?: NetworkSettings;
  /** The profile's merged settings (for `ca_bundle`). */
  readonly section?: Section;
  readonly env: Env;
}

/** Marks an error raised while talking to the proxy itself (not the endpoint behind it). */
export class ProxyFailure extends Error {
  override readonly name = 'ProxyFailure';
  constructor(
    message: string,
    /** The proxy without its credentials. */
    readonly proxyUrl: string,
    readonly code: 'ProxyUnreachable' | 'ProxyAuthenticationRequired' | 'ProxyRefused',
    readonly proxyStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `scheme://host:port` of a proxy URL, without user, password, path or query. */
export function redactProxyUrl(url: string): string {
  try {
    const u = new URL(url.includes('://') ? url : `http://${url}`);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(an unparsable proxy URL)';
  }
}

function envValue(env: Env, name: string): string | undefined {
  return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}

/** The proxy URL (with credentials) requests to `target` go through, or undefined for a direct connection. */
export function proxyFor(target: URL, network: NetworkSettings | undefined, env: Env): string | undefined {
  const https = target.protocol === 'https:';
  const configured = network?.proxy?.trim();
  const proxy = configured || (https ? envValue(env, 'https_proxy') || envValue(env, 'http_proxy') : envValue(env, 'http_proxy'));
  if (!proxy) return undefined;
  const noProxy = network?.noProxy ?? parseNoProxy(envValue(env, 'no_proxy'));
  const port = target.port || (https ? '443' : '80');
  return bypassesProxy(target.hostname, port, noProxy) ? undefined : proxy;
}

/** The endpoint the SDK sends to when none is configured (for proxy decisions only). */
function defaultEndpoint(region: string): URL {
  return new URL(`https://license-manager.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`);
}

function readCa(path: string, source: string, profile: string): string {
  const fix = `Correct or remove ${source}, or point it at a readable PEM file of certificate authorities.`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'unreadable';
    throw new LicenseManagerError('configuration', `The CA bundle ${path} of ${source} (profile "${profile}") cannot be read (${code}).`, {
      code: 'InvalidCaBundle',
      profile,
      fix,
    });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new LicenseManagerError('configuration', `The CA bundle ${path} of ${source} (profile "${profile}") holds no PEM certificate.`, {
      code: 'InvalidCaBundle',
      profile,
      fix,
    });
  }
  return text;
}

/**
 * The trusted roots: undefined (Node's defaults) unless AWS_CA_BUNDLE or the
 * profile's `ca_bundle` (AWS_CA_BUNDLE wins, as in the AWS CLI) names a file;
 * then Node's roots, NODE_EXTRA_CA_CERTS and that bundle together.
 */
export function certificateAuthorities(options: Pick<TransportOptions, 'env' | 'section' | 'profile'>): string[] | undefined {
  const { env, section, profile } = options;
  const bundle = env.AWS_CA_BUNDLE
    ? { path: env.AWS_CA_BUNDLE, source: 'AWS_CA_BUNDLE' }
    : section?.ca_bundle
      ? { path: section.ca_bundle, source: `ca_bundle of profile "${profile}"` }
      : undefined;
  if (!bundle) return undefined;
  const extra = env.NODE_EXTRA_CA_CERTS ? [readCa(env.NODE_EXTRA_CA_CERTS, 'NODE_EXTRA_CA_CERTS', profile)] : [];
  return [...rootCertificates, ...extra, readCa(bundle.path, bundle.source, profile)];
}

type ConnectArgs = [req: http.ClientRequest, opts: Parameters<HttpsProxyAgent<string>['connect']>[1]];

function proxyUnreachable(e: unknown, proxyUrl: string): ProxyFailure {
  const code = (e as { code?: string })?.code;
  return new ProxyFailure(`The proxy ${proxyUrl} could not be reached${code ? ` (${code})` : ''}.`, proxyUrl, 'ProxyUnreachable', undefined, { cause: e });
}

function proxyAnswered(status: number, proxyUrl: string): ProxyFailure {
  return status === 407
    ? new ProxyFailure(`The proxy ${proxyUrl} refused the request: 407 Proxy Authentication Required.`, proxyUrl, 'ProxyAuthenticationRequired', 407)
    : new ProxyFailure(`The proxy ${proxyUrl} refused to connect to the endpoint (HTTP ${status}).`, proxyUrl, 'ProxyRefused', status);
}

/** CONNECT tunnels; a refused CONNECT or an unreachable proxy fails with `ProxyFailure`. */
class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly shown: string,
    private readonly connectTimeoutMs: number,
    /** TLS options of the endpoint behind the tunnel (the base class keeps only the proxy's). */
    private readonly endpointTls: { ca?: string[]; rejectUnauthorized: true },
    opts: ConstructorParameters<typeof HttpsProxyAgent<string>>[1],
  ) {
    super(proxy, opts);
  }

  override async connect(...[req, opts]: ConnectArgs): Promise<Socket> {
    let status: number | undefined;
    req.once('proxyConnect', (answer: { statusCode?: number }) => (status = answer.statusCode));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), this.connectTimeoutMs);
    });
    let socket: Socket;
    try {
      socket = await Promise.race([super.connect(req, { ...opts, ...this.endpointTls }), timeout]);
    } catch (e) {
      throw status === undefined ? proxyUnreachable(e, this.shown) : e;
    } finally {
      clearTimeout(timer);
    }
    if (status !== undefined && status !== 200) {
      socket.destroy();
      throw proxyAnswered(status, this.shown);
    }
    return socket;
  }
}

/** Plain-HTTP forwarding; an unreachable proxy fails with `ProxyFailure`. */
class ForwardAgent extends HttpProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly shown: string,
    opts: ConstructorParameters<typeof HttpProxyAgent<string>>[1],
  ) {
    super(proxy, opts);
  }

  override async connect(...[req, opts]: Parameters<HttpProxyAgent<string>['connect']>): Promise<Socket> {
    try {
      return await super.connect(req, opts);
    } catch (e) {
      throw proxyUnreachable(e, this.shown);
    }
  }
}

/** Turns a 407 from a forwarding proxy into a `ProxyFailure` (a tunnel's is caught at CONNECT). */
class ProxyAwareHandler extends NodeHttpHandler {
  constructor(
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    private readonly forwardingProxy: string | undefined,
  ) {
    super(options);
  }

  override async handle(...args: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    const out = await super.handle(...args);
    if (this.forwardingProxy && out.response.statusCode === 407) {
      (out.response.body as { destroy?: () => void } | undefined)?.destroy?.();
      throw proxyAnswered(407, this.forwardingProxy);
    }
    return out;
  }
}

/**
 * The SDK request handler of one client: connection and request timeouts that
 * throw, the proxy that applies to its endpoint (editor settings, else
 * HTTPS_PROXY/HTTP_PROXY and NO_PROXY, upper or lower case), and the extra
 * certificate authorities. Throws a `configuration` error for an unreadable CA
 * bundle.
 */
export function createRequestHandler(options: TransportOptions): NodeHttpHandler {
  const connectionTimeout = options.connectionTimeoutMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const ca = certificateAuthorities(options);
  // The endpoint's certificate is always verified; `strictSSL: false` is for an HTTPS proxy's own certificate only.
  const tlsOptions = { ...(ca ? { ca } : {}), rejectUnauthorized: true as const };
  const proxyStrict = options.network?.strictSSL !== false;
  const target = options.endpoint ? new URL(options.endpoint) : defaultEndpoint(options.region);
  const hostRoutes = options.network?.hostRoutesRequests === true && !HOST_SKIPS.has(target.hostname.toLowerCase());
  const proxy = hostRoutes ? undefined : proxyFor(target, options.network, options.env);
  const shown = proxy ? redactProxyUrl(proxy) : undefined;
  const proxyUrl = proxy && !proxy.includes('://') ? `http://${proxy}` : proxy;
  const base = { connectionTimeout, requestTimeout, socketTimeout: requestTimeout, throwOnRequestTimeout: true };
  if (!proxyUrl || !shown) {
    return new ProxyAwareHandler({ ...base, httpAgent: new http.Agent({ keepAlive: true }), httpsAgent: new https.Agent({ keepAlive: true, ...tlsOptions }) }, undefined);
  }
  try {
    new URL(proxyUrl);
  } catch {
    throw new LicenseManagerError('configuration', `The proxy URL ${shown} is not a valid URL.`, {
      code: 'InvalidProxy',
      profile: options.profile,
      fix: 'Correct the http.proxy setting or the HTTPS_PROXY/HTTP_PROXY variables.',
    });
  }
  const proxyTls = proxyUrl.startsWith('https:') ? { rejectUnauthorized: proxyStrict, ...(ca ? { ca } : {}) } : {};
  return new ProxyAwareHandler(
    {
      ...base,
      httpAgent: new ForwardAgent(proxyUrl, shown, { keepAlive: true, ...proxyTls }),
      httpsAgent: new TunnelAgent(proxyUrl, shown, connectionTimeout, tlsOptions, { keepAlive: true, ...proxyTls }),
    },
    target.protocol === 'http:' ? shown : undefined,
  );
}
