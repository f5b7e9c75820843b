import * as assert from 'node:assert/strict';
import { LicenseManagerError } from '../../src/aws/errors';
import { grantActionsFor } from '../../src/model/grantActions';
import type { ResourceHolder, ResourceKind } from '../../src/model/resources';
import { formatDate } from '../../src/panels/views/format';
import { statusTone } from '../../src/model/statuses';
import { plainTranslate as t } from '../../src/model/translate';
import { errorView, uiStrings } from '../../src/panels/views/state';
import { buildDetailView, needsLoad } from '../../src/panels/views/summary';
import type { DetailView, FieldView, SectionView } from '../../src/shared/detailView';

const LICENSE = 'arn:aws:license-manager::111111111111:license:l-0123456789abcdef0123456789abcdef';
const GRANT = 'arn:aws:license-manager::111111111111:grant:g-0123456789abcdef0123456789abcdef';
const CONFIG = 'arn:aws:license-manager:us-east-1:111111111111:license-configuration:lic-0123456789abcdef';

function holder(kind: ResourceKind, arn: string, data: object): ResourceHolder {
  return { resource: { kind, profile: 'buyer', region: 'us-east-1', arn }, data };
}

function grant(status: string, extra: object = {}): object {
  return {
    GrantArn: GRANT,
    GrantName: 'Seats for buyer',
    ParentArn: LICENSE,
    LicenseArn: LICENSE,
    GranteePrincipalArn: 'arn:aws:iam::222222222222:root',
    HomeRegion: 'us-east-1',
    GrantStatus: status,
    Version: '3',
    GrantedOperations: ['CheckoutLicense', 'CheckInLicense'],
    ...extra,
  };
}

function section(v: DetailView, id: string): SectionView {
  const s = v.sections.find((x) => x.id === id);
  assert.ok(s, `no section ${id}`);
  return s;
}

function field(s: SectionView, label: string): FieldView | undefined {
  return s.fields?.find((f) => f.label === label);
}

describe('detail view: grants', () => {
  it('summarizes a received grant: status badge, reason, license link, principal, home region, operations, version', () => {
    const v = buildDetailView(t, holder('receivedGrant', GRANT, grant('PENDING_ACCEPT', { StatusReason: 'Awaiting review' })));
    assert.equal(v.title, 'Seats for buyer');
    assert.equal(v.kindLabel, 'Received grant');
    assert.deepEqual(v.badges, [{ label: 'Status', text: 'PENDING_ACCEPT', tone: 'info' }]);
    assert.equal(field(section(v, 'status'), 'Reason')?.value, 'Awaiting review');
    assert.equal(field(section(v, 'status'), 'Version')?.value, '3');
    const overview = section(v, 'overview');
    assert.equal(field(overview, 'License')?.value, LICENSE);
    assert.equal(field(overview, 'License')?.linkId, 'license');
    assert.equal(field(overview, 'Principal')?.value, 'arn:aws:iam::222222222222:root');
    assert.equal(field(overview, 'Principal type')?.value, 'AWS account 222222222222');
    assert.equal(field(overview, 'Home region')?.value, 'us-east-1');
    assert.deepEqual(section(v, 'operations').items, ['CheckoutLicense', 'CheckInLicense']);
    assert.deepEqual(v.links, [
      {
        id: 'license',
        label: 'License',
        description: LICENSE,
        target: { kind: 'license', profile: 'buyer', region: 'us-east-1', arn: LICENSE },
      },
    ]);
  });

  it('offers exactly the valid grant actions for every direction and status', () => {
    const statuses = ['PENDING_ACCEPT', 'DISABLED', 'ACTIVE', 'REJECTED', 'DELETED', 'WORKFLOW_COMPLETED', 'PENDING_WORKFLOW', 'SOMETHING_NEW'];
    for (const kind of ['receivedGrant', 'distributedGrant'] as const) {
      for (const status of statuses) {
        const v = buildDetailView(t, holder(kind, GRANT, grant(status)));
        const expected = grantActionsFor(kind === 'receivedGrant' ? 'received' : 'distributed', status);
        assert.deepEqual(v.actions.map((a) => a.action), [...expected], `${kind} ${status}`);
      }
    }
    // Labels, order and destructive buttons per action: test/unit/grantActions.test.ts.
  });

  it('shows an unknown status verbatim with a neutral badge, and a missing reason as such', () => {
    const v = buildDetailView(t, holder('distributedGrant', GRANT, grant('SOME_FUTURE_STATUS')));
    assert.deepEqual(v.badges, [{ label: 'Status', text: 'SOME_FUTURE_STATUS', tone: 'neutral' }]);
    assert.equal(field(section(v, 'status'), 'Reason')?.value, 'No reason given');
  });

  it('links a parent grant when the parent is a grant, not the license', () => {
    const parent = GRANT.replace('g-0', 'g-f');
    const v = buildDetailView(t, holder('receivedGrant', GRANT, grant('ACTIVE', { ParentArn: parent })));
    assert.deepEqual(v.links.map((l) => [l.id, l.target.kind, l.target.arn]), [
      ['license', 'license', LICENSE],
      ['parent', 'receivedGrant', parent],
    ]);
  });
});

