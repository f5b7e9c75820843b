/** Opaque, HMAC-protected NextTokens bound to the query that produced them. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidParameter } from './errors';
import type { Json } from './types';

export const DEFAULT_PAGE_SIZE = 100;

/** JSON with object keys sorted, so equal inputs give equal text. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Json;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface QueryScope {
  operation: string;
  account: string;
  region: string;
  body: Json;
}

export interface PageResult<T> {
  items: T[];
  nextToken?: string;
}

export class Pager {
  private readonly secret = randomBytes(32);

  private queryHash(q: QueryScope): string {
    const { NextToken: _t, MaxResults: _m, ...rest } = q.body;
    return createHash('sha256').update(stableStringify([q.operation, q.account, q.region, rest])).digest('base64url').slice(0, 22);
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest().subarray(0, 16);
  }

  private encode(offset: number, q: QueryScope): string {
    const payload = Buffer.from(JSON.stringify({ o: offset, q: this.queryHash(q) })).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  private decode(token: string, q: QueryScope): number {
    const bad = invalidParameter('The NextToken is invalid or does not belong to this request.');
    const [payload, sig, extra] = token.split('.');
    if (!payload || !sig || extra !== undefined) throw bad;
    const expected = this.mac(payload);
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw bad;
    let parsed: { o?: unknown; q?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    } catch {
      throw bad;
    }
    if (parsed.q !== this.queryHash(q) || typeof parsed.o !== 'number' || !Number.isInteger(parsed.o) || parsed.o < 0) throw bad;
    return parsed.o;
  }

  /** One page of `items` for the query; `nextToken` is absent on the last page. */
  page<T>(items: T[], q: QueryScope, maxResults: number | undefined): PageResult<T> {
    const token = q.body.NextToken;
    if (token !== undefined && typeof token !== 'string') throw invalidParameter('The NextToken must be a string.');
    const offset = token ? this.decode(token, q) : 0;
    const size = maxResults ?? DEFAULT_PAGE_SIZE;
    const slice = items.slice(offset, offset + size);
    const next = offset + size;
    return next < items.length ? { items: slice, nextToken: this.encode(next, q) } : { items: slice };
  }
}
