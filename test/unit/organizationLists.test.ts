import * as assert from 'node:assert/strict';
import * as sdk from '@aws-sdk/client-license-manager';
import type { LicenseManagerApi } from '../../src/aws/types';
import {
  granteeLabel,
  isNotOrganizationAdmin,
  notOrganizationAdminText,
  ORGANIZATION_LISTS,
  REGION_ORGANIZATION_LISTS,
  type OrganizationListKind,
} from '../../src/model/organizationLists';
import { plainTranslate as t } from '../../src/model/translate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CSV_COLUMNS, csvRow } from '../../src/model/csv';
import { organizationListOfKind } from '../../src/model/organizationLists';
import { listOfKind } from '../../src/model/resourceLists';
import { ALL_RESOURCE_KINDS } from '../../src/model/resources';
import { kindLabel } from '../../src/panels/views/summary';
import { contextValue } from '../../src/tree/contextValue';

const root = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')].find((d) => fs.existsSync(path.join(d, 'package.nls.json')))!;
const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;

/** What each organization list answers about its items, written out by hand. */
const EXPECTED: Record<OrganizationListKind, object> = {
  organizationReceivedLicenses: { itemKind: 'organizationReceivedLicense', item: 'license', children: 'organizationGrants', needsParent: false, csvKind: 'receivedLicense', homeRegion: true, kindLabel: 'Organization received license' },
  organizationGrants: { itemKind: 'organizationGrant', item: 'grant', children: undefined, needsParent: true, csvKind: 'grant', homeRegion: false, kindLabel: 'Organization grant' },
  organizationLicenseConfigurations: { itemKind: 'organizationLicenseConfiguration', item: 'configuration', children: undefined, needsParent: false, csvKind: 'licenseConfiguration', homeRegion: false, kindLabel: 'Organization license configuration' },
};

/** One item of each list as the service answers it, and the ARN column of its CSV row. */
const SAMPLE: Record<OrganizationListKind, { item: object; arnColumn: string }> = {
  organizationReceivedLicenses: { item: { LicenseArn: 'arn:l', HomeRegion: 'eu-west-1' }, arnColumn: 'LicenseArn' },
  organizationGrants: { item: { GrantArn: 'arn:g' }, arnColumn: 'GrantArn' },
  organizationLicenseConfigurations: { item: { LicenseConfigurationArn: 'arn:c' }, arnColumn: 'LicenseConfigurationArn' },
};

const LICENSE = 'arn:aws:license-manager::210987654321:license:l-92b0c3407982715ac04abe7bec42e0c1';

/** The SDK command class an `aws license-manager` operation name stands for. */
const commandOf = (cli: string): string => `${cli.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}Command`;

