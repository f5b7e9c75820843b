/**
 * The fault matrix: every network fault the emulator makes, on every surface a
 * user meets (expanding a list, Load more, a detail panel, each grant action).
 * Each cell checks what the user sees, that it is seen within the deadline, that
 * every guard is released (a second try is sent) and that nothing was lost or
 * written twice (the emulator's request log and state). Deadlines are short
 * (1 s per answer, 2 s per call) so that "no answer" and "30 s latency" time out.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator, waitFor } from '../support';
import { children, isLoadMore, isMessage, label, path, setPageSize, type Node, selectOnly } from './explorerSupport';
import { FAULTS, NO_FAULTS, DEADLINES, WindowSpy, report, resetRolls, rolls, setDeadlines } from './faultMatrix.support';

const REGION = 'us-east-1';
const RECEIVED = 'Received grants';
/** What a user must see within: the call deadline, the re-read's deadline, and slack for a loaded host. */
const ANSWER_WITHIN_MS = (DEADLINES.callTimeout * 2 + 4) * 1000;

/** What a list or panel shows under each fault: an error item's label, or the items (`items`). */
const READ: Record<string, { expand: string; more: string; panel: string }> = {
  'no answer': { expand: 'Timed out', more: 'Timed out', panel: 'Timed out' },
  'connection reset mid-body': { expand: 'Network error', more: 'Network error', panel: 'Network error' },
  '30 s latency': { expand: 'Timed out', more: 'Timed out', panel: 'Timed out' },
  '30 % throttling': { expand: 'items', more: 'items', panel: 'items' },
  '500': { expand: 'Service error', more: 'Service error', panel: 'Service error' },
  'fail after commit': { expand: 'items', more: 'items', panel: 'items' },
  'HTML error page': { expand: 'Unexpected answer', more: 'Unexpected answer', panel: 'Unexpected answer' },
  'malformed JSON': { expand: 'Unexpected answer', more: 'Unexpected answer', panel: 'Unexpected answer' },
  'oversized page': { expand: 'Unexpected answer', more: 'Unexpected answer', panel: 'items' },
  'token cycle': { expand: 'items', more: 'Unexpected answer', panel: 'items' },
};

