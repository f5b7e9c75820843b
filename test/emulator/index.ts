/** Local AWS License Manager emulator speaking AWS JSON 1.1 over HTTP. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeAwsConfigFiles } from './awsConfig';
import type { AwsConfigFiles } from './awsConfig';
import { buildState, readSeed } from './seed';
import { EmulatorServer } from './server';
import type { EmulatorState } from './state';
import type { EmulatorOptions, FaultOptions, RequestLogEntry } from './types';

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
  setFaults(f: Partial<FaultOptions>): void;
  writeAwsConfig(dir: string): AwsConfigFiles;
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = buildState(readSeed(opts.seed));
  const emulator = new EmulatorServer(
    state,
    {
      latencyMs: opts.latencyMs,
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
  const server = createServer((req, res) => void emulator.handle(req, res));
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    requests: emulator.requests,
    state,
    setFaults: (f) => emulator.setFaults(f),
    writeAwsConfig: (dir) => writeAwsConfigFiles(state, url, dir),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
