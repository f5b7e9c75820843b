/** Proxies and certificate authorities, with the real SDK, a real proxy and the emulator over TLS. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClientFactory, type ClientFactoryOptions } from '../../src/aws/clientFactory';
import { isLicenseManagerError, type LicenseManagerError } from '../../src/aws/errors';
import { classifyError } from '../../src/aws/classify';
import { ProxyFailure, bypassesProxy, parseNoProxy, proxyFor, redactProxyUrl, type NetworkSettings } from '../../src/aws/transport';
import { startEmulator, type AwsConfigFiles, type RunningEmulator } from '../emulator/index';
import { startTestProxy, type TestProxy } from '../support/testProxy';
import { generateTestCertificates } from '../emulator/tls';
import { closedPort } from './awsFixtures';

const DEMO = join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds', 'demo.json');
const ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_CA_BUNDLE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_LICENSE_MANAGER', 'HOME'];
const PROXY_ENV = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];
const PASSWORD = 's3cret-Proxy-Pa55';

/** Names of the seller's us-east-1 license configurations, read from the seed file itself. */
function seededConfigNames(): string[] {
  const seed = JSON.parse(readFileSync(DEMO, 'utf8')) as { accounts: { profile: string; regions: Record<string, { licenseConfigurations?: { Name: string }[] }> }[] };
  const seller = seed.accounts.find((a) => a.profile === 'seller');
  return (seller?.regions['us-east-1'].licenseConfigurations ?? []).map((c) => c.Name).sort();
}

async function rejection(p: Promise<unknown>): Promise<LicenseManagerError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isLicenseManagerError(e), `a LicenseManagerError, got ${String(e)}`);
    return e;
  }
  throw new Error('the call succeeded');
}

