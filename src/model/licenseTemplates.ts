/**
 * The texts License documents open with: the Create License templates, and a license's current
 * version as a New License Version document. Members in the order of the request shapes.
 */
import type { License } from '../aws/types';
import type { Translate } from './translate';

export type LicenseTemplateId = 'test' | 'perpetual' | 'borrow';

/** Who and where a new license is for, from the profile and region it is created in. */
export interface TemplateContext {
  readonly issuerName: string;
  readonly beneficiary: string;
  readonly homeRegion: string;
  /** Now; Validity begins then. */
  readonly now: Date;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);

interface TemplateDef {
  readonly label: (t: Translate) => string;
  readonly detail: (t: Translate) => string;
  readonly build: (c: TemplateContext) => Record<string, unknown>;
}

function base(c: TemplateContext, name: string, end: Date | undefined): Record<string, unknown> {
  return {
    LicenseName: name,
    ProductName: 'Example Product',
    ProductSKU: 'EXAMPLE-SKU',
    Issuer: { Name: c.issuerName },
    HomeRegion: c.homeRegion,
    Validity: end ? { Begin: iso(c.now), End: iso(end) } : { Begin: iso(c.now) },
  };
}

export const LICENSE_TEMPLATES: Readonly<Record<LicenseTemplateId, TemplateDef>> = {
  test: {
    label: (t) => t('Test license'),
    detail: (t) => t('30 days; a 60-minute provisional configuration; one counted and one None-unit entitlement'),
    build: (c) => ({
      ...base(c, 'Test license', addDays(c.now, 30)),
      Entitlements: [
        { Name: 'Users', Unit: 'Count', MaxCount: 10, Overage: false, AllowCheckIn: true },
        { Name: 'PremiumSupport', Unit: 'None', Value: 'Enabled' },
      ],
      Beneficiary: c.beneficiary,
      ConsumptionConfiguration: { RenewType: 'None', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
    }),
  },
  perpetual: {
    label: (t) => t('Perpetual license'),
    detail: (t) => t('No end date; 100 counted users, checked out while connected'),
    build: (c) => ({
      ...base(c, 'Perpetual license', undefined),
      Entitlements: [{ Name: 'Users', Unit: 'Count', MaxCount: 100, Overage: false, AllowCheckIn: true }],
      Beneficiary: c.beneficiary,
      ConsumptionConfiguration: { RenewType: 'None', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
    }),
  },
  borrow: {
    label: (t) => t('Borrow license'),
    detail: (t) => t('One year; entitlements borrowed for offline use for up to a day, early check-in allowed'),
    build: (c) => ({
      ...base(c, 'Borrow license', addDays(c.now, 365)),
      Entitlements: [{ Name: 'Workstations', Unit: 'Count', MaxCount: 25, Overage: false, AllowCheckIn: true }],
      Beneficiary: c.beneficiary,
      ConsumptionConfiguration: { RenewType: 'None', BorrowConfiguration: { AllowEarlyCheckIn: true, MaxTimeToLiveInMinutes: 1440 } },
    }),
  },
};

export const LICENSE_TEMPLATE_IDS = Object.keys(LICENSE_TEMPLATES) as LicenseTemplateId[];

export const documentText = (members: Record<string, unknown>): string => `${JSON.stringify(members, null, 2)}\n`;

/** A license's version as the members of CreateLicenseVersion, based on that version. */
export function versionDocument(license: License): Record<string, unknown> {
  const out: Record<string, unknown> = {
    LicenseArn: license.LicenseArn,
    SourceVersion: license.Version,
    LicenseName: license.LicenseName,
    ProductName: license.ProductName,
    Issuer: { Name: license.Issuer?.Name, ...(license.Issuer?.SignKey ? { SignKey: license.Issuer.SignKey } : {}) },
    HomeRegion: license.HomeRegion,
    Status: license.Status,
    Validity: license.Validity,
    Entitlements: license.Entitlements,
    ConsumptionConfiguration: license.ConsumptionConfiguration,
  };
  if (license.LicenseMetadata?.length) out.LicenseMetadata = license.LicenseMetadata;
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}
