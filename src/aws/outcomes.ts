/**
 * Failures of the call itself rather than of License Manager: deadlines,
 * cancellation, answers that are not License Manager's, and unusable profile
 * settings. Pure: imports no SDK code.
 */
import { LicenseManagerError } from './errors';
import type { ErrorContext } from './types';

/**
 * Defaults for a slow VPN: a healthy call answers within a few seconds, so each limit is many
 * times that. Connect 10 s covers TCP SYN retries and a TLS handshake over a congested tunnel;
 * 30 s to the first byte (and of silence mid-answer) is ten times a slow 3-second answer;
 * credentials get 30 s (SSO token refresh and assume-role are two more HTTPS round trips, a
 * credential_process may start a helper); the whole call gets 60 s, enough for credentials and
 * two slow attempts, and is what finally bounds retries.
 */
export const NETWORK_DEFAULTS = {
  connectionTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  callDeadlineMs: 60_000,
  credentialsDeadlineMs: 30_000,
} as const;

/** What a timeout message says timed out. */
export type TimeoutStage = 'connect' | 'answer' | 'body' | 'call';

/** Seconds, as shown in messages (one decimal below 10 s). */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? Number(s.toFixed(1)) : Math.round(s)} s`;
}

/** The endpoint without user information, path or query, for messages and logs. */
export function displayEndpoint(url: string): string {
  let host = '';
  let protocol = '';
  try {
    ({ host, protocol } = new URL(url));
  } catch {
    // not a URL
  }
  if (host) return `${protocol}//${host}`;
  // Not a URL with a host: drop everything up to the last `@` (a password may hold `@`, `/` or spaces).
  const at = url.lastIndexOf('@');
  if (at < 0) return url;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? '';
  return `${scheme}${url.slice(at + 1)}`;
}

function where(ctx: ErrorContext): string {
  const parts = [ctx.profile ? `profile "${ctx.profile}"` : undefined, ctx.region].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function base(ctx: ErrorContext, code: string) {
  return { operation: ctx.operation, profile: ctx.profile, region: ctx.region, code };
}

const TIMEOUT_TEXT: Record<TimeoutStage, string> = {
  connect: 'connecting to License Manager',
  answer: 'waiting for the answer',
  body: 'waiting for the rest of the answer',
  call: 'before the call could finish',
};

/** Kind `timeout`: `stage` names what was being waited for. */
export function timeoutError(stage: TimeoutStage, ctx: ErrorContext, ms?: number): LicenseManagerError {
  const target = ctx.endpoint && stage === 'connect' ? ` at ${displayEndpoint(ctx.endpoint)}` : '';
  const limit = ms !== undefined ? ` after ${seconds(ms)}` : '';
  return new LicenseManagerError(
    'timeout',
    `${ctx.operation ?? 'The request'} timed out${limit} ${TIMEOUT_TEXT[stage]}${target}${where(ctx)}. Nothing more was sent.`,
    {
      ...base(ctx, stage === 'call' ? 'CallDeadlineExceeded' : 'TimeoutError'),
      fix: 'Check the network connection, VPN and proxy, or raise the licenseManager.network timeouts.',
    },
  );
}

/** Kind `timeout` for a credential provider (SSO, assume-role, credential_process) that did not finish. */
export function credentialsTimeout(profile: string, ms: number, source: string | undefined): LicenseManagerError {
  const how = source ? ` (${source})` : '';
  return new LicenseManagerError('timeout', `Getting the credentials of profile "${profile}"${how} timed out after ${seconds(ms)}.`, {
    code: 'CredentialsTimeout',
    profile,
    fix: `Check how profile "${profile}" gets its credentials, or raise licenseManager.network.credentialsTimeout.`,
  });
}

/** Kind `cancelled`: the caller abandoned the call. */
export function cancelledError(ctx: ErrorContext): LicenseManagerError {
  return new LicenseManagerError('cancelled', `${ctx.operation ?? 'The request'} was cancelled${where(ctx)}.`, base(ctx, 'Cancelled'));
}

/** Kind `unexpectedAnswer`: the answer cannot be License Manager's. */
export function unexpectedAnswer(ctx: ErrorContext, detail: string, code = 'UnexpectedAnswer'): LicenseManagerError {
  return new LicenseManagerError('unexpectedAnswer', `Unexpected answer to ${ctx.operation ?? 'the request'}${where(ctx)}: ${detail}`, {
    ...base(ctx, code),
    fix: 'A proxy, captive portal or firewall may be answering instead of AWS; check the network and the configured endpoint.',
  });
}

/** Kind `configuration`: a setting of the profile is unusable; not retryable. */
export function configurationError(profile: string, region: string | undefined, message: string, fix: string, code: string): LicenseManagerError {
  return new LicenseManagerError('configuration', message, { code, profile, ...(region !== undefined ? { region } : {}), fix });
}

/** AWS region names: `us-east-1`, `us-gov-west-1`, `cn-northwest-1`, `eusc-de-east-1`, `us-isob-east-1`. */
const REGION = /^[a-z]{2,4}(-[a-z]{2,10}){1,3}-\d{1,2}$/;

/** True when `region` is shaped like an AWS region name (it becomes part of the endpoint host name). */
export function isRegionName(region: string): boolean {
  return REGION.test(region);
}

/** Kind `configuration` for a region that is not a region name. */
export function badRegion(profile: string, region: string): LicenseManagerError {
  const shown = JSON.stringify(region.length > 60 ? `${region.slice(0, 59)}…` : region);
  return configurationError(
    profile,
    undefined,
    `The region ${shown} of profile "${profile}" is not an AWS region name; nothing was sent.`,
    `Set region to a name such as us-east-1 for profile "${profile}" in the AWS config file.`,
    'InvalidRegion',
  );
}

interface TransportLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown; headers?: Record<string, unknown>; body?: unknown };
}