describe('AWS transport: proxies and certificate authorities', function () {
  this.timeout(30_000);
  const saved = new Map<string, string | undefined>();
  let tls: RunningEmulator;
  let plain: RunningEmulator;
  let dir: string;
  let tlsFiles: AwsConfigFiles;
  let proxy: TestProxy;
  let authProxy: TestProxy;
  const logs: string[] = [];
  const factories: ReturnType<typeof createClientFactory>[] = [];

  type Options = Omit<ClientFactoryOptions, 'network'> & { network?: NetworkSettings };
  const names = async ({ network, ...options }: Options, profile = 'seller'): Promise<string[]> => {
    const factory = createClientFactory({ maxAttempts: 1, log: (l) => logs.push(l), ...options, ...(network ? { network: () => network } : {}) });
    factories.push(factory);
    const page = await factory.get(profile, 'us-east-1').listLicenseConfigurations();
    return page.items.map((c) => c.Name ?? '').sort();
  };
  const failure = (options: Options, profile = 'seller'): Promise<LicenseManagerError> => rejection(names(options, profile));

  before(async () => {
    for (const k of [...ENV, ...PROXY_ENV]) {
      saved.set(k, process.env[k]);
      delete process.env[k];
    }
    dir = mkdtempSync(join(tmpdir(), 'lm-transport-'));
    process.env.HOME = dir;
    tls = await startEmulator({ tls: true, seed: DEMO });
    plain = await startEmulator({ seed: DEMO });
    tlsFiles = tls.writeAwsConfig(join(dir, 'tls'));
    const plainFiles = plain.writeAwsConfig(join(dir, 'plain'));
    // One config file: TLS profiles as written (ca_bundle = ca.pem), plus plain-HTTP and CA variants.
    const tlsConfig = readFileSync(tlsFiles.configFile, 'utf8');
    const plainSeller = readFileSync(plainFiles.configFile, 'utf8').replace('[profile seller]', '[profile plain-seller]');
    const noCa = tlsConfig.replace('[profile seller]', '[profile no-ca]').replace(/^ca_bundle = .*$/m, '');
    const badCa = tlsConfig.replace('[profile seller]', '[profile bad-ca]').replace(/^ca_bundle = .*$/m, `ca_bundle = ${join(dir, 'missing.pem')}`);
    writeFileSync(tlsFiles.configFile, [tlsConfig, plainSeller, noCa, badCa].join('\n'));
    const creds = readFileSync(tlsFiles.credentialsFile, 'utf8');
    const sellerCreds = /\[seller\][^[]*/.exec(creds)?.[0] ?? '';
    writeFileSync(
      tlsFiles.credentialsFile,
      [creds, ...['plain-seller', 'no-ca', 'bad-ca'].map((p) => sellerCreds.replace('[seller]', `[${p}]`))].join('\n'),
    );
    process.env.AWS_CONFIG_FILE = tlsFiles.configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = tlsFiles.credentialsFile;
    proxy = await startTestProxy();
    authProxy = await startTestProxy({ auth: { user: 'lm-user', password: PASSWORD } });
  });
  afterEach(() => {
    for (const f of factories.splice(0)) f.dispose();
    proxy.passed.clear();
    authProxy.passed.clear();
    for (const k of [...PROXY_ENV, 'AWS_CA_BUNDLE']) delete process.env[k];
  });
  after(async () => {
    await Promise.all([tls?.close(), plain?.close(), proxy?.close(), authProxy?.close()]);
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('reaches the TLS emulator through the proxy (CONNECT), trusting the profile’s ca_bundle', async () => {
    assert.ok(tls.url.startsWith('https://127.0.0.1:'));
    assert.deepEqual(await names({ network: { proxy: proxy.url } }), seededConfigNames());
    assert.ok((proxy.passed.get(`127.0.0.1:${tls.port}`) ?? 0) > 0, 'the proxy tunnelled the request');
  });

  it('forwards plain HTTP through the proxy, with the credentials in the proxy URL', async () => {
    assert.deepEqual(await names({ network: { proxy: authProxy.authUrl } }, 'plain-seller'), seededConfigNames());
    assert.ok((authProxy.passed.get(`127.0.0.1:${plain.port}`) ?? 0) > 0);
  });

  it('uses HTTPS_PROXY and bypasses it for NO_PROXY hosts (environment and settings)', async () => {
    process.env.HTTPS_PROXY = proxy.url;
    assert.deepEqual(await names({}), seededConfigNames());
    assert.ok(proxy.total() > 0, 'HTTPS_PROXY is used');
    proxy.passed.clear();
    process.env.no_proxy = `example.com, 127.0.0.1:${tls.port}`;
    assert.deepEqual(await names({}), seededConfigNames());
    assert.equal(proxy.total(), 0, 'no_proxy bypasses it');
    delete process.env.no_proxy;
    assert.deepEqual(await names({ network: { proxy: proxy.url, noProxy: ['127.0.0.1'] } }), seededConfigNames());
    assert.equal(proxy.total(), 0, 'the noProxy setting bypasses it');
  });

  it('new settings apply after reset()', async () => {
    let settings: NetworkSettings = {};
    const factory = createClientFactory({ maxAttempts: 1, network: () => settings });
    factories.push(factory);
    const api = factory.get('seller', 'us-east-1');
    await api.listLicenseConfigurations();
    assert.equal(proxy.total(), 0);
    settings = { proxy: proxy.url };
    factory.reset();
    assert.deepEqual((await api.listLicenseConfigurations()).items.map((c) => c.Name).sort(), seededConfigNames());
    assert.ok(proxy.total() > 0, 'the client created after reset() uses the proxy');
  });

  it('wrong proxy credentials give a proxy error that never shows the password', async () => {
    const wrong = authProxy.authUrl.replace(encodeURIComponent(PASSWORD), 'not-the-password');
    for (const [profile, url] of [
      ['seller', wrong],
      ['plain-seller', wrong],
      ['seller', authProxy.url],
    ]) {
      logs.length = 0;
      const e = await failure({ network: { proxy: url } }, profile);
      assert.equal(e.kind, 'proxy', `${profile} ${e.message}`);
      assert.match(e.message, new RegExp(`proxy http://127\\.0\\.0\\.1:${authProxy.port}.*407 Proxy Authentication Required`));
      const shown = [e.message, e.details.fix ?? '', JSON.stringify(e.details), String(e.stack), ...logs];
      for (const text of shown) {
        assert.ok(!text.includes('not-the-password') && !text.includes('lm-user'), `credentials leaked into: ${text}`);
      }
    }
    assert.equal(authProxy.total(), 0);
    assert.ok(authProxy.refused() > 0);
  });

  it('a proxy that is not listening gives a proxy error at once', async () => {
    const port = await closedPort();
    for (const profile of ['seller', 'plain-seller']) {
      const e = await failure({ network: { proxy: `http://user:${PASSWORD}@127.0.0.1:${port}` } }, profile);
      assert.equal(e.kind, 'proxy');
      assert.match(e.message, new RegExp(`proxy http://127\\.0\\.0\\.1:${port} could not be reached \\(ECONNREFUSED\\)`));
      assert.ok(!e.message.includes(PASSWORD) && !(e.details.fix ?? '').includes(PASSWORD));
    }
  });

  it('an endpoint certificate from an unknown CA is a certificate error naming ca_bundle and AWS_CA_BUNDLE', async () => {
    const e = await failure({}, 'no-ca');
    assert.equal(e.kind, 'certificate');
    assert.match(e.message, /certificate .* is not trusted/);
    assert.match(e.details.fix ?? '', /ca_bundle in profile "no-ca" or AWS_CA_BUNDLE/);
    const viaProxy = await failure({ network: { proxy: proxy.url } }, 'no-ca');
    assert.equal(viaProxy.kind, 'certificate', 'through a proxy as well');
  });

  it('AWS_CA_BUNDLE adds the CA (Node’s own roots stay trusted)', async () => {
    process.env.AWS_CA_BUNDLE = tlsFiles.caFile;
    assert.deepEqual(await names({}, 'no-ca'), seededConfigNames());
  });

  it('strictSSL false never accepts an endpoint certificate that does not verify, with or without a proxy', async () => {
    for (const network of [{ strictSSL: false }, { strictSSL: false, proxy: proxy.url }, { strictSSL: false, hostRoutesRequests: true }]) {
      const e = await failure({ network }, 'no-ca');
      assert.equal(e.kind, 'certificate', JSON.stringify(network));
      assert.match(e.message, /certificate .* is not trusted/);
    }
    assert.deepEqual(await names({ network: { strictSSL: false } }, 'seller'), seededConfigNames(), 'the profile’s ca_bundle is how a private CA is trusted');
  });

  it('strictSSL false accepts an HTTPS proxy’s own certificate, and only that', async () => {
    const certs = await generateTestCertificates();
    const tlsProxy = await startTestProxy({ tls: { cert: certs.cert, key: certs.key } });
    try {
      const strict = await failure({ network: { proxy: tlsProxy.url } }, 'seller');
      assert.equal(strict.kind, 'proxy', 'the proxy’s certificate is checked by default');
      // Its CA has the emulator CA's name but another key: the signature fails.
      assert.equal(strict.message, `The proxy ${tlsProxy.url} could not be reached (CERT_SIGNATURE_FAILURE) (profile "seller", us-east-1).`);
      assert.equal(tlsProxy.total(), 0);
      assert.deepEqual(await names({ network: { proxy: tlsProxy.url, strictSSL: false } }, 'seller'), seededConfigNames());
      assert.equal(tlsProxy.passed.get(new URL(tls.url).host), 1, 'the request went through the HTTPS proxy');
      // An endpoint with the proxy's certificate, reached through that proxy: the proxy is accepted, the endpoint is not.
      process.env.AWS_ENDPOINT_URL_LICENSE_MANAGER = tlsProxy.url;
      const endpoint = await failure({ network: { proxy: tlsProxy.url, strictSSL: false } }, 'seller');
      assert.equal(endpoint.kind, 'certificate', 'the endpoint behind the proxy is still verified');
      assert.match(endpoint.message, new RegExp(`^The TLS certificate of ${tlsProxy.url.replace(/[.]/g, '\\.')} is not trusted`));
      assert.equal(tlsProxy.passed.get(new URL(tlsProxy.url).host), 1, 'through the proxy');
    } finally {
      delete process.env.AWS_ENDPOINT_URL_LICENSE_MANAGER;
      await tlsProxy.close();
    }
  });

  it('an unreadable ca_bundle is a configuration error naming the profile', async () => {
    const e = await failure({}, 'bad-ca');
    assert.equal(e.kind, 'configuration');
    assert.match(e.message, /CA bundle .*missing\.pem of ca_bundle of profile "bad-ca".*cannot be read \(ENOENT\)/);
  });
});

describe('AWS transport: proxy rules', () => {
  it('matches NO_PROXY entries as curl does', () => {
    const cases: [string, string, string, boolean][] = [
      ['license-manager.us-east-1.amazonaws.com', '443', '*', true],
      ['license-manager.us-east-1.amazonaws.com', '443', 'amazonaws.com', true],
      ['license-manager.us-east-1.amazonaws.com', '443', '.amazonaws.com', true],
      ['license-manager.us-east-1.amazonaws.com', '443', '*.amazonaws.com', true],
      ['amazonaws.com', '443', '.amazonaws.com', true],
      ['notamazonaws.com', '443', 'amazonaws.com', false],
      ['127.0.0.1', '8443', '127.0.0.1:8443', true],
      ['127.0.0.1', '8443', '127.0.0.1:9443', false],
      ['LOCALHOST', '80', 'localhost', true],
      ['::1', '443', '[::1]', true],
      ['example.org', '443', 'example.com, localhost', false],
      ['10.1.2.3', '443', '10.0.0.0/8', true],
      ['11.1.2.3', '443', '10.0.0.0/8', false],
      ['10.1.2.3', '443', '10.0.0.0/8:443', true],
      ['10.1.2.3', '8443', '10.0.0.0/8:443', false],
      ['192.168.1.10', '443', '192.168.1.0/24', true],
      ['192.168.2.10', '443', '192.168.1.0/24', false],
      ['::1', '443', '::1/128', true],
      ['::2', '443', '::1/128', false],
      ['[0:0:0:0:0:0:0:1]', '443', '::1', true],
      ['fd00::5', '443', 'fd00::/8', true],
      ['10.0.0.1', '443', '0.0.1', false],
      ['110.0.0.1', '443', '10.0.0.1', false],
      ['10.0.0.1', '443', '.0.0.1', false],
      ['10.0.0.1', '443', '10.0.0.1', true],
      ['10.0.0.1', '443', '10.0.0.0/33', false],
      ['10.0.0.1', '443', '::/0', false],
      ['sub.10.0.0.1.example', '443', '10.0.0.1', false],
    ];
    for (const [host, port, noProxy, expected] of cases) {
      assert.equal(bypassesProxy(host, port, parseNoProxy(noProxy)), expected, `${host}:${port} vs "${noProxy}"`);
    }
  });

  it('picks the settings first, then HTTPS_PROXY/HTTP_PROXY by scheme, upper or lower case', () => {
    const target = new URL('https://license-manager.eu-west-1.amazonaws.com');
    assert.equal(proxyFor(target, { proxy: 'http://settings:1' }, { HTTPS_PROXY: 'http://env:2' }), 'http://settings:1');
    assert.equal(proxyFor(target, {}, { https_proxy: 'http://env:2' }), 'http://env:2');
    assert.equal(proxyFor(target, {}, { HTTP_PROXY: 'http://env:3' }), 'http://env:3');
    assert.equal(proxyFor(new URL('http://127.0.0.1:1'), {}, { HTTPS_PROXY: 'http://env:2' }), undefined);
    assert.equal(proxyFor(target, { noProxy: [] }, { HTTPS_PROXY: 'http://env:2', NO_PROXY: '*' }), 'http://env:2', 'the setting replaces NO_PROXY');
    assert.equal(proxyFor(target, {}, { HTTPS_PROXY: 'http://env:2', NO_PROXY: '.amazonaws.com' }), undefined);
  });

  it('fills in the scheme’s default port before matching NO_PROXY entries with a port', () => {
    const https = new URL('https://license-manager.us-east-1.amazonaws.com');
    const http = new URL('http://license-manager.us-east-1.amazonaws.com');
    const env = { HTTPS_PROXY: 'http://env:2', HTTP_PROXY: 'http://env:3' };
    assert.equal(proxyFor(https, {}, { ...env, NO_PROXY: '.amazonaws.com:443' }), undefined);
    assert.equal(proxyFor(https, {}, { ...env, NO_PROXY: '.amazonaws.com:80' }), 'http://env:2');
    assert.equal(proxyFor(http, {}, { ...env, NO_PROXY: '.amazonaws.com:80' }), undefined);
    assert.equal(proxyFor(http, {}, { ...env, NO_PROXY: '.amazonaws.com:443' }), 'http://env:3');
    assert.equal(proxyFor(https, { noProxy: ['10.0.0.0/8'] }, env), 'http://env:2', 'a CIDR block matches addresses, not names');
    assert.equal(proxyFor(new URL('https://10.20.30.40:8443'), { noProxy: ['10.0.0.0/8'] }, env), undefined);
  });

  it('classifies TLS failures as certificate and marked proxy failures as proxy, anywhere in the cause chain', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED']) {
      const wrapped = Object.assign(new Error('request failed'), { cause: Object.assign(new Error(code.toLowerCase()), { code }) });
      const e = classifyError(wrapped, { profile: 'dev', region: 'us-east-1', endpoint: 'https://lm.internal:8443' });
      assert.equal(e.kind, 'certificate', code);
      assert.match(e.message, new RegExp(`https://lm\\.internal:8443 is not trusted .*\\(${code}\\)`));
      assert.match(e.details.fix ?? '', /ca_bundle in profile "dev" or AWS_CA_BUNDLE/);
    }
    const refused = new ProxyFailure('The proxy http://proxy:3128 refused to connect to the endpoint (HTTP 403).', 'http://proxy:3128', 'ProxyRefused', 403);
    const e = classifyError(Object.assign(new Error('x'), { cause: refused }), { profile: 'dev' });
    assert.equal(e.kind, 'proxy');
    assert.match(e.message, /^The proxy http:\/\/proxy:3128 refused to connect to the endpoint \(HTTP 403\) \(profile "dev"\)\.$/);
  });

  it('shows a proxy URL without its credentials', () => {
    assert.equal(redactProxyUrl(`http://me:${PASSWORD}@proxy.corp:3128/path?x=1`), 'http://proxy.corp:3128');
    assert.equal(redactProxyUrl('proxy.corp:3128'), 'http://proxy.corp:3128');
  });
});
