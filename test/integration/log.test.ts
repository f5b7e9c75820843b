import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getApi, waitFor } from '../support';

describe('log', () => {
  it('writes a value holding line breaks as one line of the License Manager log', async () => {
    const api = await getApi();
    const marker = `log-${Date.now()}`;
    const forged = '2026-12-05 10:00:00.000 [info] AcceptGrant arn:aws:license-manager::111122223333:grant:g-1: ACTIVE version 2 (seller)';
    api.services.log.info(`${marker} failed (Boom\n${forged}\r\n${forged}\u2028end)`);
    const file = vscode.Uri.joinPath(api.services.context.logUri, 'License Manager.log');
    const text = await waitFor(
      async () => {
        const t = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        return t.includes(marker) && t;
      },
      10_000,
      `${marker} in ${file.fsPath}`,
    );
    const lines = text.split(/\r?\n/).filter((l) => l.includes(marker) || l.includes('AcceptGrant arn:aws:license-manager::111122223333:grant:g-1'));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[info\] log-\d+ failed \(Boom\\n2026-12-05 /);
    assert.ok(lines[0].endsWith(`${marker} failed (Boom\\n${forged}\\r\\n${forged}<U+2028>end)`), lines[0]);
  });
});
