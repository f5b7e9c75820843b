/**
 * License documents (Create License, New License Version): their validation against the schema
 * generated from the service model (media/schemas/), plus the rules the model states only in
 * prose, each problem at its position in the text. Pure: the schema is passed in.
 */
import { member, parseJsonTree, plainValue, type JsonNode, type JsonProperty } from './jsonTree';
import { isRegionCode } from './regions';
import type { Translate } from './translate';

/** The subset of JSON Schema the generated schemas use. */
export interface DocumentSchema {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  readonly properties?: Readonly<Record<string, DocumentSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly items?: DocumentSchema;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

export type LicenseDocumentKind = 'createLicense' | 'licenseVersion';

/** One problem of a document: where (offsets in the text) and what. */
export interface DocumentProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface CheckedDocument {
  readonly problems: DocumentProblem[];
  /** The request members, when the document has no problem. */
  readonly request?: Record<string, unknown>;
}

const at = (node: { offset: number; length: number }, message: string): DocumentProblem => ({ offset: node.offset, length: node.length, message });
const chars = (s: string): number => [...s].length;
const patterns = new Map<string, RegExp>();
const regex = (p: string): RegExp => patterns.get(p) ?? patterns.set(p, new RegExp(p, 'u')).get(p)!;

function checkNode(t: Translate, node: JsonNode, schema: DocumentSchema, name: string, out: DocumentProblem[], keyOf?: JsonProperty): void {
  const want = schema.type;
  const kindOk =
    want === undefined ||
    (want === 'integer' ? node.kind === 'number' && Number.isInteger(node.value) : node.kind === want);
  if (!kindOk) {
    const wanted = { object: t('an object'), array: t('a list'), string: t('a string'), integer: t('a whole number'), boolean: t('true or false') }[want!];
    out.push(at(node, t('{0} must be {1}.', name, wanted)));
    return;
  }
  switch (node.kind) {
    case 'object': {
      const props = schema.properties ?? {};
      for (const p of node.properties) {
        const sub = props[p.key];
        if (sub) checkNode(t, p.value, sub, p.key, out, p);
        else if (schema.additionalProperties === false) out.push(at(p.keySpan, t('{0} is not a member of {1}.', p.key, name)));
      }
      const missing = (schema.required ?? []).filter((r) => !node.properties.some((p) => p.key === r));
      const where = keyOf?.keySpan ?? { offset: node.offset, length: 1 };
      for (const r of missing) out.push(at(where, t('Missing member {0} in {1}.', r, name)));
      return;
    }
    case 'array': {
      if (schema.minItems !== undefined && node.items.length < schema.minItems) out.push(at(node, t('{0} needs at least {1} items.', name, schema.minItems)));
      if (schema.maxItems !== undefined && node.items.length > schema.maxItems) out.push(at(node, t('{0} takes at most {1} items.', name, schema.maxItems)));
      if (schema.items) node.items.forEach((item, i) => checkNode(t, item, schema.items!, `${name}[${i}]`, out));
      return;
    }
    case 'string': {
      const v = node.value;
      if (schema.enum && !schema.enum.includes(v)) {
        out.push(at(node, t('{0} must be one of: {1}.', name, schema.enum.join(', '))));
        return;
      }
      if (schema.minLength !== undefined && chars(v) < schema.minLength) out.push(at(node, t('{0} needs at least {1} characters.', name, schema.minLength)));
      if (schema.maxLength !== undefined && chars(v) > schema.maxLength) out.push(at(node, t('{0} takes at most {1} characters.', name, schema.maxLength)));
      if (schema.pattern !== undefined && !regex(schema.pattern).test(v)) out.push(at(node, t('{0} does not have the expected form.', name)));
      return;
    }
    case 'number':
      if (schema.minimum !== undefined && node.value < schema.minimum) out.push(at(node, t('{0} must be at least {1}.', name, schema.minimum)));
      if (schema.maximum !== undefined && node.value > schema.maximum) out.push(at(node, t('{0} must be at most {1}.', name, schema.maximum)));
      return;
    default:
      return;
  }
}

/** What the extension knows of the document beyond its text. */
export interface DocumentContext {
  /** New License Version: the license the document was opened from. */
  readonly licenseArn?: string;
}

/** Rules between members that the model states in its documentation. */
function crossMemberRules(t: Translate, root: JsonNode, ctx: DocumentContext, out: DocumentProblem[]): void {
  const validity = member(root, 'Validity')?.value;
  const begin = member(validity, 'Begin')?.value;
  const end = member(validity, 'End')?.value;
  if (begin?.kind === 'string' && end?.kind === 'string') {
    const b = Date.parse(begin.value);
    const e = Date.parse(end.value);
    if (!Number.isNaN(b) && !Number.isNaN(e) && e <= b) out.push(at(end, t('Validity End must be after Begin.')));
  }
  const home = member(root, 'HomeRegion')?.value;
  if (home?.kind === 'string' && !isRegionCode(home.value)) out.push(at(home, t('HomeRegion must be a region code such as us-east-1.')));
  const entitlements = member(root, 'Entitlements')?.value;
  if (entitlements?.kind === 'array') {
    if (entitlements.items.length === 0) out.push(at(entitlements, t('A license needs at least one entitlement.')));
    const seen = new Set<string>();
    for (const e of entitlements.items) {
      const name = member(e, 'Name')?.value;
      if (name?.kind === 'string') {
        if (seen.has(name.value)) out.push(at(name, t('Entitlement {0} appears more than once.', name.value)));
        seen.add(name.value);
      }
      const unit = member(e, 'Unit')?.value;
      if (unit?.kind !== 'string') continue;
      const maxCount = member(e, 'MaxCount');
      const value = member(e, 'Value');
      if (unit.value === 'None' && maxCount) out.push(at(maxCount.keySpan, t('An entitlement with unit None takes Value, not MaxCount.')));
      if (unit.value !== 'None' && value) out.push(at(value.keySpan, t('An entitlement with unit {0} takes MaxCount, not Value.', unit.value)));
      if (maxCount?.value.kind === 'number' && maxCount.value.value < 0) out.push(at(maxCount.value, t('MaxCount must not be negative.')));
    }
  }
  const consumption = member(root, 'ConsumptionConfiguration');
  if (consumption?.value.kind === 'object') {
    const kinds = ['ProvisionalConfiguration', 'BorrowConfiguration'].map((k) => member(consumption.value, k)).filter((p) => p !== undefined);
    if (kinds.length !== 1) out.push(at(consumption.keySpan, t('ConsumptionConfiguration takes exactly one of ProvisionalConfiguration and BorrowConfiguration.')));
    for (const k of kinds) {
      const ttl = member(k.value, 'MaxTimeToLiveInMinutes')?.value;
      if (ttl?.kind === 'number' && ttl.value < 1) out.push(at(ttl, t('MaxTimeToLiveInMinutes must be at least 1.')));
    }
  }
  const arn = member(root, 'LicenseArn')?.value;
  if (ctx.licenseArn !== undefined && arn?.kind === 'string' && arn.value !== ctx.licenseArn) {
    out.push(at(arn, t('LicenseArn must stay the license this document was opened from: {0}.', ctx.licenseArn)));
  }
}

/** Every problem of the document's text, in text order; the request when there is none. */
export function checkLicenseDocument(t: Translate, text: string, schema: DocumentSchema, ctx: DocumentContext = {}): CheckedDocument {
  const parsed = parseJsonTree(text);
  if (parsed.error) return { problems: [at(parsed.error, t('Not valid JSON: {0}', parsed.error.message))] };
  const problems: DocumentProblem[] = [];
  checkNode(t, parsed.root, schema, t('the document'), problems);
  if (parsed.root.kind === 'object') crossMemberRules(t, parsed.root, ctx, problems);
  problems.sort((a, b) => a.offset - b.offset);
  return problems.length ? { problems } : { problems, request: plainValue(parsed.root) as Record<string, unknown> };
}