describe('detail view: licenses', () => {
  const license = {
    LicenseArn: LICENSE,
    LicenseName: 'Analytics Pro',
    ProductName: 'Analytics',
    ProductSKU: 'SKU-1',
    Issuer: { Name: 'Example ISV', SignKey: 'arn:aws:kms:us-east-1:111111111111:key/abc', KeyFingerprint: 'aws:294406891311:AWS/Marketplace:issuer-fingerprint' },
    HomeRegion: 'us-east-1',
    Status: 'AVAILABLE',
    Validity: { Begin: '2024-01-01T00:00:00Z', End: '2025-01-01T00:00:00Z' },
    Beneficiary: 'buyer-co',
    Entitlements: [
      { Name: 'Seats', MaxCount: 10, Unit: 'Count', Overage: false, AllowCheckIn: true },
      { Name: 'Tier', Value: 'Gold', Unit: 'None' },
    ],
    ConsumptionConfiguration: { RenewType: 'Monthly', BorrowConfiguration: { AllowEarlyCheckIn: true, MaxTimeToLiveInMinutes: 60 } },
    CreateTime: '2024-01-01T00:00:00Z',
    Version: '2',
    ReceivedMetadata: { ReceivedStatus: 'ACTIVE', ReceivedStatusReason: 'Activated by admin', AllowedOperations: ['CreateGrant', 'CheckoutLicense'] },
  };

  it('summarizes entitlements, validity, issuer, consumption configuration and received metadata', () => {
    const v = buildDetailView(t, holder('receivedLicense', LICENSE, license), new Date('2024-06-01T00:00:00Z'));
    assert.equal(v.title, 'Analytics Pro');
    assert.deepEqual(v.badges.map((b) => [b.label, b.text, b.tone]), [
      ['Status', 'AVAILABLE', 'ok'],
      ['Received status', 'ACTIVE', 'ok'],
    ]);
    const received = section(v, 'received');
    assert.equal(field(received, 'Received status')?.value, 'ACTIVE');
    assert.equal(field(received, 'Reason')?.value, 'Activated by admin');
    assert.equal(field(received, 'Allowed operations')?.value, 'CreateGrant, CheckoutLicense');
    const validity = section(v, 'validity');
    assert.deepEqual(field(validity, 'Validity'), { label: 'Validity', value: 'Valid', tone: 'ok' });
    assert.equal(field(validity, 'Begins')?.value, '2024-01-01 00:00 UTC');
    assert.equal(field(validity, 'Ends')?.value, '2025-01-01 00:00 UTC');
    assert.equal(field(section(v, 'issuer'), 'Name')?.value, 'Example ISV');
    assert.deepEqual(section(v, 'entitlements').table?.rows, [
      ['Seats', '10', 'Count', 'No', 'Yes'],
      ['Tier', 'Gold', 'None', '', ''],
    ]);
    const consumption = section(v, 'consumption');
    assert.equal(field(consumption, 'Renew type')?.value, 'Monthly');
    assert.equal(field(consumption, 'Borrow')?.value, 'Up to 60 minutes; early check-in allowed');
  });

  it('marks an expired license and one not yet valid', () => {
    const expired = buildDetailView(t, holder('license', LICENSE, license), new Date('2026-01-01T00:00:00Z'));
    assert.deepEqual(field(section(expired, 'validity'), 'Validity'), { label: 'Validity', value: 'Expired', tone: 'error' });
    const early = buildDetailView(t, holder('license', LICENSE, license), new Date('2023-01-01T00:00:00Z'));
    assert.equal(field(section(early, 'validity'), 'Validity')?.value, 'Not yet valid');
  });

  it('has no received section for an issued license without received metadata, and empty notes for missing parts', () => {
    const v = buildDetailView(t, holder('license', LICENSE, { LicenseArn: LICENSE, LicenseName: 'Bare' }));
    assert.equal(v.sections.find((s) => s.id === 'received'), undefined);
    assert.equal(section(v, 'entitlements').empty, 'No entitlements');
    assert.deepEqual(section(v, 'issuer').fields, []);
    assert.deepEqual(v.actions, []);
    assert.deepEqual(v.links, []);
  });
});

