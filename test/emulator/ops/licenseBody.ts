/**
 * The license members CreateLicense and CreateLicenseVersion share: Issuer, Validity, Entitlements,
 * ConsumptionConfiguration, LicenseMetadata. Constraints from the model (ValidationException, all
 * violations in one message); the cross-member rules the model states only in its documentation are
 * InvalidParameterValueException.
 */
import { invalidParameter, serialization, validation } from '../errors';
import type { Json } from '../types';

export const ENTITLEMENT_UNITS = [
  'Count', 'None', 'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes',
  'Bits', 'Kilobits', 'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second',
  'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second',
  'Terabits/Second', 'Count/Second',
];
export const RENEW_TYPES = ['None', 'Weekly', 'Monthly'];
export const LICENSE_STATUSES = ['AVAILABLE', 'PENDING_AVAILABLE', 'DEACTIVATED', 'SUSPENDED', 'EXPIRED', 'PENDING_DELETE', 'DELETED'];
export const ISO_PATTERN_TEXT =
  '^(-?(?:[1-9][0-9]*)?[0-9]{4})-(1[0-2]|0[1-9])-(3[0-1]|0[1-9]|[1-2][0-9])T(2[0-3]|[0-1][0-9]):([0-5][0-9]):([0-5][0-9])(\\.[0-9]+)?(Z|[+-](?:2[ 0-3]|[0-1][0-9]):[0-5][0-9])+$';
const ISO_RE = new RegExp(ISO_PATTERN_TEXT);

type Kind = 'string' | 'boolean' | 'integer' | 'object' | 'list';

/** Walks nested members with AWS's paths (`entitlements.1.member.unit`). */
class Walker {
  readonly errors: string[] = [];

  private fail(value: unknown, path: string, constraint: string): void {
    const shown = value === undefined ? 'null' : `'${typeof value === 'object' ? JSON.stringify(value) : String(value)}'`;
    this.errors.push(`Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  /** The member when present and of the right kind; records a null required member. */
  get(o: Json, name: string, path: string, kind: Kind, required: boolean): unknown {
    const v = o[name];
    if (v === undefined || v === null) {
      if (required) this.fail(undefined, path, 'Member must not be null');
      return undefined;
    }
    const ok =
      kind === 'list' ? Array.isArray(v)
      : kind === 'object' ? typeof v === 'object' && !Array.isArray(v)
      : kind === 'integer' ? typeof v === 'number' && Number.isInteger(v)
      : typeof v === kind;
    if (!ok) throw serialization(`Unexpected value type for '${name}': expected ${kind === 'integer' ? 'an integer' : kind === 'object' ? 'an object' : `a ${kind}`}`);
    return v;
  }

  str(o: Json, name: string, path: string, r: { required?: boolean; enum?: string[]; iso?: boolean } = {}): string | undefined {
    const v = this.get(o, name, path, 'string', !!r.required) as string | undefined;
    if (v === undefined) return undefined;
    if (r.enum && !r.enum.includes(v)) this.fail(v, path, `Member must satisfy enum value set: [${r.enum.join(', ')}]`);
    if (r.iso) {
      if ([...v].length > 50) this.fail(v, path, 'Member must have length less than or equal to 50');
      if (!ISO_RE.test(v)) this.fail(v, path, `Member must satisfy regular expression pattern: ${ISO_PATTERN_TEXT}`);
    }
    return v;
  }

  done(): void {
    const n = this.errors.length;
    if (n) throw validation(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.errors.join('; ')}`);
  }
}

