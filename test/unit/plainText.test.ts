import * as assert from 'node:assert/strict';
import { MULTI_LINE_MAX, SINGLE_LINE_MAX, uiText } from '../../src/shared/plainText';

/** What VS Code parses as a link in notifications and quick input messages. */
const LINK = /\[[^\]]+\]\((https?:\/\/|command:|file:)[^)\s]+\)/;
/** What VS Code renders as an icon in quick picks and the status bar. */
const ICON = /\$\([a-z0-9-~]+\)/i;
const ZWSP = '\u200b';

describe('uiText: AWS text shown literally', () => {
  it('breaks markdown links and command: URIs, and reads the same once the breaks are removed', () => {
    const name = 'Grant “[Open terms](command:workbench.action.terminal.new)” is now ACTIVE';
    const shown = uiText(name);
    assert.doesNotMatch(shown, LINK);
    assert.doesNotMatch(shown, /command:/);
    assert.equal(shown.split(ZWSP).join(''), name);
    assert.doesNotMatch(uiText('[x] (https://example.com)'), /\]\s*\(/);
  });

  it('escapes $(icon) syntax everywhere', () => {
    const shown = uiText('$(alert) SKU $(x');
    assert.doesNotMatch(shown, ICON);
    assert.equal(shown.split(ZWSP).join(''), '$(alert) SKU $(x');
  });

  it('leaves ordinary text unchanged', () => {
    assert.equal(uiText('Purchase order [PO-7781] approved (finance) · 20 seats'), 'Purchase order [PO-7781] approved (finance) · 20 seats');
  });

  it('shows bidi overrides and zero-width characters as visible code points', () => {
    assert.equal(uiText('abc\u202Etxt.exe'), 'abc<U+202E>txt.exe');
    assert.equal(uiText('a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf'), 'a<U+200B>b<U+200C>c<U+200D>d<U+2060>e<U+FEFF>f');
    assert.equal(uiText('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F'), '<U+202A><U+202B><U+202C><U+202D><U+2066><U+2067><U+2068><U+2069><U+200E><U+200F>');
  });

  it('flattens line breaks and tabs on single-line surfaces, keeps them on multi-line ones', () => {
    assert.equal(uiText('one\ntwo\r\nthree\tfour'), 'one ⏎ two ⏎ three four');
    assert.equal(uiText('one\ntwo', { multiline: true }), 'one\ntwo');
  });

  it('cuts very long text with an ellipsis', () => {
    const long = 'x'.repeat(10_000);
    const single = uiText(long);
    assert.equal(single.length, SINGLE_LINE_MAX);
    assert.ok(single.endsWith('…'));
    assert.equal(uiText(long, { multiline: true }).length, MULTI_LINE_MAX);
    assert.equal(uiText('x'.repeat(SINGLE_LINE_MAX)), 'x'.repeat(SINGLE_LINE_MAX));
  });

  it('never splits a surrogate pair when cutting', () => {
    const shown = uiText('😀'.repeat(1000));
    assert.ok(shown.endsWith('😀…'), shown.slice(-4));
  });

  it('is idempotent: a second pass changes nothing', () => {
    const hostile = '[a](command:x) $(bug) \u202E\u200B x\ny' + 'z'.repeat(500);
    const once = uiText(hostile);
    assert.equal(uiText(once), once);
  });

  it('shows nothing for undefined and the text of numbers', () => {
    assert.equal(uiText(undefined), '');
    assert.equal(uiText(42), '42');
  });
});
