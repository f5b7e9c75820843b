/** The committed license document schemas against License Manager's service model. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Schema = { type?: string; enum?: string[]; required?: string[]; pattern?: string; maxLength?: number; maxItems?: number; description?: string; properties?: Record<string, Schema>; items?: Schema };

const ROOT = [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')].find((d) => existsSync(join(d, 'scripts', 'license-schema.mjs')))!;
const committed = (file: string): Schema => JSON.parse(readFileSync(join(ROOT, 'media', 'schemas', file), 'utf8')) as Schema;

interface Generator {
  DOCUMENTS: { file: string }[];
  findModel(arg?: string): string;
  readModel(path: string): unknown;
  buildSchemas(model: unknown): { file: string; text: string }[];
}

/** Every rule of `built` (types, enums, required members, patterns, lengths) found the same in `mine`, path by path. */
function sameRules(built: Schema, mine: Schema | undefined, path: string): void {
  assert.ok(mine, `${path} is in the committed schema`);
  for (const k of ['type', 'enum', 'required', 'pattern', 'maxLength', 'maxItems'] as const) assert.deepEqual(mine[k], built[k], `${path}.${k}`);
  for (const [name, sub] of Object.entries(built.properties ?? {})) sameRules(sub, mine.properties?.[name], `${path}.${name}`);
  if (built.items) sameRules(built.items, mine.items, `${path}[]`);
}

describe('license document schemas', () => {
  it('state the request members, their enums, required members and documentation', () => {
    const create = committed('create-license.schema.json');
    assert.deepEqual(create.required, ['LicenseName', 'ProductName', 'ProductSKU', 'Issuer', 'HomeRegion', 'Validity', 'Entitlements', 'Beneficiary', 'ConsumptionConfiguration']);
    assert.equal(create.properties!.ClientToken, undefined);
    const entitlement = create.properties!.Entitlements.items!;
    assert.deepEqual(entitlement.required, ['Name', 'Unit']);
    assert.equal(entitlement.properties!.Unit.enum!.length, 27);
    assert.deepEqual(entitlement.properties!.Unit.enum!.slice(0, 3), ['Count', 'None', 'Seconds']);
    assert.equal(entitlement.properties!.MaxCount.type, 'integer');
    assert.equal(entitlement.properties!.Value.description, 'Entitlement resource. Use only if the unit is None.');
    assert.equal(create.properties!.Validity.properties!.Begin.maxLength, 50);
    assert.deepEqual(create.properties!.ConsumptionConfiguration.properties!.RenewType.enum, ['None', 'Weekly', 'Monthly']);
    const version = committed('license-version.schema.json');
    assert.deepEqual(version.properties!.Status.enum, ['AVAILABLE', 'PENDING_AVAILABLE', 'DEACTIVATED', 'SUSPENDED', 'EXPIRED', 'PENDING_DELETE', 'DELETED']);
    assert.deepEqual(version.required, ['LicenseArn', 'LicenseName', 'ProductName', 'Issuer', 'HomeRegion', 'Validity', 'Entitlements', 'ConsumptionConfiguration', 'Status']);
    assert.match(version.properties!.LicenseArn.pattern!, /^\^arn:aws/);
  });

  it('hold every rule the service model on this machine gives (scripts/license-schema.mjs)', async () => {
    const gen = (await import(pathToFileURL(join(ROOT, 'scripts', 'license-schema.mjs')).href)) as Generator;
    let path: string;
    try {
      path = gen.findModel();
    } catch (e) {
      throw new Error(`botocore's License Manager model is required for this test (Debian: apt-get install awscli): ${(e as Error).message}`);
    }
    assert.ok(existsSync(path), `the model ${path} exists`);
    const built = gen.buildSchemas(gen.readModel(path));
    assert.deepEqual(built.map((b) => b.file), gen.DOCUMENTS.map((d) => d.file));
    for (const b of built) sameRules(JSON.parse(b.text) as Schema, committed(b.file), b.file);
  });
});
