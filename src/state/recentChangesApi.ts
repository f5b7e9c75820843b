/**
 * The one door through which every facade the extension uses sees `RecentChanges`: grant and issued-license changes
 * are recorded from their answers and read back by ARN, reads by ARN are noted, grant lists are
 * merged (after reading by ARN what a list contradicts), and a received license whose grant this
 * window changed mirrors that grant as the merged received grants list shows it.
 */
import type {
  CallOptions,
  CreateGrantInput,
  CreateGrantVersionInput,
  DeleteGrantInput,
  Grant,
  GrantedLicense,
  GrantMutationResult,
  LicenseManagerApi,
  LicenseMutationResult,
  LicenseRequestInput,
  ListRequest,
  Page,
} from '../aws/types';
import type { GrantMembers, ListedPage, ListSide, RecentChanges } from './recentChanges';

const wrappers = new WeakMap<RecentChanges, WeakMap<LicenseManagerApi, LicenseManagerApi>>();

/** `api` seen through `recent` (one wrapper per facade). */
export function withRecentChanges(recent: RecentChanges, api: LicenseManagerApi): LicenseManagerApi {
  let byApi = wrappers.get(recent);
  if (!byApi) wrappers.set(recent, (byApi = new WeakMap()));
  let wrapped = byApi.get(api);
  if (!wrapped) byApi.set(api, (wrapped = wrap(recent, api)));
  return wrapped;
}

type ListCall<T> = (req: ListRequest & { arns?: string[] }, opts?: CallOptions) => Promise<Page<T>>;

const isNotFound = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'notFound';

