/** Writes AWS shared config/credentials files with one profile per seeded identity. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorState } from './state';

export interface AwsConfigFiles {
  configFile: string;
  credentialsFile: string;
  profiles: string[];
  /** The test CA's PEM file (TLS emulator only). */
  caFile?: string;
}

/** With `caPem`, also writes `dir/ca.pem`, which each profile's `ca_bundle` names when `caBundle` is true. */
export function writeAwsConfigFiles(state: EmulatorState, url: string, dir: string, caPem?: string, caBundle = true): AwsConfigFiles {
  mkdirSync(dir, { recursive: true });
  const caFile = caPem ? join(dir, 'ca.pem') : undefined;
  if (caFile) writeFileSync(caFile, caPem as string);
  const config: string[] = [];
  const credentials: string[] = [];
  const profiles: string[] = [];
  for (const id of state.identityList()) {
    profiles.push(id.profile);
    config.push(`[profile ${id.profile}]`, `region = ${id.region}`, `endpoint_url = ${url}`, ...(caFile && caBundle ? [`ca_bundle = ${caFile}`] : []), 'output = json', '');
    credentials.push(`[${id.profile}]`, `aws_access_key_id = ${id.accessKeyId}`, `aws_secret_access_key = ${id.secretAccessKey}`, '');
  }
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(configFile, config.join('\n'), { mode: 0o600 });
  writeFileSync(credentialsFile, credentials.join('\n'), { mode: 0o600 });
  return { configFile, credentialsFile, profiles, ...(caFile ? { caFile } : {}) };
}