describe('detail view: license configurations', () => {
  const config = {
    LicenseConfigurationArn: CONFIG,
    LicenseConfigurationId: 'lic-0123456789abcdef',
    Name: 'Windows Server',
    LicenseCountingType: 'vCPU',
    LicenseRules: ['#minimumVcpus=2', '#honorVcpuOptimization=true'],
    LicenseCount: 20,
    LicenseCountHardLimit: true,
    ConsumedLicenses: 12,
    Status: 'AVAILABLE',
    OwnerAccountId: '111111111111',
    ConsumedLicenseSummaryList: [{ ResourceType: 'EC2_INSTANCE', ConsumedLicenses: 12 }],
    ManagedResourceSummaryList: [{ ResourceType: 'EC2_INSTANCE', AssociationCount: 3 }],
  };

  it('shows a usage bar of consumed against limit, rules and consumption by resource type', () => {
    const v = buildDetailView(t, holder('licenseConfiguration', CONFIG, config));
    const usage = section(v, 'usage').usage;
    assert.deepEqual(usage, { consumed: 12, limit: 20, ratio: 0.6, over: false, text: '12 / 20 vCPU (60%)', label: 'Licenses consumed' });
    assert.equal(field(section(v, 'usage'), 'Hard limit')?.value, 'Yes');
    assert.deepEqual(section(v, 'rules').items, ['#minimumVcpus=2', '#honorVcpuOptimization=true']);
    assert.deepEqual(section(v, 'consumption').table?.rows, [['EC2_INSTANCE', '12']]);
    assert.deepEqual(section(v, 'managed').table?.rows, [['EC2_INSTANCE', '3']]);
    assert.deepEqual(v.badges, [{ label: 'Status', text: 'AVAILABLE', tone: 'ok' }]);
  });

  it('caps the bar when usage is over the limit and says so', () => {
    const v = buildDetailView(t, holder('licenseConfiguration', CONFIG, { ...config, ConsumedLicenses: 25 }));
    const usage = section(v, 'usage').usage;
    assert.equal(usage?.ratio, 1);
    assert.equal(usage?.over, true);
    assert.equal(usage?.text, '25 / 20 vCPU (125%), over the limit');
    assert.deepEqual(v.badges[1], { label: 'Usage', text: 'Over limit', tone: 'warning' });
  });

  it('handles no limit and a zero limit', () => {
    const none = buildDetailView(t, holder('licenseConfiguration', CONFIG, { ...config, LicenseCount: undefined }));
    assert.deepEqual(section(none, 'usage').usage, { consumed: 12, ratio: 0, over: false, text: '12 vCPU consumed (no limit)', label: 'Licenses consumed' });
    const zero = buildDetailView(t, holder('licenseConfiguration', CONFIG, { ...config, LicenseCount: 0, ConsumedLicenses: 0 }));
    assert.equal(section(zero, 'usage').usage?.ratio, 0);
    assert.equal(section(zero, 'usage').usage?.over, false);
    const empty = buildDetailView(t, holder('licenseConfiguration', CONFIG, { Name: 'x' }));
    assert.equal(section(empty, 'consumption').empty, 'Nothing consumed');
    assert.equal(section(empty, 'rules').empty, 'No rules');
  });
});

