import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { notify, showQuickPick, t, uiText, type UiPickItem } from '../ui/window';
import { shellKindOf, signInArgs, signInCommandLine } from '../model/shellQuote';
import type { ExplorerNode } from '../tree/nodes/explorerNode';
import type { MessageNode } from '../tree/nodes/messageNode';
import { ProfileNode } from '../tree/nodes/profileNode';
import type { CommandDefinition } from './register';

/** The profile a node belongs to (the profile itself, its error item, or an inbox row naming it). */
function profileOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  for (let n = arg as ExplorerNode | undefined; n && typeof n === 'object'; n = n.parent) {
    if (n instanceof ProfileNode) return n.name;
    const named = (n as Partial<Pick<MessageNode, 'signInProfile'>>).signInProfile;
    if (typeof named === 'string' && named) return named;
    if (!('parent' in n)) break;
  }
  return undefined;
}

/**
 * The `aws` executable on PATH (`PATHEXT` on Windows), or `undefined`. A Windows batch file
 * (`aws.cmd`, `aws.bat`) does not count: it can only run through cmd, which would read the arguments.
 */
export async function awsOnPath(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): Promise<string | undefined> {
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter((e) => /^\.(exe|com)$/i.test(e)) : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const file = join(dir, `aws${ext}`);
      try {
        await access(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Signs a profile in to AWS IAM Identity Center: runs `aws sso login --profile NAME` in a
 * terminal whose process is `aws` itself (no shell reads the name) when the AWS CLI is on
 * PATH, otherwise offers the command, quoted for the user's shell, or the bare profile name
 * to copy. Only a profile the extension discovered is signed in. Argument: a profile node,
 * its error item, or a profile name; without one, a pick of the SSO profiles. The explorer
 * reloads by itself once the token cache changes.
 */
export const signIn: CommandDefinition = {
  id: 'licenseManager.profile.signIn',
  async run({ services: { state } }, arg?: unknown) {
    let name = profileOf(arg);
    const profiles = await state.profiles();
    if (name !== undefined && !profiles.some((p) => p.name === name)) {
      void notify.warn(t('There is no AWS profile “{0}” in the AWS config and credentials files; nothing was run.', name));
      return undefined;
    }
    if (!name) {
      const sso = profiles.filter((p) => p.kind === 'sso');
      if (sso.length === 0) {
        void notify.info(t('No profile uses AWS IAM Identity Center (SSO).'));
        return undefined;
      }
      const items: (UiPickItem & { name: string })[] = sso.map((p) => ({ label: uiText(p.name), name: p.name }));
      const picked = await showQuickPick(items, { title: t('Sign in with which profile?'), ignoreFocusOut: true });
      if (!picked) return undefined;
      name = picked.name;
    }
    const aws = await awsOnPath();
    if (aws) {
      const terminal = vscode.window.createTerminal({ name: t('AWS sign-in ({0})', name), shellPath: aws, shellArgs: signInArgs(name) });
      terminal.show();
      return 'terminal';
    }
    const command = signInCommandLine(shellKindOf(vscode.env.shell, process.platform), name);
    const copy = t('Copy');
    if (command !== undefined) {
      const answer = await notify.info(t('The AWS CLI was not found on PATH. To sign in, run: {0}', command), copy);
      if (answer === copy) await vscode.env.clipboard.writeText(command);
      return 'copy';
    }
    const copyName = t('Copy Profile Name');
    const answer = await notify.info(
      t('The AWS CLI was not found on PATH. To sign in, run “aws sso login --profile” with the profile name “{0}” (copy it; your shell cannot take it typed as is).', name),
      copyName,
    );
    if (answer === copyName) await vscode.env.clipboard.writeText(name);
    return 'copy-name';
  },
};
