import * as assert from 'node:assert/strict';
import { escapeIcons, escapeLinks } from '../../src/shared/plainText';

describe('AWS text shown literally', () => {
  it('breaks markdown links so a notification cannot offer a command link', () => {
    const shown = escapeLinks('Grant “[Open](command:workbench.action.terminal.new)” is now ACTIVE');
    assert.doesNotMatch(shown, /\]\s*\(/);
    assert.equal(shown.replace(/\u200b/g, ''), 'Grant “[Open](command:workbench.action.terminal.new)” is now ACTIVE');
    assert.doesNotMatch(escapeLinks('[x] (https://example.com)'), /\]\s*\(/);
  });

  it('leaves text without links unchanged', () => {
    assert.equal(escapeLinks('Purchase order [PO-7781] approved (finance)'), 'Purchase order [PO-7781] approved (finance)');
  });

  it('escapes $(icon) syntax so quick picks show it as text', () => {
    assert.equal(escapeIcons('$(alert) SKU $(x'), '\\$(alert) SKU \\$(x');
  });
});
