import * as assert from 'node:assert/strict';
import type { CreateGrantInput, Grant, GrantedLicense, GrantMutationResult, LicenseManagerApi, ListRequest, Page } from '../../src/aws/types';
import { PendingTokens } from '../../src/state/pendingTokens';
import { RecentChanges } from '../../src/state/recentChanges';
import { withRecentChanges } from '../../src/state/recentChangesApi';
import { compareVersions, isVersion, versionWindow } from '../../src/model/versions';

const LICENSE = 'arn:aws:license-manager::111122223333:license:l-00000000000000000000000000000001';
const arnOf = (n: number): string => `arn:aws:license-manager::111122223333:grant:g-${String(n).padStart(32, '0')}`;
function grant(n: number, status: string, version: string, extra: Partial<Grant> = {}): Grant {
  return {
    GrantArn: arnOf(n),
    GrantName: `Grant ${n}`,
    ParentArn: LICENSE,
    LicenseArn: LICENSE,
    GranteePrincipalArn: 'arn:aws:iam::444455556666:root',
    HomeRegion: 'us-east-1',
    GrantStatus: status,
    Version: version,
    GrantedOperations: ['CheckoutLicense'],
    ...extra,
  };
}
const page = { profile: 'buyer', region: 'us-east-1', side: 'received' as const, last: true };
const brief = (items: Grant[]): string[] => items.map((g) => `${g.GrantName}:${g.GrantStatus}:${g.Version}`);

