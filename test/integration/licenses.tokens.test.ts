import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator, waitFor } from '../support';
import { answerInputBoxes, type AskedBox } from './inputBoxes';
import { licensesList, Messages, RENDER_ARN, treeChild } from './issuingSupport';

const EXPORT = 'licenseManager.list.export';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
  } catch {
    return [];
  }
}

describe('license tokens', () => {
  const env = useEmulator('issuing');
  let api: ExtensionApi;
  let messages: Messages;
  let inputs: (string | undefined)[];
  const asked: AskedBox[] = [];
  let restoreInputs: () => void;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['issuer']);
    env.current.emulator.requests.length = 0;
    messages = new Messages();
    inputs = [];
    asked.length = 0;
    restoreInputs = answerInputBoxes(() => inputs.shift(), asked);
  });
  afterEach(() => {
    messages.restore();
    restoreInputs();
  });

  const sent = (operation: string): Record<string, unknown>[] =>
    env.current.emulator.requests.filter((r) => r.operation === operation).map((r) => r.body as Record<string, unknown>);
  const tokensList = async (): Promise<unknown> => {
    const license = await treeChild(api, await licensesList(api), (n) => (n as unknown as ResourceHolder).resource?.arn === RENDER_ARN, 'the seed license');
    return treeChild(api, license, (n) => n.id === `${(license as { id: string }).id}|tokens`, 'Tokens');
  };
  const tokenItems = async (): Promise<ResourceHolder[]> =>
    (await api.explorer.getChildren((await tokensList()) as never)).filter((n) => (n as unknown as ResourceHolder).resource?.kind === 'token') as unknown as ResourceHolder[];

  it('Create Token shows the token once with Copy, and it is in no log, message or state afterwards', async () => {
    assert.deepEqual(await tokenItems(), []);
    inputs = ['arn:aws:iam::567856785678:role/Render', '30', 'site=lab'];
    messages.answer = ['Create Token', 'Copy'];
    await vscode.env.clipboard.writeText('');
    const result = (await vscode.commands.executeCommand('licenseManager.token.create', await tokensList())) as { tokenId: string; copied: boolean };
    assert.deepEqual(asked.map((a) => a.prompt), [
      'IAM roles the token lets its holder assume, comma-separated (optional)',
      'Days until the token expires (empty: 365)',
      'Token properties, comma-separated, at most 3 (optional)',
    ]);
    const created = sent('CreateToken');
    assert.deepEqual(created.map((b) => [b.LicenseArn, b.RoleArns, b.ExpirationInDays, b.TokenProperties]), [[RENDER_ARN, ['arn:aws:iam::567856785678:role/Render'], 30, ['site=lab']]]);
    const answer = env.current.emulator.requests.find((r) => r.operation === 'CreateToken')!;
    assert.equal(answer.status, 200);
    const token = await (await api.services.clients()).get('issuer', 'us-east-1').listTokens(RENDER_ARN);
    assert.deepEqual(token.items.map((t) => t.TokenId), [result.tokenId]);
    // The one place the token appears: the modal's detail, which offers Copy.
    const withToken = messages.shown.filter((s) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(s.detail ?? ''));
    assert.equal(withToken.length, 1);
    assert.equal(withToken[0].message, `Token ${result.tokenId} created for “Tailspin Render Farm”. Copy it now: it is not shown again.`);
    assert.deepEqual(withToken[0].items, ['Copy']);
    const jwt = withToken[0].detail!;
    assert.equal(result.copied, true);
    assert.equal(await vscode.env.clipboard.readText(), jwt);
    assert.equal(messages.shown.filter((s) => s.message.includes(jwt) || (s !== withToken[0] && s.detail?.includes(jwt))).length, 0);
    const state = api.services.context.globalState;
    assert.equal(JSON.stringify(state.keys().map((k) => state.get(k))).includes(jwt), false, 'not in globalState');
    const logs = await waitFor(() => {
      const files = filesUnder(api.services.context.logUri.fsPath).map((f) => readFileSync(f, 'utf8'));
      return files.some((f) => f.includes(`token ${result.tokenId}`)) ? files : undefined;
    }, 10_000, 'the log records the token id');
    assert.equal(logs.some((f) => f.includes(jwt)), false, 'the token is in no log');
    const items = await waitFor(async () => ((await tokenItems()).length === 1 ? tokenItems() : undefined), 10_000, 'the Tokens list shows it');
    assert.equal(JSON.stringify(items.map((i) => i.data)).includes(jwt), false, 'the tree holds its data only');
  });

  it('Create Token refuses input that does not fit as you type, and Delete Token asks first', async () => {
    // A refused entry is left with Esc, which ends the command: one refusal per run.
    for (const run of [['role/Render'], ['arn:aws:iam::567856785678:role/Render', 'ten'], ['', '', 'a,b,c,d']]) {
      inputs = [...run];
      await vscode.commands.executeCommand('licenseManager.token.create', await tokensList());
    }
    assert.deepEqual(asked.map((a) => a.refused).filter(Boolean), [
      '“role/Render” is not an IAM role ARN (arn:aws:iam::123456789012:role/Name).',
      'Enter a whole number of days of at least 1, or nothing for 365.',
      'At most 3 token properties; 4 were entered.',
    ]);
    assert.deepEqual(sent('CreateToken'), []);

    const seller = (await api.services.clients()).get('issuer', 'us-east-1');
    const made = await seller.createToken({ clientToken: 'pre', licenseArn: RENDER_ARN });
    const [item] = await waitFor(async () => {
      await api.explorer.refresh((await tokensList()) as never);
      const items = await tokenItems();
      return items.length === 1 ? items : undefined;
    }, 10_000, 'the token in the tree');
    await vscode.commands.executeCommand('licenseManager.token.delete', item);
    assert.deepEqual(messages.shown.map((s) => [s.message, s.items]), [[`Delete the token ${made.TokenId}?`, ['Delete']]]);
    assert.deepEqual(sent('DeleteToken'), []);
    messages.answer = 'Delete';
    await vscode.commands.executeCommand('licenseManager.token.delete', item);
    assert.deepEqual(sent('DeleteToken'), [{ TokenId: made.TokenId }]);
    await waitFor(async () => (await tokenItems()).length === 0, 10_000, 'the list is empty');
  });

  it('Export of a Tokens list writes what each token is, never the token itself', async () => {
    const seller = (await api.services.clients()).get('issuer', 'us-east-1');
    const made = await seller.createToken({ clientToken: 'export', licenseArn: RENDER_ARN, roleArns: ['arn:aws:iam::567856785678:role/Render'], expirationInDays: 30, tokenProperties: ['=cmd|calc'] });
    const list = await tokensList();
    await api.explorer.refresh(list as never);
    const dir = mkdtempSync(join(tmpdir(), 'lm-tokens-'));
    try {
      const target = join(dir, 'tokens.csv');
      const result = await vscode.commands.executeCommand(EXPORT, list, { target, format: 'csv' });
      assert.deepEqual(result, { outcome: 'exported', count: 1, target });
      const [data] = (await seller.listTokens(RENDER_ARN)).items;
      const text = readFileSync(target, 'utf8').replace(/^\ufeff/, '');
      assert.equal(
        text,
        'TokenId,TokenType,LicenseArn,Status,ExpirationTime,RoleArns[],TokenProperties[]\r\n' +
          `${made.TokenId},REFRESH_TOKEN,${RENDER_ARN},AVAILABLE,${data.ExpirationTime},arn:aws:iam::567856785678:role/Render,"'=cmd|calc"\r\n`,
      );
      assert.equal(text.includes(made.Token ?? '(no token)'), false, 'the token is not exported');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
