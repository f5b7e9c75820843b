import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LICENSE_ACTIONS, licenseActionsFor } from '../../src/model/licenseActions';
import { contextValue } from '../../src/tree/contextValue';
import { parseWebviewMessage } from '../../src/shared/messages';

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

const root = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'package.nls.json')))!;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, MenuEntry[]> };
};
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const itemMenus = manifest.contributes.menus['view/item/context'];
const identity = (s: string): string => s;

describe('issued-license actions: one record each, menus and panel buttons follow', () => {
  it('every record has a declared command with a title, a token, a group and a label', () => {
    for (const r of LICENSE_ACTIONS) {
      const declared = manifest.contributes.commands.find((c) => c.command === r.command);
      assert.ok(declared, `${r.action}: ${r.command} is declared`);
      const key = /^%(.+)%$/.exec(declared.title)?.[1];
      assert.ok(key && nls[key], `${r.action}: ${r.command} has a title in package.nls.json`);
      assert.match(r.token, /^can[A-Z][A-Za-z]+$/, `${r.action}: token`);
      assert.match(r.group, r.destructive ? /^9_destructive@\d+$/ : /^(2_edit|9_destructive)@\d+$/, `${r.action}: group`);
      assert.ok(r.label(identity).length > 0, `${r.action}: label`);
    }
    assert.equal(new Set(LICENSE_ACTIONS.map((r) => r.token)).size, LICENSE_ACTIONS.length, 'tokens are distinct');
    assert.equal(new Set(LICENSE_ACTIONS.map((r) => r.action)).size, LICENSE_ACTIONS.length, 'actions are distinct');
  });

  it('the explorer menu shows each action on an issued license by its token alone, in its group', () => {
    for (const r of LICENSE_ACTIONS) {
      const onLicense = itemMenus.filter((m) => m.command === r.command && /\bcan[A-Z]|\blicense\b/.test(m.when ?? ''));
      assert.deepEqual(
        onLicense,
        [{ command: r.command, when: `view == licenseManager.views.explorer && viewItem =~ /(^| )${r.token}( |$)/`, group: r.group }],
        r.action,
      );
    }
  });

  it('an issued license item carries the tokens of exactly the actions valid for its status', () => {
    const tokens = (status?: string): string[] => contextValue({ node: 'license', status }).split(' ').filter((t) => LICENSE_ACTIONS.some((r) => r.token === t));
    assert.deepEqual(tokens('AVAILABLE'), ['canNewLicenseVersion', 'canCreateToken', 'canDeactivateLicense', 'canDeleteLicense']);
    assert.deepEqual(tokens('DEACTIVATED'), ['canNewLicenseVersion', 'canDeleteLicense']);
    assert.deepEqual(tokens('PENDING_DELETE'), []);
    assert.deepEqual(tokens('DELETED'), []);
    assert.deepEqual(tokens(undefined), []);
    assert.deepEqual(licenseActionsFor('AVAILABLE').filter((r) => r.destructive).map((r) => r.action), ['deleteLicense']);
  });

  it('the panel may post each action of the table, and nothing else as a license action', () => {
    for (const r of LICENSE_ACTIONS) {
      assert.deepEqual(parseWebviewMessage({ type: 'licenseAction', action: r.action }), { ok: true, message: { type: 'licenseAction', action: r.action } });
    }
    for (const action of ['delete', 'accept', 'licenseManager.license.delete', '', 3, undefined]) {
      assert.equal(parseWebviewMessage({ type: 'licenseAction', action }).ok, false, String(action));
    }
    assert.equal(parseWebviewMessage({ type: 'licenseAction', action: 'deleteLicense', arn: 'x' }).ok, false);
  });
});
