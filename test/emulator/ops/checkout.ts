/**
 * License consumption: CheckoutLicense (PROVISIONAL, PERPETUAL), CheckoutBorrowLicense, CheckInLicense,
 * ExtendLicenseConsumption. Lifetimes run on the emulator's clock (`state.now()`).
 */
import { randomBytes } from 'node:crypto';
import { isCounted } from '../consumption';
import { ApiError, validation } from '../errors';
import type { CheckoutRecord, LicenseRecord } from '../state';
import type { Json } from '../types';
import { Checker } from '../validate';
import type { OpContext, OperationDef } from './context';
import { idempotent } from './grantMutations';
import { entitlementUsages } from './licenses';

export const ENTITLEMENT_UNITS = [
  'Count', 'None', 'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes',
  'Bits', 'Kilobits', 'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second',
  'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second',
  'Terabits/Second', 'Count/Second',
];
const CHECKOUT_TYPES = ['PROVISIONAL', 'PERPETUAL'];
/** Lifetime of a checkout's signed token when the license states none. */
const DEFAULT_TTL_MINUTES = 60;
const MINUTE = 60_000;

const err = (type: string, message: string): ApiError => new ApiError(type, message);
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const b64url = (v: string | Buffer): string => Buffer.from(v).toString('base64url');

interface Requested {
  Name: string;
  Unit: string;
  Value?: string;
}

