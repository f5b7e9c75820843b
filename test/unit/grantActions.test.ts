import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  GRANT_ACTIONS,
  PROMPT_ORDER,
  grantActionsFor,
  invitedAction,
  promptSteps,
  type GrantAction,
  type GrantActionSubject,
  type GrantDirection,
} from '../../src/model/grantActions';
import { GRANT_STATUSES } from '../../src/model/statuses';
import { contextValue } from '../../src/tree/contextValue';
import { grantActionViews } from '../../src/panels/views/grantView';
import { parseWebviewMessage } from '../../src/shared/messages';
import { plainTranslate } from '../../src/model/translate';

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
const t = plainTranslate;
const token = (name: string): string => `viewItem =~ /(^| )${name}( |$)/`;

/** The actions valid per side and status, written out by hand. */
const VALID: Record<GrantDirection, Record<string, GrantAction[]>> = {
  received: {
    PENDING_ACCEPT: ['accept', 'reject'],
    DISABLED: ['activate', 'reject', 'createVersion'],
    ACTIVE: ['deactivate', 'reject', 'createVersion'],
  },
  distributed: {
    PENDING_ACCEPT: ['createVersion', 'delete'],
    DISABLED: ['activate', 'createVersion', 'delete'],
    ACTIVE: ['deactivate', 'createVersion', 'delete'],
    WORKFLOW_COMPLETED: ['createVersion', 'delete'],
    PENDING_WORKFLOW: ['delete'],
    FAILED_WORKFLOW: ['delete'],
    REJECTED: ['delete'],
  },
};

const GRANT = 'arn:aws:license-manager::111122223333:grant:g-0123456789abcdef0123456789abcdef';
const LICENSE = 'arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef';
const subject = (row?: GrantActionSubject['row']): GrantActionSubject => ({
  name: 'Fabrikam reporting',
  grant: { GrantArn: GRANT, GrantName: 'Fabrikam reporting', LicenseArn: LICENSE, GranteePrincipalArn: '444455556666', GrantStatus: 'ACTIVE', Version: '3', ParentArn: LICENSE, HomeRegion: 'us-east-1', GrantedOperations: [] },
  profile: 'buyer',
  region: 'us-east-1',
  row,
});

/** The words of each action as a user reads them: panel button, confirmation button, what is said once it landed. */
const WORDS: Readonly<Record<string, { label: string; button?: string; landed?: string }>> = {
  accept: { label: 'Accept', button: 'Accept', landed: 'Accepted' },
  activate: { label: 'Activate…', landed: 'Activated' },
  deactivate: { label: 'Deactivate…', button: 'Deactivate', landed: 'Deactivated' },
  reject: { label: 'Reject…', button: 'Reject', landed: 'Rejected' },
  createVersion: { label: 'New Version…' },
  delete: { label: 'Delete…', button: 'Delete', landed: 'Deleted' },
};

