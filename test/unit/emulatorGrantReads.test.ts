import * as assert from 'node:assert/strict';
import { GetGrantCommand, ListDistributedGrantsCommand, ListReceivedGrantsCommand } from '@aws-sdk/client-license-manager';
import type { Grant } from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { BUYER, client, destroyClients, grantNamed, licenseArnBySku, rejectsWith, RESEARCH, SELLER } from './emulatorSupport';

const grantNames = (g: Grant[] | undefined): string[] => (g ?? []).map((x) => x.GrantName ?? '').sort();
const f = (Name: string, value: string) => ({ Name, Values: [value] });

describe('emulator grant reads', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(async () => {
    destroyClients();
    await emu.close();
  });

  it('has grants in every GrantStatus in the demo seed', () => {
    const statuses = new Set([...emu.state.grants.values()].map((g) => emu.state.currentGrant(g).GrantStatus));
    for (const s of ['PENDING_WORKFLOW', 'PENDING_ACCEPT', 'REJECTED', 'ACTIVE', 'FAILED_WORKFLOW', 'DELETED', 'PENDING_DELETE', 'DISABLED', 'WORKFLOW_COMPLETED']) {
      assert.ok(statuses.has(s), s);
    }
  });

  it('lists distributed grants of the caller in their home region, including deleted ones', async () => {
    const east = await client(emu, 'seller').send(new ListDistributedGrantsCommand({}));
    assert.equal(east.Grants!.length, 9);
    assert.ok(east.Grants!.some((g) => g.GrantStatus === 'DELETED'));
    const eu = await client(emu, 'seller', 'eu-west-1').send(new ListDistributedGrantsCommand({}));
    assert.deepEqual(grantNames(eu.Grants), ['Globex EU analytics', 'Initech connectors beta', 'Research OU ML inference']);
    const buyerAp = await client(emu, 'buyer', 'ap-southeast-2').send(new ListDistributedGrantsCommand({}));
    assert.deepEqual(grantNames(buyerAp.Grants), ['Initech edge agents (from Globex)']);
    assert.equal(buyerAp.Grants![0].ParentArn, grantNamed(emu, 'Globex APAC edge agents').arn);
  });

  it('filters distributed grants by LicenseArn, GrantStatus, GranteePrincipalARN, ProductSKU and LicenseIssuerName', async () => {
    const seller = client(emu, 'seller');
    const list = async (name: string, value: string) => grantNames((await seller.send(new ListDistributedGrantsCommand({ Filters: [f(name, value)] }))).Grants);
    assert.deepEqual(await list('LicenseArn', licenseArnBySku(emu, 'NW-ANL-ENT')), ['Globex analytics production', 'Globex organization analytics']);
    assert.deepEqual(await list('GrantStatus', 'PENDING_DELETE'), ['Initech BI dashboards']);
    assert.deepEqual(await list('GranteePrincipalARN', `arn:aws:iam::${RESEARCH}:root`), [
      'Initech BI dashboards',
      'Initech pipeline pilot',
      'Initech secure gateway',
    ]);
    assert.deepEqual(await list('ProductSKU', 'NW-SGW-PRO'), ['Globex secure gateway trial', 'Initech secure gateway']);
    assert.equal((await list('LicenseIssuerName', 'Northwind Software')).length, 9);
    assert.deepEqual(await list('LicenseIssuerName', 'Someone Else'), []);
    const two = await seller.send(
      new ListDistributedGrantsCommand({ Filters: [f('ProductSKU', 'NW-SGW-PRO'), f('GrantStatus', 'REJECTED')] }),
    );
    assert.deepEqual(grantNames(two.Grants), ['Globex secure gateway trial']);
    const arn = grantNamed(emu, 'Globex BI dashboards').arn;
    const byArn = await seller.send(new ListDistributedGrantsCommand({ GrantArns: [arn] }));
    assert.deepEqual(byArn.Grants!.map((g) => g.GrantArn), [arn]);
  });

  it('lists received grants (account, organization and OU principals) in their home region', async () => {
    const east = await client(emu, 'buyer').send(new ListReceivedGrantsCommand({}));
    assert.deepEqual(grantNames(east.Grants), [
      'Globex BI dashboards',
      'Globex analytics production',
      'Globex data pipeline rollout',
      'Globex legacy reporting',
      'Globex organization analytics',
      'Globex secure gateway trial',
    ]);
    const eu = await client(emu, 'buyer', 'eu-west-1').send(new ListReceivedGrantsCommand({}));
    assert.deepEqual(grantNames(eu.Grants), ['Globex EU analytics']);
    const research = await client(emu, 'research', 'eu-west-1').send(new ListReceivedGrantsCommand({}));
    assert.deepEqual(grantNames(research.Grants), ['Initech connectors beta', 'Research OU ML inference']);
    const org = east.Grants!.find((g) => g.GrantName === 'Globex organization analytics')!;
    assert.equal(org.GrantStatus, 'WORKFLOW_COMPLETED');
    assert.match(org.GranteePrincipalArn!, /^arn:aws:organizations::444455556666:organization\/o-/);
  });

  it('filters received grants by ProductSKU, LicenseIssuerName, LicenseArn, GrantStatus and GranterAccountId', async () => {
    const research = client(emu, 'research', 'ap-southeast-2');
    const buyer = client(emu, 'buyer');
    const list = async (c: typeof buyer, name: string, value: string) =>
      grantNames((await c.send(new ListReceivedGrantsCommand({ Filters: [f(name, value)] }))).Grants);
    assert.deepEqual(await list(buyer, 'ProductSKU', 'NW-DPL-STD'), ['Globex data pipeline rollout']);
    assert.equal((await list(buyer, 'LicenseIssuerName', 'Northwind Software')).length, 6);
    assert.deepEqual(await list(buyer, 'LicenseArn', licenseArnBySku(emu, 'NW-LRP-LEG')), ['Globex legacy reporting']);
    assert.deepEqual(await list(buyer, 'GrantStatus', 'PENDING_ACCEPT'), ['Globex data pipeline rollout']);
    assert.deepEqual(await list(research, 'GranterAccountId', BUYER), ['Initech edge agents (from Globex)']);
    assert.deepEqual(await list(research, 'GranterAccountId', SELLER), []);
  });

  it('gets a grant for grantor and grantee, by version too, and refuses others', async () => {
    const g = grantNamed(emu, 'Globex BI dashboards');
    const latest = await client(emu, 'buyer', 'eu-west-1').send(new GetGrantCommand({ GrantArn: g.arn }));
    assert.equal(latest.Grant?.Version, '4');
    assert.equal(latest.Grant?.GrantStatus, 'DISABLED');
    assert.match(latest.Grant?.StatusReason ?? '', /purchase order/);
    const v3 = await client(emu, 'seller').send(new GetGrantCommand({ GrantArn: g.arn, Version: '3' }));
    assert.equal(v3.Grant?.GrantStatus, 'ACTIVE');
    assert.equal(v3.Grant?.StatusReason, undefined);
    await rejectsWith(client(emu, 'seller').send(new GetGrantCommand({ GrantArn: g.arn, Version: '7' })), 'InvalidParameterValueException');
    await rejectsWith(client(emu, 'research').send(new GetGrantCommand({ GrantArn: g.arn })), 'InvalidParameterValueException', 400);
    const deleted = grantNamed(emu, 'Globex legacy reporting');
    const d = await client(emu, 'buyer').send(new GetGrantCommand({ GrantArn: deleted.arn }));
    assert.equal(d.Grant?.GrantStatus, 'DELETED');
  });
});
