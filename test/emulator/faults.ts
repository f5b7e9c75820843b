/**
 * Per-operation network faults: what a black hole, a dropped connection, a captive portal or proxy,
 * a broken gateway or a misbehaving service does to one request. Each option lists operation names
 * (`*` = every operation); `setFaults` replaces a list, `[]` switches the fault off.
 */
import { OPERATIONS } from './ops';
import type { FaultOptions, Json } from './types';

/** Every fault switched off: the emulator's start and what a reset returns to. */
export const NO_FAULTS: Readonly<Required<FaultOptions>> = {
  latencyMs: 0,
  lagMs: 0,
  throttleRate: 0,
  failRate: 0,
  failAfterCommitRate: 0,
  hang: [],
  reset: [],
  html: [],
  malformed: [],
  oversize: [],
  tokenCycle: [],
};

/** The per-operation faults, in the order they win when an operation is in several transport lists. */
export const OP_FAULTS = ['hang', 'reset', 'html', 'malformed', 'oversize', 'tokenCycle'] as const;
export type OpFault = (typeof OP_FAULTS)[number];
/** Faults that replace the answer on the wire; at most one applies to a request. */
export const TRANSPORT_FAULTS: readonly OpFault[] = ['hang', 'reset', 'html', 'malformed'];

/** Checked list of operation names for one fault. */
export function operationList(fault: OpFault, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new Error(`Invalid fault option ${fault}: expected a list of operation names, got ${JSON.stringify(value)}`);
  }
  for (const op of value as string[]) {
    if (op !== '*' && !Object.hasOwn(OPERATIONS, op)) throw new Error(`Invalid fault option ${fault}: unknown operation "${op}"`);
  }
  return [...(value as string[])];
}

/** `A,B` or `*` from the command line. */
export function parseOperationList(fault: OpFault, text: string): string[] {
  return operationList(
    fault,
    text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

export function applies(list: readonly string[], operation: string): boolean {
  return list.includes('*') || list.includes(operation);
}

/** What a captive portal or an HTTP proxy answers when it cannot reach the upstream service. */
export const GATEWAY_STATUS = 502;
export const GATEWAY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1>' +
  '<p>The proxy server received an invalid response from an upstream server.</p></body></html>\n';

/** The first half of a JSON answer: valid UTF-8, invalid JSON. */
export function truncatedJson(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

const CYCLE = ['token-cycle-A', 'token-cycle-B'];

/** A cycle token is answered with the first page again; others are the pager's own. */
export function isCycleToken(token: unknown): boolean {
  return typeof token === 'string' && CYCLE.includes(token);
}

/** NextToken A after the first page, then B after A, then A after B: a cycle, not a repeat. */
export function nextCycleToken(token: unknown): string {
  return token === CYCLE[0] ? CYCLE[1] : CYCLE[0];
}

function listMember(out: Json): string | undefined {
  return Object.keys(out).find((k) => Array.isArray(out[k]));
}

/** Pads the page's item list to twice `MaxResults` (at least one more) by repeating its items. */
export function oversized(out: Json, maxResults: number): Json {
  const key = listMember(out);
  const items = key ? (out[key] as unknown[]) : [];
  if (!key || items.length === 0) return out;
  const target = Math.max(maxResults * 2, maxResults + 1);
  const padded = Array.from({ length: target }, (_, i) => items[i % items.length]);
  return { ...out, [key]: padded };
}
