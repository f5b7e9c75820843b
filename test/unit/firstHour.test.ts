import * as assert from 'node:assert/strict';
import { grantActionsFor, invitedAction } from '../../src/model/grantActions';
import { resourceTypeWords, usageFilterWords } from '../../src/model/rules';
import { plainTranslate } from '../../src/model/translate';
import { grantActionViews } from '../../src/panels/views/grantView';
import { parseHostMessage, parseWebviewMessage } from '../../src/shared/messages';
import { exportFileName } from '../../src/model/fileNames';
import { parseRestoredRef } from '../../src/model/restoredPanel';

describe('what a new user reads: primary actions, filters in words, copy messages', () => {
  it('the panel leads with the step a grant’s status invites, as its one primary button', () => {
    const primary = (direction: 'received' | 'distributed', status: string): string[] =>
      grantActionViews(plainTranslate, direction, status).filter((a) => a.primary).map((a) => a.label);
    assert.deepEqual(primary('received', 'PENDING_ACCEPT'), ['Accept']);
    assert.deepEqual(primary('received', 'DISABLED'), ['Activate…']);
    assert.deepEqual(primary('distributed', 'DISABLED'), ['Activate…']);
    assert.deepEqual(primary('received', 'ACTIVE'), []);
    assert.deepEqual(primary('distributed', 'REJECTED'), []);
    assert.deepEqual(grantActionViews(plainTranslate, 'received', 'DISABLED').map((a) => a.label), ['Activate…', 'Reject…', 'New Version…']);
    // An invited action is always one the status allows.
    for (const d of ['received', 'distributed'] as const) {
      for (const s of ['PENDING_ACCEPT', 'DISABLED', 'ACTIVE', 'REJECTED', 'FAILED_WORKFLOW']) {
        const invited = invitedAction(d, s);
        if (invited) assert.ok(grantActionsFor(d, s).includes(invited), `${d} ${s} ${invited}`);
      }
    }
  });

  it('words usage filters and resource types as a person would', () => {
    assert.equal(resourceTypeWords('EC2_HOST', plainTranslate), 'EC2 host');
    assert.equal(resourceTypeWords('SYSTEMS_MANAGER_MANAGED_INSTANCE', plainTranslate), 'Systems Manager managed instance');
    assert.equal(resourceTypeWords('NEW_KIND', plainTranslate), 'NEW_KIND');
    assert.deepEqual(usageFilterWords({ resourceType: 'EC2_HOST', resourceAccount: '111122223333' }, plainTranslate), [
      'Resource type: EC2 host',
      'Resource account: 111122223333',
    ]);
    assert.deepEqual(usageFilterWords({}, plainTranslate), []);
    assert.equal(
      exportFileName(['usage', 'Windows Server Standard', 'resourceType', 'EC2_HOST'], new Date(2026, 11, 5), 'csv'),
      'usage-Windows-Server-Standard-resourceType-EC2_HOST-2026-12-05.csv',
    );
  });

  it('lets the webview ask to copy a field only by a plain id, and places a notice only by one', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'copyField', fieldId: 'license-arn' }), { ok: true, message: { type: 'copyField', fieldId: 'license-arn' } });
    for (const fieldId of ['', 'a b', '<x>', 5, undefined, 'x'.repeat(65)]) {
      assert.equal(parseWebviewMessage({ type: 'copyField', fieldId }).ok, false, String(fieldId));
    }
    assert.equal(parseWebviewMessage({ type: 'copyField', fieldId: 'license-arn', text: 'arn' }).ok, false);
    assert.deepEqual(parseHostMessage({ type: 'notice', text: 'JSON copied', near: 'copy-json' }), {
      ok: true,
      message: { type: 'notice', text: 'JSON copied', near: 'copy-json' },
    });
    assert.deepEqual(parseHostMessage({ type: 'notice', text: 'JSON copied', near: '"]*{' }), { ok: true, message: { type: 'notice', text: 'JSON copied' } });
  });
});

describe('a detail panel restored after a window reload', () => {
  const arn = 'arn:aws:license-manager:us-east-1:111122223333:grant:g-0123456789abcdef0123456789abcdef';
  const ok = { ref: { kind: 'receivedGrant', profile: 'buyer', region: 'us-east-1', arn } };

  it('comes back only as a reference to read again, through a known profile', () => {
    assert.deepEqual(parseRestoredRef(ok, ['buyer']), ok.ref);
    assert.equal(parseRestoredRef(ok, ['seller']), undefined, 'a profile that no longer exists');
  });

  it('refuses a saved state that carries anything else or anything odd', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'receivedGrant',
      [ok],
      { ref: { ...ok.ref, data: { GrantStatus: 'ACTIVE' } } },
      { ref: { ...ok.ref, kind: 'usage' } },
      { ref: { ...ok.ref, kind: 'toString' } },
      { ref: { ...ok.ref, region: 'us-east-1.evil.example' } },
      { ref: { ...ok.ref, profile: 'buyer\n[profile x]' } },
      { ref: { ...ok.ref, arn: 'javascript:alert(1)' } },
      { ref: { ...ok.ref, arn: 5 } },
    ];
    for (const state of bad) assert.equal(parseRestoredRef(state, ['buyer']), undefined, JSON.stringify(state));
  });
});
