/** The committed license document schemas against License Manager's service model. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Schema = { type?: string; enum?: string[]; required?: string[]; pattern?: string; maxLength?: number; description?: string; properties?: Record<string, Schema>; items?: Schema };

const ROOT = [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')].find((d) => existsSync(join(d, 'scripts', 'license-schema.mjs')))!;
const committed = (file: string): Schema => JSON.parse(readFileSync(join(ROOT, 'media', 'schemas', file), 'utf8')) as Schema;

interface Generator {
  DOCUMENTS: { file: string }[];
  MODEL_SUBSET: string;
  readModel(path: string): { shapes: Record<string, unknown> };
  buildSchemas(model: unknown): { file: string; text: string }[];
  modelText(model: unknown): string;
}

const generator = async (): Promise<Generator> => (await import(pathToFileURL(join(ROOT, 'scripts', 'license-schema.mjs')).href)) as Generator;

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

  it('are exactly what scripts/license-schema.mjs makes of the committed part of the service model', async () => {
    const gen = await generator();
    const model = gen.readModel(gen.MODEL_SUBSET);
    assert.equal(gen.modelText(model), readFileSync(gen.MODEL_SUBSET, 'utf8'), 'the committed model is what the script keeps of a model');
    assert.ok(['CreateLicenseRequest', 'CreateLicenseVersionRequest', 'Entitlement', 'EntitlementUnit', 'Arn'].every((n) => n in model.shapes));
    const built = gen.buildSchemas(model);
    assert.deepEqual(built.map((b) => b.file), gen.DOCUMENTS.map((d) => d.file));
    for (const b of built) assert.equal(readFileSync(join(ROOT, 'media', 'schemas', b.file), 'utf8'), b.text, b.file);
  });
});
