import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ResourceHolder } from '../../src/model/resources';
import { EXTENSION_ID, getApi, useEmulator } from '../support';
import { children, path, type Node, selectOnly } from './explorerSupport';

const SELLER = '111122223333';
const GRANT = `arn:aws:license-manager::${SELLER}:grant:g-4abfbe07ca6291fc4c9fdf856c5dd1a8`; // Globex analytics production, ACTIVE
const LICENSE = `arn:aws:license-manager::${SELLER}:license:l-a6963f0a7a16d9273f168c9f27a32c38`; // Northwind Analytics Enterprise – Globex
const CONFIG = `arn:aws:license-manager:us-east-1:${SELLER}:license-configuration:lic-3ca11e2529dc82b1006b5d390fec6982`; // Windows Server Datacenter
const TOKEN = `arn:aws:license-manager::${SELLER}:token:5a2b7c9d1e3f4a6b8c0d2e4f6a8b0c2d`;
const FOREIGN = 'arn:aws:license-manager::999988887777:grant:g-0123456789abcdef0123456789abcdef';
const REGION = 'us-east-1';

/** One file per language, each naming every ARN on its own line (line i holds ARN i). */
const DOCS: Record<string, (arns: string[]) => string> = {
  'main.ts': (arns) => arns.map((a, i) => `export const arn${i} = '${a}';`).join('\n'),
  'stack.yaml': (arns) => arns.map((a, i) => `key${i}: ${a}`).join('\n'),
  'main.tf': (arns) => arns.map((a, i) => `  license_arn_${i} = "${a}"`).join('\n'),
};
const ARNS = [GRANT, LICENSE, CONFIG, TOKEN, FOREIGN];

/** The hover as the user reads it: the markdown's escapes undone. */
function readable(hover: vscode.Hover): string {
  const md = hover.contents[0] as vscode.MarkdownString;
  return md.value
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/\n\n/g, '\n');
}

