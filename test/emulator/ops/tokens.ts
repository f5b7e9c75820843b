/**
 * License tokens: CreateToken, ListTokens, DeleteToken, GetAccessToken. A token is a JWT (HS256 with a
 * key of this emulator run) carrying the license ARN as `aud`, the roles, the token properties and `exp`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { accessDenied, ApiError, invalidParameter, validation } from '../errors';
import type { EmulatorState } from '../state';
import type { Json } from '../types';
import { applyFilters, Checker, parseFilters } from '../validate';
import { pageOf, withNextToken } from './context';
import type { OperationDef } from './context';
import { idempotent } from './grantMutations';
import { redirect } from './licenseIssuing';

interface TokenRecord {
  data: Json;
  /** Account that created the token. */
  accountId: string;
  homeRegion: string;
  /** Epoch seconds. */
  exp: number;
}

/** Available tokens a license may have at once [I: the service documents no figure]. */
export const TOKENS_PER_LICENSE = 10;

// Keyed by the license map, which restoring a seed replaces: the tokens go with the licenses.
const stores = new WeakMap<object, { key: Buffer; tokens: Map<string, TokenRecord> }>();

function store(state: EmulatorState): { key: Buffer; tokens: Map<string, TokenRecord> } {
  let s = stores.get(state.licenses);
  if (!s) {
    s = { key: randomBytes(32), tokens: new Map() };
    stores.set(state.licenses, s);
  }
  return s;
}

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

function sign(state: EmulatorState, claims: Json): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', store(state).key).update(head).digest('base64url')}`;
}

function verify(state: EmulatorState, token: string): Json | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', store(state).key).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  if (expected !== parts[2]) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const TOKEN_FILTERS: Record<string, (t: Json) => string | undefined> = {
  LicenseArns: (t) => t.LicenseArn as string,
};

export const tokenOps: Record<string, OperationDef> = {
  CreateToken: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.clientToken();
      const arn = ck.arn('LicenseArn', true);
      const roles = ck.arnList('RoleArns');
      const days = ck.int('ExpirationInDays', { min: 1, max: 730 });
      const props = ck.strList('TokenProperties', { max: 3 });
      ck.done();
      return idempotent(ctx, token!, () => {
        const l = ctx.state.licenses.get(arn!);
        if (!l || !ctx.state.canSeeLicense(l, ctx.account)) throw new ApiError('ResourceNotFoundException', `License ${arn} was not found.`);
        if (l.accountId !== ctx.account) {
          const g = ctx.state.receivingGrant(l.arn, ctx.account);
          const cur = g && ctx.state.currentGrant(g);
          if (!cur || cur.GrantStatus !== 'ACTIVE' || !cur.GrantedOperations.includes('CreateToken')) {
            throw accessDenied(`Account ${ctx.account} cannot create tokens for license ${l.arn}: it needs an ACTIVE grant that allows CreateToken.`);
          }
        }
        if (l.homeRegion !== ctx.region) throw redirect(l.homeRegion, `License ${l.arn}`);
        const status = ctx.state.currentLicense(l).Status;
        if (status !== undefined && status !== 'AVAILABLE') throw invalidParameter(`License ${l.arn} is ${String(status)}; tokens need an AVAILABLE license.`);
        const s = store(ctx.state);
        const held = [...s.tokens.values()].filter((t) => t.data.LicenseArn === l.arn).length;
        if (held >= TOKENS_PER_LICENSE) {
          throw new ApiError('ResourceLimitExceededException', `License ${l.arn} already has ${held} tokens, the most it can have; delete one first.`);
        }
        const id = ctx.newHex();
        const now = Math.floor(Date.now() / 1000);
        const exp = now + (days ?? 365) * 86400;
        const data: Json = {
          TokenId: id,
          TokenType: 'REFRESH_TOKEN',
          LicenseArn: l.arn,
          ExpirationTime: iso(exp),
          ...(props ? { TokenProperties: [...props] } : {}),
          ...(roles ? { RoleArns: [...roles] } : {}),
          Status: 'AVAILABLE',
        };
        s.tokens.set(id, { data, accountId: ctx.account, homeRegion: l.homeRegion, exp });
        const jwt = sign(ctx.state, { jti: id, typ: 'refresh', aud: l.arn, sub: ctx.account, roles: roles ?? [], props: props ?? [], iat: now, exp });
        return { TokenId: id, TokenType: 'REFRESH_TOKEN', Token: jwt };
      });
    },
  },
  ListTokens: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const ids = ck.strList('TokenIds');
      const max = ck.int('MaxResults', { min: 1, max: 100 });
      ck.done();
      const filters = parseFilters(ctx.body, Object.keys(TOKEN_FILTERS));
      const mine = [...store(ctx.state).tokens.values()].filter((t) => t.accountId === ctx.account).map((t) => t.data);
      const wanted = ids && ids.length ? mine.filter((t) => ids.includes(t.TokenId as string)) : mine;
      const page = pageOf(ctx, applyFilters(wanted, filters, TOKEN_FILTERS), max);
      return withNextToken({ Tokens: JSON.parse(JSON.stringify(page.items)) as Json[] }, page.nextToken);
    },
  },
  DeleteToken: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const id = ck.str('TokenId', { required: true });
      ck.done();
      const t = store(ctx.state).tokens.get(id!);
      if (!t || t.accountId !== ctx.account) throw new ApiError('ResourceNotFoundException', `Token ${id} was not found.`);
      if (t.homeRegion !== ctx.region) throw redirect(t.homeRegion, `Token ${id}`);
      store(ctx.state).tokens.delete(id!);
      return {};
    },
  },
  GetAccessToken: {
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.str('Token', { required: true, max: 4096, pattern: /^\S+$/, patternText: '\\S+' });
      const props = ck.strList('TokenProperties', { max: 3 });
      ck.done();
      const claims = verify(ctx.state, token!);
      const record = claims && claims.typ === 'refresh' ? store(ctx.state).tokens.get(claims.jti as string) : undefined;
      if (!claims || !record) throw new ApiError('AuthorizationException', 'The refresh token is not valid or was deleted.');
      const now = Math.floor(Date.now() / 1000);
      if (record.exp <= now) throw new ApiError('AuthorizationException', 'The refresh token has expired.');
      const held = (claims.props as string[]) ?? [];
      const missing = (props ?? []).filter((p) => !held.includes(p));
      if (missing.length) throw validation(`TokenProperties ${missing.join(', ')} are not in the token.`);
      const access = sign(ctx.state, { jti: ctx.newHex(), typ: 'access', aud: claims.aud, sub: claims.sub, roles: claims.roles, iat: now, exp: now + 3600 });
      return { AccessToken: access };
    },
  },
};
