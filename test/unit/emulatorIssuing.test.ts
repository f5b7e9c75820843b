import * as assert from 'node:assert/strict';
import {
  CreateLicenseCommand,
  CreateLicenseVersionCommand,
  CreateTokenCommand,
  DeleteLicenseCommand,
  DeleteTokenCommand,
  GetAccessTokenCommand,
  GetGrantCommand,
  GetLicenseCommand,
  ListLicenseVersionsCommand,
  ListLicensesCommand,
  ListTagsForResourceCommand,
  ListTokensCommand,
} from '@aws-sdk/client-license-manager';
import type { CreateLicenseCommandInput, DeleteLicenseCommandInput } from '@aws-sdk/client-license-manager';
import { ISSUING_SEED, newLicense, RENDER_ARN, RENDER_GRANT } from './issuingSupport';
import { startEmulator } from '../emulator';
import type { RunningEmulator } from '../emulator';
import { client, destroyClients, rejectsWith } from './emulatorSupport';

describe('emulator license issuing and tokens', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ seed: ISSUING_SEED });
  });
  afterEach(async () => {
    destroyClients();
    await emu.close();
  });

  it('CreateLicense makes an AVAILABLE version 1 that ListLicenses and GetLicense show; the same ClientToken replays it', async () => {
    const seller = client(emu, 'issuer');
    const out = await seller.send(new CreateLicenseCommand(newLicense()));
    assert.deepEqual([out.Status, out.Version], ['AVAILABLE', '1']);
    assert.match(out.LicenseArn!, /^arn:aws:license-manager::123412341234:license:l-[0-9a-f]{32}$/);
    const again = await seller.send(new CreateLicenseCommand(newLicense()));
    assert.equal(again.LicenseArn, out.LicenseArn);
    const listed = await seller.send(new ListLicensesCommand({}));
    assert.deepEqual(listed.Licenses!.map((l) => l.ProductSKU), ['TS-RENDER', 'TS-TRIAL']);
    const got = (await seller.send(new GetLicenseCommand({ LicenseArn: out.LicenseArn }))).License!;
    assert.deepEqual(got.Entitlements, newLicense().Entitlements);
    assert.deepEqual(got.Issuer, { Name: 'Tailspin Software', KeyFingerprint: 'aws:123412341234:Tailspin Software:issuer-fingerprint' });
    assert.deepEqual((await seller.send(new ListTagsForResourceCommand({ ResourceArn: out.LicenseArn }))).Tags, [{ Key: 'Team', Value: 'sales' }]);
    assert.deepEqual([got.LicenseName, got.Beneficiary, got.HomeRegion, got.Status, got.Version], ['Tailspin Trial', 'northwind', 'us-east-1', 'AVAILABLE', '1']);
    await rejectsWith(seller.send(new CreateLicenseCommand({ ...newLicense(), LicenseName: 'Other' })), 'ValidationException', 400, /ClientToken create-1 was already used/);
  });

  it('CreateLicense refuses model violations in one ValidationException and cross-member mistakes as invalid parameters', async () => {
    const seller = client(emu, 'issuer');
    const bad = { ...newLicense(), Entitlements: [{ Name: 'Seats', Unit: 'Seats' as 'Count' }], Validity: { Begin: 'tomorrow' } };
    await rejectsWith(
      seller.send(new CreateLicenseCommand(bad)),
      'ValidationException',
      400,
      /^2 validation errors detected: Value 'tomorrow' at 'validity\.begin' failed to satisfy constraint: Member must satisfy regular expression pattern: .*; Value 'Seats' at 'entitlements\.1\.member\.unit' failed to satisfy constraint: Member must satisfy enum value set: \[Count, None,/,
    );
    const { Beneficiary: _b, ...noBeneficiary } = newLicense();
    await rejectsWith(seller.send(new CreateLicenseCommand(noBeneficiary as CreateLicenseCommandInput)), 'ValidationException', 400, /'beneficiary' failed to satisfy constraint: Member must not be null/);
    const both = { ...newLicense(), ConsumptionConfiguration: { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 }, BorrowConfiguration: { AllowEarlyCheckIn: true, MaxTimeToLiveInMinutes: 60 } } };
    await rejectsWith(seller.send(new CreateLicenseCommand(both)), 'InvalidParameterValueException', 400, /exactly one of ProvisionalConfiguration and BorrowConfiguration/);
    const backwards = { ...newLicense(), Validity: { Begin: '2026-02-01T00:00:00Z', End: '2026-01-01T00:00:00Z' } };
    await rejectsWith(seller.send(new CreateLicenseCommand(backwards)), 'InvalidParameterValueException', 400, /must be after Begin/);
    const noneWithCount = { ...newLicense(), Entitlements: [{ Name: 'Support', Unit: 'None' as const, MaxCount: 3 }] };
    await rejectsWith(seller.send(new CreateLicenseCommand(noneWithCount)), 'InvalidParameterValueException', 400, /unit None: use Value, not MaxCount/);
    await rejectsWith(client(emu, 'issuer', 'eu-west-1').send(new CreateLicenseCommand(newLicense('elsewhere'))), 'RedirectException', 308);
    assert.equal((await seller.send(new ListLicensesCommand({}))).Licenses!.length, 1);
  });

  it('CreateLicenseVersion appends a version from the current one; a stale SourceVersion is a ConflictException', async () => {
    const seller = client(emu, 'issuer');
    const cur = (await seller.send(new GetLicenseCommand({ LicenseArn: RENDER_ARN }))).License!;
    const change = {
      ClientToken: 'v2',
      LicenseArn: RENDER_ARN,
      LicenseName: 'Tailspin Render Farm (2026)',
      ProductName: cur.ProductName,
      Issuer: { Name: 'Tailspin Software' },
      HomeRegion: 'us-east-1',
      Validity: cur.Validity,
      Entitlements: [{ Name: 'Nodes', Unit: 'Count' as const, MaxCount: 60 }],
      ConsumptionConfiguration: cur.ConsumptionConfiguration,
      Status: 'AVAILABLE' as const,
      SourceVersion: '1',
    };
    const out = await seller.send(new CreateLicenseVersionCommand(change));
    assert.deepEqual([out.LicenseArn, out.Version, out.Status], [RENDER_ARN, '2', 'AVAILABLE']);
    const versions = (await seller.send(new ListLicenseVersionsCommand({ LicenseArn: RENDER_ARN }))).Licenses!;
    assert.deepEqual(versions.map((v) => [v.Version, v.LicenseName, v.Entitlements!.length]), [['1', 'Tailspin Render Farm', 2], ['2', 'Tailspin Render Farm (2026)', 1]]);
    assert.equal(versions[1].ProductSKU, 'TS-RENDER');
    await rejectsWith(seller.send(new CreateLicenseVersionCommand({ ...change, ClientToken: 'v3' })), 'ConflictException', 409, /source version 1 is not the current version .* the current version is 2/);
    await rejectsWith(seller.send(new CreateLicenseVersionCommand({ ...change, ClientToken: 'v4', SourceVersion: '2', Status: 'EXPIRED' })), 'InvalidParameterValueException', 400, /use AVAILABLE or DEACTIVATED/);
    await rejectsWith(client(emu, 'customer').send(new CreateLicenseVersionCommand({ ...change, ClientToken: 'v5', SourceVersion: '2' })), 'AccessDeniedException', 401);
    const off = await seller.send(new CreateLicenseVersionCommand({ ...change, ClientToken: 'v6', SourceVersion: '2', Status: 'DEACTIVATED' }));
    assert.deepEqual([off.Version, off.Status], ['3', 'DEACTIVATED']);
  });

  it('DeleteLicense needs the current SourceVersion, answers PENDING_DELETE, then the license reads DELETED and its grants follow', async () => {
    const seller = client(emu, 'issuer');
    await rejectsWith(seller.send(new DeleteLicenseCommand({ LicenseArn: RENDER_ARN, SourceVersion: '7' })), 'ConflictException', 409);
    await rejectsWith(seller.send(new DeleteLicenseCommand({ LicenseArn: RENDER_ARN } as DeleteLicenseCommandInput)), 'ValidationException', 400, /'sourceVersion' failed to satisfy constraint: Member must not be null/);
    const out = await seller.send(new DeleteLicenseCommand({ LicenseArn: RENDER_ARN, SourceVersion: '1' }));
    assert.equal(out.Status, 'PENDING_DELETE');
    assert.match(out.DeletionDate!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal((await seller.send(new GetLicenseCommand({ LicenseArn: RENDER_ARN }))).License!.Status, 'DELETED');
    assert.equal((await seller.send(new GetGrantCommand({ GrantArn: RENDER_GRANT }))).Grant!.GrantStatus, 'DELETED');
    await rejectsWith(seller.send(new DeleteLicenseCommand({ LicenseArn: RENDER_ARN, SourceVersion: '1' })), 'InvalidParameterValueException', 400, /is DELETED/);
  });

  it('CreateToken returns a JWT once; ListTokens shows its data by license; GetAccessToken exchanges it until DeleteToken', async () => {
    const seller = client(emu, 'issuer');
    const created = await seller.send(
      new CreateTokenCommand({ ClientToken: 't1', LicenseArn: RENDER_ARN, RoleArns: ['arn:aws:iam::567856785678:role/Render'], ExpirationInDays: 30, TokenProperties: ['site=lab'] }),
    );
    assert.equal(created.TokenType, 'REFRESH_TOKEN');
    assert.match(created.Token!, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const listed = (await seller.send(new ListTokensCommand({ Filters: [{ Name: 'LicenseArns', Values: [RENDER_ARN] }] }))).Tokens!;
    assert.equal(listed.length, 1);
    assert.deepEqual([listed[0].TokenId, listed[0].LicenseArn, listed[0].RoleArns, listed[0].TokenProperties, listed[0].Status], [created.TokenId, RENDER_ARN, ['arn:aws:iam::567856785678:role/Render'], ['site=lab'], 'AVAILABLE']);
    assert.equal(JSON.stringify(listed).includes(created.Token!), false);
    const days = (Date.parse(listed[0].ExpirationTime!) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `expires in 30 days, got ${days}`);
    assert.equal((await seller.send(new ListTokensCommand({ Filters: [{ Name: 'LicenseArns', Values: ['arn:aws:license-manager::123412341234:license:l-0'] }] }))).Tokens!.length, 0);
    const access = await client(emu, 'customer').send(new GetAccessTokenCommand({ Token: created.Token, TokenProperties: ['site=lab'] }));
    assert.match(access.AccessToken!, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    await seller.send(new DeleteTokenCommand({ TokenId: created.TokenId }));
    assert.equal((await seller.send(new ListTokensCommand({}))).Tokens!.length, 0);
    await rejectsWith(seller.send(new DeleteTokenCommand({ TokenId: created.TokenId })), 'ResourceNotFoundException', 400);
    await rejectsWith(client(emu, 'customer').send(new GetAccessTokenCommand({ Token: created.Token })), 'AuthorizationException', 403);
  });

  it('CreateToken validates its members and stops at the per-license limit', async () => {
    const seller = client(emu, 'issuer');
    await rejectsWith(
      seller.send(new CreateTokenCommand({ ClientToken: 'x', LicenseArn: RENDER_ARN, RoleArns: ['role/Render'], TokenProperties: ['a', 'b', 'c', 'd'] })),
      'ValidationException',
      400,
      /^2 validation errors detected: .*'roleArns\.1\.member'.*; .*'tokenProperties' failed to satisfy constraint: Member must have length less than or equal to 3$/,
    );
    for (let i = 0; i < 10; i++) await seller.send(new CreateTokenCommand({ ClientToken: `n${i}`, LicenseArn: RENDER_ARN }));
    await rejectsWith(seller.send(new CreateTokenCommand({ ClientToken: 'n10', LicenseArn: RENDER_ARN })), 'ResourceLimitExceededException', 400, /already has 10 tokens/);
    await rejectsWith(client(emu, 'issuer', 'eu-west-1').send(new CreateTokenCommand({ ClientToken: 'r', LicenseArn: RENDER_ARN })), 'RedirectException', 308);
  });
});
