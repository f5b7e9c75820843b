import * as assert from 'node:assert/strict';
import { isLicenseManagerError, LicenseManagerError } from '../../src/aws/errors';
import type { LicenseManagerApi } from '../../src/aws/types';
import type { ResourceHolder, ResourceKind, ResourceRef } from '../../src/model/resources';
import { loadResource } from '../../src/data/fetchResource';
import { dedupeReceived, describeHolder, listPickable } from '../../src/panels/pickable';
import { escapeIcons } from '../../src/shared/plainText';
import { plainTranslate as t } from '../../src/model/translate';

type Call = [string, unknown[]];

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
    const result = await listPickable(api, 100, signal);
    assert.deepEqual(result.holders.map((h) => [h.resource.kind, h.resource.arn]), [
      ['licenseConfiguration', 'c1'],
      ['receivedLicense', 'l1'],
      ['receivedGrant', 'g1'],
    ]);
    assert.deepEqual(result.failures.map((f) => [f.kind, f.profile, f.region]), [['license', 'buyer', 'eu-west-1']]);
    assert.equal(calls.length, 5);
    for (const [, args] of calls) assert.deepEqual(args, [{ maxResults: 100 }, { signal }]);
  });

  it('shows a received license once per profile, preferring its home region', () => {
    const h = (region: string, home: string): ResourceHolder => ({
      resource: { kind: 'receivedLicense', profile: 'buyer', region, arn: 'l1' },
      data: { LicenseArn: 'l1', HomeRegion: home },
    });
    const other: ResourceHolder = { resource: { kind: 'receivedGrant', profile: 'buyer', region: 'us-east-1', arn: 'g1' }, data: {} };
    const out = dedupeReceived([h('us-east-1', 'eu-west-1'), other, h('eu-west-1', 'eu-west-1'), h('ap-south-1', 'eu-west-1')]);
    assert.deepEqual(out.map((x) => [x.resource.kind, x.resource.region]), [
      ['receivedLicense', 'eu-west-1'],
      ['receivedGrant', 'us-east-1'],
    ]);
  });

  it('describes items by name, kind and status, with icon syntax in AWS names escaped', () => {
    const d = describeHolder(t, {
      resource: { kind: 'receivedGrant', profile: 'buyer', region: 'us-east-1', arn: 'g1' },
      data: { GrantName: 'Seats $(alert)', GrantStatus: 'ACTIVE' },
    });
    assert.deepEqual(d, { label: 'Seats \\$(alert)', description: 'Received grant · ACTIVE', detail: 'buyer · us-east-1 · g1' });
    assert.equal(escapeIcons('$(a) and $(b)'), '\\$(a) and \\$(b)');
    const lic = describeHolder(t, {
      resource: { kind: 'receivedLicense', profile: 'p', region: 'r', arn: 'l' },
      data: { LicenseName: 'L', Status: 'AVAILABLE', ReceivedMetadata: { ReceivedStatus: 'PENDING_ACCEPT' } },
    });
    assert.equal(lic.description, 'Received license · PENDING_ACCEPT');
  });
});
