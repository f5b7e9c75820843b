/**
 * The emulator's clock: checkout lifetimes and license validity are judged by `state.now()`, which
 * tests move forward instead of waiting. Over HTTP (emulator only, unsigned, not part of the AWS
 * API): `GET /emulator/clock` answers `{"now": ISO}`; `POST /emulator/clock` with
 * `{"advanceMinutes": N}` or `{"now": ISO}` moves it forward (never back) and answers the same.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './state';

export const CLOCK_PATH = '/emulator/clock';

/** Moves the clock forward by `minutes` (≥ 0); answers the new time (epoch ms). */
export function advanceClock(state: EmulatorState, minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`The clock only moves forward: ${minutes} minutes`);
  state.clockOffsetMs += Math.round(minutes * 60_000);
  return state.now();
}

/** Sets the clock to `iso` (not before its current time). */
export function setClock(state: EmulatorState, iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`Not an ISO-8601 time: ${iso}`);
  return advanceClock(state, Math.max(0, (t - state.now()) / 60_000));
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Serves the clock endpoint; `body` is the request body already read. */
export function serveClock(state: EmulatorState, req: IncomingMessage, body: string, res: ServerResponse): void {
  try {
    if (req.method === 'POST') {
      const input = (body.trim() ? JSON.parse(body) : {}) as { advanceMinutes?: unknown; now?: unknown };
      if (typeof input.advanceMinutes === 'number') advanceClock(state, input.advanceMinutes);
      else if (typeof input.now === 'string') setClock(state, input.now);
      else throw new Error('Send {"advanceMinutes": N} or {"now": "ISO-8601"}');
    } else if (req.method !== 'GET') throw new Error(`${req.method ?? ''} is not supported on ${CLOCK_PATH}`);
    reply(res, 200, { now: new Date(state.now()).toISOString() });
  } catch (e) {
    reply(res, 400, { message: (e as Error).message });
  }
}
