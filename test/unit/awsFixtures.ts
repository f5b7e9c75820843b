// Shared set-up of the AWS layer tests: a small seed, an emulator per suite,
// AWS config files in a temp dir, and process.env save/restore.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator, type Seed } from '../emulator/index';
import type { SeedLicense } from '../emulator/types';

export const SELLER = '111111111111';
export const BUYER = '222222222222';
export const REGION = 'us-east-1';
export const OTHER_REGION = 'eu-west-1';

/** Secrets use characters a generic redaction pattern would miss, so a leak is caught. */
export const SECRETS = {
  seller: 'seller-secret_DO-NOT-LEAK_1',
  buyer: 'buyer-secret_DO-NOT-LEAK_2',
  restricted: 'restricted-secret_DO-NOT-LEAK_3',
  process: 'process-secret_DO-NOT-LEAK_4',
};
export const KEYS = {
  seller: 'AKIDSELLERKEY0000001',
  buyer: 'AKIDBUYERKEY00000002',
  restricted: 'AKIDRESTRICTED000003',
  process: 'AKIDPROCESSKEY000004',
};
export const USAGE_COUNT = 1234;

export const configArn = (id: string, region = REGION, account = SELLER): string =>
  `arn:aws:license-manager:${region}:${account}:license-configuration:${id}`;
export const licenseArn = (id: string, account = SELLER): string => `arn:aws:license-manager::${account}:license:${id}`;
export const grantArn = (id: string, account = SELLER): string => `arn:aws:license-manager::${account}:grant:${id}`;

export const BIG_CONFIG = 'lic-00000000000000000000000000000001';
export const SMALL_CONFIG = 'lic-00000000000000000000000000000002';
export const LICENSE = 'l-00000000000000000000000000000001';
export const OTHER_LICENSE = 'l-00000000000000000000000000000002';
export const PENDING_GRANT = 'g-00000000000000000000000000000001';
export const ACTIVE_GRANT = 'g-00000000000000000000000000000002';
export const DELETED_GRANT = 'g-00000000000000000000000000000003';

const OPS = ['CheckoutLicense', 'CheckInLicense', 'ListPurchasedLicenses'];