/** Checks the shared members of `body` and returns them as the License's wire members. */
export function licenseMembers(body: Json): Json {
  const w = new Walker();
  const issuer = w.get(body, 'Issuer', 'issuer', 'object', true) as Json | undefined;
  if (issuer) {
    w.str(issuer, 'Name', 'issuer.name', { required: true });
    w.str(issuer, 'SignKey', 'issuer.signKey');
  }
  const validity = w.get(body, 'Validity', 'validity', 'object', true) as Json | undefined;
  if (validity) {
    w.str(validity, 'Begin', 'validity.begin', { required: true, iso: true });
    w.str(validity, 'End', 'validity.end', { iso: true });
  }
  const entitlements = w.get(body, 'Entitlements', 'entitlements', 'list', true) as unknown[] | undefined;
  (entitlements ?? []).forEach((e, i) => {
    const path = `entitlements.${i + 1}.member`;
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw serialization(`Unexpected value type for 'Entitlements': expected Entitlement objects`);
    const ent = e as Json;
    w.str(ent, 'Name', `${path}.name`, { required: true });
    w.str(ent, 'Unit', `${path}.unit`, { required: true, enum: ENTITLEMENT_UNITS });
    w.str(ent, 'Value', `${path}.value`);
    w.get(ent, 'MaxCount', `${path}.maxCount`, 'integer', false);
    w.get(ent, 'Overage', `${path}.overage`, 'boolean', false);
    w.get(ent, 'AllowCheckIn', `${path}.allowCheckIn`, 'boolean', false);
  });
  const consumption = w.get(body, 'ConsumptionConfiguration', 'consumptionConfiguration', 'object', true) as Json | undefined;
  if (consumption) {
    w.str(consumption, 'RenewType', 'consumptionConfiguration.renewType', { enum: RENEW_TYPES });
    const prov = w.get(consumption, 'ProvisionalConfiguration', 'consumptionConfiguration.provisionalConfiguration', 'object', false) as Json | undefined;
    if (prov) w.get(prov, 'MaxTimeToLiveInMinutes', 'consumptionConfiguration.provisionalConfiguration.maxTimeToLiveInMinutes', 'integer', true);
    const borrow = w.get(consumption, 'BorrowConfiguration', 'consumptionConfiguration.borrowConfiguration', 'object', false) as Json | undefined;
    if (borrow) {
      w.get(borrow, 'AllowEarlyCheckIn', 'consumptionConfiguration.borrowConfiguration.allowEarlyCheckIn', 'boolean', true);
      w.get(borrow, 'MaxTimeToLiveInMinutes', 'consumptionConfiguration.borrowConfiguration.maxTimeToLiveInMinutes', 'integer', true);
    }
  }
  const metadata = w.get(body, 'LicenseMetadata', 'licenseMetadata', 'list', false) as unknown[] | undefined;
  (metadata ?? []).forEach((m, i) => {
    if (!m || typeof m !== 'object' || Array.isArray(m)) throw serialization(`Unexpected value type for 'LicenseMetadata': expected Metadata objects`);
    w.str(m as Json, 'Name', `licenseMetadata.${i + 1}.member.name`);
    w.str(m as Json, 'Value', `licenseMetadata.${i + 1}.member.value`);
  });
  w.done();
  crossMemberRules(body);
  const out: Json = {
    Issuer: { Name: issuer!.Name, ...(issuer!.SignKey !== undefined ? { SignKey: issuer!.SignKey } : {}) },
    Validity: { ...validity },
    Entitlements: entitlements,
    ConsumptionConfiguration: consumption,
  };
  if (metadata) out.LicenseMetadata = metadata;
  return JSON.parse(JSON.stringify(out)) as Json;
}

/** Rules the model documents in prose: at least one entitlement, units, validity order, one consumption kind. */
function crossMemberRules(body: Json): void {
  const entitlements = body.Entitlements as Json[];
  if (entitlements.length === 0) throw invalidParameter('A license needs at least one entitlement.');
  const names = new Set<string>();
  for (const e of entitlements) {
    if (names.has(e.Name as string)) throw invalidParameter(`Entitlement names must be unique; ${String(e.Name)} appears more than once.`);
    names.add(e.Name as string);
    if (e.Unit === 'None' && e.MaxCount !== undefined) throw invalidParameter(`Entitlement ${String(e.Name)} has unit None: use Value, not MaxCount.`);
    if (e.Unit !== 'None' && e.Value !== undefined) throw invalidParameter(`Entitlement ${String(e.Name)} has unit ${String(e.Unit)}: use MaxCount, not Value.`);
    if (typeof e.MaxCount === 'number' && e.MaxCount < 0) throw invalidParameter(`Entitlement ${String(e.Name)}: MaxCount must not be negative.`);
  }
  const validity = body.Validity as Json;
  if (validity.End !== undefined && Date.parse(validity.End as string) <= Date.parse(validity.Begin as string)) {
    throw invalidParameter(`Validity End ${String(validity.End)} must be after Begin ${String(validity.Begin)}.`);
  }
  const c = body.ConsumptionConfiguration as Json;
  const kinds = ['ProvisionalConfiguration', 'BorrowConfiguration'].filter((k) => c[k] !== undefined);
  if (kinds.length !== 1) throw invalidParameter('ConsumptionConfiguration needs exactly one of ProvisionalConfiguration and BorrowConfiguration.');
  const ttl = (c[kinds[0]] as Json).MaxTimeToLiveInMinutes as number;
  if (ttl < 1) throw invalidParameter(`${kinds[0]}.MaxTimeToLiveInMinutes must be at least 1.`);
}
