import * as assert from 'node:assert/strict';
import {
  ListAssociationsForLicenseConfigurationCommand,
  ListDistributedGrantsCommand,
  ListReceivedLicensesCommand,
  ListUsageForLicenseConfigurationCommand,
} from '@aws-sdk/client-license-manager';
import type { LicenseConfigurationUsage, ListUsageForLicenseConfigurationCommandInput } from '@aws-sdk/client-license-manager';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { BUYER, client, configArnByName, destroyClients, rejectsWith } from './emulatorSupport';

const BAD_TOKEN = /NextToken/;

describe('emulator paging', () => {
  let emu: RunningEmulator;
  let fleet: string;
  before(async () => {
    emu = await startEmulator();
    fleet = configArnByName(emu, 'SQL Server Enterprise fleet');
  });
  after(async () => {
    destroyClients();
    await emu.close();
  });

  async function allUsage(input: ListUsageForLicenseConfigurationCommandInput): Promise<{ items: LicenseConfigurationUsage[]; pages: number[] }> {
    const c = client(emu, 'seller');
    const items: LicenseConfigurationUsage[] = [];
    const pages: number[] = [];
    let token: string | undefined;
    do {
      const out = await c.send(new ListUsageForLicenseConfigurationCommand({ ...input, NextToken: token }));
      items.push(...out.LicenseConfigurationUsageList!);
      pages.push(out.LicenseConfigurationUsageList!.length);
      token = out.NextToken;
      assert.ok(pages.length < 100, 'paging terminates');
    } while (token);
    return { items, pages };
  }

  it('pages through more than 1,000 usage records with no duplicate or missing item', async () => {
    const { items, pages } = await allUsage({ LicenseConfigurationArn: fleet, MaxResults: 100 });
    const expected = emu.state.findConfig(fleet)!.usage.map((u) => u.ResourceArn);
    assert.ok(expected.length > 1000);
    assert.equal(items.length, expected.length);
    assert.equal(new Set(items.map((u) => u.ResourceArn)).size, expected.length, 'no duplicates');
    assert.deepEqual(items.map((u) => u.ResourceArn), expected, 'none missing, stable order');
    assert.deepEqual(pages, [...Array(12).fill(100), 50]);
  });

  it('uses a default page size of 100 and honours any MaxResults', async () => {
    const c = client(emu, 'seller');
    const first = await c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet }));
    assert.equal(first.LicenseConfigurationUsageList!.length, 100);
    assert.ok(first.NextToken);
    const seven = await c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, MaxResults: 7 }));
    assert.equal(seven.LicenseConfigurationUsageList!.length, 7);
    const huge = await c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, MaxResults: 5000 }));
    assert.equal(huge.LicenseConfigurationUsageList!.length, 1250);
    assert.equal(huge.NextToken, undefined, 'no token on the last page');
  });

  it('pages a filtered query', async () => {
    const { items } = await allUsage({ LicenseConfigurationArn: fleet, MaxResults: 50, Filters: [{ Name: 'resourceAccount', Values: [BUYER] }] });
    const expected = emu.state.findConfig(fleet)!.usage.filter((u) => u.ResourceOwnerId === BUYER);
    assert.ok(expected.length > 400);
    assert.deepEqual(items.map((u) => u.ResourceArn), expected.map((u) => u.ResourceArn));
  });

  it('pages associations, received licenses and grants', async () => {
    const c = client(emu, 'seller');
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const out = await c.send(new ListAssociationsForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, MaxResults: 400, NextToken: token }));
      seen.push(...out.LicenseConfigurationAssociations!.map((a) => a.ResourceArn!));
      token = out.NextToken;
    } while (token);
    assert.equal(new Set(seen).size, 1250);

    const b = client(emu, 'buyer');
    const lic: string[] = [];
    const sizes: number[] = [];
    do {
      const out = await b.send(new ListReceivedLicensesCommand({ MaxResults: 2, NextToken: token }));
      lic.push(...out.Licenses!.map((l) => l.LicenseArn!));
      sizes.push(out.Licenses!.length);
      token = out.NextToken;
    } while (token);
    assert.deepEqual(sizes, [2, 2, 2, 1]);
    assert.equal(new Set(lic).size, 7);

    const grants: string[] = [];
    do {
      const out = await c.send(new ListDistributedGrantsCommand({ MaxResults: 4, NextToken: token }));
      grants.push(...out.Grants!.map((g) => g.GrantArn!));
      token = out.NextToken;
    } while (token);
    assert.equal(new Set(grants).size, 9);
  });

  it('refuses tampered, foreign and garbage tokens with InvalidParameterValueException', async () => {
    const c = client(emu, 'seller');
    const first = await c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, MaxResults: 10 }));
    const token = first.NextToken!;
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), o: 500 })).toString('base64url');
    await rejectsWith(c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, NextToken: `${forged}.${mac}` })), 'InvalidParameterValueException', 400, BAD_TOKEN);
    await rejectsWith(c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, NextToken: 'garbage' })), 'InvalidParameterValueException', 400);
    await rejectsWith(
      c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, NextToken: token, Filters: [{ Name: 'resourceType', Values: ['EC2_HOST'] }] })),
      'InvalidParameterValueException',
      400,
      BAD_TOKEN,
    );
    await rejectsWith(c.send(new ListAssociationsForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, NextToken: token })), 'InvalidParameterValueException');
    await rejectsWith(
      client(emu, 'seller', 'eu-west-1').send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, NextToken: token })),
      'InvalidParameterValueException',
    );
    const other = await startEmulator();
    try {
      await rejectsWith(
        client(other, 'seller').send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, NextToken: token })),
        'InvalidParameterValueException',
        400,
        BAD_TOKEN,
      );
    } finally {
      await other.close();
    }
    const again = await c.send(new ListUsageForLicenseConfigurationCommand({ LicenseConfigurationArn: fleet, NextToken: token, MaxResults: 5 }));
    assert.equal(again.LicenseConfigurationUsageList![0].ResourceArn, emu.state.findConfig(fleet)!.usage[10].ResourceArn, 'a token can be reused');
  });
});