/** The grant actions of the matrix: command, grant (buyer's received or seller's distributed), answers, status it sets. */
const ACTIONS = [
  { action: 'accept', done: 'Accepted', op: 'AcceptGrant', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam pipeline', inputs: [], answer: undefined, status: 'DISABLED' },
  { action: 'reject', done: 'Rejected', op: 'RejectGrant', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam gateway trial', inputs: [], answer: 'Reject', status: 'REJECTED' },
  { action: 'activate', done: 'Activated', op: 'CreateGrantVersion', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam compute', inputs: [''], answer: undefined, status: 'ACTIVE' },
  { action: 'deactivate', done: 'Deactivated', op: 'CreateGrantVersion', profile: 'buyer', category: RECEIVED, grant: 'Fabrikam reporting', inputs: [''], answer: 'Deactivate', status: 'DISABLED' },
  { action: 'delete', done: 'Deleted', op: 'DeleteGrant', profile: 'seller', category: 'Distributed grants', grant: 'Fabrikam warehouse', inputs: [''], answer: 'Delete', status: 'DELETED' },
] as const;

describe('fault matrix (every fault × every surface, short deadlines)', function () {
  this.timeout(60_000);
  const env = useEmulator('grants', { random: rolls });
  let api: ExtensionApi;
  let spy: WindowSpy;

  before(() => setDeadlines(true));
  after(() => setDeadlines(false));
  beforeEach(async () => {
    env.reset();
    env.current.emulator.setFaults(NO_FAULTS);
    resetRolls();
    api = await getApi();
    await selectOnly(api, ['buyer', 'seller'], REGION);
    env.current.emulator.requests.length = 0;
    spy = new WindowSpy();
  });
  afterEach(async () => {
    spy.restore();
    env.current.emulator.setFaults(NO_FAULTS);
    for (const p of api.panels.list()) p.dispose();
    await setPageSize(undefined);
  });

  const sent = (op: string): number => env.current.emulator.requests.filter((r) => r.operation === op).length;
  const grants = () => env.current.emulator.state.grants;
  const grantByName = (name: string) => {
    const g = [...grants().values()].find((x) => x.versions[0].GrantName === name);
    assert.ok(g, `the emulator has “${name}”`);
    return g;
  };
  const currentOf = (name: string) => {
    const g = grantByName(name);
    return g.versions[g.versions.length - 1];
  };
  const shownLabels = (nodes: readonly Node[]): string[] => nodes.map((n) => label(api, n));
  const errorLabels = (nodes: readonly Node[]): string[] => nodes.filter((n) => isMessage(api, n)).map((n) => label(api, n));

  async function treeGrant(profile: string, category: string, name: string): Promise<ResourceHolder> {
    const nodes = await children(api, await path(api, profile, REGION, category));
    const node = nodes.find((n) => label(api, n) === name);
    assert.ok(node, `“${name}” under ${profile} / ${category}; saw ${shownLabels(nodes).join(', ')}`);
    return node as unknown as ResourceHolder;
  }

  for (const fault of FAULTS) {
    const expected = READ[fault.name];

    it(`expand a category × ${fault.name}: shows ${expected.expand}, then a retry loads the list`, async () => {
      const category = await path(api, 'buyer', REGION, RECEIVED);
      env.current.emulator.setFaults({ ...NO_FAULTS, ...fault.set('ListReceivedGrants') });
      const t0 = Date.now();
      const kids = await children(api, category);
      const ms = Date.now() - t0;
      report('expand', fault.name, ms, shownLabels(kids).join(', '));
      assert.ok(ms < ANSWER_WITHIN_MS, `answered within ${ANSWER_WITHIN_MS} ms (took ${ms})`);
      if (expected.expand === 'items') {
        assert.deepEqual(errorLabels(kids), []);
        assert.ok(kids.some((k) => label(api, k) === 'Fabrikam pipeline'), shownLabels(kids).join(', '));
      } else {
        assert.deepEqual(shownLabels(kids), [expected.expand]);
      }
      // The guard is released: with the fault gone, a retry is sent and loads the list.
      env.current.emulator.setFaults(NO_FAULTS);
      const before = sent('ListReceivedGrants');
      await api.explorer.refresh(category);
      const again = await children(api, category);
      assert.ok(sent('ListReceivedGrants') > before, 'the retry was sent');
      assert.ok(again.some((k) => label(api, k) === 'Fabrikam pipeline'), shownLabels(again).join(', '));
      assert.deepEqual(spy.notes().filter((s) => s.kind === 'error'), [], 'a list failure is an item, not a pop-up');
    });

    it(`Load more × ${fault.name}: keeps the loaded items and shows ${expected.more}`, async () => {
      await setPageSize(2);
      const category = await path(api, 'buyer', REGION, RECEIVED);
      await api.explorer.refresh(category);
      const first = await children(api, category);
      const loaded = first.filter((k) => !isLoadMore(api, k) && !isMessage(api, k)).map((k) => label(api, k));
      assert.equal(loaded.length, 2, shownLabels(first).join(', '));
      env.current.emulator.setFaults({ ...NO_FAULTS, ...fault.set('ListReceivedGrants') });
      const t0 = Date.now();
      let kids = first;
      // A token cycle shows on the page that repeats a token: click Load more until it stops or fails.
      for (let i = 0; i < 4; i++) {
        const more = kids.find((k) => isLoadMore(api, k));
        if (!more) break;
        await vscode.commands.executeCommand('licenseManager.explorer.loadMore', more);
        kids = await children(api, category);
        if (errorLabels(kids).length > 0 || expected.more !== 'Unexpected answer' || fault.name !== 'token cycle') break;
      }
      const ms = Date.now() - t0;
      report('Load more', fault.name, ms, shownLabels(kids).join(', '));
      assert.ok(ms < ANSWER_WITHIN_MS * 2, `answered within ${ANSWER_WITHIN_MS * 2} ms (took ${ms})`);
      for (const name of loaded) assert.ok(shownLabels(kids).includes(name), `“${name}” is still shown`);
      if (expected.more === 'items') {
        assert.deepEqual(errorLabels(kids), []);
        assert.ok(kids.filter((k) => !isLoadMore(api, k)).length > loaded.length, shownLabels(kids).join(', '));
      } else {
        assert.deepEqual(errorLabels(kids), [expected.more]);
        const names = shownLabels(kids).filter((l) => l !== expected.more);
        assert.equal(new Set(names).size, names.length, 'no item is shown twice');
        // The guard is released: clicking the error item sends the page again.
        env.current.emulator.setFaults(NO_FAULTS);
        const before = sent('ListReceivedGrants');
        const error = kids.find((k) => isMessage(api, k));
        assert.ok(error);
        await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', error);
        await waitFor(() => sent('ListReceivedGrants') > before, 5000, 'the retry was sent');
      }
    });

    it(`open a panel × ${fault.name}: the panel shows ${expected.panel}, and Refresh works again`, async () => {
      const holder = await treeGrant('buyer', RECEIVED, 'Fabrikam compute');
      await api.panels.open({ resource: holder.resource, data: holder.data });
      const panel = api.panels.list().find((p) => p.resource.arn === holder.resource.arn);
      assert.ok(panel);
      env.current.emulator.setFaults({ ...NO_FAULTS, ...fault.set('GetGrant') });
      const t0 = Date.now();
      await panel.reload();
      const ms = Date.now() - t0;
      const state = panel.state;
      report('panel', fault.name, ms, state.phase === 'error' ? `${state.error?.title}: ${state.error?.message}` : state.phase);
      assert.ok(ms < ANSWER_WITHIN_MS, `answered within ${ANSWER_WITHIN_MS} ms (took ${ms})`);
      if (expected.panel === 'items') {
        assert.equal(state.phase, 'ready');
      } else {
        assert.equal(state.phase, 'error');
        assert.equal(state.error?.title, expected.panel);
        assert.equal(state.view?.arn, holder.resource.arn, 'the grant loaded before stays shown');
      }
      env.current.emulator.setFaults(NO_FAULTS);
      const before = sent('GetGrant');
      await panel.reload();
      assert.ok(sent('GetGrant') > before, 'Refresh was sent');
      assert.equal(panel.state.phase, 'ready');
    });

    for (const a of ACTIONS) {
      it(`${a.action} × ${fault.name}: says what happened, writes at most once, releases the guard`, async () => {
        const holder = await treeGrant(a.profile, a.category, a.grant);
        const g = grantByName(a.grant);
        const versionsBefore = g.versions.length;
        const statusBefore = currentOf(a.grant).GrantStatus;
        spy.inputs = [...a.inputs];
        spy.answer = a.answer;
        env.current.emulator.requests.length = 0;
        env.current.emulator.setFaults({ ...NO_FAULTS, ...fault.set(a.op) });
        const t0 = Date.now();
        await vscode.commands.executeCommand(`licenseManager.grant.${a.action}`, holder);
        const note = await waitFor(() => spy.notes()[0], ANSWER_WITHIN_MS, 'a notification');
        const ms = note.at - t0;
        report(a.action, fault.name, ms, `${note.kind}: ${note.message}`);
        assert.ok(ms < ANSWER_WITHIN_MS, `told within ${ANSWER_WITHIN_MS} ms (took ${ms})`);

        const after = currentOf(a.grant);
        const written = g.versions.length - versionsBefore;
        assert.ok(written <= 1, `written at most once (${written} new versions)`);
        const landed = after.GrantStatus === a.status && after.GrantStatus !== statusBefore;
        if (fault.name === 'fail after commit') {
          // Applied, then answered 500: the re-read finds it, and the user is told so.
          assert.ok(landed, 'the change was applied');
          assert.match(note.message, /^[A-Z][a-z]+ \(the first answer was lost\): grant “.+” is now [A-Z_]+ \(version \d+\)\.$/);
        }
        if (fault.name === 'HTML error page') {
          // Answered by a gateway without reaching the service: the re-read finds the grant as it was.
          assert.ok(!landed, 'nothing was applied');
          assert.match(note.message, /Nothing was changed\.$/);
        }
        if (landed) {
          // Told as done, or plainly as unknown; never as failed with nothing changed.
          assert.ok(note.kind === 'info' || /outcome .* is unknown/.test(note.message), note.message);
          assert.doesNotMatch(note.message, /Nothing was changed/);
          // In the user's words when the answer came; with the status read again when it was lost.
          if (note.kind === 'info') assert.ok(note.message.startsWith(`${a.done} “${a.grant}”.`) || note.message.includes(a.status), note.message);
        } else {
          assert.equal(written, 0, 'nothing written when the status did not change');
          assert.notEqual(note.kind, 'info', `not told as done: ${note.message}`);
          assert.ok(/Nothing was changed|is unknown|changed since it was loaded/.test(note.message), note.message);
        }
        if (note.kind !== 'info') assert.ok(note.items.includes('Refresh'), 'a failure offers Refresh');
        assert.equal(api.services.state.inFlight.current(holder.resource.arn), undefined, 'the in-flight guard is released');

        // A second try is sent once the network is healthy again.
        env.current.emulator.setFaults(NO_FAULTS);
        await new Promise((r) => setTimeout(r, 50));
        const before = sent(a.op);
        spy.inputs = [...a.inputs];
        await vscode.commands.executeCommand(`licenseManager.grant.${a.action}`, holder);
        assert.ok(sent(a.op) > before, `a second ${a.op} was sent`);
      });
    }
  }
});

describe('cancel and crafted documents (short deadlines)', function () {
  this.timeout(30_000);
  const env = useEmulator('grants');
  let api: ExtensionApi;
  let spy: WindowSpy;
  const shownLabels = (nodes: readonly Node[]): string[] => nodes.map((n) => label(api, n));

  before(() => setDeadlines(true));
  after(() => setDeadlines(false));
  beforeEach(async () => {
    env.reset();
    env.current.emulator.setFaults(NO_FAULTS);
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['buyer', 'seller']);
    await api.services.state.setRegions('buyer', [REGION]);
    env.current.emulator.requests.length = 0;
    spy = new WindowSpy();
  });
  afterEach(async () => {
    spy.restore();
    env.current.emulator.setFaults(NO_FAULTS);
    for (const p of api.panels.list()) p.dispose();
    await setPageSize(undefined);
  });

  it('Cancel during an unanswered Load more keeps the items and Load more, shows no error, and Load more works again', async () => {
    await setPageSize(2);
    const category = await path(api, 'buyer', REGION, RECEIVED);
    await api.explorer.refresh(category);
    const first = await children(api, category);
    const more = first.find((k) => isLoadMore(api, k));
    assert.ok(more, shownLabels(first).join(', '));
    env.current.emulator.setFaults({ ...NO_FAULTS, hang: ['ListReceivedGrants'] });
    env.current.emulator.requests.length = 0;
    spy.cancelAfterMs = 200;
    const t0 = Date.now();
    await vscode.commands.executeCommand('licenseManager.explorer.loadMore', more);
    const ms = Date.now() - t0;
    report('Load more', 'Cancel', ms, 'settled, nothing shown');
    assert.ok(ms < DEADLINES.responseTimeout * 1000, `settled before any deadline (${ms} ms)`);
    const kids = await children(api, category);
    assert.deepEqual(shownLabels(kids), [...shownLabels(first).slice(0, 2), 'Load more…']);
    assert.deepEqual(spy.notes(), []);
    assert.equal(env.current.emulator.requests.length, 1, 'only the cancelled request');
    env.current.emulator.setFaults(NO_FAULTS);
    spy.cancelAfterMs = undefined;
    await vscode.commands.executeCommand('licenseManager.explorer.loadMore', kids.find((k) => isLoadMore(api, k)));
    assert.equal((await children(api, category)).filter((k) => !isLoadMore(api, k)).length, 4);
  });

  it('closing a panel abandons its load at once', async () => {
    const nodes = await children(api, await path(api, 'buyer', REGION, RECEIVED));
    const holder = nodes.find((n) => label(api, n) === 'Fabrikam compute') as unknown as ResourceHolder;
    await api.panels.open({ resource: holder.resource, data: holder.data });
    const panel = api.panels.list().find((p) => p.resource.arn === holder.resource.arn);
    assert.ok(panel);
    env.current.emulator.setFaults({ ...NO_FAULTS, hang: ['GetGrant'] });
    const loading = panel.reload();
    await waitFor(() => env.current.emulator.requests.some((r) => r.operation === 'GetGrant'), 5000, 'GetGrant sent');
    const t0 = Date.now();
    panel.dispose();
    await loading;
    const ms = Date.now() - t0;
    report('panel', 'close while loading', ms, 'load abandoned');
    assert.ok(ms < DEADLINES.responseTimeout * 1000, `the load ended before any deadline (${ms} ms)`);
    assert.deepEqual(spy.notes(), []);
  });

  it('Cancel during an unanswered Accept shows no error, sends nothing more, and releases the guard', async () => {
    const nodes = await children(api, await path(api, 'buyer', REGION, RECEIVED));
    const holder = nodes.find((n) => label(api, n) === 'Fabrikam storage') as unknown as ResourceHolder;
    assert.ok(holder);
    env.current.emulator.setFaults({ ...NO_FAULTS, hang: ['AcceptGrant'] });
    env.current.emulator.requests.length = 0;
    spy.cancelAfterMs = 200;
    const t0 = Date.now();
    const result = await vscode.commands.executeCommand('licenseManager.grant.accept', holder);
    const ms = Date.now() - t0;
    report('accept', 'Cancel', ms, 'settled, nothing shown');
    assert.equal(result, undefined);
    assert.ok(ms < DEADLINES.responseTimeout * 1000, `settled before any deadline (${ms} ms)`);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      env.current.emulator.requests.map((r) => r.operation),
      ['AcceptGrant'],
      'only the cancelled request; no re-read, no reload',
    );
    assert.deepEqual(spy.notes(), [], 'no notification');
    assert.equal(api.services.state.inFlight.current(holder.resource.arn), undefined, 'the guard is released');
  });

  it('a license-manager-json: URI the extension did not produce is refused without a signed call', async () => {
    const arn = 'arn:aws:license-manager::111111111111:grant:g-0b7f66f8525b6be9af1cf020cc2f3b96';
    const crafted = vscode.Uri.from({
      scheme: 'license-manager-json',
      path: '/seller/us-east-1/distributedGrant/crafted.json',
      query: new URLSearchParams({ arn }).toString(),
    });
    const doc = await vscode.workspace.openTextDocument(crafted);
    const text = doc.getText();
    assert.match(text, /not opened from the License Manager explorer/);
    assert.doesNotMatch(text, /GrantName/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(env.current.emulator.requests.length, 0, 'no request reached the emulator');
  });
});
