import * as assert from 'node:assert/strict';
import {
  GetLicenseCommand,
  GetLicenseConfigurationCommand,
  GetLicenseUsageCommand,
  ListAssociationsForLicenseConfigurationCommand,
  ListLicenseConfigurationsCommand,
  ListLicensesCommand,
  ListLicenseVersionsCommand,
  ListReceivedLicensesCommand,
  ListTagsForResourceCommand,
  ListUsageForLicenseConfigurationCommand,
} from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { BUYER, client, configArnByName, destroyClients, licenseArnBySku, rejectsWith, SELLER } from './emulatorSupport';

const names = (items: { Name?: string }[] | undefined): string[] => (items ?? []).map((i) => i.Name ?? '').sort();
const f = (Name: string, value: string) => ({ Name, Values: [value] });

describe('emulator license configurations and licenses', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(async () => {
    destroyClients();
    await emu.close();
  });

  describe('ListLicenseConfigurations', () => {
    it('lists only the caller’s configurations of the request region', async () => {
      const east = await client(emu, 'seller').send(new ListLicenseConfigurationsCommand({}));
      assert.deepEqual(names(east.LicenseConfigurations), ['SQL Server Enterprise fleet', 'Windows Server Datacenter']);
      const eu = await client(emu, 'seller', 'eu-west-1').send(new ListLicenseConfigurationsCommand({}));
      assert.deepEqual(names(eu.LicenseConfigurations), ['Oracle Database Enterprise Edition']);
      const buyer = await client(emu, 'buyer').send(new ListLicenseConfigurationsCommand({}));
      assert.deepEqual(names(buyer.LicenseConfigurations), ['SQL Server Standard', 'Windows Server Standard']);
      assert.ok(buyer.LicenseConfigurations!.every((c) => c.OwnerAccountId === BUYER));
    });

    it('derives consumption and association summaries', async () => {
      const out = await client(emu, 'seller', 'eu-west-1').send(new ListLicenseConfigurationsCommand({}));
      const oracle = out.LicenseConfigurations![0];
      assert.equal(oracle.ConsumedLicenses, 10);
      assert.deepEqual(oracle.ConsumedLicenseSummaryList, [{ ResourceType: 'EC2_HOST', ConsumedLicenses: 10 }]);
      assert.deepEqual(oracle.ManagedResourceSummaryList, [{ ResourceType: 'EC2_HOST', AssociationCount: 5 }]);
      assert.equal(oracle.LicenseCountingType, 'Socket');
    });

    it('filters by licenseCountingType (case-sensitive), enforceLicenseCount and usagelimitExceeded', async () => {
      const seller = client(emu, 'seller');
      const core = await seller.send(new ListLicenseConfigurationsCommand({ Filters: [f('licenseCountingType', 'Core')] }));
      assert.deepEqual(names(core.LicenseConfigurations), ['Windows Server Datacenter']);
      const lower = await seller.send(new ListLicenseConfigurationsCommand({ Filters: [f('licenseCountingType', 'core')] }));
      assert.deepEqual(lower.LicenseConfigurations, []);
      const hard = await seller.send(new ListLicenseConfigurationsCommand({ Filters: [f('enforceLicenseCount', 'false')] }));
      assert.deepEqual(names(hard.LicenseConfigurations), ['SQL Server Enterprise fleet']);
      const eu = client(emu, 'seller', 'eu-west-1');
      const over = await eu.send(new ListLicenseConfigurationsCommand({ Filters: [f('usagelimitExceeded', 'true')] }));
      assert.deepEqual(names(over.LicenseConfigurations), ['Oracle Database Enterprise Edition']);
      const within = await seller.send(new ListLicenseConfigurationsCommand({ Filters: [f('usagelimitExceeded', 'true')] }));
      assert.deepEqual(within.LicenseConfigurations, []);
      const both = await seller.send(
        new ListLicenseConfigurationsCommand({ Filters: [f('licenseCountingType', 'vCPU'), f('enforceLicenseCount', 'false')] }),
      );
      assert.deepEqual(names(both.LicenseConfigurations), ['SQL Server Enterprise fleet']);
    });

    it('restricts to LicenseConfigurationArns', async () => {
      const arn = configArnByName(emu, 'Windows Server Datacenter');
      const out = await client(emu, 'seller').send(new ListLicenseConfigurationsCommand({ LicenseConfigurationArns: [arn] }));
      assert.deepEqual(out.LicenseConfigurations!.map((c) => c.LicenseConfigurationArn), [arn]);
    });
  });

  describe('GetLicenseConfiguration / usage / associations', () => {
    it('returns the flat configuration with Tags, only to its owner in its region', async () => {
      const arn = configArnByName(emu, 'Windows Server Datacenter');
      const out = await client(emu, 'seller').send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
      assert.equal(out.Name, 'Windows Server Datacenter');
      assert.equal(out.LicenseCountHardLimit, true);
      assert.ok(out.AutomatedDiscoveryInformation?.LastRunTime instanceof Date);
      assert.deepEqual(out.Tags, [
        { Key: 'Environment', Value: 'production' },
        { Key: 'Owner', Value: 'platform-team' },
      ]);
      await rejectsWith(client(emu, 'seller', 'eu-west-1').send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })), 'InvalidParameterValueException', 400);
      await rejectsWith(client(emu, 'buyer').send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: arn })), 'InvalidParameterValueException');
    });

    it('lists usage with resourceType, resourceAccount and resourceArn filters', async () => {
      const arn = configArnByName(emu, 'Windows Server Datacenter');
      const seller = client(emu, 'seller');
      const all = await seller.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
      assert.equal(all.LicenseConfigurationUsageList!.length, 5);
      assert.ok(all.LicenseConfigurationUsageList![0].AssociationTime instanceof Date);
      const hosts = await seller.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Filters: [f('resourceType', 'EC2_HOST')] }));
      assert.deepEqual(hosts.LicenseConfigurationUsageList!.map((u) => u.ConsumedLicenses), [48, 48]);
      const buyerOwned = await seller.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Filters: [f('resourceAccount', BUYER)] }));
      assert.equal(buyerOwned.LicenseConfigurationUsageList!.length, 1);
      const one = all.LicenseConfigurationUsageList![2].ResourceArn!;
      const byArn = await seller.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Filters: [f('resourceArn', one)] }));
      assert.deepEqual(byArn.LicenseConfigurationUsageList!.map((u) => u.ResourceArn), [one]);
    });

    it('lists associations', async () => {
      const arn = configArnByName(emu, 'Windows Server Datacenter');
      const out = await client(emu, 'seller').send(new ListAssociationsForLicenseConfigurationCommand({ LicenseConfigurationArn: arn }));
      const list = out.LicenseConfigurationAssociations!;
      assert.equal(list.length, 3);
      assert.equal(list[0].ResourceType, 'EC2_AMI');
      assert.equal(list[0].AmiAssociationScope, 'cross-account');
      assert.ok(list[0].AssociationTime instanceof Date);
      assert.equal(list[1].ResourceOwnerId, SELLER);
    });
  });

  describe('licenses', () => {
    it('lists issued licenses in their home region only', async () => {
      const east = await client(emu, 'seller').send(new ListLicensesCommand({}));
      assert.equal(east.Licenses!.length, 5);
      assert.ok(east.Licenses!.every((l) => l.HomeRegion === 'us-east-1'));
      const ap = await client(emu, 'seller', 'ap-southeast-2').send(new ListLicensesCommand({}));
      assert.deepEqual(ap.Licenses!.map((l) => l.ProductSKU), ['NW-EDG-AGT']);
      const buyer = await client(emu, 'buyer').send(new ListLicensesCommand({}));
      assert.deepEqual(buyer.Licenses, []);
    });

    it('filters licenses by ProductSKU, Status, Beneficiary and Fingerprint', async () => {
      const seller = client(emu, 'seller');
      const sku = await seller.send(new ListLicensesCommand({ Filters: [f('ProductSKU', 'NW-BI-DSH')] }));
      assert.deepEqual(sku.Licenses!.map((l) => l.LicenseName), ['Northwind BI Dashboards']);
      const expired = await seller.send(new ListLicensesCommand({ Filters: [f('Status', 'EXPIRED')] }));
      assert.deepEqual(expired.Licenses!.map((l) => l.ProductSKU), ['NW-LRP-LEG']);
      const eu = await client(emu, 'seller', 'eu-west-1').send(new ListLicensesCommand({ Filters: [f('Beneficiary', 'globex-europe')] }));
      assert.deepEqual(eu.Licenses!.map((l) => l.ProductSKU), ['NW-ANL-ENT-EU']);
      const fp = `aws:${SELLER}:Northwind Software:issuer-fingerprint`;
      const byFp = await seller.send(new ListLicensesCommand({ Filters: [f('Fingerprint', fp)] }));
      assert.equal(byFp.Licenses!.length, 5);
      const none = await seller.send(new ListLicensesCommand({ Filters: [f('Fingerprint', 'other')] }));
      assert.deepEqual(none.Licenses, []);
      const arn = licenseArnBySku(emu, 'NW-DPL-STD');
      const byArn = await seller.send(new ListLicensesCommand({ LicenseArns: [arn] }));
      assert.deepEqual(byArn.Licenses!.map((l) => l.LicenseArn), [arn]);
    });

    it('gets a license (latest or a given version) for the owner and for grantees', async () => {
      const arn = licenseArnBySku(emu, 'NW-ANL-ENT');
      const latest = await client(emu, 'seller').send(new GetLicenseCommand({ LicenseArn: arn }));
      assert.equal(latest.License?.Version, '3');
      assert.equal(latest.License?.Entitlements?.find((e) => e.Name === 'Users')?.MaxCount, 500);
      const v1 = await client(emu, 'buyer', 'eu-west-1').send(new GetLicenseCommand({ LicenseArn: arn, Version: '1' }));
      assert.equal(v1.License?.Entitlements?.find((e) => e.Name === 'Users')?.MaxCount, 250);
      assert.equal(v1.License?.CreateTime, '2024-03-01T10:00:00Z');
      await rejectsWith(client(emu, 'seller').send(new GetLicenseCommand({ LicenseArn: arn, Version: '9' })), 'InvalidParameterValueException');
    });

    it('refuses licenses to accounts without a non-deleted grant', async () => {
      const legacy = licenseArnBySku(emu, 'NW-LRP-LEG');
      await rejectsWith(client(emu, 'buyer').send(new GetLicenseCommand({ LicenseArn: legacy })), 'InvalidParameterValueException', 400);
      const euOnly = licenseArnBySku(emu, 'NW-ANL-ENT-EU');
      await rejectsWith(client(emu, 'research').send(new GetLicenseUsageCommand({ LicenseArn: euOnly })), 'InvalidParameterValueException');
      await rejectsWith(client(emu, 'research').send(new ListLicenseVersionsCommand({ LicenseArn: euOnly })), 'InvalidParameterValueException');
    });

    it('lists license versions and gets license usage', async () => {
      const arn = licenseArnBySku(emu, 'NW-ANL-ENT');
      const versions = await client(emu, 'buyer').send(new ListLicenseVersionsCommand({ LicenseArn: arn }));
      assert.deepEqual(versions.Licenses!.map((l) => l.Version), ['1', '2', '3']);
      const usage = await client(emu, 'buyer').send(new GetLicenseUsageCommand({ LicenseArn: arn }));
      const users = usage.LicenseUsage?.EntitlementUsages?.find((e) => e.Name === 'Users');
      assert.deepEqual(users, { Name: 'Users', ConsumedValue: '312', MaxCount: '500', Unit: 'Count' });
    });
  });

  describe('ListReceivedLicenses', () => {
    it('lists received licenses in every region with ReceivedMetadata mirrored from the grant', async () => {
      const east = await client(emu, 'buyer').send(new ListReceivedLicensesCommand({}));
      const ap = await client(emu, 'buyer', 'ap-southeast-2').send(new ListReceivedLicensesCommand({}));
      assert.equal(east.Licenses!.length, 7);
      assert.deepEqual(ap.Licenses, east.Licenses);
      const bySku = new Map(east.Licenses!.map((l) => [l.ProductSKU, l.ReceivedMetadata]));
      assert.equal(bySku.get('NW-ANL-ENT')?.ReceivedStatus, 'ACTIVE');
      assert.equal(bySku.get('NW-DPL-STD')?.ReceivedStatus, 'PENDING_ACCEPT');
      assert.equal(bySku.get('NW-BI-DSH')?.ReceivedStatus, 'DISABLED');
      assert.match(bySku.get('NW-BI-DSH')?.ReceivedStatusReason ?? '', /purchase order/);
      assert.equal(bySku.get('NW-SGW-PRO')?.ReceivedStatus, 'REJECTED');
      assert.equal(bySku.get('NW-LRP-LEG')?.ReceivedStatus, 'DELETED');
      assert.equal(bySku.get('NW-LRP-LEG')?.ReceivedStatusReason, 'Contract ended on 2024-12-31');
      assert.ok(bySku.get('NW-EDG-AGT')?.AllowedOperations?.includes('CreateGrant'));
    });

    it('reaches organization and OU members', async () => {
      const out = await client(emu, 'research', 'eu-west-1').send(new ListReceivedLicensesCommand({}));
      const bySku = new Map(out.Licenses!.map((l) => [l.ProductSKU, l.ReceivedMetadata?.ReceivedStatus]));
      assert.equal(bySku.get('NW-ANL-ENT'), 'WORKFLOW_COMPLETED');
      assert.equal(bySku.get('NW-MLI-STD'), 'WORKFLOW_COMPLETED');
      assert.equal(bySku.get('NW-SGW-PRO'), 'FAILED_WORKFLOW');
      assert.equal(bySku.get('NW-BI-DSH'), 'DELETED');
      assert.equal(bySku.get('NW-EDG-AGT'), 'PENDING_ACCEPT');
    });

    it('filters received licenses by ProductSKU, Status, Fingerprint, IssuerName and Beneficiary', async () => {
      const buyer = client(emu, 'buyer');
      const one = async (name: string, value: string) =>
        (await buyer.send(new ListReceivedLicensesCommand({ Filters: [f(name, value)] }))).Licenses!.map((l) => l.ProductSKU).sort();
      assert.deepEqual(await one('ProductSKU', 'NW-EDG-AGT'), ['NW-EDG-AGT']);
      assert.deepEqual(await one('Status', 'EXPIRED'), ['NW-LRP-LEG']);
      assert.equal((await one('Fingerprint', `aws:${SELLER}:Northwind Software:issuer-fingerprint`)).length, 7);
      assert.equal((await one('IssuerName', 'Northwind Software')).length, 7);
      assert.deepEqual(await one('IssuerName', 'northwind software'), []);
      assert.deepEqual(await one('Beneficiary', 'globex-apac'), ['NW-EDG-AGT']);
      const arn = licenseArnBySku(emu, 'NW-BI-DSH');
      const byArn = await buyer.send(new ListReceivedLicensesCommand({ LicenseArns: [arn] }));
      assert.deepEqual(byArn.Licenses!.map((l) => l.LicenseArn), [arn]);
    });
  });

  describe('ListTagsForResource', () => {
    it('returns tags of configurations, licenses and grants; refuses unknown resources', async () => {
      const cfg = configArnByName(emu, 'SQL Server Enterprise fleet');
      const seller = client(emu, 'seller');
      const cfgTags = await seller.send(new ListTagsForResourceCommand({ ResourceArn: cfg }));
      assert.deepEqual(cfgTags.Tags, [
        { Key: 'Environment', Value: 'production' },
        { Key: 'Application', Value: 'sql-server' },
      ]);
      const lic = await seller.send(new ListTagsForResourceCommand({ ResourceArn: licenseArnBySku(emu, 'NW-ANL-ENT') }));
      assert.deepEqual(lic.Tags, [
        { Key: 'Product', Value: 'Analytics' },
        { Key: 'CostCenter', Value: 'CC-1042' },
      ]);
      const grant = [...emu.state.grants.values()].find((g) => g.tags.length > 0)!;
      const gt = await client(emu, 'buyer').send(new ListTagsForResourceCommand({ ResourceArn: grant.arn }));
      assert.deepEqual(gt.Tags, [{ Key: 'Team', Value: 'Sales-East' }]);
      await rejectsWith(seller.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:aws:license-manager::111122223333:license:l-0' })), 'InvalidParameterValueException');
      await rejectsWith(client(emu, 'buyer').send(new ListTagsForResourceCommand({ ResourceArn: cfg })), 'InvalidParameterValueException');
    });
  });
});
