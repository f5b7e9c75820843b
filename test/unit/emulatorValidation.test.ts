import * as assert from 'node:assert/strict';
import {
  CreateGrantCommand,
  CreateGrantVersionCommand,
  DeleteGrantCommand,
  GetGrantCommand,
  GetLicenseConfigurationCommand,
  ListDistributedGrantsCommand,
  ListLicenseConfigurationsCommand,
  ListLicensesCommand,
  ListReceivedGrantsCommand,
  ListReceivedLicensesCommand,
  ListUsageForLicenseConfigurationCommand,
} from '@aws-sdk/client-license-manager';
import type { CreateGrantCommandInput } from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { client, configArnByName, destroyClients, grantNamed, licenseArnBySku, rejectsWith, RESEARCH, signedRaw } from './emulatorSupport';

const V = 'ValidationException';
const IPV = 'InvalidParameterValueException';
const FLE = 'FilterLimitExceededException';
const f = (Name: string, ...Values: string[]) => ({ Name, Values });

describe('emulator input validation', () => {
  let emu: RunningEmulator;
  let valid: CreateGrantCommandInput;
  before(async () => {
    emu = await startEmulator();
    valid = {
      ClientToken: 'tok',
      GrantName: 'g',
      LicenseArn: licenseArnBySku(emu, 'NW-BI-DSH'),
      Principals: [`arn:aws:iam::${RESEARCH}:root`],
      HomeRegion: 'us-east-1',
      AllowedOperations: ['CheckoutLicense'],
    };
  });
  after(async () => {
    destroyClients();
    await emu.close();
  });

  it('bounds MaxResults to 1–100 where the model says MaxSize100, ≥ 1 elsewhere', async () => {
    const s = client(emu, 'seller');
    await rejectsWith(s.send(new ListLicensesCommand({ MaxResults: 101 })), V, 400, /at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100/);
    await rejectsWith(s.send(new ListLicensesCommand({ MaxResults: 0 })), V, 400, /greater than or equal to 1/);
    await rejectsWith(s.send(new ListReceivedLicensesCommand({ MaxResults: 1000 })), V);
    await rejectsWith(s.send(new ListDistributedGrantsCommand({ MaxResults: 101 })), V);
    await rejectsWith(client(emu, 'buyer').send(new ListReceivedGrantsCommand({ MaxResults: -5 })), V);
    await rejectsWith(s.send(new ListLicenseConfigurationsCommand({ MaxResults: 0 })), V);
    const big = await s.send(new ListLicenseConfigurationsCommand({ MaxResults: 500 }));
    assert.equal(big.LicenseConfigurations!.length, 2);
  });

  it('requires required members', async () => {
    const s = client(emu, 'seller');
    await rejectsWith(s.send(new GetGrantCommand({} as never)), V, 400, /Value null at 'grantArn' failed to satisfy constraint: Member must not be null/);
    await rejectsWith(s.send(new GetLicenseConfigurationCommand({} as never)), V, 400, /licenseConfigurationArn/);
    await rejectsWith(s.send(new CreateGrantCommand({} as never)), V, 400, /^6 validation errors detected/);
    await rejectsWith(s.send(new DeleteGrantCommand({ GrantArn: grantNamed(emu, 'Globex BI dashboards').arn } as never)), V, 400, /'version'/);
  });

  it('checks the ARN pattern', async () => {
    const s = client(emu, 'seller');
    await rejectsWith(s.send(new GetGrantCommand({ GrantArn: 'not-an-arn' })), V, 400, /regular expression pattern/);
    await rejectsWith(s.send(new ListLicensesCommand({ LicenseArns: ['arn:aws:license-manager::1:license:l-1', 'nope'] })), V, 400, /licenseArns\.2\.member/);
    await rejectsWith(s.send(new CreateGrantCommand({ ...valid, Principals: ['123456789012'] })), V);
  });

  it('checks StatusReason length, ClientToken, enums, Principals and AllowedOperations sizes', async () => {
    const s = client(emu, 'seller');
    const arn = grantNamed(emu, 'Globex analytics production').arn;
    const cgv = (extra: object) => s.send(new CreateGrantVersionCommand({ GrantArn: arn, ClientToken: 'v', ...extra }));
    await rejectsWith(cgv({ StatusReason: 'x'.repeat(401) }), V, 400, /less than or equal to 400/);
    await rejectsWith(cgv({ StatusReason: '' }), V, 400, /greater than or equal to 1/);
    await rejectsWith(cgv({ ClientToken: '' }), V, 400, /clientToken/);
    await rejectsWith(cgv({ ClientToken: 'has space' }), V, 400, /\\S\+/);
    await rejectsWith(cgv({ ClientToken: 'x'.repeat(2049) }), V);
    await rejectsWith(cgv({ Status: 'BOGUS' }), V, 400, /enum value set/);
    await rejectsWith(cgv({ Options: { ActivationOverrideBehavior: 'WHATEVER' }, Status: 'ACTIVE' }), V, 400, /enum value set/);
    await rejectsWith(cgv({ AllowedOperations: [] }), V);
    await rejectsWith(cgv({ AllowedOperations: ['CheckoutLicense', 'Teleport'] }), V, 400, /allowedOperations\.2\.member/);
    await rejectsWith(s.send(new DeleteGrantCommand({ GrantArn: arn, Version: '3', StatusReason: 'y'.repeat(401) })), V);
    await rejectsWith(s.send(new CreateGrantCommand({ ...valid, Principals: [] })), V);
    await rejectsWith(s.send(new CreateGrantCommand({ ...valid, Principals: [valid.Principals![0], `arn:aws:iam::444455556666:root`] })), V, 400, /principals/);
    await rejectsWith(s.send(new CreateGrantCommand({ ...valid, AllowedOperations: Array(9).fill('CheckoutLicense') })), V, 400, /less than or equal to 8/);
    await rejectsWith(s.send(new CreateGrantCommand({ ...valid, ClientToken: undefined })), V);
    assert.equal(emu.state.currentGrant(grantNamed(emu, 'Globex analytics production')).Version, '3', 'nothing changed');
  });

  it('refuses unknown or mis-cased filter names, missing values and duplicates with InvalidParameterValueException', async () => {
    const s = client(emu, 'seller');
    await rejectsWith(s.send(new ListLicensesCommand({ Filters: [f('Colour', 'red')] })), IPV, 400, /Valid filter names are: Beneficiary, ProductSKU, Fingerprint, Status/);
    await rejectsWith(s.send(new ListLicensesCommand({ Filters: [f('productSKU', 'NW-BI-DSH')] })), IPV);
    await rejectsWith(s.send(new ListLicensesCommand({ Filters: [f('Status')] })), IPV, 400, /exactly one value/);
    await rejectsWith(s.send(new ListLicensesCommand({ Filters: [f('Status', 'AVAILABLE'), f('Status', 'EXPIRED')] })), IPV, 400, /more than once/);
    await rejectsWith(s.send(new ListLicenseConfigurationsCommand({ Filters: [f('LicenseCountingType', 'Core')] })), IPV);
    await rejectsWith(client(emu, 'buyer').send(new ListReceivedGrantsCommand({ Filters: [f('GranteePrincipalARN', 'x')] })), IPV);
    await rejectsWith(s.send(new ListDistributedGrantsCommand({ Filters: [f('GranterAccountId', 'x')] })), IPV);
  });

  it('answers too many filters or filter values with FilterLimitExceededException', async () => {
    const s = client(emu, 'seller');
    await rejectsWith(s.send(new ListLicensesCommand({ Filters: [f('Status', 'AVAILABLE', 'EXPIRED')] })), FLE, 400, /only one value/);
    const five = ['Beneficiary', 'ProductSKU', 'Fingerprint', 'Status', 'Status'].map((n) => f(n, 'v'));
    await rejectsWith(s.send(new ListLicensesCommand({ Filters: five })), FLE);
    const arn = configArnByName(emu, 'Windows Server Datacenter');
    await rejectsWith(
      s.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: arn, Filters: [f('resourceType', 'EC2_HOST', 'EC2_INSTANCE')] })),
      FLE,
    );
  });

  it('answers members of the wrong JSON type with SerializationException', async () => {
    const res = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '{"MaxResults":"ten"}' });
    assert.equal(res.status, 400);
    assert.equal(res.json?.__type, 'SerializationException');
    const list = await signedRaw(emu, { profile: 'seller', target: 'AWSLicenseManager.ListLicenses', body: '{"Filters":{"Name":"Status"}}' });
    assert.equal(list.json?.__type, 'SerializationException');
  });

  it('answers unknown ARNs with InvalidParameterValueException', async () => {
    const s = client(emu, 'seller');
    await rejectsWith(s.send(new GetGrantCommand({ GrantArn: 'arn:aws:license-manager::111122223333:grant:g-00000000000000000000000000000000' })), IPV, 400);
    await rejectsWith(s.send(new GetLicenseConfigurationCommand({ LicenseConfigurationArn: 'lic-unknown' })), IPV, 400, /license configuration/);
  });
});
