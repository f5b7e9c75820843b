/** ARNs, account ids and grant principals: the one place for their patterns. Pure. */

/** A 12-digit AWS account id. */
export const ACCOUNT_ID_RE = /^\d{12}$/;
/** An account principal, `arn:aws:iam::123456789012:root` (the account id is group 1). */
export const ACCOUNT_PRINCIPAL_RE = /^arn:aws[a-zA-Z-]*:iam::(\d{12}):root$/;
/** An organization principal, `arn:aws:organizations::123456789012:organization/o-…`. */
export const ORGANIZATION_PRINCIPAL_RE = /^arn:aws[a-zA-Z-]*:organizations::(\d{12}):organization\/o-[a-z0-9]{10,32}$/;
/** An organizational unit principal, `arn:aws:organizations::123456789012:ou/o-…/ou-…`. */
export const OU_PRINCIPAL_RE = /^arn:aws[a-zA-Z-]*:organizations::(\d{12}):ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

export type PrincipalKind = 'account' | 'organization' | 'organizationalUnit';

export function isAccountId(value: string | undefined): value is string {
  return value !== undefined && ACCOUNT_ID_RE.test(value);
}

/** The account id field of an ARN, when it is a 12-digit account. */
export function accountOfArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return isAccountId(account) ? account : undefined;
}

/** The account an account principal (`arn:aws:iam::<id>:root`) names. */
export function accountOfPrincipal(arn: string | undefined): string | undefined {
  return ACCOUNT_PRINCIPAL_RE.exec(arn ?? '')?.[1];
}

/** Which grant principal an ARN names by its form (account, organization, OU), if any. */
export function principalKindOf(arn: string): PrincipalKind | undefined {
  if (ACCOUNT_PRINCIPAL_RE.test(arn)) return 'account';
  if (ORGANIZATION_PRINCIPAL_RE.test(arn)) return 'organization';
  if (OU_PRINCIPAL_RE.test(arn)) return 'organizationalUnit';
  return undefined;
}

/** The partition of an ARN (`aws`, `aws-cn`, …), or `aws` when it has none. */
export function partitionOf(arn: string | undefined): string {
  const m = /^arn:(aws[a-zA-Z-]*):/.exec(arn ?? '');
  return m ? m[1] : 'aws';
}

/**
 * The last part of an ARN (after the last `/` or `:`), for short labels and
 * file names; the whole text when it has no such part; '' for nothing.
 */
export function lastArnPart(arn: string | undefined): string {
  if (!arn) return '';
  const i = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
  return i >= 0 && i < arn.length - 1 ? arn.slice(i + 1) : arn;
}

/** What a License Manager ARN names. */
export type LicenseManagerArnKind = 'grant' | 'license' | 'licenseConfiguration';

const LICENSE_MANAGER_ARN = /^arn:aws[a-z-]{0,20}:license-manager:([a-z0-9-]{0,30}):(\d{12}):(grant|license|license-configuration):([A-Za-z0-9_-]{1,100})$/;

/**
 * The kind of resource a License Manager ARN names (`arn:aws:license-manager::<account>:grant:g-…`,
 * `…:license:l-…`, `arn:aws:license-manager:<region>:<account>:license-configuration:lic-…`), or
 * `undefined` for anything else.
 */
export function licenseManagerArnKind(arn: unknown): LicenseManagerArnKind | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = LICENSE_MANAGER_ARN.exec(arn);
  if (!m) return undefined;
  if (m[3] === 'license-configuration') return m[1] ? 'licenseConfiguration' : undefined;
  return m[1] ? undefined : m[3] === 'grant' ? 'grant' : 'license';
}

/** The region field of an ARN (`''` for global resources such as grants and licenses). */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}
