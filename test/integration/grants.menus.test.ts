import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contextValue } from '../../src/tree/contextValue';
import { EXTENSION_ID, getApi, useEmulator } from '../support';

/** What the issue and the API notes (§8) allow, written out independently of src/model/grantActions.ts. */
const EXPECTED: Record<'received' | 'distributed', Record<string, string[]>> = {
  received: {
    PENDING_ACCEPT: ['accept', 'reject'],
    DISABLED: ['activate', 'reject', 'createVersion'],
    ACTIVE: ['deactivate', 'reject', 'createVersion'],
    REJECTED: [],
    DELETED: [],
    PENDING_DELETE: [],
    PENDING_WORKFLOW: [],
    FAILED_WORKFLOW: [],
    WORKFLOW_COMPLETED: [],
    SOME_FUTURE_STATUS: [],
  },
  distributed: {
    PENDING_ACCEPT: ['createVersion', 'delete'],
    DISABLED: ['activate', 'createVersion', 'delete'],
    ACTIVE: ['deactivate', 'createVersion', 'delete'],
    WORKFLOW_COMPLETED: ['createVersion', 'delete'],
    PENDING_WORKFLOW: ['delete'],
    FAILED_WORKFLOW: ['delete'],
    REJECTED: ['delete'],
    DELETED: [],
    PENDING_DELETE: [],
    SOME_FUTURE_STATUS: [],
  },
};

const COMMAND: Record<string, string> = {
  accept: 'licenseManager.grant.accept',
  reject: 'licenseManager.grant.reject',
  activate: 'licenseManager.grant.activate',
  deactivate: 'licenseManager.grant.deactivate',
  createVersion: 'licenseManager.grant.createVersion',
  delete: 'licenseManager.grant.delete',
};

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

/** Evaluates the `when` forms the manifest uses: `a && b || c && d`, `key == value`, `key =~ /re/`. Anything else fails the test. */
function evaluateWhen(when: string | undefined, context: Record<string, string>): boolean {
  if (!when) return true;
  return when.split('||').some((alternative) => alternative.split('&&').every((raw) => {
    const term = raw.trim();
    let m = /^([\w.:]+)\s*==\s*(\S+)$/.exec(term);
    if (m) return context[m[1]] === m[2];
    m = /^([\w.:]+)\s*=~\s*\/(.*)\/([a-z]*)$/.exec(term);
    if (m) return new RegExp(m[2], m[3]).test(context[m[1]] ?? '');
    throw new Error(`unsupported when clause: ${term}`);
  }));
}

function itemMenus(): MenuEntry[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed');
  return ext.packageJSON.contributes.menus['view/item/context'] as MenuEntry[];
}

/** The grant commands the tree's context menu shows for an item with `viewItem`. */
function grantCommandsShown(viewItem: string, view = 'licenseManager.views.explorer'): string[] {
  const ctx = { view, viewItem };
  const shown = itemMenus()
    .filter((m) => m.command.startsWith('licenseManager.grant.') && evaluateWhen(m.when, ctx))
    .map((m) => m.command);
  return [...new Set(shown)].sort();
}

function expectedCommands(actions: string[]): string[] {
  return actions.map((a) => COMMAND[a]).sort();
}

