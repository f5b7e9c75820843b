/** Local AWS License Manager emulator speaking AWS JSON 1.1 over HTTP. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { writeAwsConfigFiles } from './awsConfig';
import { advanceClock, setClock } from './clock';
import type { AwsConfigFiles } from './awsConfig';
import { NO_FAULTS } from './faults';
import { buildState, readSeed } from './seed';
import { EmulatorServer } from './server';
import { generateTestCertificates } from './tls';
import type { EmulatorState } from './state';
import type { EmulatorOptions, FaultOptions, RequestLogEntry, Seed } from './types';

export type { EmulatorOptions, FaultOptions, RequestLogEntry, Seed } from './types';
export type { EmulatorState, GrantRecord, GrantWire, LicenseRecord, ConfigRecord, Identity } from './state';
export type { AwsConfigFiles } from './awsConfig';
export { defaultSeedPath } from './seed';

export interface RunningEmulator {
  url: string;
  port: number;
  /** Every request received, in order (mutable, clear it with `requests.length = 0`). */
  requests: RequestLogEntry[];
  state: EmulatorState;
  /** With `tls`: PEM of the test CA that signed the server certificate. */
  caPem?: string;
  setFaults(f: Partial<FaultOptions>): void;
  /** Moves the emulator's clock forward (checkout lifetimes, validity); answers the new time in epoch ms. Also `POST /emulator/clock`. */
  advanceClock(minutes: number): number;
  /** Puts the data back to `seed` (a path or a seed; none: the default), clears the request log and the faults; same address. */
  restoreSeed(seed?: string | Seed): void;
  /**
   * Writes `config` and `credentials` for the seeded identities into `dir`; with `tls` also
   * `ca.pem`, named by each profile's `ca_bundle` unless `caBundle` is false.
   */
  writeAwsConfig(dir: string, options?: { caBundle?: boolean }): AwsConfigFiles;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = buildState(readSeed(opts.seed));
  if (opts.clock) setClock(state, opts.clock);
  const emulator = new EmulatorServer(
    state,
    {
      latencyMs: opts.latencyMs,
      lagMs: opts.lagMs,
      throttleRate: opts.throttleRate,
      failRate: opts.failRate,
      failAfterCommitRate: opts.failAfterCommitRate,
      hang: opts.hang,
      reset: opts.reset,
      html: opts.html,
      malformed: opts.malformed,
      oversize: opts.oversize,
      tokenCycle: opts.tokenCycle,
    },
    opts.random ?? Math.random,
    opts.onRequest,
  );
  const certificates = opts.tls ? await generateTestCertificates() : undefined;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    emulator.handle(req, res).catch((e: unknown) => {
      console.error(`emulator: answering ${req.url ?? ''} failed: ${e instanceof Error ? e.message : String(e)}`);
      res.destroy();
    });
  };
  const server = certificates ? createHttpsServer({ cert: certificates.cert, key: certificates.key }, handler) : createServer(handler);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${certificates ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    requests: emulator.requests,
    state,
    ...(certificates ? { caPem: certificates.caPem } : {}),
    setFaults: (f) => emulator.setFaults(f),
    advanceClock: (minutes) => advanceClock(state, minutes),
    restoreSeed(seed) {
      Object.assign(state, buildState(readSeed(seed)));
      if (opts.clock) setClock(state, opts.clock);
      emulator.requests.length = 0;
      emulator.setFaults(NO_FAULTS);
    },
    writeAwsConfig: (dir, options) => writeAwsConfigFiles(state, url, dir, certificates?.caPem, options?.caBundle ?? true),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
