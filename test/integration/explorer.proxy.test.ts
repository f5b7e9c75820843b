import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { getApi, useEmulator, waitFor } from '../support';
import { startTestProxy, type TestProxy } from '../support/testProxy';
import { children, isMessage, item, label, path, type Node } from './explorerSupport';

const LIST = ['seller', 'us-east-1', 'License configurations'];

async function setHttp(key: 'proxy' | 'noProxy', value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('http').update(key, value, vscode.ConfigurationTarget.Global);
}

function text(api: ExtensionApi, node: Node): string {
  const it = item(api, node);
  const tooltip = typeof it.tooltip === 'string' ? it.tooltip : (it.tooltip?.value ?? '');
  return [label(api, node), String(it.description ?? ''), tooltip].join('\n');
}

describe('explorer through proxies and private CAs (emulator over TLS)', () => {
  const env = useEmulator('demo', { tls: true });
  let api: ExtensionApi;
  let proxy: TestProxy;
  let configText: string;

  /** Refreshes the list and returns its children once they are not a loading placeholder. */
  const reload = async (): Promise<Node[]> => {
    const list = await path(api, ...LIST);
    await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', list);
    return children(api, list);
  };
  const passedToEmulator = (): number => proxy.passed.get(`127.0.0.1:${env.current.emulator.port}`) ?? 0;

  before(async () => {
    proxy = await startTestProxy();
    api = await getApi();
    configText = readFileSync(env.current.configFile, 'utf8');
    assert.match(configText, /^ca_bundle = /m, 'the profiles name the test CA');
    await api.explorer.reloadProfiles();
    await vscode.commands.executeCommand('licenseManager.profiles.select', ['seller']);
    await vscode.commands.executeCommand('licenseManager.regions.select', 'seller', ['us-east-1']);
  });
  afterEach(async () => {
    await setHttp('proxy', undefined);
    await setHttp('noProxy', undefined);
    writeFileSync(env.current.configFile, configText);
    proxy.passed.clear();
  });
  after(async () => {
    await proxy?.close();
  });

  it('loads the explorer through the user’s http.proxy over TLS', async () => {
    await setHttp('proxy', proxy.url);
    const kids = await waitFor(async () => {
      const k = await reload();
      return passedToEmulator() > 0 && k;
    }, 15_000, 'a load through the proxy');
    const names = kids.map((n) => label(api, n));
    // The seller's license configurations in us-east-1, as the demo seed lists them.
    assert.deepEqual(names.sort(), ['SQL Server Enterprise fleet', 'Windows Server Datacenter']);
  });

  it('http.noProxy bypasses the proxy', async () => {
    await setHttp('proxy', proxy.url);
    await setHttp('noProxy', ['127.0.0.1']);
    const kids = await reload();
    assert.deepEqual(kids.map((n) => label(api, n)).sort(), ['SQL Server Enterprise fleet', 'Windows Server Datacenter'], 'the list loads');
    assert.equal(proxy.total(), 0, 'nothing went through the proxy');
  });

  it('a proxy that does not answer gives an error item that says proxy', async () => {
    await proxy.close();
    await setHttp('proxy', proxy.url);
    const error = await waitFor(async () => (await reload()).find((n) => isMessage(api, n) && /proxy/i.test(text(api, n))), 15_000, 'a proxy error item');
    // The URL is shown literally: a zero-width space after the scheme keeps it from becoming a link.
    assert.match(text(api, error), new RegExp(`proxy http\u200b?://127\\.0\\.0\\.1:${proxy.port}`));
    proxy = await startTestProxy();
  });

  it('an endpoint certificate from an untrusted CA gives an error item naming the certificate problem', async () => {
    writeFileSync(env.current.configFile, configText.replace(/^ca_bundle = .*\n/gm, ''));
    (await api.services.clients()).reset();
    const kids = await reload();
    const error = kids.find((n) => isMessage(api, n));
    assert.ok(error, `an error item; saw ${kids.map((n) => label(api, n)).join(', ')}`);
    assert.match(text(api, error), /certificate/i);
    assert.match(text(api, error), /ca_bundle|AWS_CA_BUNDLE/);
  });
});