describe('grant menus', () => {
  it('show exactly the valid grant actions for every direction and status', () => {
    for (const direction of ['received', 'distributed'] as const) {
      for (const [status, actions] of Object.entries(EXPECTED[direction])) {
        const viewItem = contextValue({ node: 'grant', direction, status });
        assert.deepEqual(grantCommandsShown(viewItem), expectedCommands(actions), `${direction} grant in ${status} (${viewItem})`);
        const inbox = grantCommandsShown(viewItem, 'licenseManager.views.inbox');
        assert.deepEqual(inbox, expectedCommands(actions), `the inbox: ${direction} grant in ${status}`);
      }
    }
  });

  it('match whole tokens only', () => {
    // A token that merely contains another one must not enable its menu.
    assert.deepEqual(grantCommandsShown('receivedGrant xcanAccept canRejectx canDeleteGrant'), []);
    assert.deepEqual(grantCommandsShown('canAccept'), ['licenseManager.grant.accept']);
    assert.deepEqual(grantCommandsShown('receivedGrant xcanAccept canRejectx canDeleteGrant', 'licenseManager.views.inbox'), []);
    const token = String.raw`viewItem =~ /\(\^\| \)\w+\( \|\$\)/`;
    const explorerOrInbox = new RegExp(
      String.raw`^view == licenseManager\.views\.explorer && ${token}( \|\| view == licenseManager\.views\.inbox && ${token})?$`,
    );
    for (const m of itemMenus().filter((e) => e.command.startsWith('licenseManager.grant.'))) {
      if (m.group?.startsWith('inline')) {
        assert.match(m.when ?? '', new RegExp(String.raw`^view == licenseManager\.views\.inbox && ${token}$`), m.command);
        continue;
      }
      assert.match(m.when ?? '', explorerOrInbox, m.command);
      assert.match(m.group ?? '', m.command.endsWith('.reject') || m.command.endsWith('.delete') ? /^9_destructive@/ : /^2_edit@/);
    }
  });

  it('offer Create Grant on issued licenses and on received licenses that allow CreateGrant', () => {
    const create = ['licenseManager.grant.create'];
    assert.deepEqual(grantCommandsShown(contextValue({ node: 'license' })), create);
    assert.deepEqual(
      grantCommandsShown(contextValue({ node: 'receivedLicense', allowedOperations: ['CheckoutLicense', 'CreateGrant'] })),
      create,
    );
    assert.deepEqual(grantCommandsShown(contextValue({ node: 'receivedLicense', allowedOperations: ['CheckoutLicense'] })), []);
    assert.deepEqual(grantCommandsShown(contextValue({ node: 'receivedLicense' })), []);
    assert.deepEqual(grantCommandsShown(contextValue({ node: 'licenseConfiguration' })), []);
  });

  it('keep every grant command in the command palette', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const palette = (ext?.packageJSON.contributes.menus.commandPalette ?? []) as MenuEntry[];
    const hidden = palette.filter((m) => m.command.startsWith('licenseManager.grant.') && m.when === 'false');
    assert.deepEqual(hidden, []);
  });

  describe('on the items the explorer shows', () => {
    const env = useEmulator('grants');

    it('gives each loaded grant the context value of its direction and status', async () => {
      void env.current;
      const api = await getApi();
      await api.explorer.reloadProfiles();
      await api.services.state.setSelectedProfiles(['seller', 'buyer']);
      const seen: string[] = [];
      for (const profile of await api.explorer.getChildren()) {
        for (const region of await api.explorer.getChildren(profile)) {
          for (const category of await api.explorer.getChildren(region)) {
            const kind = (category as { category?: string }).category;
            if (kind !== 'distributedGrants' && kind !== 'receivedGrants') continue;
            for (const item of await api.explorer.getChildren(category)) {
              const data = (item as { data?: { GrantStatus?: string; GrantArn?: string } }).data;
              if (!data?.GrantStatus) continue;
              const direction: 'received' | 'distributed' = kind === 'receivedGrants' ? 'received' : 'distributed';
              const viewItem = api.explorer.getTreeItem(item).contextValue ?? '';
              assert.deepEqual(
                grantCommandsShown(viewItem),
                expectedCommands(EXPECTED[direction][data.GrantStatus] ?? []),
                `${direction} ${data.GrantArn} in ${data.GrantStatus}`,
              );
              seen.push(`${direction}:${data.GrantStatus}`);
            }
          }
        }
      }
      for (const s of ['received:PENDING_ACCEPT', 'received:DISABLED', 'received:ACTIVE', 'distributed:PENDING_ACCEPT', 'distributed:ACTIVE']) {
        assert.ok(seen.includes(s), `the seed shows a ${s} grant (saw ${[...new Set(seen)].join(', ')})`);
      }
    });
  });
});
