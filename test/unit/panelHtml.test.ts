import * as assert from 'node:assert/strict';
import { buildPageHtml, contentSecurityPolicy, createNonce, escapeHtml } from '../../src/panels/html';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

function page(nonce = 'bm9uY2U='): string {
  return buildPageHtml({
    cspSource: CSP_SOURCE,
    nonce,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/detail.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/detail.css',
    title: 'License Manager details',
    loadingText: 'Loading…',
    lang: 'en',
  });
}

describe('detail panel page', () => {
  it('declares exactly the required content security policy', () => {
    assert.equal(
      contentSecurityPolicy(CSP_SOURCE, 'abc'),
      `default-src 'none'; script-src 'nonce-abc'; style-src ${CSP_SOURCE}; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}`,
    );
    const html = page();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta, 'no CSP meta tag');
    assert.equal(meta[1], escapeHtml(contentSecurityPolicy(CSP_SOURCE, 'bm9uY2U=')));
    assert.ok(!html.includes('unsafe-inline'));
    assert.ok(!html.includes('unsafe-eval'));
  });

  it('has one script, with the nonce, and no inline script, handlers or style attributes', () => {
    const html = page('Zm9vYmFy+/==');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /nonce="Zm9vYmFy\+\/=="/);
    assert.match(scripts[0], /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/dist\/detail\.js"/);
    assert.match(html, /<script[^>]*><\/script>/, 'script must have no inline body');
    assert.ok(!/\son[a-z]+=/i.test(html), 'inline event handler');
    assert.ok(!/\sstyle=/i.test(html), 'inline style attribute');
    assert.ok(!/<style/i.test(html), 'inline style element');
  });

  it('escapes everything it interpolates', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    const html = buildPageHtml({
      cspSource: CSP_SOURCE,
      nonce: 'n',
      scriptUri: 's"><script>alert(1)</script>',
      styleUri: 'c',
      title: '</title><script>alert(2)</script>',
      loadingText: '<img src=x onerror=alert(3)>',
      lang: 'en"',
    });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!html.includes('<img'));
  });

  it('makes a fresh 128-bit base64 nonce each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const n = createNonce();
      assert.match(n, /^[A-Za-z0-9+/]{22}==$/);
      assert.equal(Buffer.from(n, 'base64').length, 16);
      seen.add(n);
    }
    assert.equal(seen.size, 50);
  });
});
