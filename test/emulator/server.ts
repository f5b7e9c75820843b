/** AWS JSON 1.1 front end: routing, identity, faults, request log. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth';
import { CLOCK_PATH, serveClock } from './clock';
import { ApiError } from './errors';
import {
  GATEWAY_PAGE,
  GATEWAY_STATUS,
  NO_FAULTS,
  OP_FAULTS,
  TRANSPORT_FAULTS,
  applies,
  isCycleToken,
  nextCycleToken,
  operationList,
  oversized,
  truncatedJson,
  type OpFault,
} from './faults';
import { isListOperation, LaggingView } from './lag';
import { OPERATIONS } from './ops';
import { DEFAULT_PAGE_SIZE, Pager } from './paging';
import type { EmulatorState } from './state';
import type { FaultOptions, Json, RequestLogEntry } from './types';

const TARGET_PREFIX = 'AWSLicenseManager.';
const JSON_TYPE = 'application/x-amz-json-1.1';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function targetOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-amz-target'];
  return Array.isArray(header) ? header[0] : header;
}

function operationOf(req: IncomingMessage): string | undefined {
  const target = targetOf(req);
  return target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The in-memory request log keeps at most this many entries (oldest dropped first). */
export const REQUEST_LOG_LIMIT = 20_000;

export class EmulatorServer {
  readonly requests: RequestLogEntry[] = [];
  readonly pager = new Pager();
  private readonly lagging = new LaggingView();
  faults: Required<FaultOptions>;

  constructor(
    readonly state: EmulatorState,
    faults: FaultOptions,
    private readonly random: () => number,
    private readonly onRequest?: (entry: RequestLogEntry) => void,
  ) {
    this.faults = { ...NO_FAULTS };
    this.setFaults(faults);
  }

