import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { commandLine, filterArg, quoteArg, shellOf } from '../../src/model/cliCommand';
import { consoleUrl } from '../../src/model/consoleUrl';
import { deepLink, parseDeepLink } from '../../src/model/deepLink';
import { findLmArns, itemFacts, lmArnAt, parseLmArn } from '../../src/model/lmArn';
import { RESOURCE_LISTS } from '../../src/model/resourceLists';

const GRANT = 'arn:aws:license-manager::111122223333:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8';
const LICENSE = 'arn:aws:license-manager::111122223333:license:l-a6963f0a7a16d9273f168c9f27a32c38';
const CONFIG = 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-3ca11e2529dc82b1006b5d390fec6982';
const TOKEN = 'arn:aws:license-manager::111122223333:token:5a2b7c9d1e3f4a6b8c0d2e4f6a8b0c2d';

describe('License Manager ARNs in text', () => {
  it('takes each kind apart: kind, account, region and id', () => {
    assert.deepEqual(parseLmArn(GRANT), { arn: GRANT, kind: 'grant', partition: 'aws', region: '', account: '111122223333', id: 'g-4abfbe07ca6291fc4c9fdf856c5dd1a8' });
    assert.deepEqual(parseLmArn(LICENSE), { arn: LICENSE, kind: 'license', partition: 'aws', region: '', account: '111122223333', id: 'l-a6963f0a7a16d9273f168c9f27a32c38' });
    assert.deepEqual(parseLmArn(CONFIG), {
      arn: CONFIG,
      kind: 'licenseConfiguration',
      partition: 'aws',
      region: 'us-east-1',
      account: '111122223333',
      id: 'lic-3ca11e2529dc82b1006b5d390fec6982',
    });
    assert.deepEqual(parseLmArn(TOKEN), { arn: TOKEN, kind: 'token', partition: 'aws', region: '', account: '111122223333', id: '5a2b7c9d1e3f4a6b8c0d2e4f6a8b0c2d' });
    assert.equal(parseLmArn('arn:aws-cn:license-manager::111122223333:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8')?.partition, 'aws-cn');
  });

  it('refuses other services, bad ids, a region on a grant and a configuration without one', () => {
    for (const bad of [
      'arn:aws:iam::111122223333:root',
      'arn:aws:license-manager::111122223333:grant:g-',
      'arn:aws:license-manager::111122223333:grant:x-4abfbe07ca6291fc4c9fdf856c5dd1a8',
      'arn:aws:license-manager::111122223333:license:g-4abfbe07ca6291fc4c9fdf856c5dd1a8',
      'arn:aws:license-manager:us-east-1:111122223333:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8',
      'arn:aws:license-manager::111122223333:license-configuration:lic-3ca11e2529dc82b1006b5d390fec6982',
      'arn:aws:license-manager::11112222333:license:l-a6963f0a7a16d9273f168c9f27a32c38',
      `${GRANT}\n`,
      `${GRANT}\u202e`,
      'arn:aws:license-manager::111122223333:report-generator:r-1',
    ]) {
      assert.equal(parseLmArn(bad), undefined, JSON.stringify(bad));
    }
  });

  it('finds ARNs in TypeScript, YAML, HCL and JSON, and the one under the cursor', () => {
    const text = [
      `const grant = "${GRANT}";`,
      `LicenseArn: ${LICENSE}`,
      `license_configuration_arn = "${CONFIG}"`,
      `{"token": "${TOKEN}", "other": "arn:aws:s3:::bucket", "glued": "x${GRANT}"}`,
    ].join('\n');
    assert.deepEqual(findLmArns(text).map((m) => [m.kind, text.slice(m.start, m.end)]), [
      ['grant', GRANT],
      ['license', LICENSE],
      ['licenseConfiguration', CONFIG],
      ['token', TOKEN],
    ]);
    const line = `  grant_arn = "${GRANT}"`;
    assert.equal(lmArnAt(line, 15)?.arn, GRANT);
    assert.equal(lmArnAt(line, 3), undefined);
  });

  it('reads name, status, version and region from a loaded item', () => {
    assert.deepEqual(itemFacts('grant', { GrantName: 'Globex', GrantStatus: 'ACTIVE', Version: '2', HomeRegion: 'us-east-1' }, ''), {
      name: 'Globex',
      status: 'ACTIVE',
      version: '2',
      region: 'us-east-1',
    });
    assert.deepEqual(itemFacts('licenseConfiguration', { Name: 'SQL', Status: 'AVAILABLE' }, 'eu-west-1'), { name: 'SQL', status: 'AVAILABLE', region: 'eu-west-1' });
  });
});

