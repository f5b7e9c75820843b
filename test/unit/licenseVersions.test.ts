import * as assert from 'node:assert/strict';
import { GetLicenseCommand, GetLicenseUsageCommand, ListLicenseVersionsCommand } from '@aws-sdk/client-license-manager';
import { startEmulator, type RunningEmulator, type Seed } from '../emulator/index';
import type { Json, SeedLicense } from '../emulator/types';
import { demoSeed } from './demoWorld';
import { client, destroyClients, rejectsWith } from './emulatorSupport';

/** Every seller license of the demo seed with its region and the grantee accounts, from the seed file. */
function seededLicenses(seed: Seed): { license: SeedLicense; arn: string; issuer: string; grantees: string[] }[] {
  const out: { license: SeedLicense; arn: string; issuer: string; grantees: string[] }[] = [];
  for (const a of seed.accounts) {
    for (const r of Object.values(a.regions ?? {})) {
      for (const l of r.licenses ?? []) {
        const arn = `arn:aws:license-manager::${a.id}:license:${l.id}`;
        const grantees = seed.accounts
          .flatMap((x) => Object.values(x.regions ?? {}).flatMap((y) => y.grants ?? []))
          .filter((g) => g.licenseArn === arn && g.status !== 'DELETED')
          .map((g) => /^arn:aws:iam::(\d{12}):root$/.exec(g.principal)?.[1])
          .filter((x): x is string => !!x);
        out.push({ license: l, arn, issuer: a.id, grantees });
      }
    }
  }
  return out;
}

describe('license history and usage (emulator, demo seed)', function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  const seed = demoSeed();
  const profileOf = (account: string) => emu.state.identityList().find((i) => i.accountId === account && i.deniedOperations.size === 0)!.profile;
  before(async () => (emu = await startEmulator({})));
  after(async () => {
    destroyClients();
    await emu.close();
  });

  it('answers every version of every license, oldest first, paged, and each one again through GetLicense with Version', async () => {
    let multi = 0;
    for (const { license, arn, issuer } of seededLicenses(seed)) {
      const c = client(emu, profileOf(issuer));
      const listed: Json[] = [];
      let token: string | undefined;
      do {
        const page = await c.send(new ListLicenseVersionsCommand({ LicenseArn: arn, MaxResults: 1, NextToken: token }));
        listed.push(...(page.Licenses as Json[]));
        token = page.NextToken;
      } while (token);
      const history = license.history ?? [];
      assert.equal(listed.length, history.length + 1, license.LicenseName as string);
      if (history.length > 0) multi++;
      listed.forEach((v, i) => {
        assert.equal(v.Version, String(i + 1));
        const expectedChanges = i < history.length ? history[i] : {};
        for (const member of ['LicenseName', 'ProductSKU', 'Status', 'Beneficiary', 'CreateTime', 'Entitlements', 'Validity']) {
          const want = member in expectedChanges ? expectedChanges[member] : license[member];
          assert.deepEqual(v[member], want, `${license.LicenseName as string} v${i + 1} ${member}`);
        }
      });
      for (const v of listed) {
        const got = await c.send(new GetLicenseCommand({ LicenseArn: arn, Version: v.Version as string }));
        assert.deepEqual(got.License, v);
      }
      const latest = await c.send(new GetLicenseCommand({ LicenseArn: arn }));
      assert.deepEqual(latest.License, listed[listed.length - 1]);
      await rejectsWith(c.send(new GetLicenseCommand({ LicenseArn: arn, Version: String(listed.length + 1) })), 'InvalidParameterValueException', 400);
    }
    assert.ok(multi >= 3, 'the demo seed has licenses with several versions');
  });

  it('answers usage per entitlement to the issuer and to grantees, counts as strings, no MaxCount where unlimited', async () => {
    let unlimited = 0;
    for (const { license, arn, issuer, grantees } of seededLicenses(seed)) {
      for (const account of [issuer, ...new Set(grantees)]) {
        const out = await client(emu, profileOf(account)).send(new GetLicenseUsageCommand({ LicenseArn: arn }));
        assert.deepEqual(out.LicenseUsage?.EntitlementUsages, license.usage, `${license.LicenseName as string} as ${account}`);
      }
      for (const u of license.usage ?? []) {
        assert.equal(typeof u.ConsumedValue, 'string');
        if (u.MaxCount === undefined) unlimited++;
      }
    }
    assert.ok(unlimited >= 1);
  });

  it('refuses a license’s versions and usage to an account without a grant of it', async () => {
    // A license granted to accounts only (no organization or OU grant), and an account that is neither issuer nor grantee.
    const principals = (arn: string) =>
      seed.accounts.flatMap((x) => Object.values(x.regions ?? {}).flatMap((y) => y.grants ?? [])).filter((g) => g.licenseArn === arn).map((g) => g.principal);
    const candidates = seededLicenses(seed).filter((l) => l.grantees.length > 0 && principals(l.arn).every((p) => p.includes(':iam::')));
    const pick = candidates
      .map((l) => ({ ...l, stranger: seed.accounts.find((a) => a.id !== l.issuer && !l.grantees.includes(a.id)) }))
      .find((l) => l.stranger);
    assert.ok(pick?.stranger, 'a license and an account without it');
    const { arn } = pick;
    const stranger = { profile: profileOf(pick.stranger.id) };
    const c = client(emu, stranger.profile);
    await rejectsWith(c.send(new GetLicenseUsageCommand({ LicenseArn: arn })), 'InvalidParameterValueException', 400);
    await rejectsWith(c.send(new ListLicenseVersionsCommand({ LicenseArn: arn })), 'InvalidParameterValueException', 400);
    await rejectsWith(c.send(new GetLicenseCommand({ LicenseArn: arn, Version: '1' })), 'InvalidParameterValueException', 400);
  });
});

describe('license usage without seeded usage (emulator)', function () {
  this.timeout(20_000);
  const ACCOUNT = '123412341234';
  const LICENSE = 'l-00000000000000000000000000000abc';
  const seed: Seed = {
    regions: ['us-east-1'],
    accounts: [
      {
        id: ACCOUNT,
        name: 'Issuer',
        profile: 'issuer',
        accessKeyId: 'AKIDISSUER0000000001',
        secretAccessKey: 'issuer-secret',
        defaultRegion: 'us-east-1',
        regions: {
          'us-east-1': {
            licenses: [
              {
                id: LICENSE,
                LicenseName: 'Plain',
                Status: 'AVAILABLE',
                Entitlements: [
                  { Name: 'Seats', MaxCount: 25, Unit: 'Count' },
                  { Name: 'Tier', Value: 'Gold', Unit: 'None' },
                ],
                history: [{ Entitlements: [{ Name: 'Seats', MaxCount: 10, Unit: 'Count' }] }],
              },
            ],
          },
        },
      },
    ],
  };
  let emu: RunningEmulator;
  before(async () => (emu = await startEmulator({ seed })));
  after(async () => {
    destroyClients();
    await emu.close();
  });

  it('answers one usage per entitlement of the current version, nothing consumed, MaxCount as a string where limited', async () => {
    const out = await client(emu, 'issuer').send(new GetLicenseUsageCommand({ LicenseArn: `arn:aws:license-manager::${ACCOUNT}:license:${LICENSE}` }));
    assert.deepEqual(out.LicenseUsage?.EntitlementUsages, [
      { Name: 'Seats', ConsumedValue: '0', MaxCount: '25', Unit: 'Count' },
      { Name: 'Tier', ConsumedValue: '0', Unit: 'None' },
    ]);
  });
});