/** Validates `Entitlements` (required list of EntitlementData) into plain records. */
function requestedEntitlements(ck: Checker): Requested[] {
  const raw = ck.body.Entitlements;
  if (raw === undefined || raw === null) {
    ck.str('Entitlements', { required: true });
    return [];
  }
  if (!Array.isArray(raw) || raw.some((e) => !e || typeof e !== 'object' || Array.isArray(e))) {
    throw new ApiError('SerializationException', "Unexpected value type for 'Entitlements': expected a list of EntitlementData");
  }
  return (raw as Json[]).map((e, i) => {
    const item = new Checker(e);
    const path = `entitlements.${i + 1}.member`;
    const Name = item.str('Name', { required: true });
    const Unit = item.str('Unit', { required: true, enum: ENTITLEMENT_UNITS });
    const Value = item.str('Value');
    try {
      item.done();
    } catch (x) {
      throw validation((x as Error).message.replace(/at '/g, `at '${path}.`));
    }
    return { Name: Name!, Unit: Unit!, ...(Value !== undefined ? { Value } : {}) };
  });
}

/**
 * Checks every requested entitlement against the license and what is left; `notAllowed` is the
 * error a missing entitlement or a wrong unit gets. Answers the entitlements allowed.
 */
function allow(ctx: OpContext, l: LicenseRecord, wanted: Requested[], notAllowed: string): Requested[] {
  const current = ctx.state.currentLicense(l);
  const entitlements = (current.Entitlements as Json[] | undefined) ?? [];
  const usage = entitlementUsages(ctx, l);
  if (wanted.length === 0) throw err('NoEntitlementsAllowedException', 'No entitlements were requested.');
  return wanted.map((w) => {
    const e = entitlements.find((x) => x.Name === w.Name);
    if (!e) throw err(notAllowed, `Entitlement ${w.Name} is not found in license ${l.arn}.`);
    if (e.Unit !== w.Unit) throw err(notAllowed, `Entitlement ${w.Name} has unit ${String(e.Unit)}; the request asked for unit ${w.Unit}.`);
    if (!isCounted(e.Unit)) return { Name: w.Name, Unit: w.Unit, ...(typeof e.Value === 'string' ? { Value: e.Value } : {}) };
    if (w.Value === undefined || !/^[1-9]\d{0,15}$/.test(w.Value)) {
      throw validation(`Entitlement ${w.Name} of unit ${w.Unit} needs a Value that is a positive whole number; got ${w.Value === undefined ? 'none' : `'${w.Value}'`}.`);
    }
    if (typeof e.MaxCount === 'number' && e.Overage !== true) {
      const used = Number(usage.find((u) => u.Name === w.Name)?.ConsumedValue ?? 0);
      if (used + Number(w.Value) > e.MaxCount) {
        throw err('NoEntitlementsAllowedException', `The entitlement maximum count is reached: ${w.Name} has ${e.MaxCount - used} of ${e.MaxCount} left; ${w.Value} requested.`);
      }
    }
    return { Name: w.Name, Unit: w.Unit, Value: w.Value };
  });
}

/** The license must be AVAILABLE and inside its validity by the emulator's clock. */
function requireActive(ctx: OpContext, current: Json, arn: string): void {
  if (current.Status !== 'AVAILABLE') throw err('NoEntitlementsAllowedException', `License ${arn} is ${String(current.Status)}, not AVAILABLE.`);
  const v = (current.Validity as Json | undefined) ?? {};
  const now = ctx.state.now();
  if (typeof v.Begin === 'string' && now < Date.parse(v.Begin)) throw err('NoEntitlementsAllowedException', `License ${arn} is not valid before ${v.Begin}.`);
  if (typeof v.End === 'string' && now > Date.parse(v.End)) throw err('NoEntitlementsAllowedException', `License ${arn} expired at ${v.End}.`);
}

/** A grantee needs an ACTIVE grant that allows `operation`; the issuer needs nothing more. */
function requireGrantAllows(ctx: OpContext, l: LicenseRecord, operation: string): void {
  if (l.accountId === ctx.account) return;
  const g = ctx.state.receivingGrant(l.arn, ctx.account);
  const cur = g && ctx.state.currentGrant(g);
  if (!cur || cur.GrantStatus !== 'ACTIVE' || !cur.GrantedOperations.includes(operation)) {
    throw err('AuthorizationException', `Account ${ctx.account} is not allowed ${operation} on license ${l.arn}: no ACTIVE grant allows it.`);
  }
}

const creationTime = (l: LicenseRecord): number => Date.parse(String(l.versions[0].CreateTime ?? '')) || 0;

/** The licenses the caller could consume, matching SKU and fingerprint; the newest one is used. */
function matchLicense(ctx: OpContext, sku: string, fingerprint: string, beneficiary: string | undefined): LicenseRecord {
  const matches = [...ctx.state.licenses.values()].filter((l) => {
    const cur = ctx.state.currentLicense(l);
    if (cur.ProductSKU !== sku || (cur.Issuer as Json | undefined)?.KeyFingerprint !== fingerprint) return false;
    if (l.accountId === ctx.account) return beneficiary !== undefined && beneficiary === cur.Beneficiary;
    return ctx.state.canSeeLicense(l, ctx.account);
  });
  if (matches.length === 0) {
    throw err('ResourceNotFoundException', `No license with ProductSKU ${sku} and KeyFingerprint ${fingerprint} is available to account ${ctx.account}${beneficiary === undefined ? '' : ` for beneficiary ${beneficiary}`}.`);
  }
  return matches.reduce((a, b) => (creationTime(b) >= creationTime(a) ? b : a));
}

function signedToken(c: CheckoutRecord, nodeId: string | undefined): string {
  const payload = { licenseArn: c.licenseArn, entitlements: c.entitlements, iat: Math.floor(c.issuedAt / 1000), exp: Math.floor(c.expiresAt / 1000), ...(nodeId ? { nodeId } : {}) };
  return `${b64url(JSON.stringify({ alg: 'PS384', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}.${b64url(randomBytes(48))}`;
}

function record(ctx: OpContext, l: LicenseRecord, kind: CheckoutRecord['kind'], entitlements: Requested[], ttlMinutes: number): CheckoutRecord {
  const issuedAt = ctx.state.now();
  const c: CheckoutRecord = { token: ctx.newHex(), licenseArn: l.arn, accountId: ctx.account, kind, entitlements, issuedAt, expiresAt: issuedAt + ttlMinutes * MINUTE, checkedIn: false };
  ctx.state.checkouts.set(c.token, c);
  return c;
}

/** The caller's consumption by token, still holding its units, or ResourceNotFoundException. */
function liveConsumption(ctx: OpContext, token: string): CheckoutRecord {
  const c = ctx.state.checkouts.get(token);
  if (!c || c.accountId !== ctx.account) throw err('ResourceNotFoundException', `License consumption token ${token} is not found.`);
  if (c.kind !== 'PERPETUAL' && !c.checkedIn && ctx.state.now() >= c.expiresAt) {
    throw err('ResourceNotFoundException', `License consumption ${token} expired at ${iso(c.expiresAt)}.`);
  }
  return c;
}

const ttlOf = (current: Json, kind: CheckoutRecord['kind']): number => {
  const cc = (current.ConsumptionConfiguration as Json | undefined) ?? {};
  const conf = (kind === 'BORROW' ? cc.BorrowConfiguration : cc.ProvisionalConfiguration) as Json | undefined;
  return typeof conf?.MaxTimeToLiveInMinutes === 'number' ? conf.MaxTimeToLiveInMinutes : DEFAULT_TTL_MINUTES;
};

export const checkoutOps: Record<string, OperationDef> = {
  CheckoutLicense: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const sku = ck.str('ProductSKU', { required: true });
      const type = ck.str('CheckoutType', { required: true, enum: CHECKOUT_TYPES });
      const fingerprint = ck.str('KeyFingerprint', { required: true });
      const wanted = requestedEntitlements(ck);
      const token = ck.clientToken(true);
      const beneficiary = ck.str('Beneficiary');
      const nodeId = ck.str('NodeId');
      ck.done();
      return idempotent(ctx, token!, () => {
        const l = matchLicense(ctx, sku!, fingerprint!, beneficiary);
        const current = ctx.state.currentLicense(l);
        requireGrantAllows(ctx, l, 'CheckoutLicense');
        requireActive(ctx, current, l.arn);
        const cc = (current.ConsumptionConfiguration as Json | undefined) ?? {};
        if (type === 'PROVISIONAL' && !cc.ProvisionalConfiguration) {
          throw err('NoEntitlementsAllowedException', `License ${l.arn} has no ProvisionalConfiguration: it cannot be checked out PROVISIONAL.`);
        }
        const allowed = allow(ctx, l, wanted, 'NoEntitlementsAllowedException');
        const c = record(ctx, l, type as CheckoutRecord['kind'], allowed, ttlOf(current, 'PROVISIONAL'));
        return {
          CheckoutType: type,
          LicenseConsumptionToken: c.token,
          EntitlementsAllowed: allowed,
          SignedToken: signedToken(c, nodeId),
          ...(nodeId !== undefined ? { NodeId: nodeId } : {}),
          IssuedAt: iso(c.issuedAt),
          Expiration: iso(c.expiresAt),
          LicenseArn: l.arn,
        };
      });
    },
  },
  CheckoutBorrowLicense: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.arn('LicenseArn', true);
      const wanted = requestedEntitlements(ck);
      const method = ck.str('DigitalSignatureMethod', { required: true });
      const nodeId = ck.str('NodeId');
      const metadata = ctx.body.CheckoutMetadata;
      const token = ck.clientToken(true);
      ck.done();
      if (method !== 'JWT_PS384') throw err('UnsupportedDigitalSignatureMethodException', `Digital signature method ${method} is not supported; use JWT_PS384.`);
      if (metadata !== undefined && !Array.isArray(metadata)) throw new ApiError('SerializationException', "Unexpected value type for 'CheckoutMetadata': expected a list");
      return idempotent(ctx, token!, () => {
        const l = ctx.state.licenses.get(arn!);
        if (!l || !ctx.state.canSeeLicense(l, ctx.account)) throw err('ResourceNotFoundException', `License ${arn} is not found.`);
        const current = ctx.state.currentLicense(l);
        requireGrantAllows(ctx, l, 'CheckoutBorrowLicense');
        requireActive(ctx, current, l.arn);
        if (!(current.ConsumptionConfiguration as Json | undefined)?.BorrowConfiguration) {
          throw err('NoEntitlementsAllowedException', `License ${l.arn} has no BorrowConfiguration: it cannot be borrowed.`);
        }
        const allowed = allow(ctx, l, wanted, 'EntitlementNotAllowedException');
        const c = record(ctx, l, 'BORROW', allowed, ttlOf(current, 'BORROW'));
        return {
          LicenseArn: l.arn,
          LicenseConsumptionToken: c.token,
          EntitlementsAllowed: allowed,
          ...(nodeId !== undefined ? { NodeId: nodeId } : {}),
          SignedToken: signedToken(c, nodeId),
          IssuedAt: iso(c.issuedAt),
          Expiration: iso(c.expiresAt),
          ...(Array.isArray(metadata) ? { CheckoutMetadata: metadata } : {}),
        };
      });
    },
  },
  CheckInLicense: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.str('LicenseConsumptionToken', { required: true });
      ck.str('Beneficiary');
      ck.done();
      const c = liveConsumption(ctx, token!);
      if (c.checkedIn) throw err('ConflictException', `License consumption ${token} is already checked in.`);
      if (c.kind === 'PERPETUAL') throw err('ConflictException', `License consumption ${token} is PERPETUAL: its units are consumed and cannot be checked in.`);
      const l = ctx.state.licenses.get(c.licenseArn)!;
      const current = ctx.state.currentLicense(l);
      if (c.kind === 'BORROW') {
        const borrow = (current.ConsumptionConfiguration as Json | undefined)?.BorrowConfiguration as Json | undefined;
        if (borrow?.AllowEarlyCheckIn !== true) throw err('ConflictException', `License ${l.arn} does not allow early check-in of a borrow; it returns at ${iso(c.expiresAt)}.`);
      } else {
        const entitlements = (current.Entitlements as Json[] | undefined) ?? [];
        const locked = c.entitlements.find((e) => isCounted(e.Unit) && entitlements.find((x) => x.Name === e.Name)?.AllowCheckIn !== true);
        if (locked) throw err('ConflictException', `Entitlement ${locked.Name} does not allow check-in; its units return at ${iso(c.expiresAt)}.`);
      }
      c.checkedIn = true;
      return {};
    },
  },
  ExtendLicenseConsumption: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.str('LicenseConsumptionToken', { required: true });
      const dryRun = ctx.body.DryRun;
      ck.done();
      if (dryRun !== undefined && typeof dryRun !== 'boolean') throw new ApiError('SerializationException', "Unexpected value type for 'DryRun': expected a boolean");
      const c = liveConsumption(ctx, token!);
      if (c.checkedIn) throw err('ResourceNotFoundException', `License consumption ${token} is checked in.`);
      if (c.kind === 'PERPETUAL') throw validation(`License consumption ${token} is PERPETUAL: it does not expire and cannot be extended.`);
      const current = ctx.state.currentLicense(ctx.state.licenses.get(c.licenseArn)!);
      const expiresAt = ctx.state.now() + ttlOf(current, c.kind) * MINUTE;
      if (dryRun !== true) c.expiresAt = expiresAt;
      return { LicenseConsumptionToken: c.token, Expiration: iso(expiresAt) };
    },
  },
};
