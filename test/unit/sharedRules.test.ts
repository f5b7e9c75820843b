import * as assert from 'node:assert/strict';
import type { AwsErrorKind } from '../../src/aws/types';
import {
  accountOfArn,
  accountOfPrincipal,
  isAccountId,
  lastArnPart,
  licenseManagerArnKind,
  partitionOf,
  principalKindOf,
} from '../../src/model/arn';
import { errorKindLabel } from '../../src/model/errorKinds';
import { statusIcon, statusTone } from '../../src/model/statuses';
import { plainTranslate as t } from '../../src/model/translate';

describe('one wording per failure kind', () => {
  it('names every kind the AWS layer reports, the same on every surface', () => {
    const expected: Record<AwsErrorKind, string> = {
      credentials: 'Credentials problem',
      accessDenied: 'Access denied',
      throttled: 'Throttled',
      invalidInput: 'Invalid request',
      notFound: 'Not found',
      staleVersion: 'Changed since loaded',
      service: 'Service error',
      network: 'Network error',
      timeout: 'Timed out',
      cancelled: 'Cancelled',
      proxy: 'Proxy error',
      certificate: 'Untrusted certificate',
      unexpectedAnswer: 'Unexpected answer',
      configuration: 'Configuration problem',
    };
    for (const [kind, label] of Object.entries(expected)) assert.equal(errorKindLabel(t, kind), label, kind);
  });

  it('calls anything else an unexpected error, including inherited object keys', () => {
    assert.equal(errorKindLabel(t, undefined), 'Unexpected error');
    assert.equal(errorKindLabel(t, 'unexpected'), 'Unexpected error');
    assert.equal(errorKindLabel(t, 'toString'), 'Unexpected error');
  });

  it('words the label through the translator it is given', () => {
    const upper = (m: string): string => m.toUpperCase();
    assert.equal(errorKindLabel(upper, 'timeout'), 'TIMED OUT');
  });
});

describe('the last part of an ARN', () => {
  it('is what follows the last slash or colon', () => {
    assert.equal(lastArnPart('arn:aws:ec2:us-east-1:111122223333:instance/i-0abc'), 'i-0abc');
    assert.equal(lastArnPart('arn:aws:license-manager::111122223333:grant:g-1'), 'g-1');
    assert.equal(lastArnPart('arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-9'), 'lic-9');
    assert.equal(lastArnPart('arn:aws:s3:::bucket/a:b'), 'b');
  });

  it('keeps text without a separator, or ending in one, whole; nothing gives an empty string', () => {
    assert.equal(lastArnPart('plain-name'), 'plain-name');
    assert.equal(lastArnPart('arn:aws:iam::1:role/'), 'arn:aws:iam::1:role/');
    assert.equal(lastArnPart(''), '');
    assert.equal(lastArnPart(undefined), '');
  });
});

describe('account and principal patterns', () => {
  it('accepts exactly twelve digits as an account id', () => {
    assert.equal(isAccountId('111122223333'), true);
    assert.equal(isAccountId('11112222333'), false);
    assert.equal(isAccountId('1111222233334'), false);
    assert.equal(isAccountId(' 111122223333'), false);
    assert.equal(isAccountId(undefined), false);
  });

  it('reads the account of an ARN and of an account principal', () => {
    assert.equal(accountOfArn('arn:aws:license-manager::444455556666:license:l-1'), '444455556666');
    assert.equal(accountOfArn('arn:aws:license-manager::aws:license:l-1'), undefined);
    assert.equal(accountOfPrincipal('arn:aws:iam::444455556666:root'), '444455556666');
    assert.equal(accountOfPrincipal('arn:aws-cn:iam::444455556666:root'), '444455556666');
    assert.equal(accountOfPrincipal('arn:aws:iam::444455556666:user/bob'), undefined);
  });

  it('tells accounts, organizations and organizational units apart', () => {
    assert.equal(principalKindOf('arn:aws:iam::111122223333:root'), 'account');
    assert.equal(principalKindOf('arn:aws:organizations::111122223333:organization/o-abcdefghij'), 'organization');
    assert.equal(principalKindOf('arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-abcdefgh'), 'organizationalUnit');
    assert.equal(principalKindOf('arn:aws:organizations::111122223333:organization/o-short'), undefined);
    assert.equal(principalKindOf('111122223333'), undefined);
  });

  it('knows a License Manager ARN by what it names, and nothing else as one', () => {
    assert.equal(licenseManagerArnKind('arn:aws:license-manager::111122223333:grant:g-0123456789abcdef0123456789abcdef'), 'grant');
    assert.equal(licenseManagerArnKind('arn:aws-cn:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef'), 'license');
    assert.equal(licenseManagerArnKind('arn:aws:license-manager:eu-west-1:111122223333:license-configuration:lic-0123456789abcdef'), 'licenseConfiguration');
    for (const other of [
      'arn:aws:license-manager:eu-west-1:111122223333:grant:g-1',
      'arn:aws:license-manager::111122223333:license-configuration:lic-1',
      'arn:aws:iam::111122223333:root',
      'arn:aws:license-manager::111122223333:grant:g-1\ncommand:x',
      'arn:aws:license-manager::11112222333:grant:g-1',
      'javascript:alert(1)',
      'arn:aws:license-manager::111122223333:grant:g-1 ',
      '',
      42,
      undefined,
    ]) {
      assert.equal(licenseManagerArnKind(other), undefined, JSON.stringify(other));
    }
  });

  it('reads the partition, defaulting to aws', () => {
    assert.equal(partitionOf('arn:aws-cn:license-manager::1:license:l-1'), 'aws-cn');
    assert.equal(partitionOf('not an arn'), 'aws');
  });
});

describe('one table of status styles', () => {
  it('gives the tree icon and the panel tone of each status', () => {
    const expected: Array<[string, { icon: string; color?: string }, string]> = [
      ['ACTIVE', { icon: 'pass', color: 'charts.green' }, 'ok'],
      ['PENDING_ACCEPT', { icon: 'mail', color: 'charts.yellow' }, 'info'],
      ['DISABLED', { icon: 'circle-slash', color: 'charts.orange' }, 'neutral'],
      ['PENDING_WORKFLOW', { icon: 'sync', color: 'charts.blue' }, 'info'],
      ['WORKFLOW_COMPLETED', { icon: 'check-all', color: 'charts.blue' }, 'ok'],
      ['REJECTED', { icon: 'close', color: 'charts.red' }, 'error'],
      ['FAILED_WORKFLOW', { icon: 'error', color: 'charts.red' }, 'error'],
      ['PENDING_DELETE', { icon: 'trash', color: 'charts.orange' }, 'warning'],
      ['DELETED', { icon: 'trash', color: 'disabledForeground' }, 'error'],
      ['AVAILABLE', { icon: 'pass', color: 'charts.green' }, 'ok'],
      ['EXPIRED', { icon: 'error', color: 'charts.red' }, 'error'],
      ['SUSPENDED', { icon: 'warning', color: 'charts.orange' }, 'warning'],
    ];
    for (const [status, icon, tone] of expected) {
      assert.deepEqual(statusIcon(status), icon, status);
      assert.equal(statusTone(status), tone, status);
    }
  });

  it('draws an unknown or missing status as a neutral question mark', () => {
    for (const status of ['SOMETHING_NEW', 'constructor', undefined]) {
      assert.deepEqual(statusIcon(status), { icon: 'question' });
      assert.equal(statusTone(status), 'neutral');
    }
  });
});
