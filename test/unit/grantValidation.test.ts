import * as assert from 'node:assert/strict';
import { partitionOf } from '../../src/model/arn';
import { InFlight } from '../../src/state/inflight';
import {
  ALLOWED_OPERATIONS,
  amendableOperations,
  canCreateGrantFrom,
  noGrantFrom,
  checkAllowedOperations,
  checkGrantName,
  checkPrincipal,
  checkStatusReason,
  grantableOperations,
  isArn,
  normalizePrincipal,
  normalizeStatusReason,
  principalKind,
  sameOperations,
} from '../../src/model/validation';

describe('grant input validation', () => {
  describe('status reason', () => {
    it('accepts no reason and reasons up to 400 characters', () => {
      assert.equal(checkStatusReason(''), undefined);
      assert.equal(checkStatusReason('a'), undefined);
      assert.equal(checkStatusReason('x'.repeat(400)), undefined);
    });

    it('refuses 401 characters and reports the length', () => {
      assert.deepEqual(checkStatusReason('x'.repeat(401)), { code: 'tooLong', max: 400, length: 401 });
    });

    it('counts characters, not UTF-16 units', () => {
      assert.equal(checkStatusReason('😀'.repeat(400)), undefined);
      assert.deepEqual(checkStatusReason('😀'.repeat(401)), { code: 'tooLong', max: 400, length: 401 });
    });

    it('sends nothing for a blank reason and the text as typed otherwise', () => {
      assert.equal(normalizeStatusReason(''), undefined);
      assert.equal(normalizeStatusReason('   '), undefined);
      assert.equal(normalizeStatusReason(' renewed '), ' renewed ');
    });
  });

  describe('grant name', () => {
    it('requires a non-blank name', () => {
      assert.deepEqual(checkGrantName(''), { code: 'required' });
      assert.deepEqual(checkGrantName('  '), { code: 'required' });
      assert.equal(checkGrantName('Team A'), undefined);
    });

    it('refuses names over 2048 characters', () => {
      assert.equal(checkGrantName('n'.repeat(2048)), undefined);
      assert.equal(checkGrantName('n'.repeat(2049))?.code, 'tooLong');
    });
  });

  describe('principal', () => {
    const valid: [string, string][] = [
      ['arn:aws:iam::123456789012:root', 'account'],
      ['arn:aws-cn:iam::123456789012:root', 'account'],
      ['arn:aws:organizations::111122223333:organization/o-exampleorgid', 'organization'],
      ['arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456', 'organizationalUnit'],
    ];
    for (const [arn, kind] of valid) {
      it(`accepts ${arn} as ${kind}`, () => {
        assert.equal(checkPrincipal(arn), undefined);
        assert.equal(principalKind(arn), kind);
      });
    }

    it('refuses text that is not an ARN as no principal (the message names every accepted form)', () => {
      for (const v of ['not-an-arn', 'arn:aws:iam::12345:root x', 'arn:azure:iam::123456789012:root', 'arn:aws', '12345678901']) {
        assert.deepEqual(checkPrincipal(v), { code: 'notPrincipal' }, v);
      }
    });

    it('refuses ARNs that are no grant principal', () => {
      for (const v of [
        'arn:aws:iam::12345:root',
        'arn:aws:iam::123456789012:user/alice',
        'arn:aws:license-manager::123456789012:license:l-0123456789abcdef0123456789abcdef',
        'arn:aws:organizations::111122223333:organization/x-exampleorgid',
        'arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-bad',
      ]) {
        assert.deepEqual(checkPrincipal(v), { code: 'notPrincipal' }, v);
      }
    });

    it('requires a value', () => {
      assert.deepEqual(checkPrincipal(''), { code: 'required' });
    });

    it('turns a 12-digit account ID into that account root ARN in the license partition', () => {
      assert.equal(checkPrincipal('210987654321'), undefined);
      assert.equal(normalizePrincipal(' 210987654321 '), 'arn:aws:iam::210987654321:root');
      assert.equal(normalizePrincipal('210987654321', 'aws-cn'), 'arn:aws-cn:iam::210987654321:root');
      assert.equal(normalizePrincipal('arn:aws:iam::210987654321:root'), 'arn:aws:iam::210987654321:root');
      assert.equal(partitionOf('arn:aws-us-gov:license-manager::1:license:l-1'), 'aws-us-gov');
      assert.equal(partitionOf(undefined), 'aws');
    });

    it('applies the model pattern and the 2048-character ARN limit', () => {
      assert.equal(isArn(`arn:aws:iam::123456789012:${'a'.repeat(1024)}`), true);
      assert.equal(isArn(`arn:aws:iam::123456789012:${'a'.repeat(1025)}`), false);
      assert.equal(isArn(`arn:aws${'x'.repeat(2000)}:iam::123456789012:root`), true);
      assert.equal(isArn(`arn:aws${'x'.repeat(2100)}:iam::123456789012:root`), false);
    });
  });

  describe('allowed operations', () => {
    it('needs one to eight operations', () => {
      assert.deepEqual(checkAllowedOperations([]), { code: 'noOperations' });
      assert.equal(checkAllowedOperations(['CheckoutLicense']), undefined);
      assert.equal(checkAllowedOperations(new Array(8).fill('X')), undefined);
      assert.deepEqual(checkAllowedOperations(new Array(9).fill('X')), { code: 'tooManyOperations', max: 8 });
    });

    it('offers all seven operations for an issued license', () => {
      assert.equal(ALLOWED_OPERATIONS.length, 7);
      assert.deepEqual(grantableOperations('license', {}), [...ALLOWED_OPERATIONS]);
      assert.equal(canCreateGrantFrom('license', {}), true);
    });

    it('limits a received license to its allowed operations, and only when CreateGrant is among them', () => {
      const redistributable = { ReceivedMetadata: { AllowedOperations: ['CreateGrant', 'CheckoutLicense'] } };
      assert.deepEqual(grantableOperations('receivedLicense', redistributable), ['CreateGrant', 'CheckoutLicense']);
      assert.equal(canCreateGrantFrom('receivedLicense', redistributable), true);
      const useOnly = { ReceivedMetadata: { AllowedOperations: ['CheckoutLicense'] } };
      assert.deepEqual(grantableOperations('receivedLicense', useOnly), []);
      assert.equal(canCreateGrantFrom('receivedLicense', useOnly), false);
      assert.equal(canCreateGrantFrom('receivedLicense', {}), false);
      assert.equal(canCreateGrantFrom('licenseConfiguration', {}), false);
    });

    it('offers nothing from a received license whose grant is not ACTIVE', () => {
      const ops = ['CreateGrant', 'CheckoutLicense'];
      const active = { ReceivedMetadata: { ReceivedStatus: 'ACTIVE', AllowedOperations: ops } };
      assert.deepEqual(grantableOperations('receivedLicense', active), ops);
      for (const status of ['PENDING_ACCEPT', 'DISABLED', 'REJECTED', 'DELETED', 'WORKFLOW_COMPLETED']) {
        const license = { ReceivedMetadata: { ReceivedStatus: status, AllowedOperations: ops } };
        assert.deepEqual(grantableOperations('receivedLicense', license), [], status);
        assert.equal(canCreateGrantFrom('receivedLicense', license), false, status);
      }
    });

    it('offers no grant of a license that is not AVAILABLE, and says it is the status', () => {
      for (const status of ['EXPIRED', 'DEACTIVATED', 'SUSPENDED', 'PENDING_AVAILABLE', 'PENDING_DELETE', 'DELETED']) {
        assert.equal(canCreateGrantFrom('license', { Status: status }), false, status);
        assert.equal(noGrantFrom('license', { Status: status }), 'status', status);
      }
      assert.equal(noGrantFrom('license', { Status: 'AVAILABLE' }), undefined);
      assert.equal(noGrantFrom('receivedLicense', { Status: 'AVAILABLE', ReceivedMetadata: { AllowedOperations: ['CheckoutLicense'] } }), 'operations');
    });

    it('keeps operations it does not know when amending', () => {
      assert.deepEqual(amendableOperations(['CheckoutLicense', 'FutureOp']), [...ALLOWED_OPERATIONS, 'FutureOp']);
    });

    it('compares operation sets regardless of order', () => {
      assert.equal(sameOperations(['A', 'B'], ['B', 'A']), true);
      assert.equal(sameOperations(['A'], ['A', 'B']), false);
    });
  });
});

describe('in-flight guard', () => {
  it('runs a second action for the same key only after the first settled', async () => {
    const guard = new InFlight();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = guard.tryRun('g-1', 'AcceptGrant', async () => {
      calls++;
      await gate;
      return 'sent';
    });
    const second = await guard.tryRun('g-1', 'AcceptGrant', async () => {
      calls++;
      return 'sent again';
    });
    assert.deepEqual(second, { busy: true, running: 'AcceptGrant' });
    assert.equal(guard.current('g-1'), 'AcceptGrant');
    const other = await guard.tryRun('g-2', 'RejectGrant', async () => 'other');
    assert.deepEqual(other, { busy: false, value: 'other' });
    release();
    assert.deepEqual(await first, { busy: false, value: 'sent' });
    assert.equal(calls, 1);
    assert.equal(guard.current('g-1'), undefined);
    assert.deepEqual(await guard.tryRun('g-1', 'AcceptGrant', async () => 'later'), { busy: false, value: 'later' });
  });

  it('releases the key when the action fails', async () => {
    const guard = new InFlight();
    await assert.rejects(guard.tryRun('g-1', 'DeleteGrant', async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(guard.current('g-1'), undefined);
  });
});
