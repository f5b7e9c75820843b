/** What an operation handler receives, and the functions the handlers share. */
import { invalidParameter } from '../errors';
import type { Pager, PageResult } from '../paging';
import type { EmulatorState, Identity } from '../state';
import type { Json } from '../types';

export interface OpContext {
  state: EmulatorState;
  pager: Pager;
  identity: Identity;
  /** Calling account id. */
  account: string;
  /** Region of the SigV4 credential scope. */
  region: string;
  operation: string;
  body: Json;
  /** New resource id suffix: 32 lowercase hex characters. */
  newHex(): string;
}

export type Handler = (ctx: OpContext) => Json;

export interface OperationDef {
  handler: Handler;
  /** Changes state (subject to fail-after-commit). */
  mutation?: boolean;
}

export function pageOf<T>(ctx: OpContext, items: T[], maxResults: number | undefined): PageResult<T> {
  return ctx.pager.page(items, { operation: ctx.operation, account: ctx.account, region: ctx.region, body: ctx.body }, maxResults);
}

/** Restricts items to the listed ARNs when the request names any. */
export function byArns<T>(items: T[], arns: string[] | undefined, arnOf: (t: T) => string): T[] {
  if (!arns || arns.length === 0) return items;
  const wanted = new Set(arns);
  return items.filter((t) => wanted.has(arnOf(t)));
}

export function withNextToken(out: Json, nextToken: string | undefined): Json {
  if (nextToken) out.NextToken = nextToken;
  return out;
}

/**
 * The version of a versioned resource a Get call asks for: the current (last) one when `version`
 * is omitted, else the one with that `Version`, or InvalidParameterValueException.
 */
export function versionOf<T extends { Version?: unknown }>(versions: T[], version: string | undefined, what: string, arn: string): T {
  const found = version === undefined ? versions[versions.length - 1] : versions.find((v) => v.Version === version);
  if (!found) throw invalidParameter(`${what} version ${version} does not exist for ${what.toLowerCase()} ${arn}.`);
  return found;
}
