import * as assert from 'node:assert/strict';
import { GRANT_ACTION_NAMES } from '../../src/model/grantActions';
import { describeRaw, parseHostMessage, parseWebviewMessage } from '../../src/shared/messages';

describe('detail panel messages: what the webview may post', () => {
  it('accepts every well-formed message', () => {
    for (const type of ['ready', 'refresh', 'openJson', 'copyArn', 'copyJson', 'showHistory', 'showOlder', 'compareVersions']) {
      assert.deepEqual(parseWebviewMessage({ type }), { ok: true, message: { type } });
    }
    assert.deepEqual(parseWebviewMessage({ type: 'openLink', linkId: 'license' }), {
      ok: true,
      message: { type: 'openLink', linkId: 'license' },
    });
    for (const action of GRANT_ACTION_NAMES) {
      assert.deepEqual(parseWebviewMessage({ type: 'grantAction', action }), { ok: true, message: { type: 'grantAction', action } });
    }
  });

  it('accepts a version to compare only as a positive decimal number, with nothing else', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'compareWithPrevious', version: '4' }), { ok: true, message: { type: 'compareWithPrevious', version: '4' } });
    for (const version of [4, '0', '-1', '4.5', ' 4', '', '1'.repeat(11), '4&arn=x', undefined]) {
      assert.equal(parseWebviewMessage({ type: 'compareWithPrevious', version }).ok, false, `accepted ${String(version)}`);
    }
    assert.equal(parseWebviewMessage({ type: 'compareWithPrevious', version: '4', arn: 'x' }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'showHistory', from: 3 }).ok, false);
  });

  it('refuses values that are not plain objects', () => {
    for (const raw of [undefined, null, 42, 'refresh', ['refresh'], new Date(), Object.create({ type: 'refresh' })]) {
      const r = parseWebviewMessage(raw);
      assert.equal(r.ok, false, `accepted ${String(raw)}`);
    }
  });

  it('refuses unknown or missing types', () => {
    assert.deepEqual(parseWebviewMessage({}), { ok: false, reason: 'missing type' });
    assert.deepEqual(parseWebviewMessage({ type: 'runCommand' }), { ok: false, reason: 'unknown message type' });
    assert.deepEqual(parseWebviewMessage({ type: 'REFRESH' }), { ok: false, reason: 'unknown message type' });
    assert.deepEqual(parseWebviewMessage({ type: 7 }), { ok: false, reason: 'missing type' });
  });

  it('refuses extra members, so nothing rides along with a valid type', () => {
    assert.equal(parseWebviewMessage({ type: 'refresh', command: 'workbench.action.terminal.new' }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'copyArn', arn: 'arn:aws:iam::1:root' }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'openLink', linkId: 'license', target: {} }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'grantAction', action: 'accept', arn: 'x' }).ok, false);
  });

  it('refuses bad link ids and grant actions outside the known set', () => {
    for (const linkId of [undefined, '', 3, 'a b', '../x', 'x'.repeat(65), '<img src=x>']) {
      assert.equal(parseWebviewMessage({ type: 'openLink', linkId }).ok, false, `accepted linkId ${String(linkId)}`);
    }
    for (const action of [undefined, 'Accept', 'approve', 'toString', '__proto__', 1]) {
      assert.equal(parseWebviewMessage({ type: 'grantAction', action }).ok, false, `accepted action ${String(action)}`);
    }
  });

  it('describes refused messages briefly, without dumping the payload', () => {
    assert.equal(describeRaw(null), 'null');
    assert.equal(describeRaw('x'), 'string');
    assert.equal(describeRaw([1, 2]), 'array(2)');
    const d = describeRaw({ type: 'evil', secret: 'x'.repeat(1000) });
    assert.match(d, /"evil"/);
    assert.ok(d.length < 200);
    assert.ok(!d.includes('xxxxxxxx'));
  });
});

describe('detail panel messages: what the webview accepts from the extension', () => {
  it('accepts state and notice messages, refuses others', () => {
    const state = { phase: 'ready', subject: {}, strings: {} };
    assert.equal(parseHostMessage({ type: 'state', state }).ok, true);
    assert.deepEqual(parseHostMessage({ type: 'notice', text: 'ARN copied' }), { ok: true, message: { type: 'notice', text: 'ARN copied' } });
    assert.equal(parseHostMessage({ type: 'state' }).ok, false);
    assert.equal(parseHostMessage({ type: 'notice', text: 5 }).ok, false);
    assert.equal(parseHostMessage({ type: 'html', html: '<b>' }).ok, false);
    assert.equal(parseHostMessage('state').ok, false);
  });
});