describe('recent changes laid over lagging grant lists', () => {
  it('a listed grant older than a change shows the change until a list shows that version or newer', () => {
    let now = 0;
    const recent = new RecentChanges(() => now, 60_000);
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'DISABLED', Version: '2' });
    const stale = [grant(1, 'PENDING_ACCEPT', '1'), grant(2, 'ACTIVE', '4')];
    assert.deepEqual(brief(recent.mergeGrants(stale, page)), ['Grant 1:DISABLED:2', 'Grant 2:ACTIVE:4']);
    now = 30_000;
    assert.deepEqual(brief(recent.mergeGrants(stale, page)), ['Grant 1:DISABLED:2', 'Grant 2:ACTIVE:4']);
    // Caught up, or moved on by someone else: the list wins.
    assert.deepEqual(brief(recent.mergeGrants([grant(1, 'DISABLED', '2')], page)), ['Grant 1:DISABLED:2']);
    assert.deepEqual(brief(recent.mergeGrants([grant(1, 'ACTIVE', '3')], page)), ['Grant 1:ACTIVE:3']);
    // Expired: a list that still lags is shown as it is.
    now = 60_000;
    assert.deepEqual(brief(recent.mergeGrants(stale, page)), ['Grant 1:PENDING_ACCEPT:1', 'Grant 2:ACTIVE:4']);
    assert.equal(recent.size, 0);
  });

  it('a read by ARN replaces what the answer said, never with an older version', () => {
    const recent = new RecentChanges();
    recent.noteRead(grant(5, 'ACTIVE', '9'));
    assert.equal(recent.size, 0, 'a read alone records nothing');
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'DISABLED', Version: '2' });
    recent.noteRead(grant(1, 'DISABLED', '2', { StatusReason: 'Read by ARN' }));
    const [shown] = recent.mergeGrants([grant(1, 'PENDING_ACCEPT', '1')], page);
    assert.deepEqual([shown.GrantStatus, shown.Version, shown.StatusReason], ['DISABLED', '2', 'Read by ARN']);
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'ACTIVE', Version: '1' });
    assert.equal(recent.mergeGrants([grant(1, 'PENDING_ACCEPT', '1')], page)[0].GrantStatus, 'DISABLED', 'an older answer is ignored');
    // A read by ARN is current: an older version there means the change is gone.
    recent.noteRead(grant(1, 'PENDING_ACCEPT', '1'));
    assert.equal(recent.mergeGrants([grant(1, 'PENDING_ACCEPT', '1')], page)[0].GrantStatus, 'PENDING_ACCEPT');
    assert.equal(recent.size, 0);
  });

  it('clear forgets every change', () => {
    const recent = new RecentChanges();
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'DISABLED', Version: '2' });
    recent.clear();
    assert.deepEqual(brief(recent.mergeGrants([grant(1, 'PENDING_ACCEPT', '1')], page)), ['Grant 1:PENDING_ACCEPT:1']);
  });

  it('a changed grant leaves a page whose status filter it no longer matches', () => {
    const recent = new RecentChanges();
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'DISABLED', Version: '2' });
    const filtered = { ...page, filters: [{ Name: 'GrantStatus', Values: ['PENDING_ACCEPT'] }] };
    assert.deepEqual(brief(recent.mergeGrants([grant(1, 'PENDING_ACCEPT', '1'), grant(3, 'PENDING_ACCEPT', '1')], filtered)), [
      'Grant 3:PENDING_ACCEPT:1',
    ]);
  });

  it('versions that are no version numbers are never compared: the list wins', () => {
    const recent = new RecentChanges();
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'DISABLED', Version: '2' });
    assert.deepEqual(brief(recent.mergeGrants([grant(1, 'PENDING_ACCEPT', 'x')], page)), ['Grant 1:PENDING_ACCEPT:x']);
    recent.record({ GrantArn: arnOf(2), GrantStatus: 'DISABLED', Version: '02' });
    assert.equal(recent.size, 1, 'a change whose version is no version number is not recorded');
  });

  it('keeps a bounded number of changes, forgetting the oldest', () => {
    const recent = new RecentChanges(Date.now, 60_000, 3);
    for (let i = 1; i <= 5; i++) recent.record({ GrantArn: arnOf(i), GrantStatus: 'DISABLED', Version: '2' });
    assert.equal(recent.size, 3);
    assert.deepEqual(brief(recent.mergeGrants([grant(1, 'PENDING_ACCEPT', '1'), grant(5, 'PENDING_ACCEPT', '1')], page)), [
      'Grant 1:PENDING_ACCEPT:1',
      'Grant 5:DISABLED:2',
    ]);
  });

  it('through a wrapped facade: answers are recorded, lists merged, and a new grant is listed where it belongs until a list shows it', async () => {
    const recent = new RecentChanges();
    let listed: Grant[] = [grant(1, 'PENDING_ACCEPT', '1')];
    const created = grant(7, 'PENDING_ACCEPT', '1', { GrantName: 'New one', ParentArn: LICENSE });
    const calls: string[] = [];
    const inner = {
      profile: 'seller',
      region: 'us-east-1',
      listDistributedGrants: (req: ListRequest = {}): Promise<Page<Grant>> => {
        calls.push(`list ${JSON.stringify(req.filters ?? [])}`);
        return Promise.resolve({ items: listed });
      },
      acceptGrant: (arn: string): Promise<GrantMutationResult> => {
        calls.push(`accept ${arn}`);
        return Promise.resolve({ GrantArn: arn, Status: 'DISABLED', Version: '2' });
      },
      createGrant: (input: CreateGrantInput): Promise<GrantMutationResult> => {
        calls.push(`create ${input.grantName}`);
        return Promise.resolve({ GrantArn: arnOf(7), Status: 'PENDING_ACCEPT', Version: '1' });
      },
      getGrant: (arn: string): Promise<Grant> => {
        calls.push(`get ${arn}`);
        return Promise.resolve(arn === arnOf(7) ? created : grant(1, 'DISABLED', '2'));
      },
      listTagsForResource: function (this: { profile: string }) {
        return Promise.resolve([{ Key: 'profile', Value: this.profile }]);
      },
    };
    const api = withRecentChanges(recent, inner as unknown as LicenseManagerApi);
    assert.equal(withRecentChanges(recent, inner as unknown as LicenseManagerApi), api, 'one wrapper per facade');
    assert.equal(api.profile, 'seller');
    assert.deepEqual(await api.listTagsForResource(arnOf(1)), [{ Key: 'profile', Value: 'seller' }], 'other calls pass through');
    await api.acceptGrant(arnOf(1));
    assert.deepEqual(brief((await api.listDistributedGrants()).items), ['Grant 1:DISABLED:2']);
    await api.createGrant({
      clientToken: 't',
      grantName: 'New one',
      licenseArn: LICENSE,
      principal: 'arn:aws:iam::444455556666:root',
      homeRegion: 'us-east-1',
      allowedOperations: ['CheckoutLicense'],
    });
    assert.deepEqual(calls.slice(-2), ['create New one', `get ${arnOf(7)}`], 'the new grant is read back by ARN');
    assert.deepEqual(brief((await api.listDistributedGrants()).items), ['Grant 1:DISABLED:2', 'New one:PENDING_ACCEPT:1']);
    // Only where it belongs: not on a page that is not the last, nor in another region, nor under another filter.
    assert.deepEqual(brief(recent.mergeGrants(listed, { profile: 'seller', region: 'us-east-1', side: 'distributed', last: false })), ['Grant 1:DISABLED:2']);
    assert.deepEqual(brief(recent.mergeGrants(listed, { profile: 'seller', region: 'eu-west-1', side: 'distributed', last: true })), ['Grant 1:DISABLED:2']);
    const other = { profile: 'seller', region: 'us-east-1', side: 'distributed' as const, last: true, filters: [{ Name: 'ProductSKU', Values: ['X'] }] };
    assert.deepEqual(brief(recent.mergeGrants(listed, other)), ['Grant 1:DISABLED:2']);
    // Once a list shows it, it is no longer added.
    listed = [grant(1, 'DISABLED', '2'), created];
    assert.deepEqual(brief((await api.listDistributedGrants()).items), ['Grant 1:DISABLED:2', 'New one:PENDING_ACCEPT:1']);
    listed = [grant(1, 'DISABLED', '2')];
    assert.deepEqual(brief((await api.listDistributedGrants()).items), ['Grant 1:DISABLED:2']);
  });
});

