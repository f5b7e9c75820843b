import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_COLUMNS, cellText, csvRow, guardCell, toCsv } from '../../src/model/csv';
import type { Seed } from '../emulator/index';

const BOM = '\ufeff';
const seedPath = (name: string): string => {
  for (const base of [join(__dirname, '..', 'emulator', 'seeds'), join(__dirname, '..', '..', '..', 'test', 'emulator', 'seeds')]) {
    try {
      readFileSync(join(base, name));
      return join(base, name);
    } catch {
      // try the next place
    }
  }
  throw new Error(`seed ${name} not found`);
};

describe('CSV of AWS objects', () => {
  it('writes a BOM, a header of member names and CRLF records', () => {
    const text = toCsv('association', [
      { ResourceArn: 'arn:aws:ec2:us-east-1::image/ami-1', ResourceType: 'EC2_AMI', ResourceOwnerId: '111122223333', AssociationTime: new Date(Date.UTC(2024, 2, 1, 9)), AmiAssociationScope: 'cross-account' },
    ]);
    assert.equal(
      text,
      `${BOM}ResourceArn,ResourceType,ResourceOwnerId,AssociationTime,AmiAssociationScope\r\n` +
        'arn:aws:ec2:us-east-1::image/ami-1,EC2_AMI,111122223333,2024-03-01T09:00:00.000Z,cross-account\r\n',
    );
  });

  it('quotes commas, quotes, line feeds and carriage returns per RFC 4180, and leaves plain cells bare', () => {
    const text = toCsv('grant', [
      { GrantArn: 'a,b', GrantName: 'say "hi"', ParentArn: 'line1\nline2', LicenseArn: 'cr\rin', GranteePrincipalArn: 'plain', GrantedOperations: [] },
    ]);
    const row = text.split('\r\n')[1];
    assert.ok(row.startsWith('"a,b","say ""hi""","line1\nline2","cr\rin",plain,'), row);
  });

  it('keeps records in order when plain and quoted records alternate', () => {
    const names = ['plain one', 'with, comma', 'plain two', 'with "quote"', 'with\nbreak', 'plain three'];
    const text = toCsv(
      'grant',
      names.map((n) => ({ GrantArn: 'arn', GrantName: n })),
    );
    const rest = ','.repeat(CSV_COLUMNS.grant.length - 2);
    const cells = ['plain one', '"with, comma"', 'plain two', '"with ""quote"""', '"with\nbreak"', 'plain three'];
    assert.equal(text.replace(BOM, '').split('\r\n').slice(1).join('\r\n'), cells.map((c) => `arn,${c}${rest}\r\n`).join(''));
    assert.ok(text.endsWith('\r\n'));
  });

  it('flattens nested members into one column per known member, lists aligned and joined with "; "', () => {
    const license = {
      LicenseArn: 'arn:aws:license-manager::111122223333:license:l-1',
      Issuer: { Name: 'Northwind', KeyFingerprint: 'fp' },
      Validity: { Begin: '2024-01-01T00:00:00Z' },
      Entitlements: [
        { Name: 'Users', MaxCount: 500, Unit: 'Count' },
        { Name: 'Tier', Value: 'Gold', Unit: 'None' },
      ],
      ConsumptionConfiguration: { RenewType: 'Monthly', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } },
      ReceivedMetadata: { ReceivedStatus: 'ACTIVE', AllowedOperations: ['CheckoutLicense', 'CheckInLicense'] },
    };
    const cells = Object.fromEntries(CSV_COLUMNS.receivedLicense.map((c, i) => [c, csvRow('receivedLicense', license)[i]]));
    assert.equal(cells['Issuer.Name'], 'Northwind');
    assert.equal(cells['Issuer.SignKey'], '');
    assert.equal(cells['Validity.Begin'], '2024-01-01T00:00:00Z');
    assert.equal(cells['Validity.End'], '');
    assert.equal(cells['Entitlements[].Name'], 'Users; Tier');
    assert.equal(cells['Entitlements[].MaxCount'], '500; ');
    assert.equal(cells['Entitlements[].Value'], '; Gold');
    assert.equal(cells['Entitlements[].Overage'], '', 'a member no item has stays empty');
    assert.equal(cells['ConsumptionConfiguration.ProvisionalConfiguration.MaxTimeToLiveInMinutes'], '60');
    assert.equal(cells['ReceivedMetadata.AllowedOperations[]'], 'CheckoutLicense; CheckInLicense');
    assert.equal(cells['LicenseMetadata[].Name'], '', 'an absent list is an empty cell');

    const config = { ConsumedLicenseSummaryList: [{ ResourceType: 'EC2_INSTANCE', ConsumedLicenses: 4 }, { ResourceType: 'RDS', ConsumedLicenses: 0 }], LicenseCountHardLimit: false };
    assert.equal(cellText(config, 'ConsumedLicenseSummaryList[].ResourceType'), 'EC2_INSTANCE; RDS');
    assert.equal(cellText(config, 'ConsumedLicenseSummaryList[].ConsumedLicenses'), '4; 0');
    assert.equal(cellText(config, 'LicenseCountHardLimit'), 'false');
  });

  it('every header is an API member path, and the header row is exactly the columns', () => {
    for (const [kind, columns] of Object.entries(CSV_COLUMNS)) {
      for (const c of columns) assert.match(c, /^[A-Z][A-Za-z]*(\[\])?(\.[A-Z][A-Za-z]*(\[\])?)*$/, `${kind}: ${c}`);
      const header = toCsv(kind as keyof typeof CSV_COLUMNS, []).replace(BOM, '').split('\r\n')[0];
      assert.equal(header, columns.join(','));
    }
  });

  it('prefixes every formula trigger with an apostrophe, and nothing else', () => {
    for (const trigger of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(guardCell(`${trigger}1+1`), `'${trigger}1+1`, JSON.stringify(trigger));
    }
    for (const safe of ['', 'Northwind', "'=1", '1-2', 'a=b', '#x', 'x\t', 'Gold-Tier', 'a@b.example']) assert.equal(guardCell(safe), safe);
  });

  it('prefixes a formula trigger after whitespace, a no-break space, a semicolon or a comma, anywhere in the cell', () => {
    const cases: Array<[string, string]> = [
      [' =1+1', "' =1+1"],
      ['\u00a0=1+1', "'\u00a0=1+1"],
      ['\u3000@SUM(A1)', "'\u3000@SUM(A1)"],
      ['\n=1', "'\n=1"],
      ['Gold;=HYPERLINK("http://x.example","y")', '\'Gold;=HYPERLINK("http://x.example","y")'],
      ['a,+1', "'a,+1"],
      ['Users; -2', "'Users; -2"],
      ['plan\t\t=1', "'plan\t\t=1"],
      ['a\r\r', "'a\r\r"],
    ];
    for (const [cell, guarded] of cases) assert.equal(guardCell(cell), guarded, JSON.stringify(cell));
  });

  it('writes every guarded cell quoted, so no separator can start a cell inside it', () => {
    const text = toCsv('grant', [
      { GrantArn: 'arn1', GrantName: 'Gold;=1+1', GranteePrincipalArn: ' @x' },
      { GrantArn: 'arn2', GrantName: '=2' },
      { GrantArn: 'arn3', GrantName: 'plain' },
    ]);
    const rest = (n: number) => ','.repeat(CSV_COLUMNS.grant.length - n);
    assert.equal(
      text.replace(BOM, '').split('\r\n').slice(1).join('\r\n'),
      `arn1,"'Gold;=1+1",,,"' @x"${rest(5)}\r\narn2,"'=2"${rest(2)}\r\narn3,plain${rest(2)}\r\n`,
    );
  });

  it('quotes a record whose only special character is a carriage return', () => {
    const text = toCsv('grant', [{ GrantArn: 'arn', GrantName: 'one\rtwo' }]);
    assert.equal(text.replace(BOM, '').split('\r\n').slice(1).join('\r\n'), `arn,"one\rtwo"${','.repeat(CSV_COLUMNS.grant.length - 2)}\r\n`);
  });

  it('guards cells in the written file, including joined lists and the hostile seed’s strings', () => {
    const seed = JSON.parse(readFileSync(seedPath('hostile.json'), 'utf8')) as Seed;
    const region = seed.accounts[0].regions!['us-east-1'];
    const config = region.licenseConfigurations![0];
    const license = region.licenses![0];
    const configRow = csvRow('licenseConfiguration', { ...config, Tags: config.tags });
    const licenseRow = csvRow('license', license);
    const formulas = [...(config.tags ?? []).flatMap((t) => [t.Key, t.Value]), ...(license.LicenseMetadata as { Name: string; Value: string }[]).flatMap((m) => [m.Name, m.Value])]
      .filter((s): s is string => typeof s === 'string' && /^[=+\-@\t\r]/.test(s));
    assert.ok(formulas.length >= 6, 'the hostile seed holds formula strings');
    for (const cell of [...configRow, ...licenseRow]) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
    // The hostile strings are all still there, verbatim after the apostrophe.
    const tags = CSV_COLUMNS.licenseConfiguration.indexOf('Tags[].Key');
    assert.equal(configRow[tags], `'${config.tags![0].Key}; ${config.tags![1].Key}`);
    // Each hostile string alone in a cell is written verbatim after the apostrophe.
    for (const s of formulas) {
      const text = toCsv('grant', [{ GrantName: s, GrantedOperations: [s] }]);
      const quoted = `'${s}`.replace(/"/g, '""');
      assert.ok(text.includes(`"${quoted}"`) || text.includes(`,${quoted},`), JSON.stringify(s));
    }
    const text = toCsv('license', [license]);
    // Markup stays literal text.
    assert.ok(text.includes(String(license.ProductName).replace(/"/g, '""')));
  });
});