  setFaults(f: Partial<FaultOptions>): void {
    for (const key of ['latencyMs', 'lagMs', 'throttleRate', 'failRate', 'failAfterCommitRate'] as const) {
      const v = f[key];
      if (v === undefined) continue;
      const isRate = key !== 'latencyMs' && key !== 'lagMs';
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (isRate && v > 1)) {
        throw new Error(`Invalid fault option ${key}: ${String(v)}`);
      }
      this.faults[key] = v;
    }
    if (this.faults.lagMs === 0) this.lagging.clear();
    for (const fault of OP_FAULTS) if (f[fault] !== undefined) this.faults[fault] = operationList(fault, f[fault]);
  }

  private transportFault(operation: string): OpFault | undefined {
    return TRANSPORT_FAULTS.find((fault) => applies(this.faults[fault], operation));
  }

  private roll(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  private send(res: ServerResponse, entry: RequestLogEntry, status: number, body: Json, errorType?: string, fault?: OpFault): void {
    const full = JSON.stringify(body);
    const text = fault === 'malformed' ? truncatedJson(full) : full;
    const headers: Record<string, string | number> = {
      'Content-Type': JSON_TYPE,
      'x-amzn-RequestId': entry.requestId,
      'Content-Length': Buffer.byteLength(text),
    };
    if (errorType) headers['x-amzn-ErrorType'] = errorType;
    entry.status = status;
    if (errorType) entry.errorType = errorType;
    if (fault === 'reset') {
      // Announce the whole body, send half of it, then drop the connection.
      headers['Content-Length'] = Buffer.byteLength(full);
      res.writeHead(status, headers);
      res.write(truncatedJson(full), () => res.socket?.destroy());
      return;
    }
    res.writeHead(status, headers);
    res.end(text);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === CLOCK_PATH) {
      serveClock(this.state, req, (await readBody(req).catch(() => Buffer.alloc(0))).toString('utf8'), res);
      return;
    }
    const entry: RequestLogEntry = { time: Date.now(), requestId: randomUUID(), operation: '', status: 0, body: undefined };
    this.requests.push(entry);
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT);
    let status = 200;
    let body: Json = {};
    let errorType: string | undefined;
    const fault = this.transportFault(operationOf(req) ?? '');
    if (fault) entry.fault = fault;
    if (fault === 'html') {
      entry.operation = operationOf(req) ?? '';
      entry.body = (await readBody(req).catch(() => Buffer.alloc(0))).toString('utf8');
      if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
      entry.status = GATEWAY_STATUS;
      res.writeHead(GATEWAY_STATUS, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(GATEWAY_PAGE) });
      res.end(GATEWAY_PAGE);
      this.onRequest?.(entry);
      return;
    }
    try {
      const raw = await readBody(req);
      entry.body = raw.toString('utf8');
      const outcome = await this.process(req, raw, entry);
      body = outcome;
    } catch (e) {
      const err =
        e instanceof ApiError
          ? e
          : new ApiError('ServerInternalException', 'An internal error occurred in the License Manager emulator.');
      if (!(e instanceof ApiError)) console.error('emulator: unexpected error', e);
      status = err.status;
      errorType = err.type;
      body = { __type: err.type, message: err.message, ...err.members };
    }
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
    if (fault === 'hang') {
      this.onRequest?.(entry);
      return;
    }
    this.send(res, entry, status, body, errorType, fault);
    this.onRequest?.(entry);
  }

  private async process(req: IncomingMessage, raw: Buffer, entry: RequestLogEntry): Promise<Json> {
    const target = targetOf(req);
    const opName = operationOf(req);
    entry.operation = opName ?? target ?? '';
    const op = opName !== undefined && Object.hasOwn(OPERATIONS, opName) ? OPERATIONS[opName] : undefined;
    if (req.method !== 'POST' || !op) {
      throw new ApiError('UnknownOperationException', target ? `Operation ${target} is not supported.` : 'Missing X-Amz-Target header.');
    }
    const { identity, region } = await authenticate(
      this.state,
      { method: req.method, url: req.url ?? '/', headers: req.headers, body: raw },
      (c) => {
        entry.accessKeyId = c.accessKeyId;
        entry.region = c.region;
      },
    );
    entry.account = identity.accountId;
    entry.profile = identity.profile;
    let input: unknown;
    try {
      input = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ApiError('SerializationException', 'The request body is not valid JSON.');
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new ApiError('SerializationException', 'The request body must be a JSON object.');
    entry.body = input;
    if (identity.deniedOperations.has(opName!)) {
      throw new ApiError(
        'AccessDeniedException',
        `User: arn:aws:iam::${identity.accountId}:user/${identity.profile} is not authorized to perform: license-manager:${opName} because no identity-based policy allows the license-manager:${opName} action`,
      );
    }
    if (this.roll(this.faults.throttleRate)) throw new ApiError('RateLimitExceededException', 'Rate exceeded');
    if (this.roll(this.faults.failRate)) throw new ApiError('ServerInternalException', 'An internal error occurred. Try again.');
    const request = input as Json;
    const cycle = applies(this.faults.tokenCycle, opName!) && isListOperation(opName!);
    const { NextToken: _cycleToken, ...firstPage } = request;
    const now = Date.now();
    if (op.mutation && this.faults.lagMs > 0) this.lagging.beforeMutation(this.state, now);
    let out = op.handler({
      state: isListOperation(opName!) ? this.lagging.view(this.state, this.faults.lagMs, now) : this.state,
      pager: this.pager,
      identity,
      account: identity.accountId,
      region,
      operation: opName!,
      body: cycle && isCycleToken(request.NextToken) ? firstPage : request,
      newHex: () => randomBytes(16).toString('hex'),
    });
    if (cycle) out = { ...out, NextToken: nextCycleToken(request.NextToken) };
    if (applies(this.faults.oversize, opName!) && isListOperation(opName!)) {
      out = oversized(out, typeof request.MaxResults === 'number' ? request.MaxResults : DEFAULT_PAGE_SIZE);
    }
    if (op.mutation && this.roll(this.faults.failAfterCommitRate)) {
      throw new ApiError('ServerInternalException', 'An internal error occurred after the change was saved. Try again.');
    }
    return out;
  }
}
