/** The emulator's license consumption through the real SDK: checkout, borrow, check-in, extend, usage and the clock. */
import * as assert from 'node:assert/strict';
import {
  CheckInLicenseCommand,
  CheckoutBorrowLicenseCommand,
  CheckoutLicenseCommand,
  ExtendLicenseConsumptionCommand,
  GetLicenseUsageCommand,
  type CheckoutLicenseCommandInput,
  type LicenseManagerClient,
} from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { CHECKOUT_SEED, MARKETPLACE_FP, NORTHWIND_FP } from './checkoutSupport';
import { client, destroyClients, licenseArnBySku, rejectsWith } from './emulatorSupport';

let n = 0;
const token = (): string => `test-token-${++n}-${Date.now()}`;

async function consumed(c: LicenseManagerClient, arn: string, name: string): Promise<string | undefined> {
  const out = await c.send(new GetLicenseUsageCommand({ LicenseArn: arn }));
  return out.LicenseUsage?.EntitlementUsages?.find((u) => u.Name === name)?.ConsumedValue;
}

const users = (value: string, name = 'Users'): CheckoutLicenseCommandInput['Entitlements'] => [{ Name: name, Unit: 'Count', Value: value }];

describe('emulator license consumption', function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  let buyer: LicenseManagerClient;
  before(async () => {
    emu = await startEmulator({ seed: CHECKOUT_SEED });
  });
  beforeEach(() => {
    emu.restoreSeed(CHECKOUT_SEED);
    buyer = client(emu, 'buyer');
  });
  afterEach(() => destroyClients());
  after(() => emu.close());

  const checkout = (over: Partial<CheckoutLicenseCommandInput> = {}, c = buyer) =>
    c.send(new CheckoutLicenseCommand({ ProductSKU: 'LAB-PROV', KeyFingerprint: NORTHWIND_FP, CheckoutType: 'PROVISIONAL', Entitlements: users('3'), ClientToken: token(), ...over }));

  it('a PROVISIONAL checkout consumes until check-in and answers the model shapes', async () => {
    const arn = licenseArnBySku(emu, 'LAB-PROV');
    assert.equal(await consumed(buyer, arn, 'Users'), '0');
    const out = await checkout({ NodeId: 'node-7' });
    assert.equal(out.LicenseArn, arn);
    assert.equal(out.CheckoutType, 'PROVISIONAL');
    assert.equal(out.NodeId, 'node-7');
    assert.deepEqual(out.EntitlementsAllowed, [{ Name: 'Users', Unit: 'Count', Value: '3' }]);
    assert.match(out.IssuedAt!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(Date.parse(out.Expiration!) - Date.parse(out.IssuedAt!), 60 * 60_000);
    assert.equal(out.SignedToken!.split('.').length, 3);
    assert.equal(await consumed(buyer, arn, 'Users'), '3');
    await buyer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken }));
    assert.equal(await consumed(buyer, arn, 'Users'), '0');
    await rejectsWith(buyer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })), 'ConflictException', 409);
  });

  it('a None-unit entitlement checks out without a Value and answers the license value', async () => {
    const out = await checkout({ Entitlements: [{ Name: 'Pro Features', Unit: 'None' }] });
    assert.deepEqual(out.EntitlementsAllowed, [{ Name: 'Pro Features', Unit: 'None', Value: 'Enabled' }]);
  });

  it('PROVISIONAL units come back when the lifetime ends on the emulator clock; extend adds a lifetime (DryRun changes nothing)', async () => {
    const arn = licenseArnBySku(emu, 'LAB-PROV');
    const a = await checkout();
    const b = await checkout({ Entitlements: users('2') });
    assert.equal(await consumed(buyer, arn, 'Users'), '5');
    emu.advanceClock(40);
    const dry = await buyer.send(new ExtendLicenseConsumptionCommand({ LicenseConsumptionToken: b.LicenseConsumptionToken, DryRun: true }));
    assert.equal(dry.LicenseConsumptionToken, b.LicenseConsumptionToken);
    emu.advanceClock(21);
    assert.equal(await consumed(buyer, arn, 'Users'), '0', 'both lifetimes ended (the dry run extended nothing)');
    await rejectsWith(buyer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: a.LicenseConsumptionToken })), 'ResourceNotFoundException', 400);
    const c = await checkout({ Entitlements: users('4') });
    emu.advanceClock(50);
    const ext = await buyer.send(new ExtendLicenseConsumptionCommand({ LicenseConsumptionToken: c.LicenseConsumptionToken }));
    assert.equal(Date.parse(ext.Expiration!) - Date.parse(c.Expiration!), 50 * 60_000);
    emu.advanceClock(30);
    assert.equal(await consumed(buyer, arn, 'Users'), '4', 'extended past the first lifetime');
  });

  it('a PERPETUAL checkout never comes back and cannot be checked in or extended', async () => {
    const arn = licenseArnBySku(emu, 'LAB-PERP');
    const out = await checkout({ ProductSKU: 'LAB-PERP', CheckoutType: 'PERPETUAL', Entitlements: users('7', 'API Calls') });
    emu.advanceClock(60 * 24 * 30);
    assert.equal(await consumed(buyer, arn, 'API Calls'), '7');
    await rejectsWith(buyer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })), 'ConflictException', 409, /PERPETUAL/);
    await rejectsWith(buyer.send(new ExtendLicenseConsumptionCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })), 'ValidationException', 400);
    await rejectsWith(checkout({ ProductSKU: 'LAB-PERP' , Entitlements: users('1', 'API Calls') }), 'NoEntitlementsAllowedException', 400, /ProvisionalConfiguration/);
  });

  it('a repeated ClientToken replays the first checkout instead of consuming twice', async () => {
    const arn = licenseArnBySku(emu, 'LAB-PROV');
    const t = token();
    const first = await checkout({ ClientToken: t });
    const again = await checkout({ ClientToken: t });
    assert.equal(again.LicenseConsumptionToken, first.LicenseConsumptionToken);
    assert.equal(await consumed(buyer, arn, 'Users'), '3');
    await rejectsWith(checkout({ ClientToken: t, Entitlements: users('4') }), 'ValidationException', 400, /ClientToken/);
  });

  it('two licenses sharing SKU and fingerprint: the newest is checked out', async () => {
    const out = await checkout({ ProductSKU: 'LAB-TWIN' });
    const twins = [...emu.state.licenses.values()].filter((l) => emu.state.currentLicense(l).ProductSKU === 'LAB-TWIN');
    const newest = twins.find((l) => emu.state.currentLicense(l).LicenseName === 'Lab Twin 2026 – Buyer')!;
    assert.equal(out.LicenseArn, newest.arn);
  });

  it('refuses what the service refuses, with the model error and status', async () => {
    await rejectsWith(checkout({ Entitlements: users('8') }).then(() => checkout({ Entitlements: users('3') })), 'NoEntitlementsAllowedException', 400, /2 of 10 left; 3 requested/);
    await rejectsWith(checkout({ Entitlements: [{ Name: 'Users', Unit: 'None' }] }), 'NoEntitlementsAllowedException', 400, /unit Count/);
    await rejectsWith(checkout({ Entitlements: users('1', 'Nope') }), 'NoEntitlementsAllowedException', 400, /Nope is not found/);
    await rejectsWith(checkout({ Entitlements: users('abc') }), 'ValidationException', 400, /positive whole number/);
    await rejectsWith(checkout({ ProductSKU: 'NO-SUCH' }), 'ResourceNotFoundException', 400);
    await rejectsWith(checkout({ ProductSKU: 'LAB-OLD' }), 'ResourceNotFoundException', 400);
    await rejectsWith(checkout({ ProductSKU: 'LAB-LOCKED', Entitlements: users('1', 'Seats') }), 'AuthorizationException', 403, /no ACTIVE grant/);
    await rejectsWith(checkout({ CheckoutType: 'FOREVER' as 'PERPETUAL' }), 'ValidationException', 400, /enum value set/);
    await rejectsWith(checkout({}, client(emu, 'buyer-no-checkout')), 'AccessDeniedException', 401);
  });

  it('the issuer checks out by naming the beneficiary; an expired license is refused', async () => {
    const seller = client(emu, 'seller');
    await rejectsWith(checkout({}, seller), 'ResourceNotFoundException', 400, /ProductSKU LAB-PROV/);
    const out = await checkout({ Beneficiary: '444455556666' }, seller);
    assert.equal(out.LicenseArn, licenseArnBySku(emu, 'LAB-PROV'));
    await rejectsWith(checkout({ ProductSKU: 'LAB-OLD', Beneficiary: '444455556666' }, seller), 'NoEntitlementsAllowedException', 400, /expired at 2025-06-30T23:59:59Z/);
  });

  it('a license without check-in keeps its units until the lifetime ends', async () => {
    const seller = client(emu, 'seller');
    const arn = licenseArnBySku(emu, 'LAB-LOCKED');
    const out = await checkout({ ProductSKU: 'LAB-LOCKED', Entitlements: users('1', 'Seats'), Beneficiary: '444455556666' }, seller);
    await rejectsWith(seller.send(new CheckInLicenseCommand({ LicenseConsumptionToken: out.LicenseConsumptionToken })), 'ConflictException', 409, /does not allow check-in/);
    assert.equal(await consumed(seller, arn, 'Seats'), '1');
    emu.advanceClock(60);
    assert.equal(await consumed(seller, arn, 'Seats'), '0');
  });

  it('CheckoutBorrowLicense only where the license has a BorrowConfiguration, for its lifetime', async () => {
    const arn = licenseArnBySku(emu, 'LAB-BORROW');
    const borrow = (licenseArn: string, over: Record<string, unknown> = {}) =>
      buyer.send(new CheckoutBorrowLicenseCommand({ LicenseArn: licenseArn, Entitlements: users('2', 'Cores'), DigitalSignatureMethod: 'JWT_PS384', ClientToken: token(), NodeId: 'n1', CheckoutMetadata: [{ Name: 'host', Value: 'h1' }], ...over }));
    const out = await borrow(arn);
    assert.equal(Date.parse(out.Expiration!) - Date.parse(out.IssuedAt!), 1440 * 60_000);
    assert.deepEqual(out.CheckoutMetadata, [{ Name: 'host', Value: 'h1' }]);
    assert.equal(await consumed(buyer, arn, 'Cores'), '2');
    emu.advanceClock(1440);
    assert.equal(await consumed(buyer, arn, 'Cores'), '0');
    await rejectsWith(borrow(licenseArnBySku(emu, 'LAB-PROV'), { Entitlements: users('1') }), 'NoEntitlementsAllowedException', 400, /no BorrowConfiguration/);
    await rejectsWith(borrow(arn, { Entitlements: users('1', 'Users') }), 'EntitlementNotAllowedException', 400);
    await rejectsWith(borrow(arn, { DigitalSignatureMethod: 'RS256' }), 'UnsupportedDigitalSignatureMethodException', 400);
    await rejectsWith(borrow('arn:aws:license-manager::111122223333:license:l-00000000000000000000000000000000'), 'ResourceNotFoundException', 400);
    const early = await borrow(arn);
    await buyer.send(new CheckInLicenseCommand({ LicenseConsumptionToken: early.LicenseConsumptionToken }));
    assert.equal(await consumed(buyer, arn, 'Cores'), '0');
  });

  it('a Marketplace-issued license checks out by the Marketplace fingerprint', async () => {
    const out = await checkout({ ProductSKU: 'prod-lab1234mkt', KeyFingerprint: MARKETPLACE_FP, Entitlements: [{ Name: 'Tier', Unit: 'None' }] });
    assert.deepEqual(out.EntitlementsAllowed, [{ Name: 'Tier', Unit: 'None', Value: 'Professional' }]);
  });
});