describe('ARNs in files, links and copied commands (in host, demo seed)', () => {
  const env = useEmulator('demo');
  let api: ExtensionApi;
  let dir: string;
  const requests = (): string[] => env.current.emulator.requests.map((r) => `${r.operation} ${r.profile} ${r.region}`);
  /** Requests other than the lists the Grants Inbox loads on its own. */
  const reads = (): string[] => requests().filter((r) => !/^List(Received|Distributed)Grants /.test(r));

  async function list(profile: string, category: string): Promise<Node> {
    const node = await path(api, profile, REGION, category);
    await children(api, node);
    return node;
  }
  async function item(profile: string, category: string, arn: string): Promise<Node> {
    const found = (await children(api, await path(api, profile, REGION, category))).find(
      (n) => (n as unknown as Partial<ResourceHolder>).resource?.arn === arn,
    );
    assert.ok(found, `${arn} not under ${profile}/${category}`);
    return found;
  }
  async function hover(file: string, arn: string): Promise<{ text: string; hovers: number }> {
    const uri = vscode.Uri.file(join(dir, file));
    const line = ARNS.indexOf(arn);
    const doc = await vscode.workspace.openTextDocument(uri);
    const character = doc.lineAt(line).text.indexOf(arn) + 5;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character))) ?? [];
    const ours = hovers.filter((h) => readable(h).startsWith('License Manager'));
    assert.equal(ours.length, 1, `one License Manager hover on ${arn} in ${file}`);
    return { text: readable(ours[0]), hovers: ours.length };
  }

  before(() => {
    dir = join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? env.current.dir, 'arn-files');
    mkdirSync(dir, { recursive: true });
    for (const [file, make] of Object.entries(DOCS)) writeFileSync(join(dir, file), `${make(ARNS)}\n`);
  });

  beforeEach(async () => {
    env.reset();
    api = await getApi();
    await selectOnly(api, ['buyer', 'seller'], REGION);
    api.arns.clear();
  });
  afterEach(() => {
    for (const p of api.panels.list()) p.dispose();
  });

  for (const file of Object.keys(DOCS)) {
    it(`hovers on every ARN kind in ${file}: loaded, read once through the account's profile, not loaded, no profile`, async () => {
      // Loading the seller's licenses and distributed grants shows the seller's account.
      await list('seller', 'Licenses');
      await list('seller', 'Distributed grants');
      env.current.emulator.requests.length = 0;

      assert.equal(
        (await hover(file, GRANT)).text,
        ['License Manager grant: Globex analytics production', 'Status: ACTIVE', 'Account: 111122223333 · Region: us-east-1 · Version: 3', 'As loaded in the explorer (seller)'].join('\n'),
      );
      assert.equal(
        (await hover(file, LICENSE)).text,
        ['License Manager license: Northwind Analytics Enterprise – Globex', 'Status: AVAILABLE', 'Account: 111122223333 · Region: us-east-1 · Version: 3', 'As loaded in the explorer (seller)'].join('\n'),
      );
      assert.deepEqual(reads(), [], 'what the explorer holds is shown without a request');

      const config = ['License Manager license configuration: Windows Server Datacenter', 'Status: AVAILABLE', 'Account: 111122223333 · Region: us-east-1', 'Read through the profile seller'].join('\n');
      assert.equal((await hover(file, CONFIG)).text, config);
      assert.equal((await hover(file, CONFIG)).text, config, 'a second hover is answered from the cache');
      assert.deepEqual(reads(), ['GetLicenseConfiguration seller us-east-1'], 'one read, through the profile of the ARN account');

      assert.equal(
        (await hover(file, TOKEN)).text,
        ['License Manager token: 5a2b7c9d1e3f4a6b8c0d2e4f6a8b0c2d', 'Account: 111122223333', 'Not loaded in the explorer.'].join('\n'),
      );
      assert.equal(
        (await hover(file, FOREIGN)).text,
        ['License Manager grant: g-0123456789abcdef0123456789abcdef', 'Account: 999988887777', 'No selected profile is of account 999988887777; nothing was read.'].join('\n'),
      );
      assert.deepEqual(reads(), ['GetLicenseConfiguration seller us-east-1'], 'nothing is sent for a token or for an account without a profile');
    });
  }

  it('sends nothing while no selected profile is known to be of the ARN account', async () => {
    env.current.emulator.requests.length = 0;
    assert.equal(
      (await hover('main.tf', CONFIG)).text,
      ['License Manager license configuration: lic-3ca11e2529dc82b1006b5d390fec6982', 'Account: 111122223333 · Region: us-east-1', 'No selected profile is of account 111122223333; nothing was read.'].join('\n'),
    );
    assert.deepEqual(reads(), []);
  });

  it('limits reads per file: a fourth unread ARN within a minute is not read', async () => {
    await list('seller', 'Licenses');
    env.current.emulator.requests.length = 0;
    const configs = [
      CONFIG,
      `arn:aws:license-manager:us-east-1:${SELLER}:license-configuration:lic-e7042826acc402ab4d4393a82dc5e6f7`,
      `arn:aws:license-manager:eu-west-1:${SELLER}:license-configuration:lic-56cf55e18ccf73cfe3f01cae20718228`,
      `arn:aws:license-manager:ap-southeast-2:${SELLER}:license-configuration:lic-417a104508f9dedabcea622224d4fab3`,
    ];
    const file = join(dir, 'budget.yaml');
    writeFileSync(file, configs.map((c) => `- ${c}`).join('\n'));
    const uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    const texts: string[] = [];
    for (let i = 0; i < configs.length; i++) {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(i, 10))) ?? [];
      texts.push(readable(hovers[0]).split('\n').pop() ?? '');
    }
    assert.deepEqual(texts, [
      'Read through the profile seller',
      'Read through the profile seller',
      'Read through the profile seller',
      'Not read: this file has used its reads for this minute. Hover again later.',
    ]);
    assert.equal(reads().length, 3);
  });

  it('turns off with licenseManager.editor.arnHovers', async () => {
    await vscode.workspace.getConfiguration('licenseManager.editor').update('arnHovers', false, vscode.ConfigurationTarget.Global);
    try {
      const uri = vscode.Uri.file(join(dir, 'stack.yaml'));
      await vscode.workspace.openTextDocument(uri);
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 12))) ?? [];
      assert.deepEqual(hovers.filter((h) => readable(h).startsWith('License Manager')), []);
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      assert.deepEqual(lenses.filter((l) => l.command?.command === 'licenseManager.resource.openArn'), []);
    } finally {
      await vscode.workspace.getConfiguration('licenseManager.editor').update('arnHovers', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Open in License Manager above an ARN opens its panel, read through the profile of its account', async () => {
    // Revealing a loaded item shows the explorer, and with it the Grants Inbox: the UI suite covers that.
    const uri = vscode.Uri.file(join(dir, 'stack.yaml'));
    await vscode.workspace.openTextDocument(uri);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const ours = lenses.filter((l) => l.command?.command === 'licenseManager.resource.openArn');
    assert.deepEqual(ours.map((l) => [l.range.start.line, l.command?.title, l.command?.arguments]), ARNS.map((a, i) => [i, 'Open in License Manager', [a]]));
    await list('seller', 'Licenses');
    env.current.emulator.requests.length = 0;
    const lens = ours[ARNS.indexOf(CONFIG)].command as vscode.Command;
    await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? []));
    const panel = api.panels.list().find((p) => p.resource.arn === CONFIG);
    assert.ok(panel);
    assert.deepEqual({ ...panel.resource }, { kind: 'licenseConfiguration', profile: 'seller', region: REGION, arn: CONFIG });
    assert.equal(panel.state.phase, 'ready');
    assert.equal(panel.state.view?.title, 'Windows Server Datacenter');
    assert.deepEqual(reads(), ['GetLicenseConfiguration seller us-east-1'], 'one read, no change');
  });

  describe('deep links', () => {
    const link = (query: string, p = '/open') => vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: p, query });

    it('opens a valid link read-only with the profile of the ARN account', async () => {
      await list('seller', 'Licenses');
      env.current.emulator.requests.length = 0;
      await api.links.handleUri(link(`arn=${encodeURIComponent(CONFIG)}`));
      assert.deepEqual(api.links.last, { outcome: 'opened' });
      const panel = api.panels.list().find((p) => p.resource.arn === CONFIG);
      assert.ok(panel, 'the configuration panel is open');
      assert.deepEqual({ ...panel.resource }, { kind: 'licenseConfiguration', profile: 'seller', region: REGION, arn: CONFIG });
      assert.equal(panel.state.phase, 'ready');
      assert.equal(panel.state.view?.title, 'Windows Server Datacenter');
      assert.deepEqual(reads(), ['GetLicenseConfiguration seller us-east-1'], 'one read, no change');
    });

    it('refuses malformed and hostile links with a clear message and sends nothing', async () => {
      await list('seller', 'Licenses');
      env.current.emulator.requests.length = 0;
      const cases: Array<[vscode.Uri, string]> = [
        [link(`arn=${encodeURIComponent(GRANT)}`, '/delete'), 'License Manager Explorer opens only links of the form …/open?arn=<ARN>; this link was not opened.'],
        [link(''), 'This License Manager link names no ARN (…/open?arn=<ARN>); nothing was opened.'],
        [link(`arn=${encodeURIComponent(GRANT)}&arn=${encodeURIComponent(LICENSE)}`), 'This License Manager link names more than one ARN; nothing was opened.'],
        [link(`arn=${encodeURIComponent(GRANT)}&action=delete`), 'This License Manager link has parameters other than arn; nothing was opened.'],
        [link(`arn=${'x'.repeat(5000)}`), 'This License Manager link is too long to name an ARN; nothing was opened.'],
        [
          link(`arn=${encodeURIComponent('[click](command:licenseManager.grant.delete) $(alert) \u202e')}`),
          'This link does not name a License Manager license, grant, license configuration or token ARN: [click]\u200b(command\u200b:licenseManager.grant.delete) $\u200b(alert) <U+202E>. Nothing was opened.',
        ],
        [link(`arn=${encodeURIComponent(`${GRANT}\nrm -rf`)}`), `This link does not name a License Manager license, grant, license configuration or token ARN: ${GRANT} ⏎ rm -rf. Nothing was opened.`],
      ];
      for (const [uri, message] of cases) {
        await api.links.handleUri(uri);
        assert.deepEqual(api.links.last, { outcome: 'refused', message }, uri.toString(true));
      }
      assert.deepEqual(api.panels.list(), []);
      assert.deepEqual(reads(), []);
    });

    it('says which account a link belongs to when no selected profile is of it', async () => {
      env.current.emulator.requests.length = 0;
      await api.links.handleUri(link(`arn=${encodeURIComponent(FOREIGN)}`));
      assert.deepEqual(api.links.last, {
        outcome: 'refused',
        message:
          'No selected profile is of account 999988887777, so nothing was sent. Select a profile of that account in the License Manager explorer (its account shows once one of its lists loads), then try again.',
      });
      assert.deepEqual(api.panels.list(), [], 'nothing opens');
      assert.deepEqual(reads(), []);
    });

    it('Copy Link on an item gives a link that opens it', async () => {
      const node = await item('buyer', 'Received grants', GRANT);
      const copied = await vscode.commands.executeCommand<string>('licenseManager.resource.copyLink', node);
      assert.equal(copied, `${vscode.env.uriScheme}://${EXTENSION_ID}/open?arn=arn%3Aaws%3Alicense-manager%3A%3A111122223333%3Agrant%3Ag-4abfbe07ca6291fc4c9fdf856c5dd1a8`);
      assert.equal(await vscode.env.clipboard.readText(), copied);
      // Opened afresh (revealing a held item would show the explorer and start the Grants Inbox: the UI suite covers that).
      await api.explorer.reloadProfiles();
      await list('seller', 'Licenses');
      await api.links.handleUri(vscode.Uri.parse(copied));
      assert.deepEqual(api.links.last, { outcome: 'opened' });
      assert.deepEqual(
        api.panels.list().map((p) => ({ ...p.resource })),
        [{ kind: 'distributedGrant', profile: 'seller', region: REGION, arn: GRANT }],
        'the link opens the grant through the profile of its account',
      );
    });
  });

  describe('Copy as AWS CLI command and Open in AWS Console', () => {
    const copyCli = async (arg: unknown): Promise<string> => {
      const line = await vscode.commands.executeCommand<string>('licenseManager.resource.copyCli', arg);
      assert.equal(await vscode.env.clipboard.readText(), line, 'the clipboard holds the command');
      return line;
    };

    it('copies the read command of each list', async () => {
      const expected: Record<string, string> = {
        'License configurations': 'aws license-manager list-license-configurations --profile seller --region us-east-1',
        Licenses: 'aws license-manager list-licenses --profile seller --region us-east-1',
        'Received licenses': 'aws license-manager list-received-licenses --profile seller --region us-east-1',
        'Distributed grants': 'aws license-manager list-distributed-grants --profile seller --region us-east-1',
        'Received grants': 'aws license-manager list-received-grants --profile seller --region us-east-1',
      };
      for (const [category, line] of Object.entries(expected)) assert.equal(await copyCli(await path(api, 'seller', REGION, category)), line, category);
    });

    it('copies the list command with the server-side status filter', async () => {
      api.services.state.setFilter({ grantStatus: 'ACTIVE' });
      try {
        assert.equal(
          await copyCli(await path(api, 'buyer', REGION, 'Received grants')),
          `aws license-manager list-received-grants --filters '[{"Name":"GrantStatus","Values":["ACTIVE"]}]' --profile buyer --region us-east-1`,
        );
      } finally {
        api.services.state.setFilter({});
      }
    });

    it('copies the usage and association commands of a license configuration', async () => {
      const config = await item('seller', 'License configurations', CONFIG);
      const [usage, associations] = await children(api, config);
      assert.equal(await copyCli(usage), `aws license-manager list-usage-for-license-configuration --license-configuration-arn ${CONFIG} --profile seller --region us-east-1`);
      assert.equal(await copyCli(associations), `aws license-manager list-associations-for-license-configuration --license-configuration-arn ${CONFIG} --profile seller --region us-east-1`);
    });

    it('copies the read command of each item kind', async () => {
      assert.equal(await copyCli(await item('seller', 'License configurations', CONFIG)), `aws license-manager get-license-configuration --license-configuration-arn ${CONFIG} --profile seller --region us-east-1`);
      assert.equal(await copyCli(await item('seller', 'Licenses', LICENSE)), `aws license-manager get-license --license-arn ${LICENSE} --profile seller --region us-east-1`);
      assert.equal(await copyCli(await item('buyer', 'Received licenses', LICENSE)), `aws license-manager list-received-licenses --license-arns ${LICENSE} --profile buyer --region us-east-1`);
      assert.equal(await copyCli(await item('seller', 'Distributed grants', GRANT)), `aws license-manager get-grant --grant-arn ${GRANT} --profile seller --region us-east-1`);
      assert.equal(await copyCli(await item('buyer', 'Received grants', GRANT)), `aws license-manager get-grant --grant-arn ${GRANT} --profile buyer --region us-east-1`);
    });

    it('takes only the ARN from an object the extension does not hold', async () => {
      await list('seller', 'Licenses');
      const forged = { resource: { kind: 'receivedGrant', profile: "x'; rm -rf ~; '", region: 'evil-1', arn: GRANT }, data: {} };
      assert.equal(await copyCli(forged), `aws license-manager get-grant --grant-arn ${GRANT} --profile seller --region us-east-1`);
    });
  });
});