function license(id: string, sku: string, name: string): SeedLicense {
  return {
    id,
    LicenseName: name,
    ProductName: `${name} Product`,
    ProductSKU: sku,
    Status: 'AVAILABLE',
    Validity: { Begin: '2024-01-01T00:00:00Z', End: '2030-01-01T00:00:00Z' },
    Beneficiary: BUYER,
    Entitlements: [
      { Name: 'Seats', MaxCount: 100, Unit: 'Count', Overage: false, AllowCheckIn: true },
      { Name: 'Tier', Value: 'Gold', Unit: 'None' },
    ],
    ConsumptionConfiguration: { RenewType: 'Monthly', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
    LicenseMetadata: [{ Name: 'edition', Value: 'enterprise' }],
    CreateTime: '2024-01-01T00:00:00Z',
    history: [{ LicenseName: `${name} (draft)` }],
    usage: [{ Name: 'Seats', ConsumedValue: '12', MaxCount: '100', Unit: 'Count' }],
    tags: [{ Key: 'product', Value: sku }],
  };
}

export const SEED: Seed = {
  regions: [REGION, OTHER_REGION],
  accounts: [
    {
      id: SELLER,
      name: 'Example Seller',
      defaultRegion: REGION,
      issuer: { Name: 'Example Seller', KeyFingerprint: 'aws:111111111111:Example:issuer-fingerprint' },
      identities: [
        { profile: 'seller', accessKeyId: KEYS.seller, secretAccessKey: SECRETS.seller },
        {
          profile: 'restricted',
          accessKeyId: KEYS.restricted,
          secretAccessKey: SECRETS.restricted,
          deniedOperations: ['ListLicenses', 'GetGrant'],
        },
      ],
      regions: {
        [REGION]: {
          licenseConfigurations: [
            {
              id: BIG_CONFIG,
              Name: 'Fleet vCPUs',
              Description: 'Large fleet',
              LicenseCountingType: 'vCPU',
              LicenseCount: 5000,
              LicenseCountHardLimit: false,
              generatedUsage: {
                count: USAGE_COUNT,
                resourceTypes: ['EC2_INSTANCE', 'EC2_HOST'],
                startTime: '2024-02-01T00:00:00Z',
                associate: true,
              },
              tags: [{ Key: 'team', Value: 'platform' }],
            },
            {
              id: SMALL_CONFIG,
              Name: 'Sockets',
              LicenseCountingType: 'Socket',
              LicenseCount: 10,
              LicenseCountHardLimit: true,
              usage: [
                {
                  ResourceArn: 'arn:aws:ec2:us-east-1:111111111111:dedicated-host/h-0123456789abcdef0',
                  ResourceType: 'EC2_HOST',
                  ResourceStatus: 'available',
                  AssociationTime: '2024-03-01T10:00:00Z',
                  ConsumedLicenses: 2,
                },
              ],
              associations: [
                {
                  ResourceArn: 'arn:aws:ec2:us-east-1::image/ami-0123456789abcdef0',
                  ResourceType: 'EC2_AMI',
                  AssociationTime: '2024-03-01T09:00:00Z',
                  AmiAssociationScope: 'cross-account',
                },
              ],
            },
          ],
          licenses: [license(LICENSE, 'SKU-ONE', 'Analytics'), license(OTHER_LICENSE, 'SKU-TWO', 'Database')],
          grants: [
            {
              id: PENDING_GRANT,
              name: 'Pending for buyer',
              licenseArn: licenseArn(LICENSE),
              principal: `arn:aws:iam::${BUYER}:root`,
              operations: OPS,
              status: 'PENDING_ACCEPT',
            },
            {
              id: ACTIVE_GRANT,
              name: 'Active for buyer',
              licenseArn: licenseArn(OTHER_LICENSE),
              principal: `arn:aws:iam::${BUYER}:root`,
              operations: OPS,
              status: 'ACTIVE',
              statusReason: 'Activated by the buyer',
              history: [{ status: 'PENDING_ACCEPT' }, { status: 'DISABLED' }],
              tags: [{ Key: 'deal', Value: '42' }],
            },
            {
              id: DELETED_GRANT,
              name: 'Deleted',
              licenseArn: licenseArn(OTHER_LICENSE),
              principal: `arn:aws:iam::${BUYER}:root`,
              operations: OPS,
              status: 'DELETED',
              statusReason: 'Contract ended',
              history: [{ status: 'ACTIVE' }],
            },
          ],
        },
      },
    },
    {
      id: BUYER,
      name: 'Example Buyer',
      defaultRegion: REGION,
      identities: [
        { profile: 'buyer', accessKeyId: KEYS.buyer, secretAccessKey: SECRETS.buyer },
        { profile: 'buyer-automation', accessKeyId: KEYS.process, secretAccessKey: SECRETS.process },
      ],
    },
  ],
};

/** Environment variables the tests change; saved and restored around each suite. */
const ENV_KEYS = [
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_LICENSE_MANAGER',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
  'HOME',
] as const;

export interface AwsTestWorld {
  emulator: RunningEmulator;
  dir: string;
  configFile: string;
  credentialsFile: string;
  /** Appends text to the config file. */
  appendConfig(text: string): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator with the test seed, writes AWS config files for its
 * profiles into a temp dir and points process.env at them (HOME too, so no
 * file of the machine is read). `close` restores everything.
 */
export async function startAwsWorld(options: { random?: () => number } = {}): Promise<AwsTestWorld> {
  const saved = new Map(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  const dir = mkdtempSync(join(tmpdir(), 'lm-aws-'));
  const emulator = await startEmulator({ seed: SEED, ...options });
  const files = emulator.writeAwsConfig(dir);
  process.env.AWS_CONFIG_FILE = files.configFile;
  process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
  process.env.HOME = dir;
  let base = readFileSync(files.configFile, 'utf8');
  return {
    emulator,
    dir,
    configFile: files.configFile,
    credentialsFile: files.credentialsFile,
    appendConfig(text: string) {
      base = `${base}\n${text}\n`;
      writeFileSync(files.configFile, base);
    },
    async close() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}

/** Asserts that none of the seeded secrets occurs in any of the texts. */
export function assertNoSecret(texts: readonly string[]): void {
  for (const text of texts) {
    for (const secret of Object.values(SECRETS)) {
      if (text.includes(secret)) throw new Error(`A secret leaked into: ${text}`);
    }
  }
}

/** A local port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
