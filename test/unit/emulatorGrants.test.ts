import * as assert from 'node:assert/strict';
import {
  AcceptGrantCommand,
  CreateGrantVersionCommand,
  DeleteGrantCommand,
  GetGrantCommand,
  GetLicenseCommand,
  ListDistributedGrantsCommand,
  ListReceivedLicensesCommand,
  RejectGrantCommand,
} from '@aws-sdk/client-license-manager';
import type { CreateGrantVersionCommandInput, LicenseManagerClient } from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { client, destroyClients, grantNamed, rejectsWith } from './emulatorSupport';

async function received(c: LicenseManagerClient, licenseArn: string) {
  const out = await c.send(new ListReceivedLicensesCommand({ LicenseArns: [licenseArn] }));
  assert.equal(out.Licenses?.length, 1);
  return out.Licenses![0].ReceivedMetadata!;
}

describe('emulator grant lifecycle', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(async () => {
    destroyClients();
    await emu.close();
  });

  it('accept → activate → deactivate → rename → delete, versions bumping and the received license mirroring', async () => {
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    const buyer = client(emu, 'buyer');
    const seller = client(emu, 'seller');
    assert.equal((await received(buyer, g.versions[0].LicenseArn)).ReceivedStatus, 'PENDING_ACCEPT');

    const accepted = await buyer.send(new AcceptGrantCommand({ GrantArn: g.arn }));
    assert.deepEqual([accepted.GrantArn, accepted.Status, accepted.Version], [g.arn, 'DISABLED', '2']);
    assert.equal((await received(buyer, g.versions[0].LicenseArn)).ReceivedStatus, 'DISABLED');

    const active = await buyer.send(
      new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'activate-1', Status: 'ACTIVE', StatusReason: 'Rolled out to stores', SourceVersion: '2' }),
    );
    assert.deepEqual([active.Status, active.Version], ['ACTIVE', '3']);
    const meta = await received(buyer, g.versions[0].LicenseArn);
    assert.deepEqual([meta.ReceivedStatus, meta.ReceivedStatusReason], ['ACTIVE', 'Rolled out to stores']);

    const off = await seller.send(
      new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'deactivate-1', Status: 'DISABLED', StatusReason: 'Invoice overdue' }),
    );
    assert.deepEqual([off.Status, off.Version], ['DISABLED', '4']);
    const meta2 = await received(buyer, g.versions[0].LicenseArn);
    assert.deepEqual([meta2.ReceivedStatus, meta2.ReceivedStatusReason], ['DISABLED', 'Invoice overdue']);

    const renamed = await seller.send(
      new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'rename-1', GrantName: 'Pipeline (renamed)', AllowedOperations: ['CheckoutLicense'] }),
    );
    assert.deepEqual([renamed.Status, renamed.Version], ['DISABLED', '5']);
    const cur = (await buyer.send(new GetGrantCommand({ GrantArn: g.arn }))).Grant!;
    assert.deepEqual([cur.GrantName, cur.GrantedOperations, cur.StatusReason], ['Pipeline (renamed)', ['CheckoutLicense'], 'Invoice overdue']);
    assert.deepEqual((await received(buyer, g.versions[0].LicenseArn)).AllowedOperations, ['CheckoutLicense']);

    await rejectsWith(seller.send(new DeleteGrantCommand({ GrantArn: g.arn, Version: '4' })), 'InvalidParameterValueException', 400, /version/);
    const deleted = await seller.send(new DeleteGrantCommand({ GrantArn: g.arn, Version: '5', StatusReason: 'Replaced by a new contract' }));
    assert.deepEqual([deleted.Status, deleted.Version], ['DELETED', '6']);
    const after = (await seller.send(new GetGrantCommand({ GrantArn: g.arn }))).Grant!;
    assert.deepEqual([after.GrantStatus, after.StatusReason], ['DELETED', 'Replaced by a new contract']);
    const listed = await seller.send(new ListDistributedGrantsCommand({ GrantArns: [g.arn] }));
    assert.equal(listed.Grants![0].GrantStatus, 'DELETED');
    const meta3 = await received(buyer, g.versions[0].LicenseArn);
    assert.deepEqual([meta3.ReceivedStatus, meta3.ReceivedStatusReason], ['DELETED', 'Replaced by a new contract']);
    await rejectsWith(buyer.send(new GetLicenseCommand({ LicenseArn: g.versions[0].LicenseArn })), 'InvalidParameterValueException');
    await rejectsWith(seller.send(new DeleteGrantCommand({ GrantArn: g.arn, Version: '6' })), 'InvalidParameterValueException');
    await rejectsWith(
      buyer.send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'late', Status: 'ACTIVE' })),
      'InvalidParameterValueException',
    );
    assert.deepEqual(g.versions.map((v) => v.Version), ['1', '2', '3', '4', '5', '6']);
  });

  it('lets only the grantee accept or reject', async () => {
    const g = grantNamed(emu, 'Globex EU analytics');
    await rejectsWith(client(emu, 'seller').send(new AcceptGrantCommand({ GrantArn: g.arn })), 'AccessDeniedException', 401, /grantee/);
    await rejectsWith(client(emu, 'seller').send(new RejectGrantCommand({ GrantArn: g.arn })), 'AccessDeniedException', 401);
    await rejectsWith(client(emu, 'research').send(new AcceptGrantCommand({ GrantArn: g.arn })), 'InvalidParameterValueException');
    assert.equal(g.versions.length, 1);
    const rejected = await client(emu, 'buyer', 'eu-west-1').send(new RejectGrantCommand({ GrantArn: g.arn }));
    assert.deepEqual([rejected.Status, rejected.Version], ['REJECTED', '2']);
    assert.equal((await received(client(emu, 'buyer'), g.versions[0].LicenseArn)).ReceivedStatus, 'REJECTED');
  });

  it('refuses to reject from terminal states and to accept twice', async () => {
    const buyer = client(emu, 'buyer');
    await rejectsWith(buyer.send(new RejectGrantCommand({ GrantArn: grantNamed(emu, 'Globex secure gateway trial').arn })), 'InvalidParameterValueException', 400);
    await rejectsWith(buyer.send(new RejectGrantCommand({ GrantArn: grantNamed(emu, 'Globex legacy reporting').arn })), 'InvalidParameterValueException');
    await rejectsWith(buyer.send(new RejectGrantCommand({ GrantArn: grantNamed(emu, 'Globex organization analytics').arn })), 'InvalidParameterValueException');
    const active = grantNamed(emu, 'Globex analytics production');
    await rejectsWith(buyer.send(new AcceptGrantCommand({ GrantArn: active.arn })), 'InvalidParameterValueException', 400, /PENDING_ACCEPT/);
    const r = await buyer.send(new RejectGrantCommand({ GrantArn: active.arn }));
    assert.equal(r.Status, 'REJECTED');
  });

  it('lets only the grantor delete, rename or change operations; both sides change the status', async () => {
    const g = grantNamed(emu, 'Globex BI dashboards');
    const buyer = client(emu, 'buyer');
    await rejectsWith(buyer.send(new DeleteGrantCommand({ GrantArn: g.arn, Version: '4' })), 'AccessDeniedException', 401, /grantor/);
    await rejectsWith(buyer.send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'n', GrantName: 'Mine now' })), 'AccessDeniedException', 401);
    await rejectsWith(buyer.send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'o', AllowedOperations: ['CheckoutLicense'] })), 'AccessDeniedException');
    const on = await buyer.send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'on', Status: 'ACTIVE' }));
    assert.deepEqual([on.Status, on.Version], ['ACTIVE', '5']);
    assert.equal(emu.state.currentGrant(g).StatusReason, undefined, 'a status change without reason clears the old reason');
    const off = await client(emu, 'seller').send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'off', Status: 'DISABLED' }));
    assert.deepEqual([off.Status, off.Version], ['DISABLED', '6']);
  });

  it('allows only ACTIVE or DISABLED from an accepted grant, and refuses a stale SourceVersion', async () => {
    const pending = grantNamed(emu, 'Globex data pipeline rollout');
    const buyer = client(emu, 'buyer');
    await rejectsWith(
      buyer.send(new CreateGrantVersionCommand({ GrantArn: pending.arn, ClientToken: 'a', Status: 'ACTIVE' })),
      'InvalidParameterValueException',
      400,
      /accepted/,
    );
    const active = grantNamed(emu, 'Globex analytics production');
    await rejectsWith(
      buyer.send(new CreateGrantVersionCommand({ GrantArn: active.arn, ClientToken: 'b', Status: 'PENDING_ACCEPT' })),
      'InvalidParameterValueException',
      400,
      /ACTIVE or DISABLED/,
    );
    await rejectsWith(
      buyer.send(new CreateGrantVersionCommand({ GrantArn: active.arn, ClientToken: 'c', Status: 'DISABLED', SourceVersion: '2' })),
      'InvalidParameterValueException',
      400,
      /version/,
    );
    await rejectsWith(
      buyer.send(new CreateGrantVersionCommand({ GrantArn: active.arn, ClientToken: 'd', Status: 'DISABLED', Options: { ActivationOverrideBehavior: 'DISTRIBUTED_GRANTS_ONLY' } })),
      'InvalidParameterValueException',
    );
    assert.equal(active.versions.length, 3);
    const ok = await buyer.send(
      new CreateGrantVersionCommand({ GrantArn: active.arn, ClientToken: 'e', Status: 'ACTIVE', Options: { ActivationOverrideBehavior: 'DISTRIBUTED_GRANTS_ONLY' }, SourceVersion: '3' }),
    );
    assert.equal(ok.Version, '4');
    assert.deepEqual(emu.state.currentGrant(active).Options, { ActivationOverrideBehavior: 'DISTRIBUTED_GRANTS_ONLY' });
  });

  it('counts the StatusReason length in characters, not UTF-16 units', async () => {
    const g = grantNamed(emu, 'Globex analytics production');
    const buyer = client(emu, 'buyer');
    const reason = (n: number) => '\u{1F600}'.repeat(n);
    await rejectsWith(
      buyer.send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'long', Status: 'DISABLED', StatusReason: reason(401) })),
      'ValidationException',
      400,
      /less than or equal to 400/,
    );
    const ok = await buyer.send(new CreateGrantVersionCommand({ GrantArn: g.arn, ClientToken: 'emoji', Status: 'DISABLED', StatusReason: reason(400) }));
    assert.equal(ok.Status, 'DISABLED');
    assert.equal(emu.state.currentGrant(g).StatusReason, reason(400));
  });

  it('replays CreateGrantVersion for a repeated ClientToken and refuses it with other parameters', async () => {
    const g = grantNamed(emu, 'Globex analytics production');
    const buyer = client(emu, 'buyer');
    const input: CreateGrantVersionCommandInput = { GrantArn: g.arn, ClientToken: 'same-token', Status: 'DISABLED', StatusReason: 'Pause' };
    const first = await buyer.send(new CreateGrantVersionCommand(input));
    const again = await buyer.send(new CreateGrantVersionCommand(input));
    assert.deepEqual([again.GrantArn, again.Status, again.Version], [first.GrantArn, first.Status, first.Version]);
    assert.equal(g.versions.length, 4);
    await rejectsWith(buyer.send(new CreateGrantVersionCommand({ ...input, StatusReason: 'Other' })), 'ValidationException', 400, /ClientToken/);
    assert.equal(g.versions.length, 4);
  });

  it('keeps older versions readable with GetGrant Version', async () => {
    const g = grantNamed(emu, 'Globex data pipeline rollout');
    await client(emu, 'buyer').send(new AcceptGrantCommand({ GrantArn: g.arn }));
    const v1 = await client(emu, 'seller').send(new GetGrantCommand({ GrantArn: g.arn, Version: '1' }));
    const v2 = await client(emu, 'seller').send(new GetGrantCommand({ GrantArn: g.arn, Version: '2' }));
    assert.deepEqual([v1.Grant?.GrantStatus, v2.Grant?.GrantStatus], ['PENDING_ACCEPT', 'DISABLED']);
  });
});
