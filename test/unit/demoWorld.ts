// An emulator with a seed file (the demo seed unless told), AWS config files
// for its profiles in a temp dir, process.env pointed at them, and the real
// client factory; `close` restores everything.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClientFactory, type ClientFactoryOptions } from '../../src/aws/clientFactory';
import type { LicenseManagerClientFactory } from '../../src/aws/types';
import { defaultSeedPath, startEmulator, type EmulatorOptions, type RunningEmulator, type Seed } from '../emulator/index';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ENV_KEYS = [
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_LICENSE_MANAGER',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_MAX_ATTEMPTS',
  'HOME',
] as const;

export interface SeedWorld {
  emulator: RunningEmulator;
  factory: LicenseManagerClientFactory;
  dir: string;
  close(): Promise<void>;
}

/** The demo seed as a file holds it (read independently of the emulator). */
export function demoSeed(): Seed {
  return JSON.parse(readFileSync(defaultSeedPath(), 'utf8')) as Seed;
}

export async function startSeedWorld(
  options: Omit<EmulatorOptions, 'port' | 'host'> = {},
  factoryOptions: ClientFactoryOptions = {},
): Promise<SeedWorld> {
  const saved = new Map(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  const dir = mkdtempSync(join(tmpdir(), 'lm-feat-'));
  const emulator = await startEmulator(options);
  const files = emulator.writeAwsConfig(dir);
  process.env.AWS_CONFIG_FILE = files.configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
  process.env.HOME = dir;
  const factory = createClientFactory(factoryOptions);
  return {
    emulator,
    factory,
    dir,
    async close() {
      factory.dispose();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}

/** Parses RFC 4180 text (quoted fields, doubled quotes, CRLF records). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
