import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { getApi, useEmulator } from '../support';
import { children, path } from './explorerSupport';

const MARKUP = 'arn:aws:license-manager::111122223333:grant:g-0badc0de0badc0de0badc0de0badc1e';

describe('ARN hovers on hostile names (in host, hostile seed)', () => {
  const env = useEmulator('hostile');
  let api: ExtensionApi;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['seller']);
    await api.services.state.setRegions('seller', ['us-east-1']);
    api.arns.clear();
  });

  it('shows a grant name full of markup, icons and invisible characters as literal text, untrusted', async () => {
    await children(api, await path(api, 'seller', 'us-east-1', 'Distributed grants'));
    const dir = join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? env.current.dir, 'hostile-files');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'grant.yaml');
    writeFileSync(file, `grant_arn: ${MARKUP}\n`);
    const uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 20))) ?? [];
    assert.equal(hovers.length, 1);
    const md = hovers[0].contents[0] as vscode.MarkdownString;
    assert.ok(!md.isTrusted, 'not trusted: no command links run');
    assert.ok(!md.supportHtml, 'no HTML');
    assert.doesNotMatch(md.value, /(^|[^\\])\]\s*\(/, 'no markdown link survives');
    assert.doesNotMatch(md.value, /(^|[^\\])\$\(/, 'no icon survives');
    assert.match(md.value, /\\\[Open&nbsp;terms\\\]/, 'markdown syntax in the name is escaped, so it shows as typed');
    const readable = md.value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').replace(/\n\n/g, '\n');
    assert.equal(
      readable,
      [
        'License Manager grant: [Open terms]\u200b(command\u200b:workbench.action.terminal.new) $\u200b(bug) <U+202E>exe.txt<U+202C> zero<U+200B>width<U+2060>joined<U+FEFF> first line ⏎ second line after tab',
        'Status: PENDING_ACCEPT',
        'Account: 111122223333 · Region: us-east-1 · Version: 1',
        'As loaded in the explorer (seller)',
      ].join('\n'),
    );
  });
});
