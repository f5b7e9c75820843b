import * as assert from 'node:assert/strict';
import type { GrantDirection } from '../../src/model/grantActions';
import { CATEGORY_KINDS } from '../../src/model/resources';
import { contextValue } from '../../src/tree/contextValue';
import { knownRegions, receivedLicenseRegion, regionName } from '../../src/model/regions';
import { GRANT_STATUSES } from '../../src/model/statuses';
import { lastArnPart } from '../../src/model/arn';
import { categoriesAffected, listFilters, RESOURCE_LISTS } from '../../src/model/resourceLists';
import {
  clampPageSize,
  isFilterActive,
  isOverLimit,
  matchesText,
  normalizeFilter,
  usageFilters,
} from '../../src/model/rules';
import { SelectionStore, type StateStore } from '../../src/state/selectionStore';
import type { Grant, ProfileInfo } from '../../src/aws/types';

const tokens = (v: string): string[] => v.split(' ');

describe('explorer contextValue', () => {
  // The action tokens per side and status: test/unit/grantActions.test.ts.
  for (const direction of ['received', 'distributed'] as GrantDirection[]) {
    for (const status of [...GRANT_STATUSES, 'SOME_FUTURE_STATUS']) {
      it(`a ${direction} ${status} grant carries its kind and the resource tokens`, () => {
        const t = tokens(contextValue({ node: 'grant', direction, status }));
        assert.ok(t.includes(direction === 'received' ? 'receivedGrant' : 'distributedGrant'));
        for (const x of ['refreshable', 'hasDetails', 'hasJson', 'hasArn']) assert.ok(t.includes(x), x);
        assert.ok(!t.includes('canCreateGrant'));
      });
    }
  }

  it('issued licenses can create grants; received ones only when CreateGrant is allowed', () => {
    assert.ok(tokens(contextValue({ node: 'license' })).includes('canCreateGrant'));
    assert.ok(tokens(contextValue({ node: 'receivedLicense', allowedOperations: ['CheckoutLicense', 'CreateGrant'] })).includes('canCreateGrant'));
    assert.ok(!tokens(contextValue({ node: 'receivedLicense', allowedOperations: ['CheckoutLicense'] })).includes('canCreateGrant'));
    assert.ok(!tokens(contextValue({ node: 'receivedLicense' })).includes('canCreateGrant'));
    const received = (receivedStatus: string) =>
      tokens(contextValue({ node: 'receivedLicense', receivedStatus, allowedOperations: ['CreateGrant'] }));
    assert.ok(received('ACTIVE').includes('canCreateGrant'));
    for (const status of ['PENDING_ACCEPT', 'DISABLED', 'REJECTED', 'DELETED']) {
      assert.ok(!received(status).includes('canCreateGrant'), status);
    }
  });

  it('only the profile carries `profile`, only usage lists `usageList`', () => {
    assert.deepEqual(tokens(contextValue({ node: 'profile' })), ['profile', 'refreshable']);
    assert.deepEqual(tokens(contextValue({ node: 'usageList' })), ['usageList', 'refreshable']);
    for (const category of CATEGORY_KINDS) {
      const t = tokens(contextValue({ node: 'category', category }));
      assert.ok(!t.includes('profile') && !t.includes('usageList') && t.includes('refreshable'));
    }
    assert.deepEqual(tokens(contextValue({ node: 'usageRecord', hasArn: true })), ['usageRecord', 'hasJson', 'hasArn']);
    assert.deepEqual(tokens(contextValue({ node: 'association', hasArn: false })), ['association', 'hasJson']);
    assert.equal(contextValue({ node: 'loadMore' }), 'loadMore');
    assert.ok(!tokens(contextValue({ node: 'message', retry: true })).includes('refreshable'));
  });
});

