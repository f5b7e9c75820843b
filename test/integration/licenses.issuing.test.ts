import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SubmitOutcome } from '../../src/commands/submitLicenseDocument';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { closeEditorsUnsaved, getApi, useEmulator, waitFor } from '../support';
import { edit, licensesList, lineOf, Messages, REGION, RENDER_ARN, treeChild } from './issuingSupport';

/** Faults decided by a queue: each failAfterCommit roll takes the next number (default: no fault). */
const dice: number[] = [];

describe('issuing licenses from license documents', () => {
  const env = useEmulator('issuing', { random: () => dice.shift() ?? 0.999 });
  let api: ExtensionApi;
  let messages: Messages;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['issuer']);
    env.current.emulator.requests.length = 0;
    env.current.emulator.setFaults({ latencyMs: 0, failAfterCommitRate: 0, lagMs: 0 });
    messages = new Messages();
  });
  afterEach(async () => {
    messages.restore();
    await closeEditorsUnsaved();
  });

  const sent = (operation: string): { status: number; body: Record<string, unknown> }[] =>
    env.current.emulator.requests.filter((r) => r.operation === operation).map((r) => ({ status: r.status, body: r.body as Record<string, unknown> }));

  async function newDocument(template = 'test'): Promise<vscode.TextDocument> {
    const uri = (await vscode.commands.executeCommand('licenseManager.license.create', await licensesList(api), { template })) as vscode.Uri;
    return waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), 5000, 'the document opens');
  }

  it('gives the schema’s completion, hover documentation, and diagnostics for a bad enum value and a missing member', async () => {
    const doc = await newDocument();
    assert.equal(doc.languageId, 'json');
    const unit = doc.getText().indexOf('"Count"') + 1;
    const completions = await waitFor(async () => {
      const list = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(unit))) as vscode.CompletionList;
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.includes('"Megabytes/Second"') ? labels : undefined;
    }, 20_000, 'the Unit enum is offered');
    assert.ok(completions.includes('"None"') && completions.includes('"Count/Second"'), completions.join(' '));
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('"ProductSKU"') + 2))) as vscode.Hover[];
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join(' ');
    assert.match(hoverText, /^Product SKU\\?\.$/, `the member’s documentation from the service model (hover: ${hoverText})`);
    await edit(doc, '"Unit": "Count"', '"Unit": "Seats"');
    await edit(doc, `"Beneficiary": "issuer",\n`, '');
    const json = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source !== 'License Manager');
      return d.length >= 2 ? d : undefined;
    }, 20_000, 'the JSON language service reports the problems');
    const texts = json.map((d) => `${d.range.start.line}: ${d.message}`);
    assert.ok(json.some((d) => /Value is not accepted/.test(d.message) && d.range.start.line === lineOf(doc, '"Seats"')), texts.join(' | '));
    assert.ok(json.some((d) => /Missing property "Beneficiary"/.test(d.message)), texts.join(' | '));
  });

  it('sends nothing for an invalid document and lists each problem at its position', async () => {
    const doc = await newDocument();
    await edit(doc, '"Unit": "Count"', '"Unit": "Seats"');
    await edit(doc, `"Beneficiary": "issuer",\n`, '');
    await edit(doc, '"ProvisionalConfiguration"', '"BorrowConfiguration": { "AllowEarlyCheckIn": true, "MaxTimeToLiveInMinutes": 60 },\n    "ProvisionalConfiguration"');
    const outcome = (await vscode.commands.executeCommand('licenseManager.license.submit', doc.uri)) as SubmitOutcome;
    assert.deepEqual(outcome, { outcome: 'invalid', problems: 3 });
    assert.deepEqual(sent('CreateLicense'), []);
    const mine = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'License Manager');
    assert.deepEqual(mine.map((d) => d.range.start.line), [0, lineOf(doc, '"Seats"'), lineOf(doc, '"ConsumptionConfiguration"')]);
    assert.equal(mine[0].message, 'Missing member Beneficiary in the document.');
    assert.match(mine[1].message, /^Unit must be one of: Count, None, Seconds, .*, Count\/Second\.$/);
    assert.equal(mine[2].message, 'ConsumptionConfiguration takes exactly one of ProvisionalConfiguration and BorrowConfiguration.');
    assert.deepEqual(messages.shown.map((s) => [s.kind, s.message]), [['warning', 'The license document has 3 problem(s), listed in the Problems view. Nothing was sent.']]);
    // Fixing the document clears its problems as you type.
    await edit(doc, '"Unit": "Seats"', '"Unit": "Count"');
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'License Manager').length === 2, 5000, 'two problems left');
  });

  it('sends exactly one CreateLicense with the document’s ClientToken, even when retried, and shows the license in the tree and its panel', async () => {
    const doc = await newDocument();
    env.current.emulator.setFaults({ failAfterCommitRate: 0.5 });
    dice.push(0); // the first CreateLicense is saved, then answered 500
    const outcome = (await vscode.commands.executeCommand('licenseManager.license.submit', doc.uri)) as SubmitOutcome;
    assert.equal(outcome.outcome, 'created', JSON.stringify(messages.shown));
    const creates = sent('CreateLicense');
    const tokens = new Set(creates.map((r) => r.body.ClientToken));
    assert.equal(tokens.size, 1, 'every attempt carries the document’s one ClientToken');
    const issued = [...(env.current.emulator.state as unknown as { licenses: Map<string, { versions: { ProductSKU?: string }[] }> }).licenses.entries()].filter(
      ([, l]) => l.versions[0].ProductSKU === 'EXAMPLE-SKU',
    );
    assert.equal(issued.length, 1, 'exactly one license was created');
    const arn = issued[0][0];
    assert.deepEqual(outcome, { outcome: 'created', licenseArn: arn, version: '1', shownInTree: true });
    const item = (await treeChild(api, await licensesList(api), (n) => (n as unknown as ResourceHolder).resource?.arn === arn, 'the new license in the tree')) as ResourceHolder;
    assert.equal((item.data as { LicenseName?: string }).LicenseName, 'Test license');
    assert.ok(api.panels.list().some((p) => p.resource.arn === arn), 'its panel is open');
    assert.ok(messages.shown.some((s) => s.kind === 'info' && s.message === 'License “Test license”: version 1 created, AVAILABLE.'), JSON.stringify(messages.shown));
    // Sending the same document again sends nothing.
    await vscode.commands.executeCommand('licenseManager.license.submit', doc.uri);
    assert.equal(sent('CreateLicense').length, creates.length);
  });

  it('shows a license created while ListLicenses lags 3 s in the tree at once, and still once the list catches up', async function () {
    this.timeout(30_000);
    const LAG_MS = 3000;
    const factory = (await api.services.aws()).createClientFactory();
    try {
      // What the lagging list answers, without the extension's overlay.
      const raw = factory.get('issuer', REGION);
      const doc = await newDocument();
      env.current.emulator.setFaults({ lagMs: LAG_MS });
      const started = Date.now();
      const outcome = (await vscode.commands.executeCommand('licenseManager.license.submit', doc.uri)) as SubmitOutcome;
      assert.equal(outcome.outcome, 'created', JSON.stringify(messages.shown));
      const arn = (outcome as { licenseArn: string }).licenseArn;
      assert.equal((outcome as { shownInTree: boolean }).shownInTree, true, 'the submit itself shows it in the tree');
      const shown = async (): Promise<string[]> => {
        const list = await licensesList(api);
        await api.explorer.refresh(list as never);
        return (await api.explorer.getChildren(list as never)).map((n) => (n as unknown as ResourceHolder).resource?.arn).filter((a) => a === arn);
      };
      assert.deepEqual(await shown(), [arn], 'the tree, read again, shows it once');
      assert.deepEqual((await raw.listLicenses({ arns: [arn] })).items, [], `ListLicenses still lags (${Date.now() - started} ms after Create License)`);
      await waitFor(async () => (await raw.listLicenses({ arns: [arn] })).items.length === 1, 15_000, 'ListLicenses catches up');
      assert.deepEqual(await shown(), [arn], 'once the list shows it, the tree shows it once');
    } finally {
      factory.dispose();
    }
  });

  it('refuses a stale New License Version, says so with Refresh, and keeps the license as it was', async () => {
    const item = (await treeChild(api, await licensesList(api), (n) => (n as unknown as ResourceHolder).resource?.arn === RENDER_ARN, 'the seed license')) as ResourceHolder;
    const uri = (await vscode.commands.executeCommand('licenseManager.license.newVersion', item)) as vscode.Uri;
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), 5000, 'the version document');
    assert.match(doc.getText(), /"SourceVersion": "1"/);
    assert.deepEqual(sent('GetLicense').map((r) => r.body.LicenseArn), [RENDER_ARN], 'the license is read before anything is changed');
    // Meanwhile the license gets a version 2 elsewhere.
    const other = (await api.services.clients()).get('issuer', REGION);
    const current = await other.getLicense(RENDER_ARN);
    await other.createLicenseVersion({ clientToken: 'elsewhere', members: { ...JSON.parse(doc.getText()), LicenseName: 'Changed elsewhere', SourceVersion: '1', LicenseArn: current.LicenseArn } });
    env.current.emulator.requests.length = 0;
    await edit(doc, '"Tailspin Render Farm"', '"Tailspin Render Farm 2026"');
    const outcome = (await vscode.commands.executeCommand('licenseManager.license.submit', doc.uri)) as SubmitOutcome;
    assert.deepEqual(outcome, { outcome: 'stale' });
    assert.deepEqual(sent('CreateLicenseVersion').map((r) => [r.status, r.body.SourceVersion]), [[409, '1']]);
    const warning = await waitFor(() => messages.shown.find((s) => s.kind === 'warning'), 5000, 'the warning');
    assert.equal(warning.message, 'The license “Tailspin Render Farm 2026” changed since it was loaded (version 1; it is now version 2). Nothing was sent.');
    assert.deepEqual(warning.items, ['Refresh', 'Show Changes']);
    const versions = await other.listLicenseVersions(RENDER_ARN);
    assert.deepEqual(versions.items.map((v) => v.LicenseName), ['Tailspin Render Farm', 'Changed elsewhere']);
  });

  it('creates a version from the current one, and closing an unsent document sends nothing', async () => {
    const item = (await treeChild(api, await licensesList(api), (n) => (n as unknown as ResourceHolder).resource?.arn === RENDER_ARN, 'the seed license')) as ResourceHolder;
    const unsent = (await vscode.commands.executeCommand('licenseManager.license.newVersion', item)) as vscode.Uri;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === unsent.toString()), false);
    const uri = (await vscode.commands.executeCommand('licenseManager.license.newVersion', item)) as vscode.Uri;
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()), 5000, 'the version document');
    await edit(doc, '"MaxCount": 40', '"MaxCount": 60');
    const outcome = (await vscode.commands.executeCommand('licenseManager.license.submit', doc.uri)) as SubmitOutcome;
    assert.deepEqual(outcome, { outcome: 'created', licenseArn: RENDER_ARN, version: '2', shownInTree: true });
    assert.equal(sent('CreateLicenseVersion').length, 1);
    const other = (await api.services.clients()).get('issuer', REGION);
    const now = await other.getLicense(RENDER_ARN);
    assert.deepEqual([now.Version, now.Entitlements?.[0].MaxCount, now.Status], ['2', 60, 'AVAILABLE']);
  });
});
