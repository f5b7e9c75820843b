import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { getApi, useEmulator, waitFor } from '../support';
import { children, description, isLoadMore, label, loadAll, path, selectOnly, setPageSize, tokens, type Node } from './explorerSupport';

const NOT_ADMIN = "Organization lists need the organization's management account or a delegated administrator";
const REGIONS = ['us-east-1', 'eu-west-1'];
const ANALYTICS = ['org-admin', 'us-east-1', 'Organization', 'Organization received licenses', 'Contoso Analytics – Fabrikam'];
const ANALYTICS_ARN = 'arn:aws:license-manager::210987654321:license:l-92b0c3407982715ac04abe7bec42e0c1';
const LABS_GRANT_ARN = 'arn:aws:license-manager::210987654321:grant:g-aa9e45e8cced3a9d67fe8c6487dbbe36';
const ORG_GRANT_ARN = 'arn:aws:license-manager::210987654321:grant:g-f55353229aff545f85525cb8283e365d';
const RETAIL_CONFIG_ARN = 'arn:aws:license-manager:us-east-1:500000000002:license-configuration:lic-ffe2f3287490318bb4849fc60fa65627';

describe('organization lists in the explorer (emulator, organization seed)', () => {
  const env = useEmulator('organization');
  let api: ExtensionApi;

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(['org-admin', 'org-member']);
    for (const p of ['org-admin', 'org-member']) await api.services.state.setRegions(p, REGIONS);
  });

  afterEach(async () => {
    await setPageSize(undefined);
  });

  const rows = (nodes: Node[]): string[][] => nodes.map((n) => [label(api, n), description(api, n)]);
  const ops = (): string[] => env.current.emulator.requests.map((r) => `${r.operation} ${r.profile} ${r.region}`);

  it('shows a management account the licenses its organization received, each license\'s grants as accounts with their status, and its license configurations', async () => {
    const org = await path(api, 'org-admin', 'us-east-1', 'Organization');
    assert.deepEqual((await children(api, org)).map((n) => label(api, n)), ['Organization received licenses', 'Organization license configurations']);
    assert.ok(tokens(api, org).includes('organization'));

    // Received licenses are listed once per profile, under their home region.
    const east = await children(api, await path(api, 'org-admin', 'us-east-1', 'Organization', 'Organization received licenses'));
    assert.deepEqual(rows(east), [['Contoso Analytics – Fabrikam', 'ACTIVE · CT-ANL']]);
    const west = await children(api, await path(api, 'org-admin', 'eu-west-1', 'Organization', 'Organization received licenses'));
    assert.deepEqual(rows(west), [['Contoso Edge Gateway – Fabrikam Retail', 'ACTIVE · CT-EDGE']]);

    const analytics = await children(api, await path(api, 'org-admin', 'us-east-1', 'Organization', 'Organization received licenses', 'Contoso Analytics – Fabrikam', 'Organization grants'));
    assert.deepEqual(rows(analytics), [
      ['Organization o-fab1holdings', 'WORKFLOW_COMPLETED'],
      ['500000000002', 'ACTIVE'],
      ['500000000003', 'DISABLED'],
      ['500000000004', 'PENDING_ACCEPT'],
      ['500000000001', 'REJECTED'],
    ]);
    assert.match(String(api.explorer.getTreeItem(analytics[2]).tooltip), /Status reason: Paused during the security audit/);

    // The grants of a license are read in the license's home region.
    env.current.emulator.requests.length = 0;
    const edge = await children(api, await path(api, 'org-admin', 'eu-west-1', 'Organization', 'Organization received licenses', 'Contoso Edge Gateway – Fabrikam Retail', 'Organization grants'));
    assert.deepEqual(rows(edge), [
      ['Organizational unit ou-fab1-retail01', 'WORKFLOW_COMPLETED'],
      ['500000000002', 'ACTIVE'],
      ['500000000004', 'FAILED_WORKFLOW'],
    ]);
    assert.ok(ops().includes('ListReceivedGrantsForOrganization org-admin eu-west-1'), ops().join('\n'));

    const configs = await children(api, await path(api, 'org-admin', 'us-east-1', 'Organization', 'Organization license configurations'));
    assert.deepEqual(rows(configs), [
      ['Holdings Windows Server', '500000000001 · Core'],
      ['Retail POS SQL Server', '500000000002 · vCPU'],
    ]);
  });

  it('shows a member account one clear item instead of the lists, asking AWS once for all its regions', async () => {
    env.current.emulator.requests.length = 0;
    const list = await path(api, 'org-member', 'us-east-1', 'Organization', 'Organization received licenses');
    const shown = await children(api, list);
    assert.deepEqual(shown.map((n) => label(api, n)), [NOT_ADMIN]);
    assert.ok(tokens(api, shown[0]).includes('message'));
    assert.ok(!tokens(api, shown[0]).includes('hasError'), 'not an error item');
    assert.match(String(api.explorer.getTreeItem(shown[0]).tooltip), /AccessDeniedException|not the management account/);

    // The Organization item of every region now says the same, without another call.
    for (const region of REGIONS) {
      const kids = await children(api, await path(api, 'org-member', region, 'Organization'));
      assert.deepEqual(kids.map((n) => label(api, n)), [NOT_ADMIN], region);
    }
    assert.deepEqual(ops(), ['ListReceivedLicensesForOrganization org-member us-east-1']);

    // Refreshing the Organization item asks again.
    const org = await path(api, 'org-member', 'eu-west-1', 'Organization');
    await api.explorer.refresh(org);
    const again = await children(api, await path(api, 'org-member', 'eu-west-1', 'Organization', 'Organization license configurations'));
    assert.deepEqual(again.map((n) => label(api, n)), [NOT_ADMIN]);
    assert.deepEqual(ops().slice(1), ['ListLicenseConfigurationsForOrganization org-member eu-west-1']);
  });

  it('copies the AWS CLI command of each organization list, with the license ARN for its grants', async () => {
    const copy = (n: Node) => vscode.commands.executeCommand<string>('licenseManager.resource.copyCli', n);
    const org = ['org-admin', 'us-east-1', 'Organization'];
    assert.equal(
      await copy(await path(api, ...org, 'Organization received licenses')),
      'aws license-manager list-received-licenses-for-organization --profile org-admin --region us-east-1',
    );
    assert.equal(
      await copy(await path(api, ...org, 'Organization license configurations')),
      'aws license-manager list-license-configurations-for-organization --profile org-admin --region us-east-1',
    );
    const grants = await path(api, ...org, 'Organization received licenses', 'Contoso Analytics – Fabrikam', 'Organization grants');
    assert.equal(
      await copy(grants),
      'aws license-manager list-received-grants-for-organization --license-arn arn:aws:license-manager::210987654321:license:l-92b0c3407982715ac04abe7bec42e0c1 --profile org-admin --region us-east-1',
    );
    assert.equal(await vscode.env.clipboard.readText(), await copy(grants));
  });

  it('pages an organization list with Load more, and speaks a grant row as account, kind and status', async () => {
    await setPageSize(2);
    const grants = await path(api, 'org-admin', 'us-east-1', 'Organization', 'Organization received licenses', 'Contoso Analytics – Fabrikam', 'Organization grants');
    const first = await children(api, grants);
    assert.deepEqual(first.map((n) => isLoadMore(api, n)), [false, false, true]);
    const all = await loadAll(api, grants);
    assert.deepEqual(rows(all).map(([account]) => account), ['Organization o-fab1holdings', '500000000002', '500000000003', '500000000004', '500000000001']);
    assert.equal(api.explorer.getTreeItem(all[1]).accessibilityInformation?.label, '500000000002, Organization grant, status ACTIVE');
  });

  it('a delegated administrator sees the organization lists as the management account does', async () => {
    await selectOnly(api, ['org-delegated'], 'eu-west-1');
    const configs = await children(api, await path(api, 'org-delegated', 'eu-west-1', 'Organization', 'Organization license configurations'));
    assert.deepEqual(rows(configs), [['Labs GPU workstations', '500000000003 · Instance']]);
  });

  it('copies the ARN of an organization grant and a license configuration, and opens a grant row as its read-only JSON', async () => {
    const grants = await children(api, await path(api, ...ANALYTICS, 'Organization grants'));
    const labs = grants.find((n) => label(api, n) === '500000000003') as Node;
    assert.deepEqual(tokens(api, labs), ['organizationItem', 'hasJson', 'hasArn']);
    await vscode.env.clipboard.writeText('');
    assert.equal(await vscode.commands.executeCommand('licenseManager.resource.copyArn', labs), LABS_GRANT_ARN);
    assert.equal(await vscode.env.clipboard.readText(), LABS_GRANT_ARN);
    const configs = await children(api, await path(api, 'org-admin', 'us-east-1', 'Organization', 'Organization license configurations'));
    const retail = configs.find((n) => label(api, n) === 'Retail POS SQL Server') as Node;
    assert.equal(await vscode.commands.executeCommand('licenseManager.resource.copyArn', retail), RETAIL_CONFIG_ARN);
    assert.equal(await vscode.env.clipboard.readText(), RETAIL_CONFIG_ARN);

    // A click on the row opens what ListReceivedGrantsForOrganization answered for it, and nothing is read again.
    const click = api.explorer.getTreeItem(labs).command;
    assert.equal(click?.command, 'licenseManager.resource.openJson');
    env.current.emulator.requests.length = 0;
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'license-manager-json' && vscode.window.activeTextEditor, 5000, 'JSON editor');
    const doc = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    assert.deepEqual(
      [doc.GrantArn, doc.GrantName, doc.ParentArn, doc.GranteePrincipalArn, doc.GrantStatus, doc.StatusReason],
      [LABS_GRANT_ARN, 'Fabrikam Labs analytics', ORG_GRANT_ARN, 'arn:aws:iam::500000000003:root', 'DISABLED', 'Paused during the security audit'],
    );
    assert.deepEqual(ops(), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('exports the grants of a license as CSV and the license configurations as JSON, as the lists answer them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-org-export-'));
    try {
      const csvFile = join(dir, 'grants.csv');
      const grants = await path(api, ...ANALYTICS, 'Organization grants');
      const out = await vscode.commands.executeCommand('licenseManager.list.export', grants, { target: csvFile, format: 'csv' });
      assert.deepEqual(out, { outcome: 'exported', count: 5, target: csvFile });
      const lines = readFileSync(csvFile, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n').map((l) => l.split(','));
      const [header, ...records] = lines;
      const col = (name: string) => header.indexOf(name);
      assert.deepEqual(records.map((r) => [r[col('GranteePrincipalArn')], r[col('GrantStatus')], r[col('LicenseArn')]]), [
        ['arn:aws:organizations::500000000001:organization/o-fab1holdings', 'WORKFLOW_COMPLETED', ANALYTICS_ARN],
        ['arn:aws:iam::500000000002:root', 'ACTIVE', ANALYTICS_ARN],
        ['arn:aws:iam::500000000003:root', 'DISABLED', ANALYTICS_ARN],
        ['arn:aws:iam::500000000004:root', 'PENDING_ACCEPT', ANALYTICS_ARN],
        ['arn:aws:iam::500000000001:root', 'REJECTED', ANALYTICS_ARN],
      ]);
      assert.ok(ops().includes('ListReceivedGrantsForOrganization org-admin us-east-1'), ops().join('\n'));

      const jsonFile = join(dir, 'configurations.json');
      const configs = await path(api, 'org-admin', 'us-east-1', 'Organization', 'Organization license configurations');
      const json = await vscode.commands.executeCommand('licenseManager.list.export', configs, { target: jsonFile, format: 'json' });
      assert.deepEqual(json, { outcome: 'exported', count: 2, target: jsonFile });
      const written = JSON.parse(readFileSync(jsonFile, 'utf8')) as { Name: string; OwnerAccountId: string; LicenseConfigurationArn: string }[];
      assert.deepEqual(written.map((c) => [c.Name, c.OwnerAccountId]), [['Holdings Windows Server', '500000000001'], ['Retail POS SQL Server', '500000000002']]);
      assert.equal(written[1].LicenseConfigurationArn, RETAIL_CONFIG_ARN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens an ARN only an organization row shows through the owner\'s profile, never as the read-only row', async () => {
    const holdingsGrant = 'arn:aws:license-manager::210987654321:grant:g-1a0749fa55c208e32194169b7da343dc';
    const orgRows = await children(api, await path(api, ...ANALYTICS, 'Organization grants'));
    assert.ok(orgRows.some((n) => label(api, n) === '500000000001'));
    const opened = await vscode.commands.executeCommand<unknown>('licenseManager.resource.openArn', holdingsGrant);
    // The vendor's profile is not selected: the truth, not a panel built from someone else's row.
    assert.deepEqual(opened, {
      refused:
        'No selected profile is of account 210987654321, so nothing was sent. Select a profile of that account in the License Manager explorer (its account shows once one of its lists loads), then try again.',
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