describe('explorer rules', () => {
  it('shows a received license under its home region when selected, else under the first selected region', () => {
    assert.equal(receivedLicenseRegion('eu-west-1', ['us-east-1', 'eu-west-1']), 'eu-west-1');
    assert.equal(receivedLicenseRegion('ap-southeast-2', ['us-east-1', 'eu-west-1']), 'us-east-1');
    assert.equal(receivedLicenseRegion(undefined, ['eu-west-1']), 'eu-west-1');
    assert.equal(receivedLicenseRegion('eu-west-1', []), undefined);
  });

  it('learns the account from configurations, issued licenses, distributed grants and account-principal received grants', () => {
    assert.equal(RESOURCE_LISTS.licenseConfigurations.accountOf({ OwnerAccountId: '111122223333' }), '111122223333');
    assert.equal(
      RESOURCE_LISTS.licenseConfigurations.accountOf({ LicenseConfigurationArn: 'arn:aws:license-manager:us-east-1:222233334444:license-configuration:lic-1' }),
      '222233334444',
    );
    assert.equal(RESOURCE_LISTS.licenses.accountOf({ LicenseArn: 'arn:aws:license-manager::111122223333:license:l-1' }), '111122223333');
    assert.equal(RESOURCE_LISTS.distributedGrants.accountOf({ GrantArn: 'arn:aws:license-manager::111122223333:grant:g-1' } as Grant), '111122223333');
    assert.equal(RESOURCE_LISTS.receivedGrants.accountOf({ GranteePrincipalArn: 'arn:aws:iam::444455556666:root' } as Grant), '444455556666');
    assert.equal(RESOURCE_LISTS.receivedGrants.accountOf({ GranteePrincipalArn: 'arn:aws:organizations::444455556666:organization/o-abc' } as Grant), undefined);
    assert.equal(RESOURCE_LISTS.receivedLicenses.accountOf({ LicenseArn: 'arn:aws:license-manager::111122223333:license:l-1' }), undefined);
  });

  it('maps the status filter to server-side filters of the right lists', () => {
    const f = { grantStatus: 'ACTIVE', licenseStatus: 'EXPIRED' };
    assert.deepEqual(listFilters(RESOURCE_LISTS.receivedGrants, f), [{ Name: 'GrantStatus', Values: ['ACTIVE'] }]);
    assert.deepEqual(listFilters(RESOURCE_LISTS.distributedGrants, f), [{ Name: 'GrantStatus', Values: ['ACTIVE'] }]);
    assert.deepEqual(listFilters(RESOURCE_LISTS.licenses, f), [{ Name: 'Status', Values: ['EXPIRED'] }]);
    assert.deepEqual(listFilters(RESOURCE_LISTS.receivedLicenses, f), [{ Name: 'Status', Values: ['EXPIRED'] }]);
    assert.deepEqual(listFilters(RESOURCE_LISTS.licenseConfigurations, f), []);
    assert.deepEqual(categoriesAffected({ text: 'a' }, { text: 'b', grantStatus: 'ACTIVE' }), ['distributedGrants', 'receivedGrants']);
    assert.deepEqual(categoriesAffected({ text: 'a' }, { text: 'b' }), []);
  });

  it('normalizes and detects the filter', () => {
    assert.deepEqual(normalizeFilter({ text: '  ', grantStatus: '' }), {});
    assert.equal(isFilterActive({}), false);
    assert.equal(isFilterActive(normalizeFilter({ text: ' x ' })), true);
    assert.deepEqual(normalizeFilter({ text: ' x ' }), { text: 'x' });
  });

  it('matches text case-insensitively in any field', () => {
    assert.ok(matchesText(['Globex Analytics', undefined], 'analytics'));
    assert.ok(!matchesText(['Globex'], 'initech'));
    assert.ok(matchesText([], ''));
  });

  it('builds the usage filters the API names', () => {
    assert.deepEqual(usageFilters({ resourceType: 'EC2_HOST', resourceAccount: '111122223333', resourceArn: 'arn:aws:ec2:x' }), [
      { Name: 'resourceType', Values: ['EC2_HOST'] },
      { Name: 'resourceAccount', Values: ['111122223333'] },
      { Name: 'resourceArn', Values: ['arn:aws:ec2:x'] },
    ]);
    assert.deepEqual(usageFilters({}), []);
  });

  it('flags configurations over their limit only', () => {
    assert.ok(isOverLimit({ LicenseCount: 10, ConsumedLicenses: 11 }));
    assert.ok(!isOverLimit({ LicenseCount: 10, ConsumedLicenses: 10 }));
    assert.ok(!isOverLimit({ ConsumedLicenses: 99 }));
  });

  it('clamps the page size, shortens ARNs, escapes icon syntax, names regions', () => {
    assert.equal(clampPageSize(0), 1);
    assert.equal(clampPageSize(500), 100);
    assert.equal(clampPageSize('x'), 25);
    assert.equal(lastArnPart('arn:aws:ec2:us-east-1:1:instance/i-1'), 'i-1');
    assert.equal(lastArnPart('arn:aws:license-manager::1:grant:g-1'), 'g-1');
    assert.equal(regionName('eu-west-1'), 'Europe (Ireland)');
    assert.equal(regionName('__proto__'), undefined);
    assert.ok(knownRegions().includes('us-east-1'));
  });
});

describe('explorer selection store', () => {
  const memento = (): StateStore & { data: Record<string, unknown> } => {
    const data: Record<string, unknown> = {};
    return {
      data,
      get: <T>(k: string) => data[k] as T | undefined,
      update: (k: string, v: unknown) => {
        data[k] = v;
        return Promise.resolve();
      },
    };
  };
  const profiles: ProfileInfo[] = [
    { name: 'default', kind: 'static', isDefault: true, region: 'eu-west-1' },
    { name: 'dev', kind: 'sso', isDefault: false },
  ];

  it('defaults to the default profile in its own region, then keeps the choice', async () => {
    const m = memento();
    const store = new SelectionStore(m);
    assert.deepEqual(store.profiles(profiles), ['default']);
    assert.deepEqual(store.regions(profiles[0]), ['eu-west-1']);
    await store.setProfiles(['dev', 'gone']);
    assert.deepEqual(store.profiles(profiles), ['dev']);
    await store.setRegions('dev', ['us-west-2', 'eu-west-1']);
    assert.deepEqual(new SelectionStore(m).regions(profiles[1]), ['us-west-2', 'eu-west-1']);
    await store.setProfiles([]);
    assert.deepEqual(store.profiles(profiles), []);
  });

  it('shows every profile until a choice is made when none is the default', () => {
    const store = new SelectionStore(memento());
    const noDefault = profiles.map((p) => ({ ...p, isDefault: false }));
    assert.deepEqual(store.profiles(noDefault), ['default', 'dev']);
  });

  it('stores a profile named __proto__ as data', async () => {
    const m = memento();
    const store = new SelectionStore(m);
    await store.setRegions('__proto__', ['us-east-1']);
    assert.deepEqual(store.regions({ name: '__proto__', kind: 'static', isDefault: false }), ['us-east-1']);
    assert.equal(Object.getPrototypeOf(m.data['licenseManager.selectedRegions']), Object.prototype);
  });
});
