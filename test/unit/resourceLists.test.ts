import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_LISTS, GRANT_LISTS, OTHER_SIDE, RESOURCE_LISTS, grantListOf, kindsOfArn, listOfKind } from '../../src/model/resourceLists';
import { ALL_RESOURCE_KINDS, CATEGORY_KINDS, GRANT_KINDS, LICENSE_KINDS, type CategoryKind } from '../../src/model/resources';
import { CSV_COLUMNS } from '../../src/model/csv';
import { historyKind } from '../../src/model/history';
import { parseRestoredRef } from '../../src/model/restoredPanel';
import { grantActionsFor } from '../../src/model/grantActions';
import { LICENSE_ACTIONS } from '../../src/model/licenseActions';
import { plainTranslate } from '../../src/model/translate';
import { contextValue } from '../../src/tree/contextValue';
import { buildDetailView } from '../../src/panels/views/summary';
import { OPERATIONS } from '../../test/emulator/ops';

const root = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'package.nls.json')))!;
const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
const t = plainTranslate;
const operation = (cli: string): string => cli.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase());

/** What each list answers about its items, written out by hand. */
const EXPECTED: Record<CategoryKind, object> = {
  licenseConfigurations: { kind: 'licenseConfiguration', direction: undefined, arnKind: 'licenseConfiguration', panel: 'configuration', history: undefined, licenseActions: undefined, reloads: ['licenseConfigurations'], showsOtherSide: false },
  licenses: { kind: 'license', direction: undefined, arnKind: 'license', panel: 'license', history: 'license', licenseActions: true, reloads: ['licenses', 'distributedGrants'], showsOtherSide: false },
  receivedLicenses: { kind: 'receivedLicense', direction: undefined, arnKind: 'license', panel: 'license', history: 'license', licenseActions: undefined, reloads: ['receivedLicenses'], showsOtherSide: true },
  distributedGrants: { kind: 'distributedGrant', direction: 'distributed', arnKind: 'grant', panel: 'grant', history: 'grant', licenseActions: undefined, reloads: ['distributedGrants'], showsOtherSide: true },
  receivedGrants: { kind: 'receivedGrant', direction: 'received', arnKind: 'grant', panel: 'grant', history: 'grant', licenseActions: undefined, reloads: ['receivedGrants', 'receivedLicenses'], showsOtherSide: true },
};

const ARN = {
  grant: 'arn:aws:license-manager::111122223333:grant:g-0123456789abcdef0123456789abcdef',
  license: 'arn:aws:license-manager::111122223333:license:l-0123456789abcdef0123456789abcdef',
  licenseConfiguration: 'arn:aws:license-manager:us-east-1:111122223333:license-configuration:lic-0123456789abcdef0123456789abcdef',
};

describe('resource lists: one row each, everything about a list and its items follows', () => {
  it('every category has exactly one row, in display order, each of its own kind', () => {
    assert.deepEqual(ALL_LISTS.map((l) => l.category), [...CATEGORY_KINDS]);
    assert.equal(new Set(ALL_LISTS.map((l) => l.kind)).size, ALL_LISTS.length, 'kinds are distinct');
  });

  it('each row answers what its items are, as written out by hand', () => {
    for (const l of ALL_LISTS) {
      const { kind, direction, arnKind, panel, history, licenseActions, reloads, showsOtherSide } = l;
      assert.deepEqual({ kind, direction, arnKind, panel, history, licenseActions, reloads, showsOtherSide }, EXPECTED[l.category], l.category);
    }
    assert.deepEqual(OTHER_SIDE, ['receivedLicenses', 'distributedGrants', 'receivedGrants']);
    assert.deepEqual(kindsOfArn('grant'), ['distributedGrant', 'receivedGrant'], 'the owner’s side first');
    assert.deepEqual(kindsOfArn('license'), ['license', 'receivedLicense'], 'the owner’s side first');
    assert.equal(grantListOf('received'), RESOURCE_LISTS.receivedGrants);
    assert.equal(grantListOf('distributed'), RESOURCE_LISTS.distributedGrants);
  });

  for (const l of ALL_LISTS) {
    it(`${l.category}: worded in the l10n bundle, exported with columns, served by the emulator, with a category node`, () => {
      for (const text of [l.label(t), l.kindLabel(t), l.emptyText(t)]) assert.ok(bundle[text], `“${text}” is in l10n/bundle.l10n.json`);
      assert.ok(CSV_COLUMNS[l.csvKind].length > 0, 'export columns');
      assert.match(l.icon, /^[a-z]+(-[a-z]+)*$/, 'a codicon');
      assert.match(l.cli.list, /^list-/);
      assert.ok(OPERATIONS[operation(l.cli.list)], `the emulator serves ${operation(l.cli.list)}`);
      const [read] = l.cli.item(ARN[l.arnKind]);
      assert.ok(OPERATIONS[operation(read)], `the emulator serves ${operation(read)}`);
      assert.ok(ALL_RESOURCE_KINDS.includes(l.kind), 'commands that accept any resource accept it');
      assert.ok(contextValue({ node: 'category', category: l.category }).split(' ').includes(`category-${l.category}`));
    });

    it(`${l.category}: its items have a panel, history, actions, reloads and command arguments that fit`, () => {
      const ref = { kind: l.kind, profile: 'buyer', region: 'us-east-1', arn: ARN[l.arnKind] };
      assert.equal(listOfKind(l.kind), l);
      assert.equal(historyKind(l.kind), l.history);
      assert.deepEqual(parseRestoredRef({ ref }, ['buyer']), ref, 'a panel of it comes back after a reload');
      assert.ok(kindsOfArn(l.arnKind).includes(l.kind), 'an ARN argument may be read as its item');
      assert.equal(GRANT_KINDS.includes(l.kind), l.direction !== undefined, 'grant commands accept its items exactly when they are grants');
      assert.equal(LICENSE_KINDS.includes(l.kind), l.panel === 'license', 'license commands accept its items exactly when they are licenses');
      assert.equal(l.reloads[0], l.category, 'a change reloads its own list first');
      const data =
        l.panel === 'grant' ? { GrantArn: ref.arn, GrantName: 'g', GrantStatus: 'ACTIVE', Version: '1' } : l.panel === 'license' ? { LicenseArn: ref.arn, LicenseName: 'n', Status: 'AVAILABLE' } : { LicenseConfigurationArn: ref.arn, Name: 'c' };
      const view = buildDetailView(t, { resource: ref, data }, new Date(0));
      const expectedActions = l.direction ? grantActionsFor(l.direction, 'ACTIVE') : l.licenseActions ? LICENSE_ACTIONS.filter((a) => a.validFor('AVAILABLE')).map((a) => a.action) : [];
      assert.deepEqual(view.actions.map((a) => a.action).sort(), [...expectedActions].sort(), 'the panel offers its actions');
      if (l.direction) {
        assert.equal(l.panel, 'grant');
        assert.equal(l.history, 'grant');
        assert.ok(GRANT_LISTS.includes(l as (typeof GRANT_LISTS)[number]));
      }
      if (l.panel === 'license') assert.equal(l.history, 'license');
    });
  }
});
