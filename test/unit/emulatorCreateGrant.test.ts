import * as assert from 'node:assert/strict';
import { AcceptGrantCommand, CreateGrantCommand, GetGrantCommand, ListReceivedGrantsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-license-manager';
import type { CreateGrantCommandInput } from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { BUYER, client, destroyClients, grantNamed, licenseArnBySku, rejectsWith, RESEARCH, SELLER } from './emulatorSupport';

describe('emulator CreateGrant', () => {
  let emu: RunningEmulator;
  let base: CreateGrantCommandInput;
  beforeEach(async () => {
    emu = await startEmulator();
    base = {
      ClientToken: 'create-1',
      GrantName: 'Initech dashboards',
      LicenseArn: licenseArnBySku(emu, 'NW-BI-DSH'),
      Principals: [`arn:aws:iam::${RESEARCH}:root`],
      HomeRegion: 'us-east-1',
      AllowedOperations: ['CheckoutLicense', 'CheckInLicense'],
      Tags: [{ Key: 'Team', Value: 'research' }],
    };
  });
  afterEach(async () => {
    destroyClients();
    await emu.close();
  });

  it('creates a PENDING_ACCEPT grant for an account that the grantee then sees and accepts', async () => {
    const out = await client(emu, 'seller').send(new CreateGrantCommand(base));
    assert.equal(out.Status, 'PENDING_ACCEPT');
    assert.equal(out.Version, '1');
    assert.match(out.GrantArn!, new RegExp(`^arn:aws:license-manager::${SELLER}:grant:g-[0-9a-f]{32}$`));
    const research = client(emu, 'research', 'us-east-1');
    const got = (await research.send(new GetGrantCommand({ GrantArn: out.GrantArn }))).Grant!;
    assert.deepEqual(
      [got.GrantName, got.LicenseArn, got.ParentArn, got.GranteePrincipalArn, got.HomeRegion, got.GrantedOperations],
      ['Initech dashboards', base.LicenseArn, base.LicenseArn, base.Principals![0], 'us-east-1', ['CheckoutLicense', 'CheckInLicense']],
    );
    const listed = await research.send(new ListReceivedGrantsCommand({ GrantArns: [out.GrantArn!] }));
    assert.equal(listed.Grants!.length, 1);
    const elsewhere = await client(emu, 'research', 'eu-west-1').send(new ListReceivedGrantsCommand({ GrantArns: [out.GrantArn!] }));
    assert.equal(elsewhere.Grants!.length, 0, 'listed in its home region only');
    const tags = await client(emu, 'seller').send(new ListTagsForResourceCommand({ ResourceArn: out.GrantArn }));
    assert.deepEqual(tags.Tags, [{ Key: 'Team', Value: 'research' }]);
    const accepted = await research.send(new AcceptGrantCommand({ GrantArn: out.GrantArn }));
    assert.equal(accepted.Status, 'DISABLED');
  });

  it('creates WORKFLOW_COMPLETED grants for organizations and OUs', async () => {
    const seller = client(emu, 'seller');
    const org = await seller.send(
      new CreateGrantCommand({ ...base, ClientToken: 'org', Principals: [`arn:aws:organizations::${BUYER}:organization/o-7xk2m9q4ab`] }),
    );
    assert.equal(org.Status, 'WORKFLOW_COMPLETED');
    const ou = await seller.send(
      new CreateGrantCommand({ ...base, ClientToken: 'ou', Principals: [`arn:aws:organizations::${BUYER}:ou/o-7xk2m9q4ab/ou-7xk2-r3s4t5u6`] }),
    );
    assert.equal(ou.Status, 'WORKFLOW_COMPLETED');
    const seen = await client(emu, 'research').send(new ListReceivedGrantsCommand({ GrantArns: [org.GrantArn!, ou.GrantArn!] }));
    assert.equal(seen.Grants!.length, 2);
    const buyerSeen = await client(emu, 'buyer').send(new ListReceivedGrantsCommand({ GrantArns: [org.GrantArn!, ou.GrantArn!] }));
    assert.deepEqual(buyerSeen.Grants!.map((g) => g.GrantArn), [org.GrantArn], 'the OU holds only the research account');
  });

  it('replays a repeated ClientToken and refuses it with different parameters', async () => {
    const seller = client(emu, 'seller');
    const before = emu.state.grants.size;
    const a = await seller.send(new CreateGrantCommand(base));
    const b = await seller.send(new CreateGrantCommand(base));
    assert.deepEqual(b, { ...a, $metadata: b.$metadata });
    assert.equal(emu.state.grants.size, before + 1);
    await rejectsWith(seller.send(new CreateGrantCommand({ ...base, GrantName: 'Other name' })), 'ValidationException', 400, /ClientToken/);
    assert.equal(emu.state.grants.size, before + 1);
    const other = await client(emu, 'buyer', 'ap-southeast-2').send(
      new CreateGrantCommand({ ...base, LicenseArn: licenseArnBySku(emu, 'NW-EDG-AGT'), HomeRegion: 'ap-southeast-2' }),
    );
    assert.equal(other.Status, 'PENDING_ACCEPT', 'tokens are per account');
  });

  it('refuses self grants, non-account principals, wrong home regions and unavailable licenses', async () => {
    const seller = client(emu, 'seller');
    await rejectsWith(seller.send(new CreateGrantCommand({ ...base, ClientToken: 's', Principals: [`arn:aws:iam::${SELLER}:root`] })), 'InvalidParameterValueException', 400);
    await rejectsWith(
      seller.send(new CreateGrantCommand({ ...base, ClientToken: 'r', Principals: [`arn:aws:iam::${RESEARCH}:role/Admin`] })),
      'InvalidParameterValueException',
      400,
      /principal/,
    );
    await rejectsWith(seller.send(new CreateGrantCommand({ ...base, ClientToken: 'h', HomeRegion: 'eu-west-1' })), 'InvalidParameterValueException', 400, /home region/);
    await rejectsWith(
      seller.send(new CreateGrantCommand({ ...base, ClientToken: 'x', LicenseArn: licenseArnBySku(emu, 'NW-LRP-LEG') })),
      'InvalidParameterValueException',
      400,
      /EXPIRED/,
    );
    await rejectsWith(
      seller.send(new CreateGrantCommand({ ...base, ClientToken: 'u', LicenseArn: `arn:aws:license-manager::${SELLER}:license:l-00000000000000000000000000000000` })),
      'InvalidParameterValueException',
    );
  });

  it('lets a grantee redistribute only through an ACTIVE grant that allows CreateGrant, within its operations', async () => {
    const buyer = client(emu, 'buyer', 'ap-southeast-2');
    const edge = licenseArnBySku(emu, 'NW-EDG-AGT');
    const ok = await buyer.send(new CreateGrantCommand({ ...base, ClientToken: 'redist', LicenseArn: edge, HomeRegion: 'ap-southeast-2' }));
    const got = (await buyer.send(new GetGrantCommand({ GrantArn: ok.GrantArn }))).Grant!;
    assert.equal(got.ParentArn, grantNamed(emu, 'Globex APAC edge agents').arn);
    assert.match(got.GrantArn!, new RegExp(`::${BUYER}:grant:`));
    await rejectsWith(
      buyer.send(new CreateGrantCommand({ ...base, ClientToken: 'redist-2', LicenseArn: edge, HomeRegion: 'ap-southeast-2', AllowedOperations: ['CreateToken'] })),
      'InvalidParameterValueException',
      400,
      /CreateToken/,
    );
    await rejectsWith(
      client(emu, 'buyer').send(new CreateGrantCommand({ ...base, ClientToken: 'nope', LicenseArn: licenseArnBySku(emu, 'NW-ANL-ENT') })),
      'AccessDeniedException',
      401,
      /CreateGrant/,
    );
  });
});
