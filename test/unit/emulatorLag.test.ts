import * as assert from 'node:assert/strict';
import {
  AcceptGrantCommand,
  GetGrantCommand,
  ListDistributedGrantsCommand,
  ListReceivedGrantsCommand,
  ListReceivedLicensesCommand,
} from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { client, destroyClients, grantNamed } from './emulatorSupport';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('emulator --lag', function () {
  this.timeout(60_000);
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    destroyClients();
    await emu?.close();
    emu = undefined;
  });

  async function listedStatus(profile: string, list: 'received' | 'distributed', arn: string): Promise<[string?, string?]> {
    const c = client(emu!, profile);
    const out =
      list === 'received'
        ? await c.send(new ListReceivedGrantsCommand({ GrantArns: [arn] }))
        : await c.send(new ListDistributedGrantsCommand({ GrantArns: [arn] }));
    const g = out.Grants?.[0];
    return [g?.GrantStatus, g?.Version];
  }

  it('lists trail a change by the lag on both sides while GetGrant is current, then catch up', async () => {
    emu = await startEmulator({ lagMs: 1500 });
    const arn = grantNamed(emu, 'Globex data pipeline rollout').arn;
    const buyer = client(emu, 'buyer');
    const accepted = await buyer.send(new AcceptGrantCommand({ GrantArn: arn }));
    assert.deepEqual([accepted.Status, accepted.Version], ['DISABLED', '2']);
    const read = await buyer.send(new GetGrantCommand({ GrantArn: arn }));
    assert.deepEqual([read.Grant?.GrantStatus, read.Grant?.Version], ['DISABLED', '2']);
    assert.deepEqual(await listedStatus('buyer', 'received', arn), ['PENDING_ACCEPT', '1']);
    assert.deepEqual(await listedStatus('seller', 'distributed', arn), ['PENDING_ACCEPT', '1']);
    const licenses = await buyer.send(new ListReceivedLicensesCommand({ LicenseArns: [read.Grant!.LicenseArn!] }));
    assert.equal(licenses.Licenses?.[0]?.ReceivedMetadata?.ReceivedStatus, 'PENDING_ACCEPT');
    await sleep(1700);
    assert.deepEqual(await listedStatus('buyer', 'received', arn), ['DISABLED', '2']);
    assert.deepEqual(await listedStatus('seller', 'distributed', arn), ['DISABLED', '2']);
  });

  it('without a lag, and after setFaults({ lagMs: 0 }), lists are current at once', async () => {
    emu = await startEmulator();
    const arn = grantNamed(emu, 'Globex data pipeline rollout').arn;
    await client(emu, 'buyer').send(new AcceptGrantCommand({ GrantArn: arn }));
    assert.deepEqual(await listedStatus('buyer', 'received', arn), ['DISABLED', '2']);
    const eu = grantNamed(emu, 'Globex EU analytics').arn;
    emu.setFaults({ lagMs: 60_000 });
    await client(emu, 'buyer', 'eu-west-1').send(new AcceptGrantCommand({ GrantArn: eu }));
    const received = async (): Promise<string | undefined> =>
      (await client(emu!, 'buyer', 'eu-west-1').send(new ListReceivedGrantsCommand({ GrantArns: [eu] }))).Grants?.[0]?.GrantStatus;
    assert.equal(await received(), 'PENDING_ACCEPT');
    emu.setFaults({ lagMs: 0 });
    assert.equal(await received(), 'DISABLED');
  });

  it('refuses a negative or non-numeric lag', () => {
    return startEmulator().then((e) => {
      emu = e;
      assert.throws(() => e.setFaults({ lagMs: -1 }), /Invalid fault option lagMs: -1/);
      assert.throws(() => e.setFaults({ lagMs: Number.NaN }), /Invalid fault option lagMs: NaN/);
    });
  });
});
