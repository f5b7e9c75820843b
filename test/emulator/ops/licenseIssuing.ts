/**
 * The seller's license lifecycle: CreateLicense, CreateLicenseVersion, DeleteLicense.
 * A license is changed only in its home region (RedirectException elsewhere), by its owner only.
 */
import { accessDenied, ApiError, invalidParameter, serialization } from '../errors';
import { licenseArn } from '../seed';
import { clone, omitUndefined } from '../state';
import type { LicenseRecord } from '../state';
import type { Json, Tag } from '../types';
import { Checker } from '../validate';
import type { OpContext, OperationDef } from './context';
import { idempotent } from './grantMutations';
import { LICENSE_STATUSES, licenseMembers } from './licenseBody';
import { visibleLicense } from './licenses';

/** The statuses a seller can set with CreateLicenseVersion. */
const SETTABLE_STATUSES = ['AVAILABLE', 'DEACTIVATED'];

/** RedirectException naming the endpoint of the region that owns the resource. */
export function redirect(home: string, what: string): ApiError {
  const location = `https://license-manager.${home}.amazonaws.com/`;
  return new ApiError('RedirectException', `${what} is homed in ${home}; send the request to ${location}`, undefined, { Location: location });
}

const isoNow = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The caller's own license, in its home region and not deleted. */
export function ownedLicense(ctx: OpContext, arn: string, verb: string): LicenseRecord {
  const l = visibleLicense(ctx, arn);
  if (l.accountId !== ctx.account) throw accessDenied(`Only the issuer account ${l.accountId} can ${verb} license ${arn}.`);
  if (l.homeRegion !== ctx.region) throw redirect(l.homeRegion, `License ${arn}`);
  const status = ctx.state.currentLicense(l).Status;
  if (status === 'DELETED' || status === 'PENDING_DELETE') throw invalidParameter(`License ${arn} is ${String(status)}.`);
  return l;
}

function conflict(l: LicenseRecord, current: Json, given: string): ApiError {
  return new ApiError('ConflictException', `The source version ${given} is not the current version of license ${l.arn}; the current version is ${String(current.Version)}.`);
}

function tagsOf(body: Json): Tag[] {
  const raw = body.Tags;
  if (raw === undefined || raw === null) return [];
  const ok = Array.isArray(raw) && raw.every((t) => t && typeof t === 'object' && ['Key', 'Value'].every((k) => (t as Json)[k] === undefined || typeof (t as Json)[k] === 'string'));
  if (!ok) throw serialization(`Unexpected value type for 'Tags': expected a list of Tag objects`);
  return clone(raw as Tag[]);
}

function checkHomeRegion(ctx: OpContext, home: string): void {
  if (!ctx.state.regions.includes(home)) throw invalidParameter(`HomeRegion ${home} is not a License Manager region.`);
}

