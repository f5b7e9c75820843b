import * as assert from 'node:assert/strict';
import type { License } from '../../src/aws/types';
import { RecentChanges } from '../../src/state/recentChanges';

const ARN = 'arn:aws:license-manager::111122223333:license:l-00000000000000000000000000000001';
const OTHER = 'arn:aws:license-manager::111122223333:license:l-00000000000000000000000000000002';
const here = { profile: 'seller', region: 'us-east-1' };
const lastPage = { ...here, last: true };
const lic = (arn: string, version: string, status = 'AVAILABLE'): License => ({ LicenseArn: arn, LicenseName: `n${version}`, Version: version, Status: status });
const shown = (items: License[]): string[] => items.map((l) => `${l.LicenseArn === ARN ? 'new' : 'other'} v${l.Version} ${l.Status}`);

describe('recent issued-license changes laid over ListLicenses', () => {
  let clock = 0;
  const recent = (): RecentChanges => new RecentChanges(() => clock, 60_000, 10);

  it('adds a license created here to the last page of its profile and region until a list shows it', () => {
    clock = 0;
    const r = recent();
    r.licenses.record(lic(ARN, '1'), here);
    assert.deepEqual(shown(r.licenses.merge([lic(OTHER, '3')], lastPage)), ['other v3 AVAILABLE', 'new v1 AVAILABLE']);
    assert.deepEqual(shown(r.licenses.merge([lic(OTHER, '3')], { ...lastPage, last: false })), ['other v3 AVAILABLE'], 'not on a page before the last');
    assert.deepEqual(shown(r.licenses.merge([], { ...lastPage, region: 'eu-west-1' })), [], 'not in another region');
    assert.deepEqual(shown(r.licenses.merge([], { ...lastPage, profile: 'buyer' })), [], 'not for another profile');
    assert.deepEqual(shown(r.licenses.merge([], { ...lastPage, filters: [{ Name: 'Status', Values: ['DEACTIVATED'] }] })), [], 'not where the status filter excludes it');
    assert.deepEqual(shown(r.licenses.merge([], { ...lastPage, filters: [{ Name: 'ProductSKU', Values: ['x'] }] })), [], 'not where a filter it cannot check applies');
    assert.deepEqual(shown(r.licenses.merge([lic(ARN, '1')], lastPage)), ['new v1 AVAILABLE'], 'listed once when the list shows it');
    assert.deepEqual(shown(r.licenses.merge([], lastPage)), [], 'once listed, the list decides');
  });

  it('shows a newer version over a lagging item, and expires', () => {
    clock = 0;
    const r = recent();
    r.licenses.record(lic(ARN, '2', 'DEACTIVATED'), here);
    assert.deepEqual(shown(r.licenses.merge([lic(ARN, '1')], lastPage)), ['new v2 DEACTIVATED']);
    assert.deepEqual(shown(r.licenses.merge([lic(ARN, '1')], { ...lastPage, filters: [{ Name: 'Status', Values: ['AVAILABLE'] }] })), [], 'leaves a page its new status does not match');
    clock = 60_000;
    assert.deepEqual(shown(r.licenses.merge([lic(ARN, '1')], lastPage)), ['new v1 AVAILABLE'], 'expired');
  });

  it('a read by ARN of an older version forgets the change; clearing forgets every change', () => {
    clock = 0;
    const r = recent();
    r.licenses.record(lic(ARN, '2'), here);
    r.licenses.noteRead(lic(ARN, '1'));
    assert.deepEqual(shown(r.licenses.merge([], lastPage)), []);
    r.licenses.record(lic(ARN, '1'), here);
    r.clear();
    assert.deepEqual(shown(r.licenses.merge([], lastPage)), []);
  });
});
