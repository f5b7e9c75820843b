/**
 * Sign in with profile names a shell would read: `aws` runs with an argument array (no shell), only
 * for profiles found in the AWS files, and the command offered for copying runs nothing else.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { getApi, useEmulator, waitFor } from '../support';
import { path } from './explorerSupport';
import { withoutCli } from './noCli';

describe('Sign in with hostile profile names (emulator)', () => {
  const env = useEmulator('explorer');
  let api: ExtensionApi;
  const savedPath = process.env.PATH;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
  });
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  /**
   * Profiles whose names would run `touch MARKER` if a shell read them: unquoted, or quoted for
   * another shell (PowerShell, with straight or curly quotes; cmd; fish; POSIX substitutions).
   */
  function hostileNames(marker: string): string[] {
    return [`x';touch ${marker};'`, `x’;touch ${marker};’`, `'z&touch ${marker}&'`, `y\\';touch ${marker};#`, `a$(touch ${marker})`, `b\`touch ${marker}\``];
  }

  /** Puts a stand-in `aws` first on PATH that writes its arguments, one per line, to `argv` beside it. */
  function fakeAws(dir: string): string {
    const argv = join(dir, 'argv');
    writeFileSync(join(dir, 'aws'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${argv}.part" && mv "${argv}.part" "${argv}"\n`);
    chmodSync(join(dir, 'aws'), 0o755);
    process.env.PATH = `${dir}${delimiter}${process.env.PATH ?? ''}`;
    return argv;
  }

  it('runs aws itself, with no shell, for discovered profiles with hostile names: nothing else runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-signin-'));
    const marker = join(dir, 'MARKER');
    const names = hostileNames(marker);
    const opened: vscode.Terminal[] = [];
    const sub = vscode.window.onDidOpenTerminal((t) => opened.push(t));
    try {
      const argv = fakeAws(dir);
      appendFileSync(env.current.credentialsFile, names.map((n) => `\n[${n}]\naws_access_key_id = AKIAHOSTILE000000001\naws_secret_access_key = hostile\n`).join(''));
      await api.explorer.reloadProfiles();
      assert.deepEqual(
        (await api.services.state.profiles()).map((p) => p.name).filter((n) => names.includes(n)).sort(),
        [...names].sort(),
        'every hostile name is a discovered profile',
      );
      await api.services.state.setSelectedProfiles([names[0]]);
      const args: unknown[] = [await path(api, names[0]), ...names.slice(1)];
      for (const [i, arg] of args.entries()) {
        const how = await vscode.commands.executeCommand('licenseManager.profile.signIn', arg);
        assert.equal(how, 'terminal');
        const written = await waitFor(() => existsSync(argv) && readFileSync(argv, 'utf8'), 15_000, `aws ran for ${names[i]}`);
        assert.equal(written, `sso\nlogin\n--profile\n${names[i]}\n`);
        rmSync(argv);
      }
      await waitFor(() => opened.length >= names.length, 15_000, 'the terminals opened');
      assert.deepEqual(opened.map((t) => t.name), names.map((n) => `AWS sign-in (${n.replace('$(', '$\u200b(')})`), 'one terminal per sign-in, `$(` shown as text, not an icon');
      assert.equal(existsSync(marker), false, 'no shell read a profile name');
    } finally {
      sub.dispose();
      opened.forEach((t) => t.dispose());
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a profile name it did not discover, and runs nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-signin-'));
    const marker = join(dir, 'MARKER');
    const w = vscode.window as unknown as Record<string, unknown>;
    const savedWarn = w.showWarningMessage;
    const warned: string[] = [];
    w.showWarningMessage = async (message: string) => void warned.push(message);
    let terminals = 0;
    const sub = vscode.window.onDidOpenTerminal(() => terminals++);
    try {
      const argv = fakeAws(dir);
      const forged = `nope';touch ${marker};'`;
      assert.equal(await vscode.commands.executeCommand('licenseManager.profile.signIn', forged), undefined);
      assert.equal(await vscode.commands.executeCommand('licenseManager.profile.signIn', { signInProfile: forged }), undefined);
      assert.deepEqual(warned, [1, 2].map(() => `There is no AWS profile “${forged}” in the AWS config and credentials files; nothing was run.`));
      assert.equal(terminals, 0, 'no terminal was opened');
      assert.equal(existsSync(argv), false, 'aws did not run');
      assert.equal(existsSync(marker), false);
    } finally {
      sub.dispose();
      w.showWarningMessage = savedWarn;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers the copied command quoted for the shell, which runs aws with the name and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-signin-'));
    const marker = join(dir, 'MARKER');
    const names = hostileNames(marker);
    try {
      appendFileSync(env.current.credentialsFile, names.map((n) => `\n[${n}]\naws_access_key_id = AKIAHOSTILE000000001\naws_secret_access_key = hostile\n`).join(''));
      await api.explorer.reloadProfiles();
      await withoutCli({ info: 'Copy' }, async (shown) => {
        for (const name of names) {
          await vscode.env.clipboard.writeText('');
          assert.equal(await vscode.commands.executeCommand('licenseManager.profile.signIn', name), 'copy');
          const copied = await vscode.env.clipboard.readText();
          assert.match(copied, /^aws sso login --profile '/);
          assert.ok(shown.at(-1)?.message.startsWith('The AWS CLI was not found on PATH. To sign in, run: aws sso login --profile '));
          // Pasted into the host's shell (POSIX here), it gives aws exactly the name.
          const out = execFileSync('/bin/sh', ['-c', copied.replace(/^aws /, 'printf "%s\\n" ')], { encoding: 'utf8' });
          assert.equal(out, `sso\nlogin\n--profile\n${name}\n`);
        }
      });
      assert.equal(existsSync(marker), false, 'no pasted command ran anything else');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
