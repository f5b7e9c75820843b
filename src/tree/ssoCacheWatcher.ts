import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

/**
 * The folder where `aws sso login` writes its tokens. The SDK looks for it under the home
 * directory (`HOME`, `USERPROFILE`) whatever `AWS_CONFIG_FILE` says; no variable moves it.
 */
export function ssoCacheFolder(home: string = homedir()): string {
  return join(home, '.aws', 'sso', 'cache');
}

/**
 * Calls `onChange` (at most once per `delayMs`) when a token file in the SSO cache is created,
 * changed or deleted. Watches `~/.aws` so that a cache folder created by the first sign-in is seen.
 */
export function watchSsoCache(onChange: () => void, delayMs = 300, home: string = homedir()): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(join(home, '.aws')), 'sso/cache/*.json'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  const subs = [watcher, watcher.onDidCreate(fire), watcher.onDidChange(fire), watcher.onDidDelete(fire)];
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    subs.forEach((d) => d.dispose());
  });
}
