import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialFix, type SharedFiles } from '../../src/aws/config';
import { quoteArg, shellKindOf, signInArgs, signInCommandLine } from '../../src/model/shellQuote';

/** Profile names the credentials file accepts that would run something if typed unquoted or quoted for another shell. */
const HOSTILE = {
  pwshSingle: "x';calc;'",
  pwshCurly: 'x’;calc;’',
  cmd: "'z&calc&'",
  fish: "y\\';touch X;#",
  dollar: 'a$(touch X)`touch X`',
};

describe('shell quoting of the copied sign-in command', () => {
  it('leaves plain names as they are in every shell', () => {
    for (const shell of ['sh', 'pwsh', 'cmd', 'fish'] as const) {
      assert.equal(signInCommandLine(shell, 'sso-dev.prod_1'), 'aws sso login --profile sso-dev.prod_1');
    }
  });

  it('quotes for POSIX sh', () => {
    assert.equal(quoteArg('sh', HOSTILE.pwshSingle), `'x'\\'';calc;'\\'''`);
    assert.equal(quoteArg('sh', HOSTILE.pwshCurly), `'x’;calc;’'`);
    assert.equal(quoteArg('sh', HOSTILE.cmd), `''\\''z&calc&'\\'''`);
    assert.equal(quoteArg('sh', HOSTILE.fish), `'y\\'\\'';touch X;#'`);
    assert.equal(quoteArg('sh', HOSTILE.dollar), `'a$(touch X)\`touch X\`'`);
  });

  it('quotes for PowerShell, doubling straight and curly single quotes', () => {
    assert.equal(quoteArg('pwsh', HOSTILE.pwshSingle), `'x'';calc;'''`);
    assert.equal(quoteArg('pwsh', HOSTILE.pwshCurly), `'x’’;calc;’’'`);
    assert.equal(quoteArg('pwsh', 'a‘b‚c‛d'), `'a‘‘b‚‚c‛‛d'`);
    assert.equal(quoteArg('pwsh', HOSTILE.cmd), `'''z&calc&'''`);
    assert.equal(quoteArg('pwsh', HOSTILE.fish), `'y\\'';touch X;#'`);
    assert.equal(quoteArg('pwsh', '@splat'), `'@splat'`);
    assert.equal(quoteArg('pwsh', 'a"b'), undefined);
  });

  it('quotes for cmd, refusing what cmd cannot carry', () => {
    assert.equal(quoteArg('cmd', HOSTILE.cmd), `"'z&calc&'"`);
    assert.equal(quoteArg('cmd', HOSTILE.pwshSingle), `"x';calc;'"`);
    assert.equal(quoteArg('cmd', 'a|b>c^d'), `"a|b>c^d"`);
    assert.equal(quoteArg('cmd', 'a"&calc&"'), undefined);
    assert.equal(quoteArg('cmd', '%PATH%'), undefined);
    assert.equal(quoteArg('cmd', 'a!b!'), undefined);
  });

  it('quotes for fish, escaping backslashes and single quotes', () => {
    assert.equal(quoteArg('fish', HOSTILE.fish), `'y\\\\\\';touch X;#'`);
    assert.equal(quoteArg('fish', HOSTILE.pwshSingle), `'x\\';calc;\\''`);
    assert.equal(quoteArg('fish', 'a\\b'), `'a\\\\b'`);
  });

  it('refuses line breaks and control characters in every shell', () => {
    for (const shell of ['sh', 'pwsh', 'cmd', 'fish'] as const) {
      for (const name of ['a\nb', 'a\rb', 'a\u2028b', 'a\u0007', '']) assert.equal(signInCommandLine(shell, name), undefined, `${shell} ${JSON.stringify(name)}`);
    }
  });

  it('names the shell from the terminal’s executable', () => {
    assert.equal(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'pwsh');
    assert.equal(shellKindOf('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'pwsh');
    assert.equal(shellKindOf('C:\\Windows\\System32\\cmd.exe', 'win32'), 'cmd');
    assert.equal(shellKindOf('/usr/bin/fish', 'linux'), 'fish');
    assert.equal(shellKindOf('/bin/zsh', 'darwin'), 'sh');
    assert.equal(shellKindOf('', 'win32'), 'pwsh');
    assert.equal(shellKindOf(undefined, 'linux'), 'sh');
  });

  it('gives the program its arguments as an array', () => {
    assert.deepEqual(signInArgs(HOSTILE.pwshSingle), ['sso', 'login', '--profile', HOSTILE.pwshSingle]);
  });

  describe('pasted into the shells installed here', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'lm-quote-'));
      // A stand-in `aws` that writes the arguments it was given, one per line.
      writeFileSync(join(dir, 'aws'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/argv"\n`);
      chmodSync(join(dir, 'aws'), 0o755);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    for (const shell of ['/bin/sh', '/bin/bash', '/bin/dash']) {
      it(`${shell} runs aws with the name as one argument and nothing else`, function () {
        if (!existsSync(shell)) throw new Error(`${shell} is missing`);
        for (const name of [...Object.values(HOSTILE), "q'\"$HOME\\"]) {
          const line = signInCommandLine('sh', name);
          assert.ok(line);
          execFileSync(shell, ['-c', line], { cwd: dir, env: { PATH: `${dir}:/usr/bin:/bin` }, stdio: ['ignore', 'ignore', 'ignore'] });
          assert.equal(readFileSync(join(dir, 'argv'), 'utf8'), `sso\nlogin\n--profile\n${name}\n`);
          assert.equal(existsSync(join(dir, 'X')), false, `${name} created the marker`);
        }
      });
    }
  });
});

describe('the fix shown for a profile’s credentials', () => {
  const files = (config: Record<string, Record<string, string>>): SharedFiles => ({ configFile: 'config', credentialsFile: 'credentials', config, credentials: {} });

  it('names a plain profile in the command, and never puts a name a shell would read into it', () => {
    const sso = { sso_start_url: 'https://example.awsapps.com/start', sso_region: 'us-east-1', sso_account_id: '111122223333', sso_role_name: 'Dev' };
    assert.equal(credentialFix(files({ 'sso-dev': sso }), 'sso-dev'), 'aws sso login --profile sso-dev');
    assert.equal(
      credentialFix(files({ "x';calc;'": sso }), "x';calc;'"),
      `aws sso login --profile NAME, with NAME the name of profile "x';calc;'" quoted for your shell`,
    );
    assert.equal(credentialFix(files({}), 'y&calc&'), 'aws configure --profile NAME, with NAME the name of profile "y&calc&" quoted for your shell');
  });
});
