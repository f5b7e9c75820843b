import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverProfiles } from '../../src/aws/profiles';
import type { ProfileInfo } from '../../src/aws/types';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY1';
const SESSION = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN';
const CONFIG = `
[default]
region = eu-west-1

[profile sso-legacy]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = us-east-1

[profile sso-new]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile role]
role_arn = arn:aws:iam::111122223333:role/Reader
source_profile = static
region = ap-southeast-2

[profile role-from-env]
role_arn = arn:aws:iam::111122223333:role/Reader
credential_source = Environment

[profile process]
credential_process = /usr/local/bin/get-creds --account 1
region = us-west-2

[profile webid]
role_arn = arn:aws:iam::111122223333:role/Web
web_identity_token_file = /var/run/token

[profile local]
region = us-east-1
endpoint_url = http://127.0.0.1:4566

[profile with-services]
region = us-east-2
services = local-services
endpoint_url = http://127.0.0.1:1111

[services local-services]
license_manager =
  endpoint_url = http://127.0.0.1:9999
dynamodb =
  endpoint_url = http://127.0.0.1:8000

[profile other-services]
services = only-dynamo
endpoint_url = http://127.0.0.1:2222

[services only-dynamo]
dynamodb =
  endpoint_url = http://127.0.0.1:8000

[profile broken-services]
services = missing

[not-a-profile]
region = us-east-1
`;
const CREDENTIALS = `
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = ${SECRET}

[static]
aws_access_key_id = AKIAIOSFODNN7STATIC1
aws_secret_access_key = ${SECRET}
aws_session_token = ${SESSION}

[creds-only]
aws_access_key_id = AKIAIOSFODNN7CREDONL
aws_secret_access_key = ${SECRET}
region = sa-east-1
`;

