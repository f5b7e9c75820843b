import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { notify, showQuickPick, t, uiText, type UiPickItem } from '../ui/window';
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

/** Whether `aws` is an executable on PATH (`PATHEXT` on Windows). */
export async function awsOnPath(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const ext of exts) {
      try {
        await access(join(dir, `aws${ext}`), constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/** `aws sso login --profile NAME`, the name quoted for the shell when it needs it. */
export function signInCommand(profile: string): string {
  const quoted = /^[A-Za-z0-9._@+-]+$/.test(profile) ? profile : `'${profile.replace(/'/g, `'\\''`)}'`;
  return `aws sso login --profile ${quoted}`;
}

/**
 * Signs a profile in to AWS IAM Identity Center: runs `aws sso login` in a terminal when the AWS CLI
 * is on PATH, otherwise shows the command with a Copy button. Argument: a profile node, its error
 * item, or a profile name; without one, a pick of the SSO profiles. The explorer reloads by itself
 * once the token cache changes.
 */
export const signIn: CommandDefinition = {
  id: 'licenseManager.profile.signIn',
  async run({ services: { state } }, arg?: unknown) {
    let name = profileOf(arg);
    if (!name) {
      const sso = (await state.profiles()).filter((p) => p.kind === 'sso');
      if (sso.length === 0) {
        void notify.info(t('No profile uses AWS IAM Identity Center (SSO).'));
        return undefined;
      }
      const items: (UiPickItem & { name: string })[] = sso.map((p) => ({ label: uiText(p.name), name: p.name }));
      const picked = await showQuickPick(items, { title: t('Sign in with which profile?'), ignoreFocusOut: true });
      if (!picked) return undefined;
      name = picked.name;
    }
    const command = signInCommand(name);
    if (await awsOnPath()) {
      const terminal = vscode.window.createTerminal({ name: t('AWS sign-in ({0})', name) });
      terminal.show();
      terminal.sendText(command);
      return 'terminal';
    }
    const copy = t('Copy');
    const answer = await notify.info(t('The AWS CLI was not found on PATH. To sign in, run: {0}', command), copy);
    if (answer === copy) await vscode.env.clipboard.writeText(command);
    return 'copy';
  },
};
