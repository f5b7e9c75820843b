/** The issuing seed (`seeds/issuing.json`) and a complete CreateLicense request for its seller. */
import { dirname, join } from 'node:path';
import type { CreateLicenseCommandInput } from '@aws-sdk/client-license-manager';
import { defaultSeedPath } from '../emulator';

export const ISSUING_SEED = join(dirname(defaultSeedPath()), 'issuing.json');
export const ISSUER_ACCOUNT = '123412341234';
export const RENDER_ARN = 'arn:aws:license-manager::123412341234:license:l-7a1e0c3d5b2f4e6a8c9d0e1f2a3b4c5d';
export const RENDER_GRANT = 'arn:aws:license-manager::123412341234:grant:g-1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e';

/** A complete CreateLicense request for the issuing seed's seller. */
export function newLicense(token = 'create-1'): CreateLicenseCommandInput {
  return {
    ClientToken: token,
    LicenseName: 'Tailspin Trial',
    ProductName: 'Tailspin Render',
    ProductSKU: 'TS-TRIAL',
    Issuer: { Name: 'Tailspin Software' },
    HomeRegion: 'us-east-1',
    Validity: { Begin: '2026-01-01T00:00:00Z', End: '2026-12-31T23:59:59Z' },
    Entitlements: [
      { Name: 'Seats', Unit: 'Count', MaxCount: 5, Overage: false, AllowCheckIn: true },
      { Name: 'Support', Unit: 'None', Value: 'standard' },
    ],
    Beneficiary: 'northwind',
    ConsumptionConfiguration: { RenewType: 'None', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
    LicenseMetadata: [{ Name: 'Contract', Value: 'C-1001' }],
    Tags: [{ Key: 'Team', Value: 'sales' }],
  };
}