describe('profile discovery', () => {
  let dir: string;
  let env: Record<string, string>;
  const byName = (list: ProfileInfo[], name: string): ProfileInfo => {
    const p = list.find((x) => x.name === name);
    assert.ok(p, `profile ${name} missing from ${list.map((x) => x.name).join(', ')}`);
    return p;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lm-profiles-'));
    writeFileSync(join(dir, 'config'), CONFIG);
    writeFileSync(join(dir, 'credentials'), CREDENTIALS);
    env = {
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      HOME: dir,
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists profiles of both files, default first then by name, without sessions, services or bare config sections', async () => {
    const names = (await discoverProfiles({ env })).map((p) => p.name);
    assert.deepEqual(names, [
      'default',
      'broken-services',
      'creds-only',
      'local',
      'other-services',
      'process',
      'role',
      'role-from-env',
      'sso-legacy',
      'sso-new',
      'static',
      'webid',
      'with-services',
    ]);
  });

  it('reports each credential kind', async () => {
    const list = await discoverProfiles({ env });
    const kinds = Object.fromEntries(list.map((p) => [p.name, p.kind]));
    assert.equal(kinds.default, 'static');
    assert.equal(kinds.static, 'static');
    assert.equal(kinds['creds-only'], 'static');
    assert.equal(kinds['sso-legacy'], 'sso');
    assert.equal(kinds['sso-new'], 'sso');
    assert.equal(kinds.role, 'assume-role');
    assert.equal(kinds['role-from-env'], 'assume-role');
    assert.equal(kinds.process, 'credential-process');
    assert.equal(kinds.webid, 'web-identity');
    assert.equal(kinds.local, 'unknown');
  });

  it('keeps regions from either file', async () => {
    const list = await discoverProfiles({ env });
    assert.equal(byName(list, 'default').region, 'eu-west-1');
    assert.equal(byName(list, 'sso-new').region, 'eu-central-1');
    assert.equal(byName(list, 'creds-only').region, 'sa-east-1');
    assert.equal(byName(list, 'webid').region, undefined);
  });

  it('shows the License Manager endpoint from endpoint_url and from a services section', async () => {
    const list = await discoverProfiles({ env });
    assert.equal(byName(list, 'local').endpointUrl, 'http://127.0.0.1:4566');
    assert.equal(byName(list, 'local').endpointSource, 'profile');
    assert.equal(byName(list, 'with-services').endpointUrl, 'http://127.0.0.1:9999');
    assert.equal(byName(list, 'with-services').endpointSource, 'services');
    assert.equal(byName(list, 'other-services').endpointUrl, 'http://127.0.0.1:2222', 'falls back to endpoint_url');
    assert.equal(byName(list, 'static').endpointUrl, undefined);
    assert.match(byName(list, 'broken-services').problem ?? '', /services section "missing"/);
  });

  it('lets the endpoint variables win over the files, and honours ignore_configured_endpoint_urls', async () => {
    let list = await discoverProfiles({ env: { ...env, AWS_ENDPOINT_URL: 'http://global:1' } });
    assert.equal(byName(list, 'local').endpointUrl, 'http://global:1');
    assert.equal(byName(list, 'static').endpointSource, 'AWS_ENDPOINT_URL');
    list = await discoverProfiles({
      env: { ...env, AWS_ENDPOINT_URL: 'http://global:1', AWS_ENDPOINT_URL_LICENSE_MANAGER: 'http://lm:2' },
    });
    assert.equal(byName(list, 'with-services').endpointUrl, 'http://lm:2');
    assert.equal(byName(list, 'with-services').endpointSource, 'AWS_ENDPOINT_URL_LICENSE_MANAGER');
    list = await discoverProfiles({ env: { ...env, AWS_ENDPOINT_URL: 'http://global:1', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } });
    assert.equal(byName(list, 'local').endpointUrl, undefined);
  });

  it('marks AWS_PROFILE as the default and sorts it first', async () => {
    const list = await discoverProfiles({ env: { ...env, AWS_PROFILE: 'sso-new' } });
    assert.equal(list[0].name, 'sso-new');
    assert.equal(list[0].isDefault, true);
    assert.deepEqual(list.filter((p) => p.isDefault).map((p) => p.name), ['sso-new']);
    assert.equal(list[1].name, 'broken-services');
  });

  it('falls back to "default" when AWS_PROFILE names no profile', async () => {
    const list = await discoverProfiles({ env: { ...env, AWS_PROFILE: 'nope' } });
    assert.deepEqual(list.filter((p) => p.isDefault).map((p) => p.name), ['default']);
  });

  it('keeps no secret, access key or session token', async () => {
    const text = JSON.stringify(await discoverProfiles({ env }));
    assert.ok(!text.includes(SECRET));
    assert.ok(!text.includes(SESSION));
    assert.ok(!text.includes('AKIAIOSFODNN7'));
    assert.ok(!text.includes('get-creds'), 'the credential_process command line is not kept');
  });

  it('sees edits of the files on the next discovery', async () => {
    assert.equal((await discoverProfiles({ env })).some((p) => p.name === 'added'), false);
    writeFileSync(join(dir, 'config'), `${CONFIG}\n[profile added]\nregion = us-east-1\n`);
    writeFileSync(join(dir, 'credentials'), CREDENTIALS.replace('[creds-only]', '[renamed]'));
    const list = await discoverProfiles({ env });
    assert.equal(byName(list, 'added').region, 'us-east-1');
    assert.ok(list.some((p) => p.name === 'renamed'));
    assert.ok(!list.some((p) => p.name === 'creds-only'));
  });

  it('reads ~/.aws when the variables are unset, and returns nothing when no file exists', async () => {
    assert.deepEqual(await discoverProfiles({ env: { HOME: dir } }), []);
    const aws = join(dir, '.aws');
    mkdirSync(aws);
    writeFileSync(join(aws, 'config'), '[profile home]\nregion = eu-north-1\n');
    const list = await discoverProfiles({ env: { HOME: dir } });
    assert.deepEqual(
      list.map((p) => [p.name, p.region, p.isDefault]),
      [['home', 'eu-north-1', false]],
    );
  });
});