describe('recent changes checked by ARN when a list contradicts them', () => {
  /** A facade whose list answers `listed` and whose GetGrant answers `current` (or not found). */
  function facade(listed: Grant[], current: Map<string, Grant>, calls: string[]): LicenseManagerApi {
    return {
      profile: 'seller',
      region: 'us-east-1',
      listDistributedGrants: () => Promise.resolve({ items: listed }),
      getGrant: (arn: string) => {
        calls.push(`get ${arn}`);
        const g = current.get(arn);
        return g ? Promise.resolve(g) : Promise.reject(Object.assign(new Error('not found'), { kind: 'notFound' }));
      },
    } as unknown as LicenseManagerApi;
  }

  it('a lagging list is outranked after a read by ARN confirms the change', async () => {
    const recent = new RecentChanges();
    const calls: string[] = [];
    const api = withRecentChanges(recent, facade([grant(1, 'PENDING_ACCEPT', '1')], new Map([[arnOf(1), grant(1, 'DISABLED', '2')]]), calls));
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'DISABLED', Version: '2' });
    assert.deepEqual(brief((await api.listDistributedGrants()).items), ['Grant 1:DISABLED:2']);
    assert.deepEqual(calls, [`get ${arnOf(1)}`]);
  });

  it('a change the service no longer holds (read by ARN older, or gone) is forgotten, and the list shown as it is', async () => {
    const recent = new RecentChanges();
    const calls: string[] = [];
    const api = withRecentChanges(recent, facade([grant(1, 'PENDING_ACCEPT', '1')], new Map([[arnOf(1), grant(1, 'PENDING_ACCEPT', '1')]]), calls));
    recent.record({ GrantArn: arnOf(1), GrantStatus: 'DISABLED', Version: '2' });
    recent.record({ GrantArn: arnOf(7), GrantStatus: 'PENDING_ACCEPT', Version: '1', GrantName: 'Gone' }, { whole: true, place: { profile: 'seller', region: 'us-east-1', side: 'distributed' } });
    assert.deepEqual(brief((await api.listDistributedGrants()).items), ['Grant 1:PENDING_ACCEPT:1']);
    assert.deepEqual(calls.sort(), [`get ${arnOf(1)}`, `get ${arnOf(7)}`]);
    assert.equal(recent.size, 0);
    calls.length = 0;
    await api.listDistributedGrants();
    assert.deepEqual(calls, [], 'nothing left to check');
  });
});

