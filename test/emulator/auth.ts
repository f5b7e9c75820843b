/** SigV4 identity: the credential scope names the access key and region; the signature is re-computed and compared. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ApiError } from './errors';
import type { EmulatorState, Identity } from './state';

export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

export interface ParsedAuthorization {
  credential: Credential;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/;

export function parseAuthorization(header: string): ParsedAuthorization {
  const m = AUTH_RE.exec(header.trim());
  if (!m) {
    throw new ApiError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters (AWS4-HMAC-SHA256). Authorization=${header.split(/\s/)[0]}`,
    );
  }
  const parts = m[1].split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') {
    throw new ApiError('IncompleteSignatureException', `Credential should be scoped to a valid region, not '${parts[2] ?? ''}'.`);
  }
  const [accessKeyId, date, region, service] = parts;
  return { credential: { accessKeyId, date, region, service }, signedHeaders: m[2].split(';'), signature: m[3].toLowerCase() };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function parseAmzDate(v: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export interface AuthInput {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Resolves the calling identity. `onCredential` receives the parsed scope before verification
 * so the request log can name the caller even when the request is refused.
 */
export async function authenticate(
  state: EmulatorState,
  req: AuthInput,
  onCredential: (c: Credential) => void,
): Promise<{ identity: Identity; region: string }> {
  const header = headerValue(req.headers, 'authorization');
  if (!header) throw new ApiError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const parsed = parseAuthorization(header);
  const { credential } = parsed;
  onCredential(credential);
  const identity = state.identities.get(credential.accessKeyId);
  if (!identity) throw new ApiError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (credential.service !== 'license-manager') {
    throw new ApiError('InvalidSignatureException', `Credential should be scoped to correct service: 'license-manager'.`);
  }
  const amzDate = headerValue(req.headers, 'x-amz-date');
  const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!signingDate) {
    throw new ApiError('IncompleteSignatureException', `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`);
  }
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const v = headerValue(req.headers, name.toLowerCase());
    if (v === undefined) throw new ApiError('InvalidSignatureException', MISMATCH);
    headers[name.toLowerCase()] = v;
  }
  const url = new URL(req.url, 'http://localhost');
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const signer = new SignatureV4({
    service: credential.service,
    region: credential.region,
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey },
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({ method: req.method, protocol: 'http:', hostname: 'localhost', path: url.pathname, query, headers, body: req.body }),
    { signingDate, signableHeaders: new Set(parsed.signedHeaders.map((h) => h.toLowerCase())) },
  );
  const expected = parseAuthorization(signed.headers.authorization);
  const a = Buffer.from(expected.signature);
  const b = Buffer.from(parsed.signature);
  const sameHeaders = expected.signedHeaders.join(';') === parsed.signedHeaders.map((h) => h.toLowerCase()).join(';');
  if (!sameHeaders || a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiError('InvalidSignatureException', MISMATCH);
  return { identity, region: credential.region };
}