describe('detail view: common parts', () => {
  it('pretty-prints the raw JSON and keeps the ARN, profile and region', () => {
    const data = grant('ACTIVE');
    const v = buildDetailView(t, holder('receivedGrant', GRANT, data));
    assert.equal(v.json, JSON.stringify(data, null, 2));
    assert.deepEqual([v.arn, v.profile, v.region, v.canRefresh], [GRANT, 'buyer', 'us-east-1', true]);
  });

  it('keeps hostile strings verbatim as text (escaping is the renderer’s job, by using text nodes)', () => {
    const evil = '<img src=x onerror="document.title=\'pwned\'"></script>[x](command:workbench.action.terminal.new)';
    const v = buildDetailView(t, holder('receivedGrant', GRANT, grant('ACTIVE', { GrantName: evil, StatusReason: evil })));
    assert.equal(v.title, evil);
    assert.equal(field(section(v, 'status'), 'Reason')?.value, evil);
    assert.ok(v.json.includes(JSON.stringify(evil).slice(1, -1)));
  });

  it('falls back to the ARN’s last part when the name is missing, and notices unloaded holders', () => {
    const v = buildDetailView(t, holder('license', LICENSE, {}));
    assert.equal(v.title, 'l-0123456789abcdef0123456789abcdef');
    assert.equal(needsLoad(holder('license', LICENSE, {})), true);
    assert.equal(needsLoad(holder('license', LICENSE, { LicenseArn: LICENSE })), false);
  });

  it('shows usage and association records without a refresh', () => {
    const v = buildDetailView(t, holder('usage', 'arn:aws:ec2:us-east-1:1:instance/i-1', {
      ResourceArn: 'arn:aws:ec2:us-east-1:1:instance/i-1',
      ResourceType: 'EC2_INSTANCE',
      AssociationTime: 1704164645,
      ConsumedLicenses: 2,
    }));
    assert.equal(v.canRefresh, false);
    assert.equal(field(section(v, 'overview'), 'Associated')?.value, '2024-01-02 03:04 UTC');
    assert.equal(field(section(v, 'overview'), 'Consumed')?.value, '2');
  });

  it('formats dates from Date, ISO text and epoch seconds; passes other text through', () => {
    assert.equal(formatDate(new Date('2024-01-02T03:04:05Z')), '2024-01-02 03:04 UTC');
    assert.equal(formatDate('2024-01-02T03:04:05Z'), '2024-01-02 03:04 UTC');
    assert.equal(formatDate('1704164645'), '2024-01-02 03:04 UTC');
    assert.equal(formatDate('soon'), 'soon');
    assert.equal(formatDate(undefined), undefined);
  });

  it('colours statuses it knows and leaves others neutral', () => {
    assert.equal(statusTone('ACTIVE'), 'ok');
    assert.equal(statusTone('REJECTED'), 'error');
    assert.equal(statusTone('toString'), 'neutral');
    assert.equal(statusTone(undefined), 'neutral');
  });
});

describe('detail view: errors', () => {
  it('names the kind of a License Manager error and carries its fix', () => {
    const e = new LicenseManagerError('credentials', 'The SSO session for profile dev has expired.', {
      code: 'ExpiredToken',
      profile: 'dev',
      fix: 'aws sso login --profile dev',
    });
    assert.deepEqual(errorView(t, e), {
      kind: 'credentials',
      title: 'Credentials problem',
      message: 'The SSO session for profile dev has expired.',
      fix: 'aws sso login --profile dev',
    });
    const denied = new LicenseManagerError('accessDenied', 'Profile buyer may not call GetGrant.', { code: 'AccessDeniedException' });
    assert.equal(errorView(t, denied).title, 'Access denied');
  });

  it('recognizes a License Manager error from the other bundle by shape', () => {
    const foreign = Object.assign(new Error('slow down'), { name: 'LicenseManagerError', kind: 'throttled', details: { code: 'RateLimitExceededException' } });
    assert.deepEqual(errorView(t, foreign), { kind: 'throttled', title: 'Throttled', message: 'slow down', fix: undefined });
  });

  it('reports anything else as unexpected', () => {
    assert.deepEqual(errorView(t, new TypeError('boom')), { kind: 'unexpected', title: 'Unexpected error', message: 'boom' });
    assert.equal(uiStrings(t).refresh, 'Refresh');
  });
});