describe('received licenses of a grant changed here', () => {
  const license = (status: string): GrantedLicense => ({
    LicenseArn: LICENSE,
    LicenseName: 'L',
    ReceivedMetadata: { ReceivedStatus: status, AllowedOperations: ['CheckoutLicense'] },
  }) as GrantedLicense;

  function buyer(received: Grant[], current: Grant, calls: string[]): LicenseManagerApi {
    return {
      profile: 'buyer',
      region: 'us-east-1',
      listReceivedLicenses: () => (calls.push('ListReceivedLicenses'), Promise.resolve({ items: [license('PENDING_ACCEPT')] })),
      listReceivedGrants: (req: ListRequest = {}) => (calls.push(`ListReceivedGrants ${JSON.stringify(req.filters)}`), Promise.resolve({ items: received })),
      getGrant: () => (calls.push('GetGrant'), Promise.resolve(current)),
      acceptGrant: (arn: string) => (calls.push('AcceptGrant'), Promise.resolve({ GrantArn: arn, Status: 'DISABLED', Version: '2' })),
    } as unknown as LicenseManagerApi;
  }

  it('mirror the grant as changed while the lists lag, through its one received grant', async () => {
    const recent = new RecentChanges();
    const calls: string[] = [];
    const api = withRecentChanges(recent, buyer([grant(1, 'PENDING_ACCEPT', '1')], grant(1, 'DISABLED', '2', { StatusReason: 'Accepted' }), calls));
    assert.equal((await api.listReceivedLicenses()).items[0].ReceivedMetadata?.ReceivedStatus, 'PENDING_ACCEPT', 'nothing changed yet');
    assert.deepEqual(calls, ['ListReceivedLicenses'], 'no extra call without a change');
    await api.acceptGrant(arnOf(1));
    const [shown] = (await api.listReceivedLicenses()).items;
    assert.deepEqual(shown.ReceivedMetadata, { ReceivedStatus: 'DISABLED', ReceivedStatusReason: 'Accepted', AllowedOperations: ['CheckoutLicense'] });
    assert.ok(calls.includes(`ListReceivedGrants ${JSON.stringify([{ Name: 'LicenseArn', Values: [LICENSE] }])}`));
  });

  it('stay as listed when the license is received through more than one grant', async () => {
    const recent = new RecentChanges();
    const calls: string[] = [];
    const api = withRecentChanges(recent, buyer([grant(1, 'PENDING_ACCEPT', '1'), grant(2, 'ACTIVE', '3')], grant(1, 'DISABLED', '2'), calls));
    await api.acceptGrant(arnOf(1));
    assert.equal((await api.listReceivedLicenses()).items[0].ReceivedMetadata?.ReceivedStatus, 'PENDING_ACCEPT');
  });
});

describe('pending ClientTokens', () => {
  it('the same request gets the first token until it is settled; another request a new one', () => {
    let n = 0;
    const fresh = (): string => `token-${++n}`;
    const tokens = new PendingTokens();
    assert.equal(tokens.take('create A', fresh), 'token-1');
    assert.equal(tokens.take('create A', fresh), 'token-1');
    assert.equal(tokens.take('create B', fresh), 'token-2');
    tokens.settle('create A');
    assert.equal(tokens.take('create A', fresh), 'token-3');
  });

  it('forgets a token after its time, and the oldest beyond the limit', () => {
    let now = 0;
    let n = 0;
    const fresh = (): string => `token-${++n}`;
    const tokens = new PendingTokens(() => now, 1000, 2);
    tokens.take('a', fresh);
    now = 1000;
    assert.equal(tokens.take('a', fresh), 'token-2');
    tokens.take('b', fresh);
    tokens.take('c', fresh);
    assert.equal(tokens.take('a', fresh), 'token-5', 'the oldest request was forgotten');
  });
});

describe('version numbers', () => {
  it('are 1 to 10 digits without a leading zero', () => {
    for (const v of ['1', '9', '10', '5000000', '9999999999']) assert.equal(isVersion(v), true, v);
    for (const v of ['0', '01', '', ' 1', '1 ', '1.0', '-1', '10000000000', '1e3', '../1', '1/2', 1, null, undefined]) {
      assert.equal(isVersion(v), false, String(v));
    }
    assert.equal(compareVersions('10', '9'), 1);
    assert.equal(compareVersions('2', '2'), 0);
    assert.equal(compareVersions('x', '2'), undefined);
  });

  it('are offered a bounded window at a time, newest first, with where the older ones start', () => {
    assert.deepEqual(versionWindow('4'), { versions: ['3', '2', '1'] });
    assert.deepEqual(versionWindow('1'), { versions: [] });
    const big = versionWindow('5000000', undefined, 3);
    assert.deepEqual(big, { versions: ['4999999', '4999998', '4999997'], older: '4999997' });
    assert.deepEqual(versionWindow('5000000', big.older, 3), { versions: ['4999996', '4999995', '4999994'], older: '4999994' });
    assert.deepEqual(versionWindow('5', '3', 3), { versions: ['2', '1'] });
    assert.deepEqual(versionWindow('5000000', 'x'), { versions: [] });
    assert.equal(versionWindow('5000000').versions.length, 50);
  });
});
