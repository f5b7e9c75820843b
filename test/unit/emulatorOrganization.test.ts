import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ListLicenseConfigurationsForOrganizationCommand,
  ListReceivedGrantsForOrganizationCommand,
  ListReceivedLicensesForOrganizationCommand,
} from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { client, destroyClients, rejectsWith } from './emulatorSupport';

const SEED = join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'organization.json');
const ANALYTICS = 'arn:aws:license-manager::210987654321:license:l-92b0c3407982715ac04abe7bec42e0c1';
const EDGE = 'arn:aws:license-manager::210987654321:license:l-51a087677d15506f67e06dd411a6a27b';
const ORG_ANALYTICS_GRANT = 'arn:aws:license-manager::210987654321:grant:g-f55353229aff545f85525cb8283e365d';
const root = (account: string): string => `arn:aws:iam::${account}:root`;

describe('emulator organization lists', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ seed: SEED });
  });
  after(async () => {
    destroyClients();
    await emu.close();
  });

  it('lists the licenses the organization received, once each, with the most usable status, for the management account and the delegated administrator', async () => {
    for (const profile of ['org-admin', 'org-delegated']) {
      const out = await client(emu, profile).send(new ListReceivedLicensesForOrganizationCommand({}));
      const rows = (out.Licenses ?? []).map((l) => [l.ProductSKU, l.HomeRegion, l.ReceivedMetadata?.ReceivedStatus]);
      assert.deepEqual(rows, [
        ['CT-ANL', 'us-east-1', 'ACTIVE'],
        ['CT-EDGE', 'eu-west-1', 'ACTIVE'],
      ], profile);
      assert.equal(out.NextToken, undefined);
    }
  });

  it('filters received licenses by ProductSKU and Beneficiary and pages them', async () => {
    const admin = client(emu, 'org-admin');
    const sku = await admin.send(new ListReceivedLicensesForOrganizationCommand({ Filters: [{ Name: 'ProductSKU', Values: ['CT-EDGE'] }] }));
    assert.deepEqual(sku.Licenses?.map((l) => l.LicenseArn), [EDGE]);
    const ben = await admin.send(new ListReceivedLicensesForOrganizationCommand({ Filters: [{ Name: 'Beneficiary', Values: ['fabrikam'] }] }));
    assert.deepEqual(ben.Licenses?.map((l) => l.LicenseArn), [ANALYTICS]);
    const first = await admin.send(new ListReceivedLicensesForOrganizationCommand({ MaxResults: 1 }));
    assert.deepEqual(first.Licenses?.map((l) => l.LicenseArn), [ANALYTICS]);
    assert.ok(first.NextToken);
    const second = await admin.send(new ListReceivedLicensesForOrganizationCommand({ MaxResults: 1, NextToken: first.NextToken }));
    assert.deepEqual(second.Licenses?.map((l) => l.LicenseArn), [EDGE]);
    assert.equal(second.NextToken, undefined);
  });

  it('lists the grants of one license into the organization: the organization grant and one per account with its status', async () => {
    const out = await client(emu, 'org-admin').send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: ANALYTICS }));
    assert.deepEqual(
      out.Grants?.map((g) => [g.GranteePrincipalArn, g.GrantStatus]),
      [
        ['arn:aws:organizations::500000000001:organization/o-fab1holdings', 'WORKFLOW_COMPLETED'],
        [root('500000000002'), 'ACTIVE'],
        [root('500000000003'), 'DISABLED'],
        [root('500000000004'), 'PENDING_ACCEPT'],
        [root('500000000001'), 'REJECTED'],
      ],
    );
    assert.equal(out.Grants?.[2].StatusReason, 'Paused during the security audit');
  });

  it('answers grants in their home region only, and filters them by ParentArn and GranteePrincipalArn', async () => {
    const admin = client(emu, 'org-admin');
    const away = await admin.send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: EDGE }));
    assert.deepEqual(away.Grants, []);
    const home = await client(emu, 'org-admin', 'eu-west-1').send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: EDGE }));
    assert.deepEqual(home.Grants?.map((g) => g.GrantStatus), ['WORKFLOW_COMPLETED', 'ACTIVE', 'FAILED_WORKFLOW']);
    const children = await admin.send(
      new ListReceivedGrantsForOrganizationCommand({ LicenseArn: ANALYTICS, Filters: [{ Name: 'ParentArn', Values: [ORG_ANALYTICS_GRANT] }] }),
    );
    assert.equal(children.Grants?.length, 4);
    const one = await admin.send(
      new ListReceivedGrantsForOrganizationCommand({ LicenseArn: ANALYTICS, Filters: [{ Name: 'GranteePrincipalArn', Values: [root('500000000004')] }] }),
    );
    assert.deepEqual(one.Grants?.map((g) => g.GrantStatus), ['PENDING_ACCEPT']);
  });

  it('lists the license configurations of every account of the organization in the region, with filters, and none of an outsider', async () => {
    const admin = client(emu, 'org-admin');
    const east = await admin.send(new ListLicenseConfigurationsForOrganizationCommand({}));
    assert.deepEqual(east.LicenseConfigurations?.map((c) => [c.Name, c.OwnerAccountId]), [
      ['Holdings Windows Server', '500000000001'],
      ['Retail POS SQL Server', '500000000002'],
    ]);
    const west = await client(emu, 'org-delegated', 'eu-west-1').send(new ListLicenseConfigurationsForOrganizationCommand({}));
    assert.deepEqual(west.LicenseConfigurations?.map((c) => c.Name), ['Labs GPU workstations']);
    const vcpu = await admin.send(new ListLicenseConfigurationsForOrganizationCommand({ Filters: [{ Name: 'licenseCountingType', Values: ['vCPU'] }] }));
    assert.deepEqual(vcpu.LicenseConfigurations?.map((c) => c.Name), ['Retail POS SQL Server']);
    const page = await admin.send(new ListLicenseConfigurationsForOrganizationCommand({ MaxResults: 1 }));
    assert.equal(page.LicenseConfigurations?.length, 1);
    assert.ok(page.NextToken);
  });

  it('refuses a member account and an account outside any organization with AccessDeniedException (401)', async () => {
    for (const profile of ['org-member', 'outsider']) {
      const c = client(emu, profile);
      await rejectsWith(c.send(new ListReceivedLicensesForOrganizationCommand({})), 'AccessDeniedException', 401, /management account .* delegated administrator/);
      await rejectsWith(c.send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: ANALYTICS })), 'AccessDeniedException', 401);
      await rejectsWith(c.send(new ListLicenseConfigurationsForOrganizationCommand({})), 'AccessDeniedException', 401);
    }
  });

  it('validates as the model says: LicenseArn required and an ARN, MaxResults 1–100, known filter names', async () => {
    const admin = client(emu, 'org-admin');
    await rejectsWith(admin.send(new ListReceivedGrantsForOrganizationCommand({} as never)), 'ValidationException', 400, /'licenseArn' failed to satisfy constraint: Member must not be null/);
    await rejectsWith(admin.send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: 'not-an-arn' })), 'ValidationException', 400, /licenseArn/);
    await rejectsWith(admin.send(new ListReceivedLicensesForOrganizationCommand({ MaxResults: 101 })), 'ValidationException', 400, /less than or equal to 100/);
    await rejectsWith(
      admin.send(new ListReceivedLicensesForOrganizationCommand({ Filters: [{ Name: 'Status', Values: ['AVAILABLE'] }] })),
      'InvalidParameterValueException',
      400,
      /Beneficiary, ProductSKU/,
    );
    await rejectsWith(
      admin.send(new ListReceivedGrantsForOrganizationCommand({ LicenseArn: 'arn:aws:license-manager::210987654321:license:l-00000000000000000000000000000000' })),
      'InvalidParameterValueException',
      400,
    );
    await rejectsWith(admin.send(new ListLicenseConfigurationsForOrganizationCommand({ MaxResults: 0 })), 'ValidationException', 400);
  });
});
