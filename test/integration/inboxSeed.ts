/** A world for the grants inbox: one seller, one buyer account with three profiles, two regions. */
import type { Seed, SeedGrant, SeedLicense } from '../emulator/types';

export const SELLER = '111122223333';
export const BUYER = '444455556666';
export const OTHER = '777788889999';

const license = (id: string, name: string, product: string): SeedLicense => ({
  id,
  LicenseName: name,
  ProductName: product,
  ProductSKU: product.toUpperCase().replace(/\W/g, '-'),
  Beneficiary: 'buyer',
  Status: 'AVAILABLE',
  Validity: { Begin: '2025-01-01T00:00:00Z', End: '2028-12-31T23:59:59Z' },
  Entitlements: [{ Name: 'Users', Unit: 'Count', MaxCount: 100, Overage: false, AllowCheckIn: true }],
  ConsumptionConfiguration: { RenewType: 'None', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
  CreateTime: '2025-01-01T00:00:00Z',
});

export const LICENSE_EAST = `arn:aws:license-manager::${SELLER}:license:l-0a1b2c3d4e5f60718293a4b5c6d7e8f9`;
export const LICENSE_WEST = `arn:aws:license-manager::${SELLER}:license:l-1b2c3d4e5f60718293a4b5c6d7e8f90a`;

const ops = ['CheckoutLicense', 'CheckInLicense', 'ListPurchasedLicenses'];
const grant = (id: string, name: string, licenseArn: string, to: string, status: string, statusReason?: string): SeedGrant => ({
  id,
  name,
  licenseArn,
  principal: `arn:aws:iam::${to}:root`,
  operations: ops,
  status,
  ...(statusReason ? { statusReason } : {}),
});

export const INBOX_SEED: Seed = {
  regions: ['us-east-1', 'eu-west-1'],
  accounts: [
    {
      id: SELLER,
      name: 'Northwind Software',
      profile: 'seller',
      accessKeyId: 'AKIAINBOXSELLER00001',
      secretAccessKey: 'inboxSellerSecretKey00000000000000000001',
      defaultRegion: 'us-east-1',
      issuer: { Name: 'Northwind Software' },
      regions: {
        'us-east-1': {
          licenses: [license('l-0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'Northwind Analytics', 'Northwind Analytics Suite')],
          grants: [
            grant('g-00000000000000000000000000000001', 'Analytics for buyer', LICENSE_EAST, BUYER, 'PENDING_ACCEPT'),
            grant('g-00000000000000000000000000000002', 'Analytics spare', LICENSE_EAST, BUYER, 'DISABLED'),
            grant('g-00000000000000000000000000000003', 'Analytics live', LICENSE_EAST, BUYER, 'ACTIVE'),
            grant('g-00000000000000000000000000000004', 'Analytics for research', LICENSE_EAST, OTHER, 'FAILED_WORKFLOW', 'The grantee account is suspended'),
            grant('g-00000000000000000000000000000005', 'Analytics rejected', LICENSE_EAST, OTHER, 'REJECTED'),
          ],
        },
        'eu-west-1': {
          licenses: [license('l-1b2c3d4e5f60718293a4b5c6d7e8f90a', 'Northwind Vault', 'Northwind Vault')],
          grants: [grant('g-00000000000000000000000000000006', 'Vault for buyer', LICENSE_WEST, BUYER, 'PENDING_ACCEPT')],
        },
      },
    },
    {
      id: BUYER,
      name: 'Globex',
      profile: 'buyer',
      accessKeyId: 'AKIAINBOXBUYER000001',
      secretAccessKey: 'inboxBuyerSecretKey000000000000000000001',
      defaultRegion: 'us-east-1',
      identities: [
        { profile: 'buyer-admin', accessKeyId: 'AKIAINBOXBUYERADMIN1', secretAccessKey: 'inboxBuyerAdminSecretKey0000000000000001' },
        {
          profile: 'buyer-readonly',
          accessKeyId: 'AKIAINBOXBUYERREAD01',
          secretAccessKey: 'inboxBuyerReadSecretKey00000000000000001',
          deniedOperations: ['ListReceivedGrants'],
        },
      ],
    },
    {
      id: OTHER,
      name: 'Research',
      profile: 'research',
      accessKeyId: 'AKIAINBOXRESEARCH001',
      secretAccessKey: 'inboxResearchSecretKey00000000000000001',
      defaultRegion: 'us-east-1',
    },
  ],
};

/** What the inbox must show for these profiles and regions, read from the seed alone (group label, grant name). */
export function expectedInbox(profiles: readonly string[], regions: readonly string[]): { group: string; name: string }[] {
  const accountOf = (profile: string) =>
    INBOX_SEED.accounts.find((a) => a.profile === profile || a.identities?.some((i) => i.profile === profile))?.id;
  const accounts = new Set(profiles.map(accountOf));
  const rows = new Map<string, { group: string; name: string }>();
  for (const owner of INBOX_SEED.accounts) {
    for (const [region, data] of Object.entries(owner.regions ?? {})) {
      if (!regions.includes(region)) continue;
      for (const g of data.grants ?? []) {
        const grantee = /^arn:aws:iam::(\d{12}):root$/.exec(g.principal)?.[1];
        if (grantee && accounts.has(grantee) && g.status === 'PENDING_ACCEPT') rows.set(g.id, { group: 'Waiting for you', name: g.name });
        if (grantee && accounts.has(grantee) && g.status === 'DISABLED') rows.set(g.id, { group: 'Accepted, not active', name: g.name });
        if (accounts.has(owner.id) && (g.status === 'FAILED_WORKFLOW' || g.status === 'PENDING_WORKFLOW')) {
          rows.set(g.id, { group: 'Your grants with problems', name: g.name });
        }
      }
    }
  }
  return [...rows.values()].sort((a, b) => (a.group + a.name < b.group + b.name ? -1 : 1));
}
