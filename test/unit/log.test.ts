/**
 * The extension's log: every value written is one escaped, capped line, so text from a server
 * (an error code, a message) cannot start a line that reads like the extension's own.
 */
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetGrantCommand, LicenseManagerClient } from '@aws-sdk/client-license-manager';
import type * as vscode from 'vscode';
import { classifyError } from '../../src/aws/classify';
import { LOG_LINE_MAX, logText } from '../../src/shared/plainText';
import { safeLog } from '../../src/ui/log';

const GRANT = 'arn:aws:license-manager::111122223333:grant:g-0123456789abcdef0123456789abcdef';
const FORGED = '2026-12-05 10:00:00.000 [info] AcceptGrant arn:aws:license-manager::111122223333:grant:g-1: ACTIVE version 2 (seller)';

/** A channel that keeps what the extension wrote, by level. */
function recordingChannel(): { channel: vscode.LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string | Error) => lines.push(`[${level}] ${String(message)}`);
  const channel = {
    name: 'License Manager',
    logLevel: 2,
    onDidChangeLogLevel: () => ({ dispose: () => undefined }),
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warning'),
    error: at('error'),
    append: (v: string) => lines.push(`[append] ${v}`),
    appendLine: (v: string) => lines.push(`[appendLine] ${v}`),
    replace: (v: string) => lines.push(`[replace] ${v}`),
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  } as unknown as vscode.LogOutputChannel;
  return { channel, lines };
}

describe('log lines: escaped and capped', () => {
  it('writes line breaks as \\n and \\r, and control and format characters as <U+XXXX>', () => {
    assert.equal(logText(`failed\n${FORGED}`), `failed\\n${FORGED}`);
    assert.equal(logText('a\rb\r\nc'), 'a\\rb\\r\\nc');
    assert.equal(logText('x\u2028y\u2029z\u0085w'), 'x<U+2028>y<U+2029>z<U+0085>w');
    assert.equal(logText('\u001b[2J\u001b[31mred'), '<U+001B>[2J<U+001B>[31mred');
    assert.equal(logText('abc\u202Etxt.exe \u200B'), 'abc<U+202E>txt.exe <U+200B>');
    assert.equal(logText('tab\tand C:\\Users\\me stay'), 'tab\tand C:\\Users\\me stay');
  });

  it('cuts a long value and says how long it was', () => {
    assert.equal(LOG_LINE_MAX, 2000);
    assert.equal(logText('x'.repeat(2000)), 'x'.repeat(2000));
    assert.equal(logText('x'.repeat(1_000_000)), `${'x'.repeat(1999)}… (1000000 characters)`);
    assert.equal(logText('\n'.repeat(5000)), `${'\\n'.repeat(999)}\\… (5000 characters)`);
  });

  it('every level of the extension’s channel writes one line', () => {
    const { channel, lines } = recordingChannel();
    const log = safeLog(channel);
    log.info(`reloading\n${FORGED}`);
    log.warn('a\r\nb');
    log.error(new Error(`boom\n${FORGED}`));
    log.debug('request', { code: 'X\nY' });
    log.trace('t\u2028');
    log.appendLine('x\ny');
    assert.deepEqual(lines, [
      `[info] reloading\\n${FORGED}`,
      '[warning] a\\r\\nb',
      `[error] Error: boom\\n${FORGED}`,
      '[debug] request {"code":"X\\nY"}',
      '[trace] t<U+2028>',
      '[appendLine] x\\ny',
    ]);
    assert.equal(log.name, 'License Manager');
  });

  describe('an error answer whose __type and message hold line breaks', function () {
    this.timeout(15_000);
    let server: Server;
    let client: LicenseManagerClient;

    before(async () => {
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(500, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': '6d2a5f0e-0000-4000-8000-000000000002' });
          res.end(JSON.stringify({ __type: `Boom\n${FORGED.replace(/:/g, ' ')}`, message: `Try again\r${FORGED}` }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      client = new LicenseManagerClient({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDFIXTURE000000000', secretAccessKey: 'fixture-secret' },
        maxAttempts: 1,
      });
    });
    after(async () => {
      client?.destroy();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    });

    it('is logged as one line, as grant actions log a failure', async () => {
      const thrown = await client.send(new GetGrantCommand({ GrantArn: GRANT })).then(
        () => undefined,
        (e: unknown) => e,
      );
      const e = classifyError(thrown, { operation: 'GetGrant', profile: 'seller', region: 'us-east-1' });
      const { channel, lines } = recordingChannel();
      safeLog(channel).error(`AcceptGrant on seller/us-east-1/g-1 failed (${e.kind}, ${e.details.code}): ${e.message}`);
      assert.equal(lines.length, 1);
      assert.doesNotMatch(lines[0], /[\r\n\u2028\u2029]/);
      const forgedCode = '2026-12-05 10 00 00.000 [info] AcceptGrant arn aws license-manager  111122223333 grant g-1  ACTIVE version 2 (seller)';
      assert.equal(
        lines[0],
        `[error] AcceptGrant on seller/us-east-1/g-1 failed (service, Boom\\n${forgedCode}): ` +
          `License Manager failed (profile "seller", us-east-1): GetGrant answered HTTP 500 (Boom\\n${forgedCode}). Try again\\r${FORGED}.`,
      );
    });
  });
});
