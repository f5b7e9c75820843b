import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { getApi, useEmulator } from '../support';
import { children, isMessage, item, label, path, type Node } from './explorerSupport';

const LIST = ['seller', 'us-east-1', 'License configurations'];

async function setStrictSSL(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('http').update('proxyStrictSSL', value, vscode.ConfigurationTarget.Global);
}

describe('the License Manager endpoint’s certificate with http.proxyStrictSSL off (emulator over TLS)', () => {
  const env = useEmulator('demo', { tls: true });
  let api: ExtensionApi;
  let configText: string;

  const reload = async (): Promise<Node[]> => {
    (await api.services.clients()).reset();
    const list = await path(api, ...LIST);
    await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', list);
    return children(api, list);
  };

  before(async () => {
    api = await getApi();
    configText = readFileSync(env.current.configFile, 'utf8');
    await api.explorer.reloadProfiles();
    await vscode.commands.executeCommand('licenseManager.profiles.select', ['seller']);
    await vscode.commands.executeCommand('licenseManager.regions.select', 'seller', ['us-east-1']);
  });
  afterEach(async () => {
    await setStrictSSL(undefined);
    writeFileSync(env.current.configFile, configText);
  });

  it('still refuses an endpoint certificate from a CA the profile does not name', async () => {
    await setStrictSSL(false);
    assert.equal(vscode.workspace.getConfiguration('http').inspect('proxyStrictSSL')?.globalValue, false);
    writeFileSync(env.current.configFile, configText.replace(/^ca_bundle = .*\n/gm, ''));
    env.current.emulator.requests.length = 0;
    const kids = await reload();
    assert.equal(kids.length, 1, kids.map((n) => label(api, n)).join(', '));
    assert.ok(isMessage(api, kids[0]));
    const tooltip = item(api, kids[0]).tooltip;
    const text = `${label(api, kids[0])}\n${String(item(api, kids[0]).description)}\n${typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')}`;
    assert.match(text, /certificate/i);
    assert.match(text, /ca_bundle|AWS_CA_BUNDLE/);
    assert.equal(env.current.emulator.requests.filter((r) => r.operation === 'ListLicenseConfigurations').length, 0, 'no request reached the endpoint');
  });

  it('trusts the endpoint through the profile’s ca_bundle, with the setting on or off', async () => {
    for (const strict of [false, true]) {
      await setStrictSSL(strict);
      const kids = await reload();
      assert.deepEqual(kids.map((n) => label(api, n)).sort(), ['SQL Server Enterprise fleet', 'Windows Server Datacenter'], `proxyStrictSSL ${strict}`);
    }
  });
});