function contentType(e: TransportLike): string | undefined {
  const headers = e.$response?.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  const value = key ? headers[key] : undefined;
  return typeof value === 'string' && value !== '' ? value.split(';')[0].trim() : undefined;
}

function statusOf(e: TransportLike): number | undefined {
  const s = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/**
 * Recognises timeouts (the SDK handler's connect, first-byte and inactivity
 * timeouts), aborts and answers the SDK could not read (HTML pages, empty or
 * malformed JSON, bodies cut off by a reset). Undefined for anything else.
 */
export function classifyTransport(err: TransportLike, ctx: ErrorContext): LicenseManagerError | undefined {
  const name = typeof err.name === 'string' ? err.name : '';
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : '';
  if (name === 'AbortError') return cancelledError(ctx);
  if (name === 'TimeoutError' || (code === 'ETIMEDOUT' && statusOf(err) === undefined)) {
    if (/did not establish a connection|ETIMEDOUT/.test(message) && !/requestTimeout/.test(message)) return timeoutError('connect', ctx);
    if (/inactivity/.test(message)) return timeoutError('body', ctx);
    return timeoutError('answer', ctx);
  }
  const status = statusOf(err);
  const deserialization = /Deserialization error/.test(message) || (name === 'SyntaxError' && err.$response !== undefined);
  if (deserialization && (code === 'ECONNRESET' || code === 'ECONNABORTED' || /^aborted\b/.test(message))) {
    return new LicenseManagerError(
      'network',
      `The connection was reset while receiving the answer to ${ctx.operation ?? 'the request'}${where(ctx)}.`,
      { ...base(ctx, code || 'ECONNRESET'), fix: 'Check the network connection, VPN and proxy, then refresh.' },
    );
  }
  if (name === 'EmptyAnswer') return unexpectedAnswer(ctx, `HTTP ${status ?? 200} with an empty body.`, 'EmptyAnswer');
  const type = contentType(err);
  const http = status !== undefined ? `HTTP ${status}` : 'an answer';
  if (deserialization) {
    const what = type && !/json/i.test(type) ? `a ${type} page` : 'malformed JSON';
    return unexpectedAnswer(ctx, `${http} with ${what}, not License Manager's JSON.`, type && /html/i.test(type) ? 'HtmlAnswer' : 'MalformedAnswer');
  }
  // A modelled error without a message also reads "UnknownError": only an answer with no error type is unexpected.
  if ((name === 'Unknown' || (message === 'UnknownError' && (name === '' || name === 'Error'))) && err.$response !== undefined) {
    return unexpectedAnswer(ctx, `${http}${type ? ` (${type})` : ''} without a License Manager error in it.`, 'UnrecognizedAnswer');
  }
  return undefined;
}
