import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contextValue } from '../../src/tree/contextValue';
import { selectionActionsOf } from '../../src/tree/selectionActions';
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

/** Evaluates the `when` forms the manifest uses: `a && b || c && d`, `key == value`, `key =~ /re/`, `key`, `!key`. Anything else fails the test. */
function evaluateWhen(when: string | undefined, context: Record<string, string | boolean>): boolean {
  if (!when) return true;
  return when.split('||').some((alternative) => alternative.split('&&').every((raw) => {
    const term = raw.trim();
    let m = /^(!?)([\w.:]+)$/.exec(term);
    if (m) return Boolean(context[m[2]]) !== (m[1] === '!');
    m = /^([\w.:]+)\s*==\s*(\S+)$/.exec(term);
    if (m) return context[m[1]] === m[2];
    m = /^([\w.:]+)\s*=~\s*\/(.*)\/([a-z]*)$/.exec(term);
    if (m) return new RegExp(m[2], m[3]).test(String(context[m[1]] ?? ''));
    throw new Error(`unsupported when clause: ${term}`);
  }));
}

function itemMenus(): MenuEntry[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed');
  return ext.packageJSON.contributes.menus['view/item/context'] as MenuEntry[];
}

/** The grant commands the tree's context menu shows for an item with `viewItem`. */
function grantCommandsShown(viewItem: string, view = 'licenseManager.views.explorer', more: Record<string, string | boolean> = {}): string[] {
  const ctx = { view, viewItem, ...more };
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
    const selected = (view: string) => String.raw`view == licenseManager\.views\.${view} && listMultiSelection && licenseManager:${view}SelectionActions =~ /\(\^\| \)\w+\( \|\$\)/`;
    const single = (view: string, multi: boolean) => String.raw`view == licenseManager\.views\.${view} && ${multi ? '!listMultiSelection && ' : ''}${token}`;
    const explorerOrInbox = new RegExp(
      String.raw`^(${single('explorer', false)}( \|\| ${single('inbox', false)})?|${single('explorer', true)} \|\| ${single('inbox', true)}|${single('explorer', true)} \|\| ${selected('explorer')} \|\| ${single('inbox', true)} \|\| ${selected('inbox')})$`,
    );
    for (const m of itemMenus().filter((e) => e.command.startsWith('licenseManager.grant.'))) {
      if (m.group?.startsWith('inline')) {
        assert.match(m.when ?? '', new RegExp(String.raw`^view == licenseManager\.views\.inbox && (!listMultiSelection && )?${token}$`), m.command);
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

    it('on a selection of several items offer only the actions valid for every selected grant', async () => {
      void env.current;
      const api = await getApi();
      await api.explorer.reloadProfiles();
      await api.services.state.setSelectedProfiles(['seller', 'buyer']);
      const nodes = new Map<string, unknown>();
      let profileNode: unknown;
      for (const profile of await api.explorer.getChildren()) {
        profileNode ??= profile;
        const name = (profile as { name?: string }).name;
        for (const region of await api.explorer.getChildren(profile)) {
          for (const category of await api.explorer.getChildren(region)) {
            const kind = (category as { category?: string }).category;
            if (kind !== 'distributedGrants' && kind !== 'receivedGrants') continue;
            for (const item of await api.explorer.getChildren(category)) {
              const grantName = (item as { data?: { GrantName?: string } }).data?.GrantName;
              if (grantName) nodes.set(`${name} ${grantName}`, item);
            }
          }
        }
      }
      const node = (key: string): unknown => {
        assert.ok(nodes.has(key), `the explorer shows ${key}`);
        return nodes.get(key);
      };
      // What the menus of a selection offer: the clicked item's own tokens, and the selection's context key.
      const menusOf = (keys: string[], view: 'explorer' | 'inbox'): string[] => {
        const selected = keys.map(node);
        const viewItem = api.explorer.getTreeItem(selected[0] as never).contextValue ?? '';
        return grantCommandsShown(viewItem, `licenseManager.views.${view}`, {
          listMultiSelection: true,
          [`licenseManager:${view}SelectionActions`]: selectionActionsOf(selected),
        });
      };
      const cases: Array<[string[], string[]]> = [
        [['buyer Fabrikam dashboards', 'buyer Fabrikam compute'], ['activate', 'reject']],
        [['buyer Fabrikam dashboards', 'buyer Fabrikam reporting'], ['reject']],
        [['buyer Fabrikam reporting', 'buyer Fabrikam dashboards'], ['reject']],
        [['buyer Fabrikam pipeline', 'buyer Fabrikam dashboards', 'buyer Fabrikam compute'], ['reject']],
        [['buyer Fabrikam reporting', 'buyer Fabrikam warehouse'], ['deactivate', 'reject']],
        [['buyer Fabrikam pipeline', 'buyer Fabrikam gateway trial', 'buyer Fabrikam storage'], ['accept', 'reject']],
        [['buyer Fabrikam dashboards', 'seller Fabrikam compute'], ['activate']],
        [['seller Fabrikam reporting', 'seller Fabrikam warehouse'], ['deactivate']],
      ];
      for (const [keys, actions] of cases) {
        for (const view of ['explorer', 'inbox'] as const) assert.deepEqual(menusOf(keys, view), expectedCommands(actions), `${view}: ${keys.join(' + ')}`);
      }
      // A selection that holds anything but grants offers no grant action.
      nodes.set('a profile', profileNode);
      assert.deepEqual(menusOf(['buyer Fabrikam dashboards', 'a profile'], 'explorer'), []);
      // With one item selected, its own menu is as before.
      const one = api.explorer.getTreeItem(node('buyer Fabrikam dashboards') as never).contextValue ?? '';
      assert.deepEqual(grantCommandsShown(one, 'licenseManager.views.explorer', { listMultiSelection: false }), expectedCommands(['activate', 'reject', 'createVersion']));
    });
  });
});