describe('AWS CLI commands quoted for the shell', () => {
  it('leaves plain words bare and picks the shell by platform', () => {
    assert.equal(shellOf('win32'), 'powershell');
    assert.equal(shellOf('linux'), 'posix');
    assert.equal(shellOf('darwin'), 'posix');
    const [op, ...args] = RESOURCE_LISTS.receivedGrants.cli.item(GRANT);
    assert.equal(
      commandLine(['aws', 'license-manager', op, ...args, '--profile', 'buyer', '--region', 'us-east-1'], 'posix'),
      `aws license-manager get-grant --grant-arn ${GRANT} --profile buyer --region us-east-1`,
    );
  });

  it('quotes hostile values so the shell reads them back unchanged (POSIX)', () => {
    assert.equal(quoteArg("it's; rm -rf ~ $(id) `x` \"y\"", 'posix'), `'it'\\''s; rm -rf ~ $(id) \`x\` "y"'`);
    assert.equal(quoteArg('', 'posix'), "''");
    assert.equal(quoteArg('=ls', 'posix'), "'=ls'", 'zsh expands a leading =');
    assert.equal(quoteArg('a b', 'posix'), "'a b'");
    assert.equal(quoteArg('a\nb', 'posix'), "$'a\\x0ab'");
    assert.equal(quoteArg("a'\\\u0007", 'posix'), "$'a\\'\\\\\\x07'");
    assert.equal(quoteArg('a\u2028b', 'posix'), "$'a\\u2028b'");
  });

  it('bash reads every quoted hostile value back byte for byte', () => {
    const hostile = ["it's", '$(id)', '`id`', 'a b\tc', 'line\nbreak; id', '\u202egnp.exe', '=ls', '~root', '*', '!!', '"q"', "\\'", 'x\u0007\u001b[31m'];
    for (const value of hostile) {
      const run = spawnSync('bash', ['-c', `printf '%s' ${quoteArg(value, 'posix')}`], { encoding: 'utf8' });
      assert.equal(run.stdout, value, JSON.stringify(value));
    }
  });

  it('quotes hostile values for PowerShell, smart quotes and line breaks included', () => {
    assert.equal(quoteArg("it's $env:HOME; calc", 'powershell'), "'it''s $env:HOME; calc'");
    assert.equal(quoteArg('a\u2019b', 'powershell'), "'a\u2019\u2019b'");
    assert.equal(quoteArg('a\r\nb$x`"', 'powershell'), '"a`u{d}`u{a}b`$x```""');
    assert.equal(quoteArg('buyer', 'powershell'), 'buyer');
    assert.equal(quoteArg('a,b', 'powershell'), "'a,b'", 'a comma makes an array');
    assert.equal(quoteArg('@args', 'powershell'), "'@args'", 'splatting');
  });

  it('writes server-side filters as exact JSON', () => {
    assert.deepEqual(filterArg([]), []);
    assert.deepEqual(filterArg([{ Name: 'GrantStatus', Values: ['ACTIVE'] }]), ['--filters', '[{"Name":"GrantStatus","Values":["ACTIVE"]}]']);
    assert.equal(
      commandLine(['--filters', '[{"Name":"resourceArn","Values":["a,b\'c"]}]'], 'posix'),
      `--filters '[{"Name":"resourceArn","Values":["a,b'\\''c"]}]'`,
    );
  });
});

describe('deep links and console addresses', () => {
  it('round-trips an ARN through a link', () => {
    const link = deepLink('vscode', 'license-manager-explorer.license-manager-explorer', CONFIG);
    assert.equal(
      link,
      'vscode://license-manager-explorer.license-manager-explorer/open?arn=arn%3Aaws%3Alicense-manager%3Aus-east-1%3A111122223333%3Alicense-configuration%3Alic-3ca11e2529dc82b1006b5d390fec6982',
    );
    const url = new URL(link);
    assert.deepEqual(parseDeepLink(url.pathname, url.search.slice(1)), { ok: true, arn: parseLmArn(CONFIG) });
  });

  it('refuses malformed and hostile links, saying why', () => {
    const q = (s: string) => parseDeepLink('/open', s);
    assert.deepEqual(parseDeepLink('/delete', `arn=${GRANT}`), { ok: false, problem: 'path' });
    assert.deepEqual(q(''), { ok: false, problem: 'missing' });
    assert.deepEqual(q(`arn=${GRANT}&arn=${LICENSE}`), { ok: false, problem: 'many' });
    assert.deepEqual(q(`arn=${GRANT}&action=delete`), { ok: false, problem: 'extra' });
    assert.deepEqual(q('arn=%3Cscript%3E'), { ok: false, problem: 'notArn', value: '<script>' });
    assert.deepEqual(q(`arn=${'a'.repeat(3000)}`), { ok: false, problem: 'tooLong' });
  });

  it('builds console addresses from validated parts only', () => {
    assert.equal(
      consoleUrl('aws', 'eu-west-1', RESOURCE_LISTS.receivedLicenses.console.item('l-a6963f0a7a16d9273f168c9f27a32c38')),
      'https://eu-west-1.console.aws.amazon.com/license-manager/home?region=eu-west-1#/grantedLicenses/l-a6963f0a7a16d9273f168c9f27a32c38',
    );
    assert.equal(consoleUrl('aws-cn', 'cn-north-1', 'grants'), 'https://console.amazonaws.cn/license-manager/home?region=cn-north-1#/grants');
    assert.equal(consoleUrl('aws', 'evil.example.com/x', 'grants'), undefined);
    assert.equal(consoleUrl('aws', 'us-east-1', 'grants/../../x'), undefined);
    assert.equal(consoleUrl('aws-evil', 'us-east-1', 'grants'), undefined);
    assert.equal(consoleUrl('constructor', 'us-east-1', 'grants'), undefined);
  });
});

describe('localization bundle', () => {
  it('l10n/bundle.l10n.json holds every message the code translates', () => {
    const root = resolve(__dirname, '..', '..', '..');
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'l10n-export.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
