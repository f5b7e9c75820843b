import * as assert from 'node:assert/strict';
import { MULTI_LINE_MAX, SINGLE_LINE_MAX, splitInvisible, uiText } from '../../src/shared/plainText';

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

  it('shows format, control and blank-looking characters as visible code points', () => {
    assert.equal(uiText('soft\u00ADhyphen'), 'soft<U+00AD>hyphen');
    assert.equal(uiText('a\u2028b\u2029c'), 'a<U+2028>b<U+2029>c');
    assert.equal(uiText('\u180E\u034F\u115F\u1160\u3164\uFFA0\u2800'), '<U+180E><U+034F><U+115F><U+1160><U+3164><U+FFA0><U+2800>');
    assert.equal(uiText('\u206A\u206B\u206C\u206D\u206E\u206F'), '<U+206A><U+206B><U+206C><U+206D><U+206E><U+206F>');
    assert.equal(uiText('\uFFF9\uFFFA\uFFFB\u061C'), '<U+FFF9><U+FFFA><U+FFFB><U+061C>');
    assert.equal(uiText('x\u{E0000}\u{E0001}\u{E0041}\u{E007F}y'), 'x<U+E0000><U+E0001><U+E0041><U+E007F>y');
    assert.equal(uiText('\u0000\u0007\u001B[31m\u007F\u0085\u009F'), '<U+0000><U+0007><U+001B>[31m<U+007F><U+0085><U+009F>');
    assert.equal(uiText('no\u00A0break\u3000wide'), 'no\u00A0break\u3000wide');
  });

  it('flattens line breaks and tabs on single-line surfaces, keeps them on multi-line ones', () => {
    assert.equal(uiText('one\ntwo\r\nthree\tfour'), 'one ⏎ two ⏎ three four');
    assert.equal(uiText('one\ntwo', { multiline: true }), 'one\ntwo');
    assert.equal(uiText('one\r\ntwo\tthree', { multiline: true }), 'one\ntwo    three');
  });

  it('treats a lone carriage return as a line break', () => {
    assert.equal(uiText('Approved\rGrant deleted'), 'Approved ⏎ Grant deleted');
    assert.equal(uiText('a\r\rb'), 'a ⏎  ⏎ b');
    assert.equal(uiText('Approved\rGrant deleted', { multiline: true }), 'Approved\nGrant deleted');
  });

  it('marks a lone carriage return for the detail panel, and keeps CR LF line ends', () => {
    assert.deepEqual(splitInvisible('a\rb\r\nc\u200Bd\u{E0041}'), ['a', { invisible: 'U+000D' }, 'b\r\nc', { invisible: 'U+200B' }, 'd', { invisible: 'U+E0041' }]);
  });

  it('reads only what a surface can show of a huge text, and still marks it cut', () => {
    const zeroWidth = '\u200b'.repeat(1024 * 1024);
    assert.equal(uiText(zeroWidth), `${'<U+200B>'.repeat(31)}<U+200B…`);
    assert.equal(uiText(zeroWidth, { multiline: true }), `${'<U+200B>'.repeat(249)}<U+200B…`);
    const crlf = 'a\r\n'.repeat(5000);
    assert.equal(uiText(crlf, { multiline: true }), `${'a\n'.repeat(999)}a…`);
    assert.equal(uiText('\r\n'.repeat(5000), { multiline: true }), `${'\n'.repeat(MULTI_LINE_MAX - 1)}…`);
    assert.equal(uiText('x'.repeat(1_000_000) + '\u202E'), `${'x'.repeat(SINGLE_LINE_MAX - 1)}…`);
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
