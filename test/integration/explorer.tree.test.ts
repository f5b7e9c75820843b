import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Grant, GrantedLicense, License, LicenseConfiguration } from '../../src/aws/types';
import { getApi, useEmulator } from '../support';
import { arns, child, children, collect, description, item, label, loadAll, path, setPageSize, tokens, type Node } from './explorerSupport';

const REGIONS = ['us-east-1', 'eu-west-1'];
const PROFILES = ['vendor', 'customer'];
const CATEGORIES = ['License configurations', 'Licenses', 'Received licenses', 'Distributed grants', 'Received grants'];
/** Under each region after the categories: the organization lists, read only when expanded. */
const REGION_CHILDREN = [...CATEGORIES, 'Organization'];

describe('explorer tree (2 profiles × 2 regions, emulator)', () => {
  const env = useEmulator('explorer');
  let api: ExtensionApi;

  // Every test starts from the seed, page size 2 and freshly loaded profiles.
  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await setPageSize(2);
    await api.explorer.reloadProfiles();
    await api.services.state.setSelectedProfiles(PROFILES);
    for (const p of PROFILES) await api.services.state.setRegions(p, REGIONS);
  });
  afterEach(async () => {
    await setPageSize(undefined);
  });

  it('fetches nothing until a list is expanded, then only that list', async () => {
    await api.explorer.reloadProfiles();
    const requests = env.current.emulator.requests;
    requests.length = 0;
    for (const profile of await children(api)) {
      for (const region of await children(api, profile)) await children(api, region);
    }
    assert.deepEqual(requests.map((r) => r.operation), [], 'expanding profiles and regions sends nothing');
    await children(api, await path(api, 'vendor', 'us-east-1', 'Received grants'));
    assert.deepEqual(requests.map((r) => `${r.operation} ${r.profile} ${r.region}`), ['ListReceivedGrants vendor us-east-1']);
  });

  it('shows profile → region (code and name) → the five categories', async () => {
    assert.deepEqual((await children(api)).map((n) => label(api, n)), [...PROFILES].sort(), 'profiles in discovery order');
    const vendor = await path(api, 'vendor');
    assert.ok(tokens(api, vendor).includes('profile'));
    assert.match(description(api, vendor), /access keys/);
    const regions = await children(api, vendor);
    assert.deepEqual(regions.map((r) => label(api, r)), REGIONS);
    assert.deepEqual(regions.map((r) => description(api, r)), ['US East (N. Virginia)', 'Europe (Ireland)']);
    assert.deepEqual((await children(api, regions[0])).map((c) => label(api, c)), REGION_CHILDREN);
  });

  it('lists, for every profile, region and category, what the AWS layer returns', async () => {
    const clients = await api.services.clients();
    for (const profile of PROFILES) {
      const receivedShown: string[] = [];
      for (const region of REGIONS) {
        const aws = clients.get(profile, region);
        const req = (nextToken?: string) => ({ maxResults: 100, nextToken });
        const expected: Record<string, string[]> = {
          'License configurations': (await collect((t) => aws.listLicenseConfigurations(req(t)))).map((c) => c.LicenseConfigurationArn ?? ''),
          Licenses: (await collect((t) => aws.listLicenses(req(t)))).map((l) => l.LicenseArn ?? ''),
          // Received licenses come back in every region; each shows once, under its home region.
          'Received licenses': (await collect((t) => aws.listReceivedLicenses(req(t))))
            .filter((l) => (REGIONS.includes(l.HomeRegion ?? '') ? l.HomeRegion : REGIONS[0]) === region)
            .map((l) => l.LicenseArn ?? ''),
          'Distributed grants': (await collect((t) => aws.listDistributedGrants(req(t)))).map((g) => g.GrantArn),
          'Received grants': (await collect((t) => aws.listReceivedGrants(req(t)))).map((g) => g.GrantArn),
        };
        for (const category of CATEGORIES) {
          const nodes = await loadAll(api, await path(api, profile, region, category));
          const where = `${profile} / ${region} / ${category}`;
          assert.deepEqual(arns(nodes), expected[category], where);
          if (expected[category].length === 0) {
            assert.equal(nodes.length, 1, `${where}: one empty item`);
            assert.equal(label(api, nodes[0]), `No ${category.toLowerCase()}`);
          }
          if (category === 'Received licenses') receivedShown.push(...arns(nodes));
        }
      }
      const all = (await collect((t) => clients.get(profile, REGIONS[0]).listReceivedLicenses({ nextToken: t }))).map((l) => l.LicenseArn);
      assert.deepEqual([...receivedShown].sort(), [...all].sort(), `${profile}: every received license exactly once`);
    }
  });

  it('labels items as specified', async () => {
    const grants = await loadAll(api, await path(api, 'customer', 'us-east-1', 'Received grants'));
    for (const n of grants) {
      const g = (n as unknown as { data: Grant }).data;
      const ti = item(api, n);
      assert.equal(ti.label, g.GrantName);
      assert.equal(ti.description, g.GrantStatus);
      assert.ok(ti.iconPath instanceof vscode.ThemeIcon);
      assert.equal(typeof ti.tooltip, 'string');
      for (const part of [g.GranteePrincipalArn, g.HomeRegion, `Version: ${g.Version}`]) assert.ok(String(ti.tooltip).includes(part), part);
      if (g.StatusReason) assert.ok(String(ti.tooltip).includes(g.StatusReason));
      assert.equal(ti.command?.command, 'licenseManager.resource.openDetails');
      assert.equal(ti.command?.arguments?.[0], n);
    }
    const archive = grants.find((n) => label(api, n) === 'Customer archive access') as Node;
    assert.match(String(item(api, archive).tooltip), /Status reason: Suspended until renewal/);
    assert.ok(tokens(api, archive).includes('canActivate') && !tokens(api, archive).includes('canAccept'));

    const licenses = await loadAll(api, await path(api, 'vendor', 'us-east-1', 'Licenses'));
    for (const n of licenses) {
      const l = (n as unknown as { data: License }).data;
      assert.equal(label(api, n), l.LicenseName);
      assert.equal(description(api, n), `${l.Status} · ${l.ProductSKU}`);
      assert.ok(tokens(api, n).includes('canCreateGrant'));
    }

    const received = await loadAll(api, await path(api, 'customer', 'us-east-1', 'Received licenses'));
    for (const n of received) {
      const l = (n as unknown as { data: GrantedLicense }).data;
      assert.equal(label(api, n), l.LicenseName);
      assert.equal(description(api, n), l.ReceivedMetadata?.ReceivedStatus);
      if (l.ReceivedMetadata?.ReceivedStatusReason) assert.ok(String(item(api, n).tooltip).includes(l.ReceivedMetadata.ReceivedStatusReason));
      assert.equal(tokens(api, n).includes('canCreateGrant'), Boolean(l.ReceivedMetadata?.AllowedOperations?.includes('CreateGrant')));
    }

    const configs = await loadAll(api, await path(api, 'vendor', 'us-east-1', 'License configurations'));
    const cores = configs.find((n) => label(api, n) === 'Vendor cores') as Node;
    const c = (cores as unknown as { data: LicenseConfiguration }).data;
    assert.equal(description(api, cores), `${c.ConsumedLicenses} / 10 Core (over the limit)`);
    assert.equal((item(api, cores).iconPath as vscode.ThemeIcon).id, 'warning');
    const pool = configs.find((n) => label(api, n) === 'Vendor vCPU pool') as Node;
    assert.equal(description(api, pool), '8 / 100 vCPU');
    assert.notEqual((item(api, pool).iconPath as vscode.ThemeIcon).id, 'warning');
    assert.deepEqual((await children(api, cores)).map((n) => label(api, n)), ['Usage', 'Associations']);
  });

  it('learns the account id from loaded items and shows it on the profile', async () => {
    await children(api, await path(api, 'customer', 'us-east-1', 'Received grants'));
    await children(api, await path(api, 'vendor', 'us-east-1', 'Distributed grants'));
    assert.match(description(api, await path(api, 'vendor')), /^111111111111 · access keys$/);
    assert.match(description(api, await path(api, 'customer')), /^222222222222 · access keys$/);
  });

  it('loads one page at a time, sends one request for repeated clicks, and ends with every item once', async () => {
    await setPageSize(3);
    const list = await path(api, 'vendor', 'us-east-1', 'Licenses');
    await api.explorer.refresh(list);
    const requests = env.current.emulator.requests;
    requests.length = 0;
    let kids = await children(api, list);
    assert.equal(arns(kids).length, 3);
    const more = kids[kids.length - 1];
    assert.equal(label(api, more), 'Load more…');
    assert.ok(typeof (more as unknown as { token: unknown }).token === 'string', 'the item carries the token');
    await Promise.all([1, 2, 3].map(() => vscode.commands.executeCommand('licenseManager.explorer.loadMore', more)));
    assert.equal(requests.filter((r) => r.operation === 'ListLicenses').length, 2, 'first page + one page for three clicks');
    await vscode.commands.executeCommand('licenseManager.explorer.loadMore', more);
    assert.equal(requests.filter((r) => r.operation === 'ListLicenses').length, 2, 'a used "Load more…" sends nothing');
    kids = await loadAll(api, list);
    const listed = arns(kids);
    assert.equal(listed.length, 7);
    assert.equal(new Set(listed).size, 7, 'no duplicates');
    assert.equal(requests.filter((r) => r.operation === 'ListLicenses').length, 3);
    for (const r of requests) assert.equal((r.body as { MaxResults?: number }).MaxResults, 3);
  });

  it('pages usage, filters it server-side, and lists associations', async () => {
    await setPageSize(3);
    const cores = await path(api, 'vendor', 'us-east-1', 'License configurations', 'Vendor cores');
    const usage = await child(api, cores, 'Usage');
    assert.ok(tokens(api, usage).includes('usageList'));
    await api.explorer.refresh(usage);
    const all = await loadAll(api, usage);
    assert.equal(arns(all).length, 7);
    assert.equal(new Set(arns(all)).size, 7);
    const requests = env.current.emulator.requests;
    requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.usage.filter', usage, { resourceType: 'EC2_HOST' });
    const hosts = await loadAll(api, usage);
    assert.equal(arns(hosts).length, 3);
    for (const n of hosts) assert.match(description(api, n), /^\d+ consumed · .* · EC2_HOST$/);
    assert.deepEqual((requests[0].body as { Filters?: unknown }).Filters, [{ Name: 'resourceType', Values: ['EC2_HOST'] }]);
    assert.equal(description(api, usage), 'Resource type: EC2 host');
    await vscode.commands.executeCommand('licenseManager.usage.filter', usage, { resourceAccount: '222222222222' });
    assert.equal(arns(await loadAll(api, usage)).length, 1);
    await vscode.commands.executeCommand('licenseManager.usage.filter', usage, {});
    assert.equal(arns(await loadAll(api, usage)).length, 7);
    const associations = await loadAll(api, await child(api, cores, 'Associations'));
    assert.equal(arns(associations).length, 3);
    await setPageSize(2);
  });

  it('shows an error item for a denied operation while the sibling lists load, and retries on click', async () => {
    await api.services.state.setSelectedProfiles([...PROFILES, 'vendor-restricted']);
    await api.services.state.setRegions('vendor-restricted', ['us-east-1']);
    const region = await path(api, 'vendor-restricted', 'us-east-1');
    const denied = await children(api, await child(api, region, 'Distributed grants'));
    assert.equal(denied.length, 1);
    assert.equal(label(api, denied[0]), 'Access denied');
    assert.match(String(item(api, denied[0]).tooltip), /ListDistributedGrants/);
    assert.equal(item(api, denied[0]).command?.command, 'licenseManager.explorer.refreshNode');
    for (const sibling of ['License configurations', 'Licenses', 'Received grants']) {
      const kids = await children(api, await child(api, region, sibling));
      assert.ok(!kids.some((k) => label(api, k) === 'Access denied'), sibling);
    }
    assert.equal(arns(await loadAll(api, await child(api, region, 'Licenses'))).length, 7);
    const requests = env.current.emulator.requests;
    requests.length = 0;
    await vscode.commands.executeCommand('licenseManager.explorer.refreshNode', denied[0]);
    const again = await children(api, await child(api, region, 'Distributed grants'));
    assert.deepEqual(requests.map((r) => r.operation), ['ListDistributedGrants']);
    assert.equal(label(api, again[0]), 'Access denied');
    assert.doesNotMatch(description(api, await path(api, 'vendor-restricted')), /problem/, 'access denied is not a credentials problem');
    await api.services.state.setSelectedProfiles(PROFILES);
  });
});
