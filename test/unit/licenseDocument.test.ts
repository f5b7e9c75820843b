import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonTree } from '../../src/model/jsonTree';
import { checkLicenseDocument, type DocumentSchema } from '../../src/model/licenseDocument';
import { documentText, LICENSE_TEMPLATE_IDS, LICENSE_TEMPLATES, versionDocument } from '../../src/model/licenseTemplates';
import { checkDays, checkProperties, checkRoleArns } from '../../src/model/tokenInput';
import { plainTranslate } from '../../src/model/translate';

const ROOT = [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')].find((d) => existsSync(join(d, 'media', 'schemas')))!;
const schema = (file: string): DocumentSchema => JSON.parse(readFileSync(join(ROOT, 'media', 'schemas', file), 'utf8')) as DocumentSchema;
const CREATE = schema('create-license.schema.json');
const ctx = { issuerName: 'Tailspin', beneficiary: 'northwind', homeRegion: 'eu-west-1', now: new Date('2026-03-01T10:00:00.123Z') };

describe('license documents', () => {
  it('every template is a valid document, preset with the beneficiary and home region', () => {
    for (const id of LICENSE_TEMPLATE_IDS) {
      const text = documentText(LICENSE_TEMPLATES[id].build(ctx));
      const checked = checkLicenseDocument(plainTranslate, text, CREATE);
      assert.deepEqual(checked.problems, [], id);
      assert.equal(checked.request?.Beneficiary, 'northwind');
      assert.equal(checked.request?.HomeRegion, 'eu-west-1');
    }
    const test = LICENSE_TEMPLATES.test.build(ctx);
    assert.deepEqual(test.Validity, { Begin: '2026-03-01T10:00:00Z', End: '2026-03-31T10:00:00Z' });
    assert.deepEqual((test.Entitlements as { Unit: string }[]).map((e) => e.Unit), ['Count', 'None']);
    assert.deepEqual(test.ConsumptionConfiguration, { RenewType: 'None', ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } });
    assert.equal(LICENSE_TEMPLATES.perpetual.build(ctx).Validity && (LICENSE_TEMPLATES.perpetual.build(ctx).Validity as { End?: string }).End, undefined);
    assert.ok('BorrowConfiguration' in (LICENSE_TEMPLATES.borrow.build(ctx).ConsumptionConfiguration as object));
  });

  it('lists each problem at its offset: types, enums, unknown and missing members, and the rules between members', () => {
    const text = documentText({
      ...LICENSE_TEMPLATES.test.build(ctx),
      LicenseName: 7,
      Extra: true,
      Validity: { Begin: '2026-05-01T00:00:00Z', End: '2026-04-01T00:00:00Z' },
      Entitlements: [
        { Name: 'Users', Unit: 'Count', Value: 'x' },
        { Name: 'Users', Unit: 'None', MaxCount: 3 },
      ],
    });
    const { problems, request } = checkLicenseDocument(plainTranslate, text, CREATE);
    assert.equal(request, undefined);
    const at = (p: { offset: number; length: number }): string => text.slice(p.offset, p.offset + p.length);
    assert.deepEqual(
      problems.map((p) => [at(p), p.message]),
      [
        ['7', 'LicenseName must be a string.'],
        ['"2026-04-01T00:00:00Z"', 'Validity End must be after Begin.'],
        ['"Value"', 'An entitlement with unit Count takes MaxCount, not Value.'],
        ['"Users"', 'Entitlement Users appears more than once.'],
        ['"MaxCount"', 'An entitlement with unit None takes Value, not MaxCount.'],
        ['"Extra"', 'Extra is not a member of the document.'],
      ],
    );
  });

  it('says where the JSON breaks', () => {
    const text = '{\n  "LicenseName": "x",\n  "ProductName" "y"\n}';
    assert.deepEqual(parseJsonTree(text).error, { offset: text.indexOf('"y"'), length: 1, message: 'Expected a colon after the property name.' });
    const { problems } = checkLicenseDocument(plainTranslate, text, CREATE);
    assert.deepEqual(problems.map((p) => p.message), ['Not valid JSON: Expected a colon after the property name.']);
  });

  it('a version document is the license as read, with its version as SourceVersion, and keeps to its license', () => {
    const license = { LicenseArn: 'arn:aws:license-manager::123412341234:license:l-1', Version: '3', LicenseName: 'A', ProductName: 'P', ProductSKU: 'S', Issuer: { Name: 'I', KeyFingerprint: 'f' }, HomeRegion: 'us-east-1', Status: 'AVAILABLE', Validity: { Begin: '2026-01-01T00:00:00Z' }, Entitlements: [{ Name: 'U', Unit: 'Count', MaxCount: 1 }], ConsumptionConfiguration: { ProvisionalConfiguration: { MaxTimeToLiveInMinutes: 60 } }, CreateTime: '2026-01-01T00:00:00Z' };
    const members = versionDocument(license);
    assert.deepEqual(Object.keys(members), ['LicenseArn', 'SourceVersion', 'LicenseName', 'ProductName', 'Issuer', 'HomeRegion', 'Status', 'Validity', 'Entitlements', 'ConsumptionConfiguration']);
    assert.deepEqual([members.SourceVersion, members.Issuer], ['3', { Name: 'I' }]);
    const VERSION = schema('license-version.schema.json');
    assert.deepEqual(checkLicenseDocument(plainTranslate, documentText(members), VERSION, { licenseArn: license.LicenseArn }).problems, []);
    const moved = documentText({ ...members, LicenseArn: 'arn:aws:license-manager::123412341234:license:l-2' });
    assert.deepEqual(checkLicenseDocument(plainTranslate, moved, VERSION, { licenseArn: license.LicenseArn }).problems.map((p) => p.message), [
      `LicenseArn must stay the license this document was opened from: ${license.LicenseArn}.`,
    ]);
  });

  it('token inputs: role ARNs, days and at most three properties', () => {
    assert.equal(checkRoleArns(plainTranslate, ''), undefined);
    assert.equal(checkRoleArns(plainTranslate, 'arn:aws:iam::123456789012:role/A, arn:aws:iam::123456789012:role/B'), undefined);
    assert.equal(checkRoleArns(plainTranslate, 'arn:aws:iam::123456789012:user/A'), '“arn:aws:iam::123456789012:user/A” is not an IAM role ARN (arn:aws:iam::123456789012:role/Name).');
    assert.deepEqual(['', '30', '0', '1.5', 'x'].map((v) => checkDays(plainTranslate, v) === undefined), [true, true, false, false, false]);
    assert.deepEqual(['a,b,c', 'a,b,c,d'].map((v) => checkProperties(plainTranslate, v)), [undefined, 'At most 3 token properties; 4 were entered.']);
  });
});
