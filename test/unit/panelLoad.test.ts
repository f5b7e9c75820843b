import * as assert from 'node:assert/strict';
import { isLicenseManagerError, LicenseManagerError } from '../../src/aws/errors';
import type { LicenseManagerApi } from '../../src/aws/types';
import type { ResourceKind, ResourceRef } from '../../src/model/resources';
import { loadResource } from '../../src/data/fetchResource';
import { gatherAcross, showsReceivedHere, type SelectedTarget } from '../../src/data/fanOut';
import { listFirstPages } from '../../src/data/firstPages';
import { describeHolder } from '../../src/panels/pickable';
import { plainTranslate as t } from '../../src/model/translate';

type Call = [string, unknown[]];

/** A promise opened from outside. */
function gate(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The same fake facade, seen through another (profile, region). */
function proxyAt(api: LicenseManagerApi, at: { profile: string; region: string }): LicenseManagerApi {
  return new Proxy(api, { get: (target, prop: string) => (prop === 'profile' || prop === 'region' ? at[prop] : Reflect.get(target, prop)) });
}

/** A facade that records calls and answers from fixed data; anything else fails the test. */
function fakeApi(answers: Partial<Record<keyof LicenseManagerApi, (...args: never[]) => unknown>>, calls: Call[] = []): LicenseManagerApi {
  return new Proxy({ profile: 'buyer', region: 'eu-west-1' } as unknown as LicenseManagerApi, {
    get(target, prop: string) {
      if (prop === 'profile' || prop === 'region') return (target as unknown as Record<string, unknown>)[prop];
      return async (...args: unknown[]) => {
        calls.push([prop, args]);
        const answer = (answers as Record<string, (...a: unknown[]) => unknown>)[prop];
        if (!answer) throw new Error(`unexpected call ${prop}`);
        return answer(...args);
      };
    },
  });
}

function ref(kind: ResourceKind, arn: string): ResourceRef {
  return { kind, profile: 'buyer', region: 'eu-west-1', arn };
}

describe('detail panel reload from AWS', () => {
  it('uses GetGrant, GetLicense and GetLicenseConfiguration for their kinds', async () => {
    const calls: Call[] = [];
    const api = fakeApi(
      {
        getGrant: () => ({ GrantArn: 'g' }),
        getLicense: () => ({ LicenseArn: 'l' }),
        getLicenseConfiguration: () => ({ LicenseConfigurationArn: 'c' }),
      },
      calls,
    );
    const signal = new AbortController().signal;
    assert.deepEqual(await loadResource(api, ref('receivedGrant', 'g'), signal), { GrantArn: 'g' });
    assert.deepEqual(await loadResource(api, ref('distributedGrant', 'g'), signal), { GrantArn: 'g' });
    assert.deepEqual(await loadResource(api, ref('license', 'l'), signal), { LicenseArn: 'l' });
    assert.deepEqual(await loadResource(api, ref('licenseConfiguration', 'c'), signal), { LicenseConfigurationArn: 'c' });
    // The caller's signal reaches every call, so a closed panel can abandon its load.
    assert.deepEqual(calls, [
      ['getGrant', ['g', undefined, { signal }]],
      ['getGrant', ['g', undefined, { signal }]],
      ['getLicense', ['l', undefined, { signal }]],
      ['getLicenseConfiguration', ['c', { signal }]],
    ]);
  });

  it('reads a received license through ListReceivedLicenses filtered to its ARN', async () => {
    const calls: Call[] = [];
    const api = fakeApi({ listReceivedLicenses: () => ({ items: [{ LicenseArn: 'l', ReceivedMetadata: { ReceivedStatus: 'ACTIVE' } }] }) }, calls);
    assert.deepEqual(await loadResource(api, ref('receivedLicense', 'l')), { LicenseArn: 'l', ReceivedMetadata: { ReceivedStatus: 'ACTIVE' } });
    assert.deepEqual(calls, [['listReceivedLicenses', [{ arns: ['l'] }, { signal: undefined }]]]);
  });

  it('reports a received license that is no longer listed as not found', async () => {
    const api = fakeApi({ listReceivedLicenses: () => ({ items: [] }) });
    await assert.rejects(loadResource(api, ref('receivedLicense', 'l')), (e: unknown) => isLicenseManagerError(e) && e.kind === 'notFound');
  });

  it('passes the AWS layer’s errors through unchanged', async () => {
    const denied = new LicenseManagerError('accessDenied', 'denied', { code: 'AccessDeniedException' });
    const api = fakeApi({ getGrant: () => Promise.reject(denied) });
    await assert.rejects(loadResource(api, ref('receivedGrant', 'g')), (e: unknown) => e === denied);
  });
});

describe('open details quick pick', () => {
  it('lists one page of every category and keeps going when one list fails', async () => {
    const calls: Call[] = [];
    const api = fakeApi(
      {
        listLicenseConfigurations: () => ({ items: [{ LicenseConfigurationArn: 'c1', Name: 'Config' }] }),
        listLicenses: () => Promise.reject(new LicenseManagerError('accessDenied', 'no', { code: 'AccessDeniedException' })),
        listReceivedLicenses: () => ({ items: [{ LicenseArn: 'l1', LicenseName: 'Got' }] }),
        listDistributedGrants: () => ({ items: [] }),
        listReceivedGrants: () => ({ items: [{ GrantArn: 'g1', GrantName: 'G', GrantStatus: 'ACTIVE' }, { GrantName: 'no arn' }] }),
      },
      calls,
    );
    const signal = new AbortController().signal;
    const result = await listFirstPages(api, 100, { signal });
    assert.deepEqual(result.holders.map((h) => [h.resource.kind, h.resource.arn]), [
      ['licenseConfiguration', 'c1'],
      ['receivedLicense', 'l1'],
      ['receivedGrant', 'g1'],
    ]);
    assert.deepEqual(result.failures.map((f) => [f.kind, f.profile, f.region]), [['license', 'buyer', 'eu-west-1']]);
    assert.equal(calls.length, 5);
    for (const [, args] of calls) assert.deepEqual(args, [{ maxResults: 100 }, { signal }]);
  });

  it('picks a received license where the tree shows it, whichever region answers first', async () => {
    // One received license (home eu-west-1), listed by every region, as License Manager does.
    const selection = [
      { profile: 'buyer', regions: ['us-east-1', 'eu-west-1', 'ap-south-1'] },
      { profile: 'other', regions: ['ap-south-1', 'us-west-2'] },
    ];
    const licence = { LicenseArn: 'arn:aws:license-manager::111122223333:license:l-1', HomeRegion: 'eu-west-1' };
    const orders = [
      ['us-east-1', 'eu-west-1', 'ap-south-1', 'us-west-2'],
      ['ap-south-1', 'us-west-2', 'eu-west-1', 'us-east-1'],
      ['eu-west-1', 'ap-south-1', 'us-east-1', 'us-west-2'],
      ['us-west-2', 'us-east-1', 'ap-south-1', 'eu-west-1'],
    ];
    for (const order of orders) {
      // Each answer waits for the regions before it in `order`, so answers arrive in that order.
      const gates = new Map(order.map((r) => [r, gate()]));
      const seen: string[] = [];
      const found = await gatherAcross(
        selection,
        async (target: SelectedTarget) => {
          const i = order.indexOf(target.region);
          if (i > 0) await gates.get(order[i - 1])!.promise;
          const api = fakeApi({
            listLicenseConfigurations: () => ({ items: [] }),
            listLicenses: () => ({ items: [] }),
            listReceivedLicenses: () => ({ items: [licence] }),
            listDistributedGrants: () => ({ items: [] }),
            listReceivedGrants: () => ({ items: [] }),
          });
          const result = await listFirstPages(proxyAt(api, target), 25, { shownHere: (home) => showsReceivedHere(target, home) });
          seen.push(`${target.profile}/${target.region}`);
          // Open the gate once every profile selecting this region has answered.
          const waiting = selection.filter((s) => s.regions.includes(target.region)).length;
          if (seen.filter((x) => x.endsWith(`/${target.region}`)).length === waiting) gates.get(target.region)!.resolve();
          return result.holders;
        },
        { limit: 8 },
      );
      assert.deepEqual([...new Set(seen.map((x) => x.split('/')[1]))], order, 'the answers arrived in the intended order');
      assert.deepEqual(
        found.items.map((h) => [h.resource.profile, h.resource.region, h.resource.kind]),
        [
          // buyer selects the home region: shown there; other does not: shown in its first region.
          ['buyer', 'eu-west-1', 'receivedLicense'],
          ['other', 'ap-south-1', 'receivedLicense'],
        ],
        `answers in the order ${order.join(', ')}`,
      );
    }
  });

  it('describes items by name, kind and status, with icon syntax in AWS names escaped', () => {
    const d = describeHolder(t, {
      resource: { kind: 'receivedGrant', profile: 'buyer', region: 'us-east-1', arn: 'g1' },
      data: { GrantName: 'Seats $(alert)', GrantStatus: 'ACTIVE' },
    });
    assert.deepEqual(d, { label: 'Seats $\u200b(alert)', description: 'Received grant · ACTIVE', detail: 'buyer · us-east-1 · g1' });
    const lic = describeHolder(t, {
      resource: { kind: 'receivedLicense', profile: 'p', region: 'r', arn: 'l' },
      data: { LicenseName: 'L', Status: 'AVAILABLE', ReceivedMetadata: { ReceivedStatus: 'PENDING_ACCEPT' } },
    });
    assert.equal(lic.description, 'Received license · PENDING_ACCEPT');
  });
});
