/** Loads a seed (file or object) into a fresh EmulatorState. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clone, EmulatorState, omitUndefined } from './state';
import type { AssociationRecord, GrantWire, UsageRecord } from './state';
import type { Json, Seed, SeedAccount, SeedGeneratedUsage, SeedGrantVersion, SeedLicenseConfiguration } from './types';

/** Path of the default demo seed (works from test/emulator and out/test/emulator). */
export function defaultSeedPath(): string {
  const candidates = [join(__dirname, 'seeds', 'demo.json'), resolve(__dirname, '../../../test/emulator/seeds/demo.json')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Demo seed not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function readSeed(seed?: string | Seed): Seed {
  if (seed && typeof seed === 'object') return clone(seed);
  const path = seed ?? defaultSeedPath();
  return JSON.parse(readFileSync(path, 'utf8')) as Seed;
}

export const configArn = (region: string, account: string, id: string): string =>
  `arn:aws:license-manager:${region}:${account}:license-configuration:${id}`;
export const licenseArn = (account: string, id: string): string => `arn:aws:license-manager::${account}:license:${id}`;
export const grantArn = (account: string, id: string): string => `arn:aws:license-manager::${account}:grant:${id}`;

/** ISO-8601 text (or epoch seconds) → epoch seconds. */
export function epochSeconds(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw new Error(`Seed: ${what} is not an ISO-8601 time: ${String(v)}`);
  return Math.floor(t / 1000);
}

const SEED_DIRECTIVES = new Set(['id', 'usage', 'generatedUsage', 'associations', 'tags', 'history']);

function wireMembers(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (!SEED_DIRECTIVES.has(k)) out[k] = clone(v);
  return out;
}

function hex(seed: string, len: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, len);
}

function resourceArn(type: string, region: string, owner: string, key: string): string {
  switch (type) {
    case 'EC2_HOST':
      return `arn:aws:ec2:${region}:${owner}:dedicated-host/h-${hex(key, 17)}`;
    case 'EC2_AMI':
      return `arn:aws:ec2:${region}::image/ami-${hex(key, 17)}`;
    case 'RDS':
      return `arn:aws:rds:${region}:${owner}:db:db-${hex(key, 26).toUpperCase()}`;
    case 'SYSTEMS_MANAGER_MANAGED_INSTANCE':
      return `arn:aws:ssm:${region}:${owner}:managed-instance/mi-${hex(key, 17)}`;
    default:
      return `arn:aws:ec2:${region}:${owner}:instance/i-${hex(key, 17)}`;
  }
}

function generateUsage(
  g: SeedGeneratedUsage,
  configId: string,
  region: string,
  owner: string,
): { usage: UsageRecord[]; associations: AssociationRecord[] } {
  const types = g.resourceTypes?.length ? g.resourceTypes : ['EC2_INSTANCE'];
  const owners = g.ownerAccounts?.length ? g.ownerAccounts : [owner];
  const counts = g.consumedLicenses?.length ? g.consumedLicenses : [1];
  const statuses = g.resourceStatuses?.length ? g.resourceStatuses : ['running'];
  const start = epochSeconds(g.startTime, `${configId}.generatedUsage.startTime`);
  const usage: UsageRecord[] = [];
  const associations: AssociationRecord[] = [];
  for (let i = 0; i < g.count; i++) {
    const type = types[i % types.length];
    const resOwner = owners[i % owners.length];
    const arn = resourceArn(type, region, resOwner, `${configId}/${i}`);
    const time = start + i * 60;
    usage.push({
      ResourceArn: arn,
      ResourceType: type,
      ResourceStatus: statuses[i % statuses.length],
      ResourceOwnerId: resOwner,
      AssociationTime: time,
      ConsumedLicenses: counts[i % counts.length],
    });
    if (g.associate) associations.push({ ResourceArn: arn, ResourceType: type, ResourceOwnerId: resOwner, AssociationTime: time });
  }
  return { usage, associations };
}

function loadConfig(state: EmulatorState, account: SeedAccount, region: string, c: SeedLicenseConfiguration): void {
  const arn = configArn(region, account.id, c.id);
  const data = wireMembers(c);
  const lastRun = (data.AutomatedDiscoveryInformation as Json | undefined)?.LastRunTime;
  if (lastRun !== undefined) data.AutomatedDiscoveryInformation = { LastRunTime: epochSeconds(lastRun, `${c.id}.LastRunTime`) };
  const usage: UsageRecord[] = (c.usage ?? []).map((u) =>
    omitUndefined({
      ...u,
      ResourceOwnerId: u.ResourceOwnerId ?? account.id,
      AssociationTime: epochSeconds(u.AssociationTime, `${c.id}.usage.AssociationTime`),
    }),
  );
  const associations: AssociationRecord[] = (c.associations ?? []).map((a) =>
    omitUndefined({
      ...a,
      ResourceOwnerId: a.ResourceOwnerId ?? account.id,
      AssociationTime: epochSeconds(a.AssociationTime, `${c.id}.associations.AssociationTime`),
    }),
  );
  if (c.generatedUsage) {
    const gen = generateUsage(c.generatedUsage, c.id, region, account.id);
    usage.push(...gen.usage);
    associations.push(...gen.associations);
  }
  state.configs.push({ arn, id: c.id, accountId: account.id, region, data, usage, associations, tags: clone(c.tags ?? []) });
}

/** Builds the state; throws with a readable message on an inconsistent seed. */
export function buildState(seed: Seed): EmulatorState {
  const state = new EmulatorState();
  if (!Array.isArray(seed.regions) || !Array.isArray(seed.accounts)) throw new Error('Seed: "regions" and "accounts" are required arrays');
  state.regions.push(...seed.regions);
  state.organizations.push(...clone(seed.organizations ?? []));
  for (const a of seed.accounts) {
    if (!/^\d{12}$/.test(a.id)) throw new Error(`Seed: account id ${a.id} is not 12 digits`);
    state.accounts.set(a.id, { id: a.id, name: a.name, defaultRegion: a.defaultRegion, issuer: a.issuer ?? { Name: a.name } });
    const ids = [
      ...(a.profile && a.accessKeyId && a.secretAccessKey
        ? [{ profile: a.profile, accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey, deniedOperations: a.deniedOperations }]
        : []),
      ...(a.identities ?? []),
    ];
    for (const i of ids) {
      if (state.identities.has(i.accessKeyId)) throw new Error(`Seed: duplicate access key ${i.accessKeyId}`);
      state.identities.set(i.accessKeyId, {
        profile: i.profile,
        accessKeyId: i.accessKeyId,
        secretAccessKey: i.secretAccessKey,
        accountId: a.id,
        region: ('defaultRegion' in i && i.defaultRegion) || a.defaultRegion,
        deniedOperations: new Set(i.deniedOperations ?? []),
      });
    }
  }
  for (const a of seed.accounts) {
    const issuer = state.accounts.get(a.id)!.issuer;
    for (const [region, r] of Object.entries(a.regions ?? {})) {
      for (const c of r.licenseConfigurations ?? []) loadConfig(state, a, region, c);
      for (const l of r.licenses ?? []) {
        const arn = licenseArn(a.id, l.id);
        const current: Json = { LicenseArn: arn, Issuer: clone(issuer), HomeRegion: region, ...wireMembers(l) };
        const history = l.history ?? [];
        const versions = [...history, {}].map((h, i) => ({ ...current, ...clone(h), Version: String(i + 1) }));
        state.licenses.set(arn, { arn, accountId: a.id, homeRegion: region, versions, usage: clone(l.usage ?? []), tags: clone(l.tags ?? []) });
      }
    }
  }
  for (const a of seed.accounts) {
    for (const [region, r] of Object.entries(a.regions ?? {})) {
      for (const g of r.grants ?? []) {
        const arn = grantArn(a.id, g.id);
        if (!state.licenses.has(g.licenseArn)) throw new Error(`Seed: grant ${g.id} names unknown license ${g.licenseArn}`);
        const base = { name: g.name, operations: g.operations };
        const steps: SeedGrantVersion[] = [...(g.history ?? []), { status: g.status, statusReason: g.statusReason }];
        const versions: GrantWire[] = steps.map((s, i) =>
          omitUndefined({
            GrantArn: arn,
            GrantName: s.name ?? base.name,
            ParentArn: g.parentArn ?? g.licenseArn,
            LicenseArn: g.licenseArn,
            GranteePrincipalArn: g.principal,
            HomeRegion: region,
            GrantStatus: s.status,
            StatusReason: s.statusReason,
            Version: String(i + 1),
            GrantedOperations: [...(s.operations ?? base.operations)],
          }),
        );
        state.grants.set(arn, { arn, grantorAccountId: a.id, homeRegion: region, versions, tags: clone(g.tags ?? []) });
      }
    }
  }
  return state;
}