export const licenseIssuingOps: Record<string, OperationDef> = {
  CreateLicense: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.clientToken();
      const name = ck.str('LicenseName', { required: true });
      const product = ck.str('ProductName', { required: true });
      const sku = ck.str('ProductSKU', { required: true });
      const home = ck.str('HomeRegion', { required: true });
      const beneficiary = ck.str('Beneficiary', { required: true });
      for (const k of ['Issuer', 'Validity', 'ConsumptionConfiguration']) {
        if (ctx.body[k] === undefined || ctx.body[k] === null) ck.str(k, { required: true });
      }
      if (ctx.body.Entitlements === undefined || ctx.body.Entitlements === null) ck.str('Entitlements', { required: true });
      ck.done();
      const members = licenseMembers(ctx.body);
      const tags = tagsOf(ctx.body);
      return idempotent(ctx, token!, () => {
        checkHomeRegion(ctx, home!);
        if (home !== ctx.region) throw redirect(home!, 'A license');
        const arn = licenseArn(ctx.account, `l-${ctx.newHex()}`);
        const account = ctx.state.accounts.get(ctx.account)!;
        const issuer = members.Issuer as Json;
        const fingerprint = account.issuer.KeyFingerprint;
        const wire: Json = omitUndefined({
          LicenseArn: arn,
          LicenseName: name,
          ProductName: product,
          ProductSKU: sku,
          Issuer: omitUndefined({ Name: issuer.Name, SignKey: issuer.SignKey, KeyFingerprint: fingerprint }),
          HomeRegion: home,
          Status: 'AVAILABLE',
          Validity: members.Validity,
          Beneficiary: beneficiary,
          Entitlements: members.Entitlements,
          ConsumptionConfiguration: members.ConsumptionConfiguration,
          LicenseMetadata: members.LicenseMetadata,
          CreateTime: isoNow(),
          Version: '1',
        });
        ctx.state.licenses.set(arn, { arn, accountId: ctx.account, homeRegion: home!, versions: [wire], usage: [], tags });
        return { LicenseArn: arn, Status: 'AVAILABLE', Version: '1' };
      });
    },
  },
  CreateLicenseVersion: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const token = ck.clientToken();
      const arn = ck.arn('LicenseArn', true);
      const name = ck.str('LicenseName', { required: true });
      const product = ck.str('ProductName', { required: true });
      const home = ck.str('HomeRegion', { required: true });
      const status = ck.str('Status', { required: true, enum: LICENSE_STATUSES });
      const source = ck.str('SourceVersion');
      for (const k of ['Issuer', 'Validity', 'ConsumptionConfiguration', 'Entitlements']) {
        if (ctx.body[k] === undefined || ctx.body[k] === null) ck.str(k, { required: true });
      }
      ck.done();
      const members = licenseMembers(ctx.body);
      return idempotent(ctx, token!, () => {
        const l = ownedLicense(ctx, arn!, 'version');
        const cur = ctx.state.currentLicense(l);
        if (source !== undefined && source !== cur.Version) throw conflict(l, cur, source);
        if (!SETTABLE_STATUSES.includes(status!)) throw invalidParameter(`Status ${status} cannot be set with CreateLicenseVersion; use AVAILABLE or DEACTIVATED.`);
        if (home !== l.homeRegion) throw invalidParameter(`HomeRegion ${home} must be the home region of license ${l.arn} (${l.homeRegion}).`);
        const issuer = members.Issuer as Json;
        const next: Json = omitUndefined({
          ...clone(cur),
          LicenseName: name,
          ProductName: product,
          Issuer: omitUndefined({ ...(cur.Issuer as Json), Name: issuer.Name, SignKey: issuer.SignKey }),
          Status: status,
          Validity: members.Validity,
          Entitlements: members.Entitlements,
          ConsumptionConfiguration: members.ConsumptionConfiguration,
          LicenseMetadata: members.LicenseMetadata,
          Version: String(l.versions.length + 1),
        });
        if (members.LicenseMetadata === undefined) delete next.LicenseMetadata;
        l.versions.push(next);
        return { LicenseArn: l.arn, Version: next.Version, Status: status };
      });
    },
  },
  DeleteLicense: {
    mutation: true,
    handler(ctx) {
      const ck = new Checker(ctx.body);
      const arn = ck.arn('LicenseArn', true);
      const source = ck.str('SourceVersion', { required: true });
      ck.done();
      const l = ownedLicense(ctx, arn!, 'delete');
      const cur = ctx.state.currentLicense(l);
      if (source !== cur.Version) throw conflict(l, cur, source!);
      // AWS answers PENDING_DELETE and completes the deletion on its own; the emulator completes it
      // before the next request: the license reads DELETED and its grants follow.
      cur.Status = 'DELETED';
      for (const g of ctx.state.grants.values()) {
        const gc = ctx.state.currentGrant(g);
        if (gc.LicenseArn !== l.arn || gc.GrantStatus === 'DELETED') continue;
        g.versions.push({ ...clone(gc), GrantStatus: 'DELETED', StatusReason: 'The license was deleted by its issuer.', Version: String(g.versions.length + 1) });
      }
      return { Status: 'PENDING_DELETE', DeletionDate: isoNow() };
    },
  },
};