function wrap(recent: RecentChanges, api: LicenseManagerApi): LicenseManagerApi {
  /** Reads a grant by ARN (current): noted; a grant the service no longer has is forgotten; a failed read changes nothing. */
  const readBack = (arn: string, opts?: CallOptions): Promise<void> =>
    api.getGrant(arn, undefined, opts).then(
      (grant) => recent.noteRead(grant),
      (e: unknown) => (isNotFound(e) ? recent.forget(arn) : undefined),
    );
  const list =
    (side: ListSide, call: ListCall<Grant>): ListCall<Grant> =>
    async (req = {}, opts) => {
      const page = await call(req, opts);
      const listed: ListedPage = { profile: api.profile, region: api.region, side, filters: req.filters, arns: req.arns, last: !page.nextToken };
      await Promise.all(recent.doubtful(page.items, listed).map((arn) => readBack(arn, opts)));
      return { ...page, items: recent.mergeGrants(page.items, listed) };
    };
  /** After a change: what its answer says at once, then the grant as read back. */
  const changed = async (result: GrantMutationResult, members: Partial<Grant>, opts?: CallOptions): Promise<GrantMutationResult> => {
    recent.record({ ...members, GrantArn: result.GrantArn, GrantStatus: result.Status, Version: result.Version });
    await readBack(result.GrantArn, opts);
    return result;
  };
  /** After a license change: the license read back by ARN, listed where it was made until ListLicenses shows it. */
  const licenseChanged = async (result: LicenseMutationResult, opts?: CallOptions): Promise<LicenseMutationResult> => {
    await api.getLicense(result.LicenseArn, undefined, opts).then(
      (license) => recent.licenses.record(license, { profile: api.profile, region: api.region }),
      (e: unknown) => (isNotFound(e) ? recent.licenses.forget(result.LicenseArn) : undefined),
    );
    return result;
  };
  const receivedGrants = list('received', (req, opts) => api.listReceivedGrants(req, opts));
  const overrides: Partial<LicenseManagerApi> = {
    listDistributedGrants: list('distributed', (req, opts) => api.listDistributedGrants(req, opts)),
    listReceivedGrants: receivedGrants,
    listReceivedLicenses: async (req = {}, opts) => {
      const page = await api.listReceivedLicenses(req, opts);
      const licenses = recent.changedLicenses();
      if (!page.items.some((l) => l.LicenseArn !== undefined && licenses.has(l.LicenseArn))) return page;
      const items = await Promise.all(
        page.items.map((l) => (l.LicenseArn !== undefined && licenses.has(l.LicenseArn) ? mirrored(recent, l, receivedGrants, opts) : l)),
      );
      return { ...page, items };
    },
    listLicenses: async (req = {}, opts) => {
      const page = await api.listLicenses(req, opts);
      return { ...page, items: recent.licenses.merge(page.items, { profile: api.profile, region: api.region, filters: req.filters, arns: req.arns, last: !page.nextToken }) };
    },
    getLicense: async (arn: string, version?: string, opts?: CallOptions) => {
      const license = await api.getLicense(arn, version, opts);
      if (version === undefined) recent.licenses.noteRead(license);
      return license;
    },
    createLicense: async (input: LicenseRequestInput, opts?: CallOptions) => licenseChanged(await api.createLicense(input, opts), opts),
    createLicenseVersion: async (input: LicenseRequestInput, opts?: CallOptions) => licenseChanged(await api.createLicenseVersion(input, opts), opts),
    getGrant: async (arn: string, version?: string, opts?: CallOptions) => {
      const grant = await api.getGrant(arn, version, opts);
      if (version === undefined) recent.noteRead(grant);
      return grant;
    },
    acceptGrant: async (arn: string, opts?: CallOptions) => changed(await api.acceptGrant(arn, opts), {}, opts),
    rejectGrant: async (arn: string, opts?: CallOptions) => changed(await api.rejectGrant(arn, opts), {}, opts),
    createGrantVersion: async (input: CreateGrantVersionInput, opts?: CallOptions) =>
      changed(
        await api.createGrantVersion(input, opts),
        {
          ...(input.grantName !== undefined ? { GrantName: input.grantName } : {}),
          ...(input.allowedOperations !== undefined ? { GrantedOperations: input.allowedOperations } : {}),
          ...(input.status !== undefined ? { StatusReason: input.statusReason } : {}),
        },
        opts,
      ),
    deleteGrant: async (input: DeleteGrantInput, opts?: CallOptions) =>
      changed(await api.deleteGrant(input, opts), input.statusReason !== undefined ? { StatusReason: input.statusReason } : {}, opts),
    createGrant: async (input: CreateGrantInput, opts?: CallOptions) => {
      const result = await api.createGrant(input, opts);
      // Remembered from the request at once, then read back whole so that lists can show it where it belongs.
      const members: GrantMembers = {
        GrantArn: result.GrantArn,
        GrantName: input.grantName,
        LicenseArn: input.licenseArn,
        GranteePrincipalArn: input.principal,
        HomeRegion: input.homeRegion,
        GrantedOperations: [...input.allowedOperations],
        GrantStatus: result.Status,
        Version: result.Version,
      };
      recent.record(members, { place: { profile: api.profile, region: input.homeRegion, side: 'distributed' } });
      await readBack(result.GrantArn, opts);
      return result;
    },
  };
  return new Proxy(api, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && Object.hasOwn(overrides, prop)) return overrides[prop as keyof LicenseManagerApi];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A received license whose grant this window changed, with `ReceivedMetadata` mirrored from that
 * grant as the (merged) received grants list shows it: only when the account receives the license
 * through exactly one grant and it is one this window changed; otherwise as listed.
 */
async function mirrored(recent: RecentChanges, license: GrantedLicense, receivedGrants: ListCall<Grant>, opts?: CallOptions): Promise<GrantedLicense> {
  try {
    const page = await receivedGrants({ filters: [{ Name: 'LicenseArn', Values: [license.LicenseArn!] }] }, opts);
    if (page.nextToken || page.items.length !== 1) return license;
    const grant = page.items[0];
    if (!recent.changed(grant.GrantArn)) return license;
    const metadata = {
      ...license.ReceivedMetadata,
      // ReceivedStatus has no PENDING_DELETE: a grant being deleted is received as DELETED.
      ReceivedStatus: grant.GrantStatus === 'PENDING_DELETE' ? 'DELETED' : grant.GrantStatus,
      AllowedOperations: [...grant.GrantedOperations],
    };
    if (grant.StatusReason !== undefined) metadata.ReceivedStatusReason = grant.StatusReason;
    else delete metadata.ReceivedStatusReason;
    return { ...license, ReceivedMetadata: metadata };
  } catch {
    return license;
  }
}
