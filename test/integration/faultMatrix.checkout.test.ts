/**
 * Fault matrix rows for Try Checkout: a checkout whose answer is lost is resolved by reading usage
 * and checking in what it finds (replaying the request with its own ClientToken to learn the
 * consumption), never by a second checkout with a new ClientToken. Nothing stays held.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TryReport } from '../../src/checkout/tryCheckout';
import { OPEN_CHECKOUTS_KEY } from '../../src/checkout/openCheckouts';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator, waitFor } from '../support';
import { User } from './checkoutUser';
import { NO_FAULTS, setDeadlines, type Faults } from './faultMatrix.support';

const REGION = 'us-east-1';

/** Each fault on the first CheckoutLicense: whether it is switched off once it struck, and the outcome. */
const ROWS: { name: string; faults: Faults; once: boolean; outcome: TryReport['outcome'] }[] = [
  { name: 'no answer', faults: { hang: ['CheckoutLicense'] }, once: true, outcome: 'checkedIn' },
  { name: 'connection reset mid-body', faults: { reset: ['CheckoutLicense'] }, once: true, outcome: 'checkedIn' },
  { name: 'malformed JSON', faults: { malformed: ['CheckoutLicense'] }, once: true, outcome: 'checkedIn' },
  { name: 'fail after commit', faults: { failAfterCommitRate: 1 }, once: true, outcome: 'checkedIn' },
  { name: 'HTML error page (nothing applied)', faults: { html: ['CheckoutLicense'] }, once: false, outcome: 'nothingTaken' },
];

describe('fault matrix: Try Checkout', function () {
  this.timeout(60_000);
  let once = false;
  const env = useEmulator('checkout', {
    onRequest: (e) => {
      if (once && e.operation === 'CheckoutLicense' && (e.fault !== undefined || e.status >= 500)) env.current.emulator.setFaults(NO_FAULTS);
    },
  });
  let api: ExtensionApi;
  let user: User;

  before(() => setDeadlines(true));
  after(() => setDeadlines(false));
  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.services.context.globalState.update(OPEN_CHECKOUTS_KEY, undefined);
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['buyer']);
    user = new User();
  });
  afterEach(() => {
    user.restore();
    env.current.emulator.setFaults(NO_FAULTS);
  });

  async function provisional(): Promise<ResourceHolder> {
    return waitFor(async () => {
      const kids = async (parent: unknown): Promise<Record<string, unknown>[]> => (await api.explorer.getChildren(parent as never)) as unknown as Record<string, unknown>[];
      const p = (await kids(undefined)).find((n) => n.name === 'buyer');
      const r = p && (await kids(p)).find((n) => n.region === REGION);
      const c = r && (await kids(r)).find((n) => n.category === 'receivedLicenses');
      return c && ((await kids(c)).find((n) => (n.data as { ProductSKU?: string }).ProductSKU === 'LAB-PROV') as unknown as ResourceHolder | undefined);
    }, 15_000, 'LAB-PROV in the tree');
  }

  for (const row of ROWS) {
    it(`${row.name}: ${row.outcome === 'checkedIn' ? 'usage shows it was taken; it is checked in' : 'usage shows nothing was taken'}, never a checkout with a new ClientToken`, async () => {
      const holder = await provisional();
      const emu = env.current.emulator;
      emu.requests.length = 0;
      once = row.once;
      emu.setFaults(row.faults);
      user.pick = ['Users'];
      user.confirm = 'Check Out';
      const report = (await vscode.commands.executeCommand('licenseManager.checkout.try', holder)) as TryReport | undefined;
      emu.setFaults(NO_FAULTS);
      assert.equal(report?.outcome, row.outcome, user.shown.map((s) => s.message).join(' | '));
      const tokens = new Set(emu.requests.filter((r) => r.operation === 'CheckoutLicense').map((r) => (r.body as { ClientToken?: string }).ClientToken));
      assert.equal(tokens.size, 1, 'every CheckoutLicense carries the one ClientToken');
      const live = [...emu.state.checkouts.values()].filter((c) => !c.checkedIn && emu.state.now() < c.expiresAt);
      assert.deepEqual(live, [], 'nothing stays held');
      assert.deepEqual(api.services.context.globalState.get(OPEN_CHECKOUTS_KEY), [], 'nothing left recorded');
      assert.equal(report?.usageAfter?.find((u) => u.Name === 'Users')?.ConsumedValue, '0');
    });
  }
});