describe('organization list rows', () => {
  const kinds = Object.keys(ORGANIZATION_LISTS) as OrganizationListKind[];

  it('has a complete row per list, each worded differently and read by an operation the SDK has', () => {
    assert.deepEqual(kinds, ['organizationReceivedLicenses', 'organizationGrants', 'organizationLicenseConfigurations']);
    const labels = kinds.map((k) => ORGANIZATION_LISTS[k].label(t));
    assert.deepEqual(labels, ['Organization received licenses', 'Organization grants', 'Organization license configurations']);
    const empty = kinds.map((k) => ORGANIZATION_LISTS[k].emptyText(t));
    assert.equal(new Set(empty).size, 3, 'distinct empty texts');
    for (const k of kinds) {
      const row = ORGANIZATION_LISTS[k];
      assert.equal(row.kind, k);
      assert.match(row.icon, /^[a-z-]+$/);
      const [operation] = row.cli(LICENSE);
      assert.equal(typeof (sdk as Record<string, unknown>)[commandOf(operation)], 'function', `${operation} → ${commandOf(operation)}`);
    }
    assert.deepEqual(ORGANIZATION_LISTS.organizationGrants.cli(LICENSE), ['list-received-grants-for-organization', '--license-arn', LICENSE]);
    assert.deepEqual(REGION_ORGANIZATION_LISTS, ['organizationReceivedLicenses', 'organizationLicenseConfigurations']);
  });

  for (const k of Object.keys(EXPECTED) as OrganizationListKind[]) {
    it(`${k}: answers what its items are, worded in the l10n bundle, exported with columns, with no resource list row (no panel, history or actions)`, () => {
      const row = ORGANIZATION_LISTS[k] as (typeof ORGANIZATION_LISTS)[OrganizationListKind];
      const { itemKind, item, children, needsParent, csvKind } = row;
      assert.deepEqual({ itemKind, item, children, needsParent, csvKind, homeRegion: row.homeRegionOf !== undefined, kindLabel: row.kindLabel(t) }, EXPECTED[k]);
      for (const text of [row.label(t), row.kindLabel(t), row.emptyText(t)]) assert.ok(bundle[text], `“${text}” is in l10n/bundle.l10n.json`);
      assert.equal(organizationListOfKind(itemKind), row, 'its items lead back to its row');
      assert.equal(listOfKind(itemKind), undefined, 'no resource list claims its items');
      assert.ok(!ALL_RESOURCE_KINDS.includes(itemKind), 'not read from AWS as a command argument');
      assert.equal(kindLabel(t, itemKind), row.kindLabel(t), 'named by its row wherever its kind is named');
      const { item: sample, arnColumn } = SAMPLE[k];
      const arn = row.arnOf(sample as never);
      assert.match(arn ?? '', /^arn:/);
      const column = CSV_COLUMNS[csvKind].indexOf(arnColumn);
      assert.ok(column >= 0, `${csvKind} columns hold ${arnColumn}`);
      assert.equal(csvRow(csvKind, sample)[column], arn, 'its export writes the ARN the row reads');
      if (row.homeRegionOf) assert.equal(row.homeRegionOf(sample as never), 'eu-west-1');
      // A list read for a parent is only ever shown under the items of another list.
      const parents = kinds.filter((p) => ORGANIZATION_LISTS[p].children === k);
      assert.equal(parents.length > 0, needsParent, 'shown under a parent exactly when it needs one');
      assert.equal(REGION_ORGANIZATION_LISTS.includes(k), !needsParent, 'under the region exactly when it needs no parent');
    });
  }

  it('gives organization rows Open JSON and Copy ARN in their menus, and Copy ARN only with an ARN', () => {
    assert.deepEqual(contextValue({ node: 'organizationItem', hasArn: true }).split(' '), ['organizationItem', 'hasJson', 'hasArn']);
    assert.deepEqual(contextValue({ node: 'organizationItem', hasArn: false }).split(' '), ['organizationItem', 'hasJson']);
  });

  it('calls the one facade method of each list, the grants with their license, and reads each item\'s ARN', async () => {
    const calls: string[] = [];
    const api = {
      listReceivedLicensesForOrganization: (req: unknown) => (calls.push(`licenses ${JSON.stringify(req)}`), Promise.resolve({ items: [{ LicenseArn: LICENSE }] })),
      listReceivedGrantsForOrganization: (arn: string, req: unknown) => (calls.push(`grants ${arn} ${JSON.stringify(req)}`), Promise.resolve({ items: [{ GrantArn: 'g' }] })),
      listLicenseConfigurationsForOrganization: (req: unknown) => (calls.push(`configs ${JSON.stringify(req)}`), Promise.resolve({ items: [{ LicenseConfigurationArn: 'c' }] })),
    } as unknown as LicenseManagerApi;
    const licenses = await ORGANIZATION_LISTS.organizationReceivedLicenses.list(api, undefined, { maxResults: 5 });
    const grants = await ORGANIZATION_LISTS.organizationGrants.list(api, LICENSE, { maxResults: 5, nextToken: 'n' });
    const configs = await ORGANIZATION_LISTS.organizationLicenseConfigurations.list(api, undefined, {});
    assert.deepEqual(calls, ['licenses {"maxResults":5}', `grants ${LICENSE} {"maxResults":5,"nextToken":"n"}`, 'configs {}']);
    assert.equal(ORGANIZATION_LISTS.organizationReceivedLicenses.arnOf(licenses.items[0]), LICENSE);
    assert.equal(ORGANIZATION_LISTS.organizationGrants.arnOf(grants.items[0]), 'g');
    assert.equal(ORGANIZATION_LISTS.organizationLicenseConfigurations.arnOf(configs.items[0]), 'c');
  });

  it('names a grantee by account id, or as the organization or organizational unit', () => {
    assert.equal(granteeLabel(t, 'arn:aws:iam::500000000002:root'), '500000000002');
    assert.equal(granteeLabel(t, 'arn:aws:organizations::500000000001:organization/o-fab1holdings'), 'Organization o-fab1holdings');
    assert.equal(granteeLabel(t, 'arn:aws:organizations::500000000001:ou/o-fab1holdings/ou-fab1-retail01'), 'Organizational unit ou-fab1-retail01');
    assert.equal(granteeLabel(t, 'arn:aws:iam::500000000002:role/Admin'), 'arn:aws:iam::500000000002:role/Admin', 'anything else as it is');
  });

  it('takes only an access refusal as "not an organization administrator"', () => {
    assert.equal(isNotOrganizationAdmin({ kind: 'accessDenied' }), true);
    for (const kind of ['throttled', 'network', 'credentials', 'invalidInput', 'notFound']) assert.equal(isNotOrganizationAdmin({ kind }), false, kind);
    assert.equal(isNotOrganizationAdmin(new Error('AccessDeniedException')), false);
    assert.equal(notOrganizationAdminText(t), "Organization lists need the organization's management account or a delegated administrator");
  });
});
