import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { getApi, useEmulator } from '../support';
import { children, path, type Node, selectOnly } from './explorerSupport';
import { answerInputBoxes } from './inputBoxes';

const SELLER = '111122223333';
const REGION = 'us-east-1';
const PENDING = `arn:aws:license-manager::${SELLER}:grant:g-c132e69f9d9cd0434181e903155676a7`; // Globex data pipeline rollout
const ACTIVE = `arn:aws:license-manager::${SELLER}:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8`; // Globex analytics production, version 3
const COPY = 'Copy as AWS CLI Command';

describe('Copy as AWS CLI Command in grant confirmations (in host, demo seed)', () => {
  const env = useEmulator('demo');
  let api: ExtensionApi;
  let offered: string[][] = [];
  let restore: () => void = () => undefined;
  const mutations = (): string[] => env.current.emulator.requests.map((r) => r.operation).filter((o) => !/^(List|Get)/.test(o));

  async function grant(profile: string, category: string, arn: string): Promise<Node> {
    const found = (await children(api, await path(api, profile, REGION, category))).find((n) => (n as unknown as Partial<ResourceHolder>).resource?.arn === arn);
    assert.ok(found, `${arn} under ${profile}/${category}`);
    return found;
  }

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await selectOnly(api, ['buyer', 'seller'], REGION);
    offered = [];
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = w.showWarningMessage;
    w.showWarningMessage = async (_message: string, ...rest: unknown[]) => {
      const items = rest.filter((r): r is string => typeof r === 'string');
      offered.push(items);
      return items.includes(COPY) ? COPY : undefined;
    };
    const restoreBoxes = answerInputBoxes(() => "It's over; \"done\" $(rm -rf ~)");
    restore = () => {
      w.showWarningMessage = saved;
      restoreBoxes();
    };
    await vscode.env.clipboard.writeText('');
  });
  afterEach(() => restore());

  it('Reject offers the command it would send, copies it and sends nothing', async () => {
    const node = await grant('buyer', 'Received grants', PENDING);
    env.current.emulator.requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.grant.reject', node);
    assert.deepEqual(offered, [['Reject', COPY]]);
    assert.equal(await vscode.env.clipboard.readText(), `aws license-manager reject-grant --grant-arn ${PENDING} --profile buyer --region us-east-1`);
    assert.deepEqual(mutations(), [], 'nothing was sent');
  });

  it('Delete copies the command with its version and the reason typed, quoted for the shell', async () => {
    const node = await grant('seller', 'Distributed grants', ACTIVE);
    env.current.emulator.requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.grant.delete', node);
    assert.deepEqual(offered, [['Delete', COPY]]);
    assert.equal(
      await vscode.env.clipboard.readText(),
      `aws license-manager delete-grant --grant-arn ${ACTIVE} --version 3 --status-reason 'It'\\''s over; "done" $(rm -rf ~)' --profile seller --region us-east-1`,
    );
    assert.deepEqual(mutations(), [], 'nothing was sent');
  });

  it('Deactivate copies a create-grant-version command with the reason typed and its own client token', async () => {
    const node = await grant('buyer', 'Received grants', ACTIVE);
    env.current.emulator.requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.grant.deactivate', node);
    assert.deepEqual(offered, [['Deactivate', COPY]]);
    assert.match(
      await vscode.env.clipboard.readText(),
      new RegExp(
        `^aws license-manager create-grant-version --grant-arn ${ACTIVE} --status DISABLED --status-reason 'It'\\\\''s over; "done" \\$\\(rm -rf ~\\)' --source-version 3 --client-token [0-9a-f-]{36} --profile buyer --region us-east-1$`,
      ),
    );
    assert.deepEqual(mutations(), [], 'nothing was sent');
  });
});