describe('grant actions: one record each, menus, panel buttons, prompts and commands follow', () => {
  for (const r of GRANT_ACTIONS) {
    it(`${r.action}: a declared command titled as the record says, a token, a group and a label`, () => {
      const declared = manifest.contributes.commands.find((c) => c.command === r.command);
      assert.ok(declared, `${r.command} is declared in package.json`);
      const key = /^%(.+)%$/.exec(declared.title)?.[1];
      assert.ok(key && nls[key], `${r.command} has a title in package.nls.json`);
      assert.equal(nls[key].replace(/…$/, ''), r.title(t), 'the prompts are titled as the command');
      assert.equal(r.command, `licenseManager.grant.${r.action}`);
      assert.match(r.token, /^can[A-Z][A-Za-z]+$/);
      assert.match(r.group, r.destructive ? /^9_destructive@\d+$/ : /^2_edit@\d+$/);
      assert.equal(r.label(t), WORDS[r.action].label);
      for (const d of ['received', 'distributed'] as const) {
        for (const s of r.validIn[d]) assert.ok(GRANT_STATUSES.includes(s), `${d} ${s} is a grant status`);
      }
      assert.ok(r.validIn.received.length + r.validIn.distributed.length > 0, 'valid somewhere');
    });

    it(`${r.action}: the explorer and inbox menus show it by its token alone, in its group (and inline when it says so)`, () => {
      const entries = itemMenus.filter((m) => m.command === r.command);
      // One item: its own token. Several selected: offered only by records with `bulk`, when the view's selection key allows it for all.
      const place = (view: string, key: string): string =>
        r.bulk
          ? `view == licenseManager.views.${view} && !listMultiSelection && ${token(r.token)} || view == licenseManager.views.${view} && listMultiSelection && licenseManager:${key} =~ /(^| )${r.action}( |$)/`
          : `view == licenseManager.views.${view} && !listMultiSelection && ${token(r.token)}`;
      const menu = { command: r.command, when: `${place('explorer', 'explorerSelectionActions')} || ${place('inbox', 'inboxSelectionActions')}`, group: r.group };
      const inline = r.inline ? [{ command: r.command, when: `view == licenseManager.views.inbox && !listMultiSelection && ${token(r.token)}`, group: r.inline }] : [];
      assert.deepEqual(entries, [menu, ...inline]);
    });

    it(`${r.action}: a command file registers it and the panel may post it`, () => {
      const index = fs.readFileSync(path.join(root, 'src', 'commands', 'index.ts'), 'utf8');
      const files = fs.readdirSync(path.join(root, 'src', 'commands')).filter((f) => f.endsWith('.ts'));
      const file = files.find((f) => {
        const text = fs.readFileSync(path.join(root, 'src', 'commands', f), 'utf8');
        return r.flow ? text.includes(`grantActionCommand('${r.action}')`) : text.includes(`'${r.command}'`);
      });
      assert.ok(file, `a file in src/commands/ defines ${r.command}`);
      const name = /export const (\w+)/.exec(fs.readFileSync(path.join(root, 'src', 'commands', file), 'utf8'))?.[1];
      assert.ok(name && index.includes(`import { ${name} } from './${file.replace(/\.ts$/, '')}'`) && new RegExp(`^  ${name},$`, 'm').test(index), `${name} is in ALL_COMMANDS`);
      assert.deepEqual(parseWebviewMessage({ type: 'grantAction', action: r.action }), { ok: true, message: { type: 'grantAction', action: r.action } });
    });

    if (r.flow) {
      const flow = r.flow;
      it(`${r.action}: its prompts come in the one order, a destructive one always confirms and offers the CLI command`, () => {
        const steps = promptSteps(flow, true);
        assert.deepEqual(steps, PROMPT_ORDER.filter((p) => steps.includes(p)), 'the steps follow PROMPT_ORDER');
        if (r.destructive) {
          assert.equal(flow.confirm?.when, 'always');
          assert.ok(flow.confirm?.cli, 'a destructive confirmation offers the command it would send');
        }
        if (flow.confirm) {
          const c = flow.confirm;
          assert.ok(c.message(t, subject({ counterpart: '111122223333' })).includes('Fabrikam reporting'), 'the question names the grant');
          assert.ok(c.detail(t, subject({ counterpart: '111122223333' })).length > 0);
          assert.equal(c.button(t), WORDS[r.action].button);
        }
        assert.ok(flow.progress(t, 'Fabrikam reporting').includes('Fabrikam reporting'));
        assert.equal(flow.landed(t), WORDS[r.action].landed);
        assert.ok([...GRANT_STATUSES, 'DELETED'].includes(flow.status), flow.status);
      });
    }
  }

  it('every action asks reason first, then the confirmation, and only what it needs', () => {
    const asked = Object.fromEntries(GRANT_ACTIONS.map((r) => [r.action, r.flow ? [promptSteps(r.flow, false), promptSteps(r.flow, true)] : undefined]));
    assert.deepEqual(asked, {
      accept: [[], ['confirm']],
      activate: [['reason'], ['reason']],
      deactivate: [['reason', 'confirm'], ['reason', 'confirm']],
      reject: [['confirm'], ['confirm']],
      createVersion: undefined,
      delete: [['reason', 'confirm'], ['reason', 'confirm']],
    });
    assert.deepEqual(PROMPT_ORDER, ['reason', 'confirm']);
  });

  it('the copied commands carry what would be sent, reason included', () => {
    const cli = (a: GrantAction): string[] | undefined => GRANT_ACTIONS.find((r) => r.action === a)?.flow?.confirm?.cli?.(subject(), 'Contract ended', 'token-1');
    assert.deepEqual(cli('delete'), ['delete-grant', '--grant-arn', GRANT, '--version', '3', '--status-reason', 'Contract ended']);
    assert.deepEqual(cli('deactivate'), ['create-grant-version', '--grant-arn', GRANT, '--status', 'DISABLED', '--status-reason', 'Contract ended', '--source-version', '3', '--client-token', 'token-1']);
    assert.deepEqual(cli('reject'), ['reject-grant', '--grant-arn', GRANT]);
  });

  it('valid actions, item tokens and panel buttons per side and status match the written-out table', () => {
    const TOKENS: Record<GrantAction, string> = { accept: 'canAccept', reject: 'canReject', activate: 'canActivate', deactivate: 'canDeactivate', createVersion: 'canCreateVersion', delete: 'canDelete' };
    for (const d of ['received', 'distributed'] as const) {
      for (const s of [...GRANT_STATUSES, 'SOME_FUTURE_STATUS']) {
        const expected = VALID[d][s] ?? [];
        assert.deepEqual([...grantActionsFor(d, s)], expected, `${d} ${s}`);
        const carried = contextValue({ node: 'grant', direction: d, status: s }).split(' ').filter((x) => Object.values(TOKENS).includes(x));
        assert.deepEqual(carried, expected.map((a) => TOKENS[a]), `${d} ${s} tokens`);
        const buttons = grantActionViews(t, d, s).map((b) => b.action);
        assert.deepEqual([...buttons].sort(), [...expected].sort(), `${d} ${s} buttons`);
        assert.equal(buttons[0] === invitedAction(d, s) || invitedAction(d, s) === undefined, true, 'the invited step comes first');
      }
    }
    assert.deepEqual(
      grantActionViews(t, 'distributed', 'ACTIVE').map((b) => [b.label, b.destructive, b.primary]),
      [['Deactivate…', false, false], ['New Version…', false, false], ['Delete…', true, false]],
    );
    assert.deepEqual(invitedAction('received', 'PENDING_ACCEPT'), 'accept');
    assert.deepEqual(invitedAction('distributed', 'DISABLED'), 'activate');
    assert.deepEqual(invitedAction('received', 'ACTIVE'), undefined);
  });
});
