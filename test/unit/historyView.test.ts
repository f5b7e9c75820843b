import * as assert from 'node:assert/strict';
import type { Grant } from '../../src/aws/types';
import { grantHistory } from '../../src/model/history';
import { plainTranslate as t } from '../../src/model/translate';
import { entitlementUsageViews, historyView } from '../../src/panels/views/historyView';

const grant = (Version: string, GrantStatus: string, extra: Partial<Grant> = {}): Grant =>
  ({ GrantArn: 'arn:aws:license-manager::111122223333:grant:g-1', GrantName: 'Dashboards', Version, GrantStatus, GrantedOperations: ['CheckoutLicense'], ...extra }) as Grant;

describe('panel history and entitlement usage views', () => {
  it('lists versions newest first with status, the status before, reason and changed members', () => {
    const entries = grantHistory([
      grant('1', 'PENDING_ACCEPT'),
      grant('2', 'ACTIVE', { StatusReason: 'Approved', GrantName: 'BI dashboards' }),
      grant('3', 'ACTIVE', { StatusReason: 'Approved', GrantName: 'BI dashboards', GrantedOperations: ['CheckoutLicense', 'ListPurchasedLicenses'] }),
    ]);
    const view = historyView(t, entries, 20, false);
    assert.deepEqual(view.entries.map((e) => e.label), ['v3', 'v2', 'v1']);
    assert.deepEqual(view.entries.map((e) => e.status), ['ACTIVE', 'ACTIVE', 'PENDING_ACCEPT']);
    assert.deepEqual(view.entries.map((e) => e.previousStatus), [undefined, 'was PENDING_ACCEPT', undefined]);
    assert.equal(view.entries[1].reason, 'Approved');
    assert.deepEqual(view.entries[0].changes, ['GrantedOperations: CheckoutLicense → CheckoutLicense, ListPurchasedLicenses']);
    assert.deepEqual(view.entries[1].changes, ['GrantName: Dashboards → BI dashboards']);
    assert.deepEqual(view.entries.map((e) => e.canCompare), [true, true, false]);
    assert.equal(view.canShowOlder, false);
  });

  it('shows a step of entries and offers older ones, comparable across the step', () => {
    const entries = grantHistory(Array.from({ length: 25 }, (_, i) => grant(String(i + 1), 'ACTIVE')));
    const first = historyView(t, entries, 20, false);
    assert.equal(first.entries.length, 20);
    assert.equal(first.canShowOlder, true);
    assert.equal(first.entries[19].canCompare, true, 'v6 has v5 to compare with');
    const all = historyView(t, entries, 40, false);
    assert.equal(all.entries.length, 25);
    assert.equal(all.canShowOlder, false);
    assert.equal(historyView(t, entries.slice(0, 20), 20, true).canShowOlder, true, 'older versions not loaded yet');
  });

  it('makes one bar per entitlement with its unit, and says unlimited without a maximum', () => {
    const rows = entitlementUsageViews(t, [
      { Name: 'Users', ConsumedValue: '312', MaxCount: '500', Unit: 'Count' },
      { Name: 'Premium Support', ConsumedValue: '0', Unit: 'None' },
      { Name: '=HYPERLINK("x")', ConsumedValue: '7', MaxCount: '5', Unit: 'Seats' },
    ]);
    assert.deepEqual(rows[0], {
      name: 'Users',
      usage: { consumed: 312, limit: 500, ratio: 0.624, over: false, text: '312 / 500 Count (62%)', label: 'Users consumed' },
    });
    assert.deepEqual(rows[1].usage, { consumed: 0, ratio: 0, over: false, text: '0 None consumed (unlimited)', label: 'Premium Support consumed' });
    assert.equal(rows[2].name, '=HYPERLINK("x")', 'names stay literal');
    assert.equal(rows[2].usage.over, true);
    assert.equal(rows[2].usage.ratio, 1);
  });
});
