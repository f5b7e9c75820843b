import * as assert from 'node:assert/strict';
import type { GrantedLicense, License } from '../../src/aws/types';
import { PREFLIGHT_RULES, preflight, type PreflightInput, type PreflightRule } from '../../src/model/checkoutPreflight';
import { plainTranslate } from '../../src/model/translate';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const base = (): GrantedLicense => ({
  LicenseArn: 'arn:aws:license-manager::111122223333:license:l-a',
  LicenseName: 'Lab <b>Provisional</b>',
  ProductSKU: 'LAB-PROV',
  Issuer: { Name: 'Northwind', KeyFingerprint: 'fp-1' },
  Status: 'AVAILABLE',
  Validity: { Begin: '2025-01-01T00:00:00Z', End: '2027-01-01T00:00:00Z' },
  Entitlements: [
    { Name: 'Users', Unit: 'Count', MaxCount: 10, Overage: false, AllowCheckIn: true },
    { Name: 'Pro', Unit: 'None', Value: 'Enabled' },
  ],
  ConsumptionConfiguration: { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
  CreateTime: '2025-02-01T00:00:00Z',
  ReceivedMetadata: { ReceivedStatus: 'ACTIVE', AllowedOperations: ['CheckoutLicense', 'CheckoutBorrowLicense', 'CheckInLicense'] },
});
const input = (over: Partial<PreflightInput> = {}, license: Partial<GrantedLicense> = {}): PreflightInput => ({
  license: { ...base(), ...license },
  usage: [{ Name: 'Users', ConsumedValue: '7', MaxCount: '10', Unit: 'Count' }],
  mode: 'PROVISIONAL',
  entitlements: [{ name: 'Users', unit: 'Count', value: '1' }],
  now: NOW,
  others: [],
  ...over,
});
const twin: License = { LicenseArn: 'arn:aws:license-manager::111122223333:license:l-b', LicenseName: 'Lab Twin 2026', ProductSKU: 'LAB-PROV', Issuer: { KeyFingerprint: 'fp-1' }, CreateTime: '2026-03-01T00:00:00Z' };

/** One row per rule: an input that breaks it and the exact message. */
const TABLE: [PreflightRule, PreflightInput, string][] = [
  ['noSuchEntitlement', input({ entitlements: [{ name: 'Seats', unit: 'Count', value: '1' }] }), 'The license has no entitlement named Seats.'],
  ['wrongUnit', input({ entitlements: [{ name: 'Users', unit: 'None' }] }), 'Entitlement Users is counted in Count, not None.'],
  ['missingValue', input({ entitlements: [{ name: 'Users', unit: 'Count' }] }), 'Entitlement Users needs a Value: a whole number of Count to check out.'],
  ['countAboveLeft', input({ entitlements: [{ name: 'Users', unit: 'Count', value: '4' }] }), 'Entitlement Users has 3 of 10 Count left; 4 asked for.'],
  ['borrowNotAllowed', input({ mode: 'BORROW' }), 'This license has no borrow configuration: CheckoutBorrowLicense is refused with NoEntitlementsAllowedException.'],
  ['provisionalNotAllowed', input({}, { ConsumptionConfiguration: { RenewType: 'None' } }), 'This license has no provisional configuration: a PROVISIONAL checkout is refused.'],
  ['checkInNotAllowed', input({}, { Entitlements: [{ Name: 'Users', Unit: 'Count', MaxCount: 10, AllowCheckIn: false }] }), 'This license does not allow check-in: the units stay taken for 60 minutes.'],
  ['notActive', input({}, { Status: 'SUSPENDED' }), 'The license is SUSPENDED, not AVAILABLE.'],
  ['outOfValidity', input({ now: Date.parse('2027-02-01T00:00:00Z') }), 'The license expired at 2027-01-01T00:00:00Z.'],
  ['grantLacksOperation', input({}, { ReceivedMetadata: { ReceivedStatus: 'ACTIVE', AllowedOperations: ['ListPurchasedLicenses'] } }), 'The grant does not allow CheckoutLicense; it allows: ListPurchasedLicenses.'],
  ['sharedSkuAndFingerprint', input({ others: [twin] }), 'Another license shares this SKU and fingerprint: Lab <b>Provisional</b> and Lab Twin 2026. AWS checks out the newest: Lab Twin 2026.'],
];

describe('checkout pre-flight rules', () => {
  it('a request the license allows has no finding', () => {
    assert.deepEqual(preflight(input(), plainTranslate), []);
  });

  it('the table covers every rule', () => {
    assert.deepEqual(TABLE.map(([r]) => r).sort(), PREFLIGHT_RULES.map((r) => r.rule).sort());
  });

  for (const [rule, given, message] of TABLE) {
    it(`${rule}: ${message}`, () => {
      const found = preflight(given, plainTranslate);
      assert.deepEqual(found.map((f) => [f.rule, f.message]), [[rule, message]]);
    });
  }

  it('more rules: a grant not ACTIVE, not yet valid, PERPETUAL, Overage and unread usage pass the count', () => {
    assert.deepEqual(preflight(input({}, { ReceivedMetadata: { ReceivedStatus: 'DISABLED', AllowedOperations: ['CheckoutLicense'] } }), plainTranslate).map((f) => f.message), ['The grant of this license is DISABLED, not ACTIVE.']);
    assert.deepEqual(preflight(input({ now: Date.parse('2024-01-01T00:00:00Z') }), plainTranslate).map((f) => f.message), ['The license is not valid before 2025-01-01T00:00:00Z.']);
    assert.deepEqual(preflight(input({ mode: 'PERPETUAL' }), plainTranslate).map((f) => [f.severity, f.message]), [['warning', 'A PERPETUAL checkout cannot be checked in: what it takes is consumed for good.']]);
    const big = [{ name: 'Users', unit: 'Count', value: '50' }];
    assert.deepEqual(preflight(input({ entitlements: big }, { Entitlements: [{ Name: 'Users', Unit: 'Count', MaxCount: 10, Overage: true, AllowCheckIn: true }] }), plainTranslate), []);
    assert.deepEqual(preflight(input({ entitlements: big, usage: undefined }), plainTranslate), []);
  });

  it('asking for exactly what is left passes; one more is refused', () => {
    assert.deepEqual(preflight(input({ entitlements: [{ name: 'Users', unit: 'Count', value: '3' }] }), plainTranslate), []);
    assert.deepEqual(preflight(input({ entitlements: [{ name: 'Users', unit: 'Count', value: '4' }] }), plainTranslate).map((f) => f.rule), ['countAboveLeft']);
  });

  it('errors come before warnings', () => {
    const found = preflight(input({ others: [twin], entitlements: [{ name: 'Seats', unit: 'Count', value: '1' }] }), plainTranslate);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'warning']);
  });
});
