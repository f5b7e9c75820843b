/**
 * License Manager ARNs as they appear in any text (code, YAML, HCL, JSON): which kind
 * of resource an ARN names, its account, region and id. Pure.
 *
 * Forms: license `arn:aws:license-manager::<acct>:license:l-<hex>` and grant
 * `…::<acct>:grant:g-<hex>` (no region); license configuration
 * `arn:aws:license-manager:<region>:<acct>:license-configuration:lic-<hex>`; token
 * `…:<region?>:<acct>:token:<id>` (the token form is inferred from the others).
 */

export type ArnKind = 'license' | 'grant' | 'licenseConfiguration' | 'token';

export const ARN_KINDS: readonly ArnKind[] = ['license', 'grant', 'licenseConfiguration', 'token'];

/** A License Manager ARN taken apart. */
export interface LmArn {
  readonly arn: string;
  readonly kind: ArnKind;
  readonly partition: string;
  /** Empty for licenses and grants, whose ARNs carry no region. */
  readonly region: string;
  readonly account: string;
  /** The resource id (`g-…`, `l-…`, `lic-…`, the token id). */
  readonly id: string;
}

/** Where an ARN sits in a text. */
export interface ArnMatch extends LmArn {
  readonly start: number;
  readonly end: number;
}

const TYPE_TO_KIND: Readonly<Record<string, ArnKind>> = {
  license: 'license',
  grant: 'grant',
  'license-configuration': 'licenseConfiguration',
  token: 'token',
};

/** Ids by their prefix; the length is not fixed by the service model (examples show 32 hex digits). */
const ID: Readonly<Record<ArnKind, RegExp>> = {
  license: /^l-[0-9a-zA-Z]{1,64}$/,
  grant: /^g-[0-9a-zA-Z]{1,64}$/,
  licenseConfiguration: /^lic-[0-9a-zA-Z]{1,64}$/,
  token: /^[A-Za-z0-9-]{1,64}$/,
};

const REGION = /^[a-z]{2,4}(-[a-z]{2,10}){1,3}-\d{1,2}$/;

/** Finds candidates; each is then checked by {@link parseLmArn}. Not preceded by a word character or `-`. */
const CANDIDATE = /(?<![\w-])arn:aws(?:-[a-z]+)*:license-manager:[a-z0-9-]*:\d{12}:(?:license-configuration|license|grant|token):[A-Za-z0-9-]{1,64}(?![\w-])/g;

/** The longest ARN taken apart (far above every real form). */
const MAX_LENGTH = 200;

/** Takes one License Manager ARN apart; undefined for anything else (other services, bad ids, a region on a grant). */
export function parseLmArn(text: string): LmArn | undefined {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return undefined;
  const m = /^arn:(aws(?:-[a-z]+)*):license-manager:([a-z0-9-]*):(\d{12}):([a-z-]+):([A-Za-z0-9-]+)$/.exec(text);
  if (!m) return undefined;
  const [, partition, region, account, type, id] = m;
  const kind = TYPE_TO_KIND[type];
  if (!kind || !ID[kind].test(id)) return undefined;
  if (kind === 'license' || kind === 'grant') {
    if (region !== '') return undefined;
  } else if (kind === 'licenseConfiguration') {
    if (!REGION.test(region)) return undefined;
  } else if (region !== '' && !REGION.test(region)) {
    return undefined;
  }
  return { arn: text, kind, partition, region, account, id };
}

/** Every License Manager ARN in a text, in order (at most `limit`). */
export function findLmArns(text: string, limit = 500): ArnMatch[] {
  const out: ArnMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const parsed = parseLmArn(m[0]);
    if (parsed) out.push({ ...parsed, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    if (out.length >= limit) break;
  }
  return out;
}

/** The ARN at an offset of a text line, if any. */
export function lmArnAt(line: string, offset: number): ArnMatch | undefined {
  return findLmArns(line).find((m) => offset >= m.start && offset <= m.end);
}

/** What a hover says about a resource: name, status, version and region, as AWS gave them. */
export interface ItemFacts {
  readonly name?: string;
  readonly status?: string;
  readonly version?: string;
  readonly region?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The facts of a loaded grant, license or license configuration (the region falls back to the ARN's). */
export function itemFacts(kind: ArnKind, data: object, arnRegion: string): ItemFacts {
  const d = data as Record<string, unknown>;
  switch (kind) {
    case 'grant':
      return { name: str(d.GrantName), status: str(d.GrantStatus), version: str(d.Version), region: str(d.HomeRegion) ?? str(arnRegion) };
    case 'license':
      return { name: str(d.LicenseName), status: str(d.Status), version: str(d.Version), region: str(d.HomeRegion) ?? str(arnRegion) };
    case 'licenseConfiguration':
      return { name: str(d.Name), status: str(d.Status), region: str(arnRegion) };
    case 'token':
      return { name: str(d.TokenId), status: str(d.Status), region: str(arnRegion) };
  }
}
