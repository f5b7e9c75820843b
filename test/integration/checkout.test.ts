/** Checkout Lab in the host: Generate Checkout Code, Try Checkout with its guards, the Check CodeLens and the crash record. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { OPEN_CHECKOUTS_KEY, type OpenCheckout } from '../../src/checkout/openCheckouts';
import { createCheckoutServices } from '../../src/checkout/services';
import type { TryReport } from '../../src/checkout/tryCheckout';
import { tsString } from '../../src/model/checkoutCode/typescript';
import type { PreflightFinding } from '../../src/model/checkoutPreflight';
import type { CategoryKind, ResourceHolder } from '../../src/model/resources';
import { closeEditorsUnsaved, getApi, useEmulator, waitFor } from '../support';
import { User } from './checkoutUser';

const REGION = 'us-east-1';
const NORTHWIND_FP = 'aws:111122223333:Northwind Software:issuer-fingerprint';

describe('Checkout Lab in the host', function () {
  this.timeout(60_000);
  const env = useEmulator('checkout');
  let api: ExtensionApi;
  let user: User;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.services.context.globalState.update(OPEN_CHECKOUTS_KEY, undefined);
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['seller', 'buyer']);
    user = new User();
    env.current.emulator.requests.length = 0;
  });
  afterEach(async () => {
    user.restore();
    await closeEditorsUnsaved();
  });

  const emu = () => env.current.emulator;
  const ops = (): string[] => emu().requests.filter((r) => !r.operation.startsWith('List') && r.operation !== 'GetLicense').map((r) => `${r.operation} ${r.status}`);
  const sent = (operation: string) => emu().requests.filter((r) => r.operation === operation);
  const held = (sku: string, entitlement: string): number => {
    const l = [...emu().state.licenses.values()].find((x) => emu().state.currentLicense(x).ProductSKU === sku)!;
    let total = 0;
    for (const c of emu().state.checkouts.values()) {
      const live = c.kind === 'PERPETUAL' || (!c.checkedIn && emu().state.now() < c.expiresAt);
      if (c.licenseArn === l.arn && live) for (const e of c.entitlements) if (e.Name === entitlement) total += Number(e.Value ?? 0);
    }
    return total;
  };

  /** The tree node of a license, as the user would find it. */
  async function license(profile: string, category: CategoryKind, sku: string): Promise<ResourceHolder> {
    const find = async (parent: unknown, pick: (n: Record<string, unknown>) => boolean): Promise<unknown> => {
      const kids = await api.explorer.getChildren(parent as never);
      const found = kids.find((c) => pick(c as unknown as Record<string, unknown>));
      if (!found) throw new Error(`not in the tree yet (${kids.length} siblings)`);
      return found;
    };
    return waitFor(async () => {
      const p = await find(undefined, (n) => n.name === profile);
      const r = await find(p, (n) => n.region === REGION);
      const c = await find(r, (n) => n.category === category);
      return (await find(c, (n) => (n.data as { ProductSKU?: string } | undefined)?.ProductSKU === sku)) as ResourceHolder;
    }, 15_000, `${profile} ${category} ${sku}`);
  }

  const tryOn = async (holder: ResourceHolder): Promise<TryReport | undefined> =>
    (await vscode.commands.executeCommand('licenseManager.checkout.try', holder)) as TryReport | undefined;

  describe('Generate Checkout Code', () => {
    const EXPECTED: [string, string, RegExp][] = [
      ['typescript', 'typescript', /new CheckoutLicenseCommand\(\{\n {6}ProductSKU: "LAB-PROV",\n {6}KeyFingerprint: "aws:111122223333:Northwind Software:issuer-fingerprint",\n {6}CheckoutType: "PROVISIONAL",/],
      ['python', 'python', /client\.checkout_license\(\n {12}ProductSKU='LAB-PROV',/],
      ['java', 'java', /\.productSKU\("LAB-PROV"\)/],
      ['go', 'go', /ProductSKU: aws\.String\("LAB-PROV"\),/],
      ['shell', 'shellscript', /--product-sku \$'LAB-PROV'/],
    ];
    for (const [id, languageId, content] of EXPECTED) {
      it(`opens ${id} code for a received license in a ${languageId} document`, async () => {
        const uri = (await vscode.commands.executeCommand('licenseManager.checkout.generateCode', await license('buyer', 'receivedLicenses', 'LAB-PROV'), id)) as vscode.Uri;
        const doc = vscode.window.activeTextEditor!.document;
        assert.equal(doc.uri.toString(), uri.toString());
        assert.equal(doc.languageId, languageId);
        assert.equal(doc.isUntitled, true);
        assert.equal(doc.uri.path.split('/').pop(), { typescript: 'license-check.ts', python: 'license_check.py', java: 'LicenseCheck.java', go: 'main.go', shell: 'license-check.sh' }[id]);
        const text = doc.getText();
        assert.match(text, content);
        assert.match(text, /Users/);
        assert.match(text, /Pro Features/);
        assert.match(text, /"Action": \["license-manager:CheckoutLicense", "license-manager:CheckInLicense", "license-manager:ExtendLicenseConsumption"\]/);
        assert.match(text, /NoEntitlementsAllowedException/);
        assert.doesNotMatch(text, /Beneficiary|beneficiary/, 'a grantee names no beneficiary');
        assert.deepEqual(sent('GetLicense').length + sent('ListReceivedLicenses').length > 0, true, 'the license was read again');
        assert.deepEqual(sent('CheckoutLicense'), [], 'generating consumes nothing');
      });
    }

    it('from the palette: picks a loaded license and a language; the issuer gets the Beneficiary; a borrow license gets CheckoutBorrowLicense', async () => {
      await license('seller', 'licenses', 'LAB-PROV');
      await license('seller', 'licenses', 'LAB-BORROW');
      user.pick = ['Lab Provisional – Buyer', 'TypeScript (AWS SDK for JavaScript v3)'];
      await vscode.commands.executeCommand('licenseManager.checkout.generateCode');
      let text = vscode.window.activeTextEditor!.document.getText();
      assert.match(text, /Beneficiary: "444455556666",/);
      assert.ok(user.picks[1].includes('Go (AWS SDK for Go v2)'));
      await vscode.commands.executeCommand('licenseManager.checkout.generateCode', await license('buyer', 'receivedLicenses', 'LAB-BORROW'), 'python');
      text = vscode.window.activeTextEditor!.document.getText();
      assert.match(text, /client\.checkout_borrow_license\(/);
      assert.match(text, /DigitalSignatureMethod='JWT_PS384'/);
    });

    it('a hostile license name, SKU and entitlement become escaped literals only', async () => {
      await vscode.commands.executeCommand('licenseManager.checkout.generateCode', await license('buyer', 'receivedLicenses', 'LAB-HOSTILE\'"`$(exit 7)'), 'typescript');
      const text = vscode.window.activeTextEditor!.document.getText();
      const l = [...emu().state.licenses.values()].map((x) => emu().state.currentLicense(x)).find((x) => x.ProductSKU === 'LAB-HOSTILE\'"`$(exit 7)')!;
      assert.ok(text.includes(`const LICENSE_NAME = ${tsString(l.LicenseName as string)};`));
      assert.ok(text.includes(`ProductSKU: ${tsString(l.ProductSKU as string)},`));
      assert.ok(text.includes(`{ Name: ${tsString('Seats"); System.exit(7); //\\u000a')}, Unit: "Count", Value: "1" },`));
      assert.doesNotMatch(text, /process\.exit\(7\)[^"]*$/m, 'no hostile text outside a literal');
      assert.match(text, /^[\x09\x0a\x20-\x7e]*$/, 'ASCII only');
    });
  });

  describe('Try Checkout', () => {
    it('shows usage before, holds one unit while the result shows, checks in when it is closed, and shows usage after', async () => {
      const holder = await license('buyer', 'receivedLicenses', 'LAB-PROV');
      user.pick = ['Users'];
      user.confirm = 'Check Out';
      let during = -1;
      let recorded: OpenCheckout[] = [];
      user.onResult = () => {
        during = held('LAB-PROV', 'Users');
        recorded = api.services.context.globalState.get<OpenCheckout[]>(OPEN_CHECKOUTS_KEY) ?? [];
      };
      const report = await tryOn(holder);
      assert.equal(report?.outcome, 'checkedIn');
      assert.deepEqual(user.picks[0], ['Users', 'Pro Features']);
      const confirm = user.shown.find((s) => s.kind === 'warning')!;
      assert.equal(confirm.message, 'Try Checkout of Lab Provisional – Buyer consumes 1 of 10 Users until it is checked in (at most 60 minutes)?');
      assert.match(confirm.detail!, /^In use now: 0 of 10 Count in use\./);
      assert.equal(during, 1, 'one unit held while the result shows');
      assert.equal(recorded.length, 1, 'the open checkout is recorded while it holds the unit');
      assert.equal(recorded[0].licenseArn, holder.resource.arn);
      const result = user.shown.find((s) => s.message === 'Checked out Lab Provisional – Buyer')!;
      assert.match(result.detail!, /Entitlements allowed: Users = 1 \(Count\)\nExpiration: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\nNode id: -\nSigned token: \S{8}…\S{4} \(\d+\)\nIn use before: 0 of 10 Count in use\nClosing this checks the license in\./);
      const token = (emu().requests.find((r) => r.operation === 'CheckInLicense')!.body as { LicenseConsumptionToken: string }).LicenseConsumptionToken;
      assert.ok(!result.detail!.includes(token), 'the consumption token is not shown');
      assert.deepEqual(ops(), ['GetLicenseUsage 200', 'CheckoutLicense 200', 'CheckInLicense 200', 'GetLicenseUsage 200']);
      assert.equal(held('LAB-PROV', 'Users'), 0);
      assert.ok(user.texts('info').includes('Usage of Users: before 0 of 10 Count in use; after 0 of 10 Count in use.'), user.texts('info').join(' | '));
      assert.deepEqual(api.services.context.globalState.get(OPEN_CHECKOUTS_KEY), [], 'nothing left recorded');
    });

    it('checks in when the result is cancelled and when showing it fails', async () => {
      const holder = await license('buyer', 'receivedLicenses', 'LAB-PROV');
      for (const fail of [() => { throw new vscode.CancellationError(); }, () => { throw new Error('the dialog broke'); }]) {
        emu().requests.length = 0;
        user.pick = ['Users'];
        user.confirm = 'Check Out';
        user.onResult = fail;
        await tryOn(holder);
        assert.deepEqual(ops(), ['GetLicenseUsage 200', 'CheckoutLicense 200', 'CheckInLicense 200']);
        assert.equal(held('LAB-PROV', 'Users'), 0);
        assert.deepEqual(api.services.context.globalState.get(OPEN_CHECKOUTS_KEY), []);
      }
      assert.ok(user.texts('error').some((m) => m.includes('the dialog broke')), user.texts('error').join(' | '));
    });

    it('declining the confirmation sends nothing', async () => {
      user.pick = ['Users'];
      user.confirm = undefined;
      const report = await tryOn(await license('buyer', 'receivedLicenses', 'LAB-PROV'));
      assert.equal(report?.outcome, 'declined');
      assert.deepEqual(sent('CheckoutLicense'), []);
    });

    it('PERPETUAL needs the typed confirmation: other text sends nothing; the word consumes the unit for good', async () => {
      const holder = await license('buyer', 'receivedLicenses', 'LAB-PERP');
      user.pick = ['API Calls'];
      user.typed = ['yes'];
      const refused = await tryOn(holder);
      assert.equal(refused?.outcome, 'declined');
      assert.equal(user.asked[0].prompt, 'This checkout consumes 1 of 1000 API Calls permanently. In use now: 0 of 1000 Count in use. Type consume to check out.');
      assert.deepEqual(sent('CheckoutLicense'), []);
      assert.ok(user.texts('warning').includes('Nothing was checked out: the confirmation did not match.'));
      user.pick = ['API Calls'];
      user.typed = ['consume'];
      const report = await tryOn(holder);
      assert.equal(report?.outcome, 'kept');
      assert.equal(held('LAB-PERP', 'API Calls'), 1);
      assert.deepEqual(sent('CheckInLicense'), []);
      assert.equal((sent('CheckoutLicense')[0].body as { CheckoutType: string }).CheckoutType, 'PERPETUAL');
    });

    it('a license without check-in and a Marketplace license need the typed confirmation too', async () => {
      user.pick = ['Seats'];
      user.typed = [undefined];
      await tryOn(await license('seller', 'licenses', 'LAB-LOCKED'));
      assert.equal(user.asked[0].prompt, 'This checkout consumes 1 of 1 Seats for 60 minutes (it cannot be checked in). In use now: 0 of 1 Count in use. Type consume to check out.');
      user.pick = ['Users'];
      user.typed = [undefined];
      await tryOn(await license('buyer', 'receivedLicenses', 'prod-lab1234mkt'));
      assert.equal(user.asked[1].prompt, 'This checkout consumes 1 of 10 Users until it is checked in (at most 60 minutes). In use now: 0 of 10 Count in use. Type consume to check out.');
      assert.deepEqual(sent('CheckoutLicense'), []);
    });

    it('the checkout left open by a closed window is checked in at the next start; a lost answer is replayed with its own ClientToken', async () => {
      const facade = (await api.services.clients()).get('buyer', REGION);
      const request = { productSku: 'LAB-PROV', keyFingerprint: NORTHWIND_FP, checkoutType: 'PROVISIONAL' as const, entitlements: [{ Name: 'Users', Unit: 'Count', Value: '2' }], clientToken: 'crash-1' };
      const made = await facade.checkoutLicense(request);
      const lost = await facade.checkoutLicense({ ...request, clientToken: 'crash-2', entitlements: [{ Name: 'Users', Unit: 'Count', Value: '3' }] });
      assert.ok(lost.consumptionToken);
      assert.equal(held('LAB-PROV', 'Users'), 5);
      const arn = (await license('buyer', 'receivedLicenses', 'LAB-PROV')).resource.arn;
      const base = { profile: 'buyer', region: REGION, licenseArn: arn, startedAt: Date.now() };
      await api.services.context.globalState.update(OPEN_CHECKOUTS_KEY, [
        { ...base, id: 'crash-1', request: { kind: 'checkout', input: request }, consumptionToken: made.consumptionToken },
        { ...base, id: 'crash-2', request: { kind: 'checkout', input: { ...request, clientToken: 'crash-2', entitlements: [{ Name: 'Users', Unit: 'Count', Value: '3' }] } } },
      ]);
      emu().requests.length = 0;
      const started = createCheckoutServices(api.services);
      try {
        assert.equal(await started.leftovers, 2);
      } finally {
        started.dispose();
      }
      assert.equal(held('LAB-PROV', 'Users'), 0);
      assert.deepEqual(ops(), ['CheckInLicense 200', 'CheckoutLicense 200', 'CheckInLicense 200']);
      assert.equal((sent('CheckoutLicense')[0].body as { ClientToken: string }).ClientToken, 'crash-2', 'the same ClientToken, never a new one');
      assert.deepEqual(api.services.context.globalState.get(OPEN_CHECKOUTS_KEY), []);
      assert.ok(user.texts('info').includes('Checked in 2 checkout(s) a previous window left open.'));
    });

    it('a hostile license is named literally in the confirmation', async () => {
      user.pick = ['Seats"); System.exit(7); //\\u000a'];
      user.confirm = undefined;
      await tryOn(await license('buyer', 'receivedLicenses', 'LAB-HOSTILE\'"`$(exit 7)'));
      const confirm = user.shown.find((s) => s.kind === 'warning')!;
      assert.ok(confirm.message.startsWith('Try Checkout of Lab "Hostile"; process.exit(7); // <img src=x onerror=alert(1)>'), confirm.message);
      assert.deepEqual(sent('CheckoutLicense'), []);
    });
  });

  describe('pre-flight', () => {
    const refusedWith = async (holder: ResourceHolder, entitlement: string, message: string): Promise<void> => {
      user.pick = [entitlement];
      user.confirm = 'Check Out';
      const report = await tryOn(holder);
      assert.equal(report?.outcome, 'refused');
      assert.ok(report?.messages.includes(message), report?.messages.join(' | '));
      const shown = user.shown.find((s) => s.message === 'Try Checkout would be refused; nothing was sent.');
      assert.ok(shown?.detail?.includes(message));
      assert.deepEqual(sent('CheckoutLicense'), []);
    };

    it('the grant lacks CheckoutLicense', async () => {
      await refusedWith(await license('buyer', 'receivedLicenses', 'LAB-LOCKED'), 'Seats', 'The grant does not allow CheckoutLicense; it allows: ListPurchasedLicenses.');
    });

    it('the license is not AVAILABLE', async () => {
      await refusedWith(await license('seller', 'licenses', 'LAB-SUSP'), 'Users', 'The license is SUSPENDED, not AVAILABLE.');
    });

    it('check-in not allowed is a warning the Check shows for code of such a license', async () => {
      const uri = (await vscode.commands.executeCommand('licenseManager.checkout.generateCode', await license('seller', 'licenses', 'LAB-LOCKED'), 'go')) as vscode.Uri;
      const findings = (await vscode.commands.executeCommand('licenseManager.checkout.checkCode', uri)) as PreflightFinding[];
      assert.deepEqual(findings.map((f) => [f.severity, f.message]), [['warning', 'This license does not allow check-in: the units stay taken for 60 minutes.']]);
      assert.deepEqual(sent('CheckoutLicense'), []);
    });

    it('the license changed since the code was generated: an entitlement gone, no provisional or borrow configuration', async () => {
      /** A new version of the license, as its issuer would make it. */
      const revise = (sku: string, change: (l: Record<string, unknown>) => void): void => {
        const l = [...emu().state.licenses.values()].find((x) => emu().state.currentLicense(x).ProductSKU === sku)!;
        const next = JSON.parse(JSON.stringify(emu().state.currentLicense(l))) as Record<string, unknown>;
        change(next);
        next.Version = String(l.versions.length + 1);
        l.versions.push(next);
      };
      const check = async (uri: vscode.Uri): Promise<string[]> => ((await vscode.commands.executeCommand('licenseManager.checkout.checkCode', uri)) as PreflightFinding[]).map((f) => f.message);
      const prov = (await vscode.commands.executeCommand('licenseManager.checkout.generateCode', await license('buyer', 'receivedLicenses', 'LAB-PROV'), 'python')) as vscode.Uri;
      const borrow = (await vscode.commands.executeCommand('licenseManager.checkout.generateCode', await license('buyer', 'receivedLicenses', 'LAB-BORROW'), 'java')) as vscode.Uri;
      revise('LAB-PROV', (l) => {
        l.Entitlements = (l.Entitlements as { Name: string }[]).filter((e) => e.Name !== 'Pro Features');
        l.ConsumptionConfiguration = { RenewType: 'None' };
      });
      revise('LAB-BORROW', (l) => {
        l.ConsumptionConfiguration = { RenewType: 'None', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } };
      });
      assert.deepEqual(await check(prov), ['The license has no entitlement named Pro Features.', 'This license has no provisional configuration: a PROVISIONAL checkout is refused.']);
      assert.deepEqual(await check(borrow), ['This license has no borrow configuration: CheckoutBorrowLicense is refused with NoEntitlementsAllowedException.']);
      assert.deepEqual(sent('CheckoutLicense'), []);
    });

    it('the license is out of its validity', async () => {
      await refusedWith(await license('seller', 'licenses', 'LAB-OLD'), 'Users', 'The license expired at 2025-06-30T23:59:59Z.');
    });

    it('the count is above what is left', async () => {
      emu().advanceClock(0);
      const facade = (await api.services.clients()).get('seller', REGION);
      await facade.checkoutLicense({ productSku: 'LAB-LOCKED', keyFingerprint: NORTHWIND_FP, checkoutType: 'PROVISIONAL', entitlements: [{ Name: 'Seats', Unit: 'Count', Value: '1' }], clientToken: 'take-the-seat', beneficiary: '444455556666' });
      emu().requests.length = 0;
      await refusedWith(await license('seller', 'licenses', 'LAB-LOCKED'), 'Seats', 'Entitlement Seats has 0 of 1 Count left; 1 asked for.');
    });

    it('another license shares the SKU and fingerprint: the confirmation names both and the newest', async () => {
      user.pick = ['Users'];
      user.confirm = undefined;
      await tryOn(await license('buyer', 'receivedLicenses', 'LAB-TWIN'));
      const confirm = user.shown.find((s) => s.kind === 'warning')!;
      assert.ok(/Another license shares this SKU and fingerprint: Lab Twin 20\d\d – Buyer and Lab Twin 20\d\d – Buyer\. AWS checks out the newest: Lab Twin 2026 – Buyer\./.test(confirm.detail ?? ''), confirm.detail);
    });

    it('the Check CodeLens runs the pre-flight for the values written in the code', async () => {
      const uri = (await vscode.commands.executeCommand('licenseManager.checkout.generateCode', await license('buyer', 'receivedLicenses', 'LAB-PROV'), 'typescript')) as vscode.Uri;
      const doc = vscode.window.activeTextEditor!.document;
      const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri)) as vscode.CodeLens[];
      const check = lenses.find((l) => l.command?.command === 'licenseManager.checkout.checkCode');
      assert.equal(check?.command?.title, 'Check: would this checkout succeed?');
      let findings = (await vscode.commands.executeCommand(check!.command!.command, ...(check!.command!.arguments ?? []))) as PreflightFinding[];
      assert.deepEqual(findings, []);
      assert.ok(user.texts('info').includes('Check: as far as can be read, AWS would accept this checkout.'));
      const edit = async (from: string, to: string): Promise<void> => {
        const text = doc.getText();
        const at = text.indexOf(from);
        const we = new vscode.WorkspaceEdit();
        we.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
        assert.ok(await vscode.workspace.applyEdit(we));
      };
      await edit('Unit: "Count", Value: "1"', 'Unit: "Count", Value: "11"');
      findings = (await vscode.commands.executeCommand('licenseManager.checkout.checkCode', uri)) as PreflightFinding[];
      assert.deepEqual(findings.map((f) => f.message), ['Entitlement Users has 10 of 10 Count left; 11 asked for.']);
      await edit('Value: "11"', 'Value: ""');
      findings = (await vscode.commands.executeCommand('licenseManager.checkout.checkCode', uri)) as PreflightFinding[];
      assert.deepEqual(findings.map((f) => f.message), ['Entitlement Users needs a Value: a whole number of Count to check out.']);
      await edit('Unit: "Count", Value: ""', 'Unit: "None"');
      findings = (await vscode.commands.executeCommand('licenseManager.checkout.checkCode', uri)) as PreflightFinding[];
      assert.deepEqual(findings.map((f) => f.message), ['Entitlement Users is counted in Count, not None.']);
      assert.deepEqual(sent('CheckoutLicense'), [], 'the check consumes nothing');
    });
  });
});
