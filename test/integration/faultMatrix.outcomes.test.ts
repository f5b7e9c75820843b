/**
 * The fault matrix's outcome rows: a write whose answer is lost is read again, and the user is told
 * exactly what happened. A write that landed ("fail after commit": applied, then answered 500) is
 * told as done "(the first answer was lost)"; one that never reached the service (a gateway's HTML
 * page) as "Nothing was changed."; a new grant that cannot be found is unknown, never "landed"
 * because an older grant has the same name, and sending the same request again reuses its
 * ClientToken. Short deadlines as in the matrix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator, waitFor } from '../support';
import { children, label, path, selectOnly } from './explorerSupport';
import { NO_FAULTS, DEADLINES, WindowSpy, report, setDeadlines, type Faults } from './faultMatrix.support';
import { acceptQuickPicks } from './quickPicks';

const REGION = 'us-east-1';
const RECEIVED = 'Received grants';
const ANSWER_WITHIN_MS = (DEADLINES.callTimeout * 2 + 4) * 1000;
const BUYER_ROOT = 'arn:aws:iam::222222222222:root';

const ACTIONS = [
  { action: 'accept', op: 'AcceptGrant', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam pipeline', inputs: [], answer: undefined, status: 'DISABLED', landed: 'Accepted', version: '2' },
  { action: 'reject', op: 'RejectGrant', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam gateway trial', inputs: [], answer: 'Reject', status: 'REJECTED', landed: 'Rejected', version: '2' },
  { action: 'activate', op: 'CreateGrantVersion', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam compute', inputs: [''], answer: undefined, status: 'ACTIVE', landed: 'Activated', version: '3' },
  { action: 'deactivate', op: 'CreateGrantVersion', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam reporting', inputs: [''], answer: 'Deactivate', status: 'DISABLED', landed: 'Deactivated', version: '4' },
  { action: 'delete', op: 'DeleteGrant', profile: 'seller', category: 'Distributed grants', grant: 'Fabrikam warehouse', inputs: [''], answer: 'Delete', status: 'DELETED', landed: 'Deleted', version: '4' },
] as const;

describe('fault matrix: what the user is told after a lost answer (short deadlines)', function () {
  this.timeout(60_000);
  const env = useEmulator('grants');
  let api: ExtensionApi;
  let spy: WindowSpy;
  let restorePicks: () => void = () => undefined;

  before(() => setDeadlines(true));
  after(() => setDeadlines(false));
  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await selectOnly(api, ['buyer', 'seller'], REGION);
    env.current.emulator.requests.length = 0;
    spy = new WindowSpy();
    restorePicks = acceptQuickPicks();
  });
  afterEach(() => {
    restorePicks();
    spy.restore();
    env.current.emulator.setFaults(NO_FAULTS);
  });

  const grants = () => [...env.current.emulator.state.grants.values()];
  const named = (name: string) => grants().filter((g) => g.versions[g.versions.length - 1].GrantName === name);
  const requests = (op: string) => env.current.emulator.requests.filter((r) => r.operation === op);
  /** The ClientToken a request sent (a request answered by the gateway page is logged as text). */
  const tokenOf = (body: unknown): string | undefined =>
    (typeof body === 'string' ? (JSON.parse(body) as { ClientToken?: string }) : (body as { ClientToken?: string })).ClientToken;

  async function treeNode(profile: string, category: string, name: string): Promise<ResourceHolder> {
    const nodes = await children(api, await path(api, profile, REGION, category));
    const node = nodes.find((n) => label(api, n) === name);
    assert.ok(node, `“${name}” under ${profile} / ${category}`);
    return node as unknown as ResourceHolder;
  }

  /** Runs a command under `faults` and returns the first notification, checked to come within the deadline. */
  async function told(surface: string, fault: string, faults: Faults, command: string, arg: unknown): Promise<{ kind: string; message: string; items: string[] }> {
    env.current.emulator.setFaults({ ...NO_FAULTS, ...faults });
    const t0 = Date.now();
    await vscode.commands.executeCommand(command, arg);
    const note = await waitFor(() => spy.notes()[0], ANSWER_WITHIN_MS, 'a notification');
    const ms = note.at - t0;
    report(surface, fault, ms, `${note.kind}: ${note.message}`);
    assert.ok(ms < ANSWER_WITHIN_MS, `told within ${ANSWER_WITHIN_MS} ms (took ${ms})`);
    env.current.emulator.setFaults(NO_FAULTS);
    return note;
  }

  for (const a of ACTIONS) {
    it(`${a.action} × fail after commit: landed, and told so: “${a.landed} (the first answer was lost)”`, async () => {
      const holder = await treeNode(a.profile, a.category, a.grant);
      spy.inputs = [...a.inputs];
      spy.answer = a.answer;
      const note = await told(a.action, 'fail after commit (landed)', { failAfterCommitRate: 1 }, `licenseManager.grant.${a.action}`, holder);
      assert.equal(note.kind, 'info');
      assert.equal(note.message, `${a.landed} (the first answer was lost): grant “${a.grant}” is now ${a.status} (version ${a.version}).`);
      const [g] = named(a.grant);
      assert.equal(g.versions[g.versions.length - 1].GrantStatus, a.status, 'the emulator holds the change');
      assert.equal(g.versions[g.versions.length - 1].Version, a.version, 'written once');
    });

    it(`${a.action} × HTML error page: never reached the service, and told “Nothing was changed.”`, async () => {
      const holder = await treeNode(a.profile, a.category, a.grant);
      const [g] = named(a.grant);
      const before = g.versions.length;
      spy.inputs = [...a.inputs];
      spy.answer = a.answer;
      const note = await told(a.action, 'HTML error page (not landed)', { html: [a.op] }, `licenseManager.grant.${a.action}`, holder);
      assert.equal(note.kind, 'error');
      assert.match(note.message, new RegExp(`^${a.op} failed for “${a.grant}” \\(Unexpected answer\\): .* Nothing was changed\\.$`));
      assert.ok(note.items.includes('Refresh'));
      assert.equal(g.versions.length, before, 'nothing written');
      assert.ok(requests('GetGrant').length >= 1, 'the grant was read again before saying so');
    });
  }

  it('create × fail after commit: the new grant is found on the list and told “Created (the first answer was lost)”', async () => {
    const license = await treeNode('seller', 'Licenses', 'Contoso Gateway');
    spy.inputs = ['Fabrikam gateway production', '222222222222'];
    const note = await told('create', 'fail after commit (landed)', { failAfterCommitRate: 1 }, 'licenseManager.grant.create', license);
    const made = named('Fabrikam gateway production');
    assert.equal(made.length, 1, 'exactly one grant was created');
    assert.equal(note.kind, 'info');
    assert.equal(note.message, 'Created (the first answer was lost): grant “Fabrikam gateway production” is now PENDING_ACCEPT (version 1).');
    assert.equal(new Set(requests('CreateGrant').map((r) => tokenOf(r.body))).size, 1, 'every attempt sent one ClientToken');
  });

  it('create × fail after commit under a 1.5 s list lag: looked for again until listed, then told as landed', async () => {
    const license = await treeNode('seller', 'Licenses', 'Contoso Gateway');
    spy.inputs = ['Fabrikam gateway lagging', '222222222222'];
    const note = await told('create', 'fail after commit + 1.5 s lag', { failAfterCommitRate: 1, lagMs: 1500 }, 'licenseManager.grant.create', license);
    assert.equal(note.message, 'Created (the first answer was lost): grant “Fabrikam gateway lagging” is now PENDING_ACCEPT (version 1).');
    assert.equal(named('Fabrikam gateway lagging').length, 1);
    assert.ok(requests('ListDistributedGrants').length >= 3, 'listed before sending, then looked for more than once');
  });

  it('create × HTML error page next to an older grant of the same name: unknown, not landed; the retry reuses the ClientToken and creates one grant', async () => {
    const license = await treeNode('seller', 'Licenses', 'Contoso Pipeline');
    assert.equal(named('Fabrikam pipeline').length, 1, 'an older grant has the name');
    spy.inputs = ['Fabrikam pipeline', '222222222222'];
    const note = await told('create', 'HTML error page, same name exists', { html: ['CreateGrant'] }, 'licenseManager.grant.create', license);
    assert.equal(note.kind, 'warning');
    assert.match(note.message, /^The outcome of CreateGrant for “Fabrikam pipeline” is unknown \(Unexpected answer\): /);
    assert.match(note.message, /Refresh to see the grant as it is now; sending the same request again is safe, AWS applies it at most once\.$/);
    assert.doesNotMatch(note.message, /first answer was lost|Nothing was changed/);
    assert.equal(named('Fabrikam pipeline').length, 1, 'nothing was created');
    const [first] = requests('CreateGrant');
    const token = tokenOf(first.body);
    assert.ok(token);

    // The same request again: the first ClientToken, one new grant; then the request is done.
    spy.shown.length = 0;
    spy.inputs = ['Fabrikam pipeline', '222222222222'];
    await vscode.commands.executeCommand('licenseManager.grant.create', license);
    await waitFor(() => spy.notes()[0], ANSWER_WITHIN_MS, 'a notification');
    assert.match(spy.notes()[0].message, /^Grant “Fabrikam pipeline” created: PENDING_ACCEPT \(version 1\)\.$/);
    const sent = requests('CreateGrant').filter((r) => r.status === 200);
    assert.deepEqual(sent.map((r) => tokenOf(r.body)), [token]);
    assert.equal(named('Fabrikam pipeline').length, 2);
    const created = named('Fabrikam pipeline').map((g) => g.versions[0].GranteePrincipalArn);
    assert.deepEqual(created, [BUYER_ROOT, BUYER_ROOT]);
  });
});
