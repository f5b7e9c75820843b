import * as assert from 'node:assert/strict';
import type { Grant } from '../../src/aws/types';
import { buildInbox, EMPTY_SEEN, inboxGroup, inboxNotice, newWaiting, waitingCount, type InboxListing } from '../../src/model/inbox';

const SELLER = '111122223333';
const BUYER = '444455556666';
const g = (id: string, status: string, over: Partial<Grant> = {}): Grant => ({
  GrantArn: `arn:aws:license-manager::${SELLER}:grant:g-${id}`,
  GrantName: `Grant ${id}`,
  ParentArn: `arn:aws:license-manager::${SELLER}:license:l-1`,
  LicenseArn: `arn:aws:license-manager::${SELLER}:license:l-1`,
  GranteePrincipalArn: `arn:aws:iam::${BUYER}:root`,
  HomeRegion: 'us-east-1',
  GrantStatus: status,
  Version: '1',
  GrantedOperations: ['CheckoutLicense'],
  ...over,
});

describe('grants inbox rules', () => {
  it('puts received PENDING_ACCEPT in waiting, received DISABLED in accepted-not-active, distributed workflow failures in problems, nothing else', () => {
    const statuses = ['PENDING_WORKFLOW', 'PENDING_ACCEPT', 'REJECTED', 'ACTIVE', 'FAILED_WORKFLOW', 'DELETED', 'PENDING_DELETE', 'DISABLED', 'WORKFLOW_COMPLETED', 'SOMETHING_NEW'];
    const table = statuses.flatMap((s) => (['received', 'distributed'] as const).map((side) => [side, s, inboxGroup(side, s)] as const)).filter(([, , grp]) => grp);
    assert.deepEqual(table, [
      ['distributed', 'PENDING_WORKFLOW', 'problems'],
      ['received', 'PENDING_ACCEPT', 'waiting'],
      ['distributed', 'FAILED_WORKFLOW', 'problems'],
      ['received', 'DISABLED', 'acceptedNotActive'],
    ]);
    assert.equal(inboxGroup('received', 'toString'), undefined);
  });

  it('builds sorted groups with the counterpart account and the product where known', () => {
    const listing: InboxListing = {
      profile: 'buyer',
      region: 'us-east-1',
      received: [g('b', 'PENDING_ACCEPT', { GrantName: 'Zeta' }), g('a', 'PENDING_ACCEPT', { GrantName: 'Alpha' }), g('c', 'DISABLED'), g('d', 'ACTIVE')],
      distributed: [
        g('e', 'FAILED_WORKFLOW', { GrantArn: `arn:aws:license-manager::${BUYER}:grant:g-e`, GranteePrincipalArn: 'arn:aws:iam::777788889999:root', StatusReason: 'Recipient has not enabled License Manager' }),
        g('f', 'PENDING_WORKFLOW', { GrantArn: `arn:aws:license-manager::${BUYER}:grant:g-f`, GranteePrincipalArn: 'arn:aws:organizations::444455556666:organization/o-abc' }),
        g('h', 'ACTIVE', { GrantArn: `arn:aws:license-manager::${BUYER}:grant:g-h` }),
      ],
    };
    const items = buildInbox([listing], new Map([[`arn:aws:license-manager::${SELLER}:license:l-1`, 'Northwind Analytics']]));
    assert.deepEqual(
      items.map((i) => [i.group, i.grant.GrantName, i.counterpart, i.productName]),
      [
        ['waiting', 'Alpha', SELLER, 'Northwind Analytics'],
        ['waiting', 'Zeta', SELLER, 'Northwind Analytics'],
        ['acceptedNotActive', 'Grant c', SELLER, 'Northwind Analytics'],
        ['problems', 'Grant e', '777788889999', 'Northwind Analytics'],
        ['problems', 'Grant f', 'arn:aws:organizations::444455556666:organization/o-abc', 'Northwind Analytics'],
      ],
    );
    assert.equal(items[3].grant.StatusReason, 'Recipient has not enabled License Manager');
    assert.equal(waitingCount(items), 2);
    assert.equal(buildInbox([listing])[0].productName, undefined);
  });

  it('shows a received grant once for several profiles of its account, keeping every place that sees it', () => {
    const pending = g('a', 'PENDING_ACCEPT');
    const items = buildInbox([
      { profile: 'buyer', region: 'us-east-1', received: [pending] },
      { profile: 'buyer-admin', region: 'us-east-1', received: [pending] },
      { profile: 'buyer', region: 'us-east-1', received: [pending] },
    ]);
    assert.equal(items.length, 1);
    assert.deepEqual(items[0].places, [
      { profile: 'buyer', region: 'us-east-1' },
      { profile: 'buyer-admin', region: 'us-east-1' },
    ]);
  });

  it('keeps an organization grant apart per receiving account, and merges it when the account is known', () => {
    const org = g('o', 'PENDING_ACCEPT', { GranteePrincipalArn: 'arn:aws:organizations::444455556666:organization/o-abc' });
    const unknown = buildInbox([
      { profile: 'buyer', region: 'us-east-1', received: [org] },
      { profile: 'research', region: 'us-east-1', received: [org] },
    ]);
    assert.equal(unknown.length, 2, 'two profiles of accounts not known: two entries');
    const known = buildInbox([
      { profile: 'buyer', region: 'us-east-1', accountId: BUYER, received: [org] },
      { profile: 'buyer-admin', region: 'us-east-1', accountId: BUYER, received: [org] },
      { profile: 'research', region: 'us-east-1', accountId: '777788889999', received: [org] },
    ]);
    assert.deepEqual(
      known.map((i) => i.places.map((p) => p.profile)),
      [['buyer', 'buyer-admin'], ['research']],
    );
  });

  it('announces a waiting grant only when its place was listed before, and never twice', () => {
    const east = { profile: 'buyer', region: 'us-east-1' };
    const west = { profile: 'buyer', region: 'eu-west-1' };
    const first = buildInbox([{ ...east, received: [g('a', 'PENDING_ACCEPT')] }]);
    const load1 = newWaiting(first, [east], EMPTY_SEEN);
    assert.deepEqual(load1.fresh, [], 'first load of a profile announces nothing');

    const second = buildInbox([
      { ...east, received: [g('a', 'PENDING_ACCEPT'), g('b', 'PENDING_ACCEPT'), g('c', 'DISABLED')] },
      { ...west, received: [g('w', 'PENDING_ACCEPT')] },
    ]);
    const load2 = newWaiting(second, [east, west], load1.seen);
    assert.deepEqual(load2.fresh.map((i) => i.grant.GrantName), ['Grant b'], 'only the new one, not the first load of eu-west-1');

    // After a reload the caller passes the persisted set back: nothing is announced again.
    const persisted = JSON.parse(JSON.stringify(load2.seen)) as typeof load2.seen;
    assert.deepEqual(newWaiting(second, [east, west], persisted).fresh, []);
    const load3 = newWaiting(buildInbox([{ ...west, received: [g('w', 'PENDING_ACCEPT'), g('x', 'PENDING_ACCEPT')] }]), [west], persisted);
    assert.deepEqual(load3.fresh.map((i) => i.grant.GrantName), ['Grant x']);
  });

  it('does not count a place whose listing failed as listed', () => {
    const east = { profile: 'buyer', region: 'us-east-1' };
    const failed = newWaiting([], [], EMPTY_SEEN);
    const later = newWaiting(buildInbox([{ ...east, received: [g('a', 'PENDING_ACCEPT')] }]), [east], failed.seen);
    assert.deepEqual(later.fresh, []);
  });

  it('sums up the announcement: one grant with grantor, name, profile and region; several as a count', () => {
    assert.equal(inboxNotice([]), undefined);
    const one = buildInbox([{ profile: 'buyer', region: 'eu-west-1', received: [g('a', 'PENDING_ACCEPT', { GrantName: 'Northwind Analytics' })] }]);
    const notice = inboxNotice(one);
    assert.ok(notice?.kind === 'one');
    assert.deepEqual([notice.grantor, notice.grantName, notice.profile, notice.region], [SELLER, 'Northwind Analytics', 'buyer', 'eu-west-1']);
    const many = buildInbox([{ profile: 'buyer', region: 'us-east-1', received: [g('a', 'PENDING_ACCEPT'), g('b', 'PENDING_ACCEPT'), g('c', 'PENDING_ACCEPT')] }]);
    assert.deepEqual(inboxNotice(many), { kind: 'many', count: 3, items: many });
  });
});
