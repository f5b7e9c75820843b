/**
 * Turns whatever the SDK, its credential providers or the network throw into a
 * `LicenseManagerError` of one of the kinds the UI acts on. Pure: imports no SDK
 * code, so it works on any error shape.
 */
import { LicenseManagerError, causeChain, isLicenseManagerError } from './errors';
import { profileCommand } from './config';
import { classifyTransport, displayEndpoint } from './outcomes';
import type { AwsErrorKind, CredentialKind, ErrorContext } from './types';

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown; attempts?: unknown };
  cause?: unknown;
}

const CREDENTIAL_CODES = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'InvalidAccessKeyId',
  'AuthFailure',
  'UnauthorizedException',
  'InvalidGrantException',
  'InvalidIdentityToken',
  'IDPCommunicationError',
  'RequestExpired',
]);
const ACCESS_CODES = new Set(['AccessDeniedException', 'AccessDenied', 'AuthorizationException', 'UnauthorizedOperation']);
const THROTTLE_CODES = new Set([
  'RateLimitExceededException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
]);
const INPUT_CODES = new Set([
  'ValidationException',
  'InvalidParameterValueException',
  'InvalidParameterException',
  'FilterLimitExceededException',
  'SerializationException',
  'UnknownOperationException',
  'InvalidResourceStateException',
  'LicenseUsageException',
  'EntitlementNotAllowedException',
  'NoEntitlementsAllowedException',
  'UnsupportedDigitalSignatureMethodException',
  'ResourceLimitExceededException',
]);
const NOT_FOUND_CODES = new Set(['ResourceNotFoundException', 'NoSuchEntity', 'NotFoundException']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNCLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError']);

// "Invalid license configuration ARN": how License Manager answers for a configuration that is gone.
const NOT_FOUND_TEXT = /\b(not found|does not exist|doesn't exist|no such|not exist|unknown (license|grant|resource|arn)|invalid license configuration arn)\b/i;
const VERSION_TEXT = /\b(source ?)?version\b/i;
const STALE_TEXT = /\b(stale|current|latest|mismatch|does not match|doesn't match|out of date|outdated|conflict|expected|newer|older|changed)\b/i;

/**
 * Removes anything that looks like credential material from a message:
 * user information in URLs (`https://user:pass@host`), access key ids, 40-character secrets, session tokens, SigV4 signatures and
 * `Credential=` scopes, and values of secret-like `key=value` pairs.
 */
export function redact(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1[redacted]@')
    .replace(/\b(AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{12,}\b/g, '[redacted]')
    .replace(/(Credential=)[^,\s]+/gi, '$1[redacted]')
    .replace(/(Signature=)[0-9a-f]+/gi, '$1[redacted]')
    .replace(
      /\b(aws_secret_access_key|aws_session_token|secretaccesskey|sessiontoken|secret|token|password)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi,
      '$1$2[redacted]',
    )
    .replace(/[A-Za-z0-9/+=]{100,}/g, '[redacted]')
    .replace(/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted]');
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

function firstLine(text: string | undefined, max = 300): string | undefined {
  if (!text) return undefined;
  const line = redact(text.split(/\r?\n/)[0].trim());
  return line.length > max ? `${line.slice(0, max - 1)}…` : line || undefined;
}

function where(ctx: ErrorContext): string {
  const parts = [ctx.profile ? `profile "${ctx.profile}"` : undefined, ctx.region].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function networkCode(e: ErrorLike): string | undefined {
  for (const x of causeChain(e)) {
    const item = x as ErrorLike;
    const code = str(item.code);
    if (code && NETWORK_CODES.has(code)) return code;
    const name = str(item.name);
    if (name && NETWORK_NAMES.has(name)) return name;
    const errors = (x as { errors?: unknown }).errors;
    if (Array.isArray(errors)) {
      for (const inner of errors) {
        const innerCode = str((inner as ErrorLike)?.code);
        if (innerCode && NETWORK_CODES.has(innerCode)) return innerCode;
      }
    }
  }
  return undefined;
}

const PROVIDER_CODES = new Set(['CredentialsProviderError', 'TokenProviderError', 'ProviderError']);

function credentialsMessage(code: string, raw: string, profile: string, kind: CredentialKind | undefined): string {
  const who = `profile "${profile}"`;
  switch (code) {
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'RequestExpired':
      return `The credentials of ${who} have expired.`;
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
    case 'InvalidAccessKeyId':
    case 'AuthFailure':
      return `The access key of ${who} is not recognized by the service.`;
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
    case 'IncompleteSignatureException':
      return `The request signature was rejected: the secret key of ${who} does not match its access key.`;
    case 'MissingAuthenticationToken':
    case 'MissingAuthenticationTokenException':
      return `The request was not signed with credentials of ${who}.`;
  }
  if (kind === 'sso' || /\bsso\b/i.test(raw) || code === 'TokenProviderError' || code === 'UnauthorizedException') {
    return `The SSO session of ${who} has expired or is not signed in.`;
  }
  if (kind === 'credential-process') return `The credential_process of ${who} failed or returned no usable credentials.`;
  if (kind === 'web-identity') return `Could not get web identity credentials for ${who}.`;
  if (kind === 'assume-role') return `Could not assume the role of ${who}.`;
  if (PROVIDER_CODES.has(code) && (kind === undefined || kind === 'unknown')) return `No credentials found for ${who}.`;
  return `Could not get valid credentials for ${who}.`;
}

function kindOf(code: string, status: number | undefined, fault: string | undefined, raw: string): AwsErrorKind {
  if (CREDENTIAL_CODES.has(code) || /^ExpiredToken/.test(code)) return 'credentials';
  if (ACCESS_CODES.has(code)) return 'accessDenied';
  if (THROTTLE_CODES.has(code) || status === 429) return 'throttled';
  if (NOT_FOUND_CODES.has(code)) return 'notFound';
  if (code === 'ConflictException') return 'staleVersion';
  if (INPUT_CODES.has(code)) {
    if (VERSION_TEXT.test(raw) && STALE_TEXT.test(raw)) return 'staleVersion';
    if (NOT_FOUND_TEXT.test(raw)) return 'notFound';
    return 'invalidInput';
  }
  if (fault === 'client' && status !== undefined && status >= 400 && status < 500 && code !== 'Unknown') {
    return 'invalidInput';
  }
  return 'service';
}

const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
]);

/**
 * Proxy failures (marked by the transport with a credential-free `proxyUrl`)
 * and untrusted TLS certificates, found anywhere in the cause chain.
 */
function classifyTransportFailure(e: unknown, ctx: ErrorContext, base: object): LicenseManagerError | undefined {
  for (const x of causeChain(e)) {
    const item = x as ErrorLike & { proxyUrl?: unknown };
    const code = str(item.code);
    if (typeof item.proxyUrl === 'string') {
      const message = redact(str(item.message) ?? `The proxy ${item.proxyUrl} failed.`);
      const fix =
        code === 'ProxyAuthenticationRequired'
          ? 'Check the user name and password in the proxy URL (http.proxy setting or HTTPS_PROXY).'
          : 'Check the proxy URL (http.proxy setting or HTTPS_PROXY/HTTP_PROXY) and that the proxy is running; list hosts that must bypass it in http.noProxy or NO_PROXY.';
      return new LicenseManagerError('proxy', `${message.replace(/\.?$/, '')}${where(ctx)}.`, { ...base, code: code ?? 'ProxyFailure', fix });
    }
    if (code && CERTIFICATE_CODES.has(code)) {
      const target = ctx.endpoint ? ` of ${redact(ctx.endpoint)}` : '';
      return new LicenseManagerError('certificate', `The TLS certificate${target} is not trusted${where(ctx)} (${code}).`, {
        ...base,
        code,
        fix: `If your network uses a private certificate authority, set ca_bundle in profile "${ctx.profile ?? 'default'}" or AWS_CA_BUNDLE to its PEM file.`,
      });
    }
  }
  return undefined;
}

/**
 * Classifies any thrown value into a `LicenseManagerError`. Messages are
 * readable, name the profile where that helps and never contain secrets:
 * credential failures get a fixed message (provider output is not echoed) and
 * service messages are passed through `redact`. A `LicenseManagerError` is
 * returned unchanged.
 */
export function classifyError(e: unknown, ctx: ErrorContext = {}): LicenseManagerError {
  if (isLicenseManagerError(e)) return e;
  const err: ErrorLike = typeof e === 'object' && e !== null ? (e as ErrorLike) : { message: String(e) };
  const name = str(err.name) ?? 'Error';
  const raw = str(err.message) ?? '';
  const status = typeof err.$metadata?.httpStatusCode === 'number' ? err.$metadata.httpStatusCode : undefined;
  const requestId = str(err.$metadata?.requestId);
  const attempts = typeof err.$metadata?.attempts === 'number' ? err.$metadata.attempts : undefined;
  const base = { operation: ctx.operation, profile: ctx.profile, region: ctx.region, requestId, attempts };
  const profile = ctx.profile ?? 'default';
  const op = ctx.operation ?? 'the request';
  const transport = classifyTransportFailure(e, ctx, base) ?? classifyTransport(err, ctx);
  if (transport) return transport;

  if (status === undefined) {
    const net = networkCode(err);
    if (net) {
      const target = ctx.endpoint ? ` at ${displayEndpoint(ctx.endpoint)}` : '';
      const text = net === 'TimeoutError' || net === 'ETIMEDOUT' || net === 'RequestTimeout' ? 'timed out' : `failed (${net})`;
      return new LicenseManagerError('network', `Could not reach License Manager${target}${where(ctx)}: ${op} ${text}.`, {
        ...base,
        code: net,
        fix: 'Check the network connection, proxy settings and the configured endpoint.',
      });
    }
  }
  const code = name === 'Error' && typeof err.code === 'string' ? err.code : name;
  const kind = kindOf(code, status, str(err.$fault), raw);
  const detail = firstLine(raw);
  const suffix = detail ? ` ${detail.replace(/\.?$/, '.')}` : '';
  switch (kind) {
    case 'credentials':
      return new LicenseManagerError(kind, credentialsMessage(code, raw, profile, ctx.credentialKind), {
        ...base,
        code,
        fix: ctx.credentialsFix ?? profileCommand('configure', profile),
      });
    case 'accessDenied':
      return new LicenseManagerError(kind, `Profile "${profile}" is not allowed to call ${op}${ctx.region ? ` in ${ctx.region}` : ''}.${suffix}`, {
        ...base,
        code,
        fix: `Use a profile whose IAM policy allows license-manager:${ctx.operation ?? '*'}.`,
      });
    case 'throttled':
      return new LicenseManagerError(kind, `License Manager is throttling requests${where(ctx)}; ${op} failed after retries. Try again shortly.`, {
        ...base,
        code,
      });
    case 'invalidInput':
      return new LicenseManagerError(kind, `${op} was refused as invalid${where(ctx)}.${suffix}`, { ...base, code });
    case 'notFound':
      return new LicenseManagerError(kind, `The resource was not found${where(ctx)}.${suffix}`, { ...base, code });
    case 'staleVersion':
      return new LicenseManagerError(kind, `The resource changed since it was loaded; refresh and try again.${suffix}`, {
        ...base,
        code,
        fix: 'Refresh the item and repeat the action.',
      });
    default:
      return new LicenseManagerError(
        kind,
        `License Manager failed${where(ctx)}: ${op}${status ? ` answered HTTP ${status}` : ' failed'} (${code}).${suffix}`,
        { ...base, code },
      );
  }
}
