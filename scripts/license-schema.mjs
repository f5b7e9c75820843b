// Generates the JSON schemas of the license documents (media/schemas/*.schema.json) from License
// Manager's service model (botocore's service-2.json): every member of the request shape with its
// type, enum values, required members, lengths, patterns and documentation. The output is committed,
// with the part of the model it was made from (scripts/license-manager-model.json), so that checking
// it needs neither botocore nor the network. Run this after updating botocore:
//
//   node scripts/license-schema.mjs [path/to/service-2.json[.gz]]   regenerate from botocore's model
//   node scripts/license-schema.mjs --check                         the committed schemas = the committed model's
//
// Without a path, the model is found through `python3 -c "import botocore"`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_DIR = join(root, 'media', 'schemas');

/** The documents: which request shape each is, and which members the extension fills in itself. */
export const DOCUMENTS = [
  { file: 'create-license.schema.json', shape: 'CreateLicenseRequest', title: 'License Manager: Create License', omit: ['ClientToken'] },
  { file: 'license-version.schema.json', shape: 'CreateLicenseVersionRequest', title: 'License Manager: New License Version', omit: ['ClientToken'] },
];

const MODEL = join('data', 'license-manager', '2018-08-01', 'service-2.json');
/** The part of the model the schemas are made from, as committed. */
export const MODEL_SUBSET = join(root, 'scripts', 'license-manager-model.json');

/** The model's path: the argument, else botocore's data directory. */
export function findModel(arg) {
  if (arg) return arg;
  const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
  const plain = join(dir, MODEL);
  return existsSync(plain) ? plain : `${plain}.gz`;
}

export function readModel(path) {
  const raw = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The model's HTML documentation as plain text: list items on their own lines, tags dropped. */
export function plainDoc(html) {
  return String(html ?? '')
    .replace(/<li>/g, '\n- ')
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(\w+);/g, (m, name) => ENTITIES[name] ?? m)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function schemaOf(shapes, name, doc) {
  const s = shapes[name];
  const out = {};
  const text = plainDoc(doc ?? s.documentation);
  if (text) out.description = text;
  switch (s.type) {
    case 'structure': {
      out.type = 'object';
      out.properties = {};
      for (const [member, ref] of Object.entries(s.members)) out.properties[member] = schemaOf(shapes, ref.shape, ref.documentation);
      if (s.required?.length) out.required = [...s.required];
      out.additionalProperties = false;
      break;
    }
    case 'list':
      out.type = 'array';
      out.items = schemaOf(shapes, s.member.shape, s.member.documentation);
      if (s.min !== undefined) out.minItems = s.min;
      if (s.max !== undefined) out.maxItems = s.max;
      break;
    case 'string':
      out.type = 'string';
      if (s.enum) out.enum = [...s.enum];
      if (s.min !== undefined) out.minLength = s.min;
      if (s.max !== undefined) out.maxLength = s.max;
      if (s.pattern !== undefined) out.pattern = s.pattern;
      break;
    case 'integer':
    case 'long':
      out.type = 'integer';
      if (s.min !== undefined) out.minimum = s.min;
      if (s.max !== undefined) out.maximum = s.max;
      break;
    case 'boolean':
      out.type = 'boolean';
      break;
    default:
      throw new Error(`unsupported shape type ${s.type} (${name})`);
  }
  return out;
}

/** The model reduced to the documents' operations and the shapes they reach. */
export function modelSubset(model) {
  const shapes = {};
  const visit = (name) => {
    if (shapes[name]) return;
    const s = model.shapes[name];
    shapes[name] = s;
    for (const ref of Object.values(s.members ?? {})) visit(ref.shape);
    if (s.member) visit(s.member.shape);
  };
  const operations = {};
  for (const d of DOCUMENTS) {
    const op = d.shape.replace(/Request$/, '');
    operations[op] = { documentation: model.operations[op]?.documentation };
    visit(d.shape);
  }
  return { metadata: { serviceId: model.metadata?.serviceId, apiVersion: model.metadata?.apiVersion }, operations, shapes };
}

export const modelText = (model) => `${JSON.stringify(modelSubset(model), null, 2)}\n`;

/** Every document's schema, as the text that is committed. */
export function buildSchemas(model) {
  return DOCUMENTS.map((d) => {
    const op = d.shape.replace(/Request$/, '');
    const schema = schemaOf(model.shapes, d.shape, model.operations[op]?.documentation);
    for (const m of d.omit) delete schema.properties[m];
    schema.required = schema.required.filter((m) => !d.omit.includes(m));
    const full = { $schema: 'http://json-schema.org/draft-07/schema#', title: d.title, ...schema };
    return { file: d.file, text: `${JSON.stringify(full, null, 2)}\n` };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.includes('--check')) {
    let differs = 0;
    for (const { file, text } of buildSchemas(readModel(MODEL_SUBSET))) {
      const target = join(SCHEMA_DIR, file);
      const same = existsSync(target) && readFileSync(target, 'utf8') === text;
      if (!same) differs++;
      console.log(`${same ? 'same' : 'DIFFERS'} ${target}`);
    }
    process.exit(differs ? 1 : 0);
  }
  const path = findModel(args.find((a) => !a.startsWith('--')));
  const model = readModel(path);
  writeFileSync(MODEL_SUBSET, modelText(model));
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const { file, text } of buildSchemas(model)) {
    writeFileSync(join(SCHEMA_DIR, file), text);
    console.log(`wrote ${join(SCHEMA_DIR, file)} (from ${path})`);
  }
}
