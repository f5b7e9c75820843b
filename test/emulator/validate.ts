/** Server-side input validation (the SDKs check almost nothing). Messages follow AWS's wording. */
import { ApiError, invalidParameter, serialization, validation } from './errors';
import type { Json } from './types';

export const ARN_RE =
  /^arn:aws[a-zA-Z-]*:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}$/;
const ARN_PATTERN_TEXT = ARN_RE.source;

export const GRANT_STATUSES = [
  'PENDING_WORKFLOW',
  'PENDING_ACCEPT',
  'REJECTED',
  'ACTIVE',
  'FAILED_WORKFLOW',
  'DELETED',
  'PENDING_DELETE',
  'DISABLED',
  'WORKFLOW_COMPLETED',
];
export const ALLOWED_OPERATIONS = [
  'CreateGrant',
  'CheckoutLicense',
  'CheckoutBorrowLicense',
  'CheckInLicense',
  'ExtendConsumptionLicense',
  'ListPurchasedLicenses',
  'CreateToken',
];
export const ACTIVATION_OVERRIDE = ['DISTRIBUTED_GRANTS_ONLY', 'ALL_GRANTS_PERMITTED_BY_ISSUER'];

interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternText?: string;
  enum?: string[];
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? `'[${v.join(', ')}]'` : `'${String(v)}'`);

/** Collects constraint violations of one request; `done()` throws them as one ValidationException. */
export class Checker {
  private readonly errors: string[] = [];
  constructor(readonly body: Json) {}

  private fail(value: unknown, path: string, constraint: string): void {
    this.errors.push(`Value ${value === undefined ? 'null' : show(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
  }

  private checkString(v: string, path: string, r: StringRule): void {
    // Smithy length constraints count Unicode code points, not UTF-16 units.
    const length = [...v].length;
    if (r.min !== undefined && length < r.min) this.fail(v, path, `Member must have length greater than or equal to ${r.min}`);
    if (r.max !== undefined && length > r.max) this.fail(v, path, `Member must have length less than or equal to ${r.max}`);
    if (r.pattern && !r.pattern.test(v)) this.fail(v, path, `Member must satisfy regular expression pattern: ${r.patternText ?? r.pattern.source}`);
    if (r.enum && !r.enum.includes(v)) this.fail(v, path, `Member must satisfy enum value set: [${r.enum.join(', ')}]`);
  }

  str(name: string, r: StringRule = {}): string | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) {
      if (r.required) this.fail(undefined, lowerFirst(name), 'Member must not be null');
      return undefined;
    }
    if (typeof v !== 'string') throw serialization(`Unexpected value type for '${name}': expected a string`);
    this.checkString(v, lowerFirst(name), r);
    return v;
  }

  arn(name: string, required = false): string | undefined {
    return this.str(name, { required, max: 2048, pattern: ARN_RE, patternText: ARN_PATTERN_TEXT });
  }

  int(name: string, r: { min?: number; max?: number } = {}): number | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw serialization(`Unexpected value type for '${name}': expected an integer`);
    if (r.min !== undefined && v < r.min) this.fail(v, lowerFirst(name), `Member must have value greater than or equal to ${r.min}`);
    if (r.max !== undefined && v > r.max) this.fail(v, lowerFirst(name), `Member must have value less than or equal to ${r.max}`);
    return v;
  }

  strList(name: string, r: { required?: boolean; min?: number; max?: number; each?: StringRule } = {}): string[] | undefined {
    const v = this.body[name];
    const path = lowerFirst(name);
    if (v === undefined || v === null) {
      if (r.required) this.fail(undefined, path, 'Member must not be null');
      return undefined;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw serialization(`Unexpected value type for '${name}': expected a list of strings`);
    const list = v as string[];
    if (r.min !== undefined && list.length < r.min) this.fail(list, path, `Member must have length greater than or equal to ${r.min}`);
    if (r.max !== undefined && list.length > r.max) this.fail(list, path, `Member must have length less than or equal to ${r.max}`);
    if (r.each) list.forEach((x, i) => this.checkString(x, `${path}.${i + 1}.member`, r.each!));
    return list;
  }

  arnList(name: string, r: { required?: boolean; min?: number; max?: number } = {}): string[] | undefined {
    return this.strList(name, { ...r, each: { max: 2048, pattern: ARN_RE, patternText: ARN_PATTERN_TEXT } });
  }

  obj(name: string): Json | undefined {
    const v = this.body[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw serialization(`Unexpected value type for '${name}': expected an object`);
    return v as Json;
  }

  clientToken(required = true): string | undefined {
    return this.str('ClientToken', { required, max: 2048, pattern: /^\S+$/, patternText: '\\S+' });
  }

  statusReason(): string | undefined {
    return this.str('StatusReason', { min: 1, max: 400, pattern: /^[\s\S]+$/, patternText: '[\\s\\S]+' });
  }

  done(): void {
    if (this.errors.length === 0) return;
    const n = this.errors.length;
    throw validation(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.errors.join('; ')}`);
  }
}

export interface ParsedFilter {
  name: string;
  value: string;
}

/**
 * Validates Filters against an operation's filter names (case-sensitive). Unknown name →
 * InvalidParameterValueException; more filters than names, or more than one value →
 * FilterLimitExceededException.
 */
export function parseFilters(body: Json, allowed: string[]): ParsedFilter[] {
  const raw = body.Filters;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw serialization(`Unexpected value type for 'Filters': expected a list`);
  if (raw.length > allowed.length) {
    throw new ApiError('FilterLimitExceededException', `A maximum of ${allowed.length} filters is allowed; ${raw.length} were provided.`);
  }
  const seen = new Set<string>();
  return raw.map((f: unknown) => {
    if (!f || typeof f !== 'object' || Array.isArray(f)) throw serialization(`Unexpected value type for 'Filters': expected Filter objects`);
    const { Name, Values } = f as Json;
    if (typeof Name !== 'string') throw invalidParameter('Filter name is required.');
    if (!allowed.includes(Name)) {
      throw invalidParameter(`The filter name ${Name} is not valid. Valid filter names are: ${allowed.join(', ')}.`);
    }
    if (seen.has(Name)) throw invalidParameter(`The filter ${Name} is specified more than once.`);
    seen.add(Name);
    if (Values !== undefined && (!Array.isArray(Values) || Values.some((v) => typeof v !== 'string'))) {
      throw serialization(`Unexpected value type for 'Filters.Values': expected a list of strings`);
    }
    const values = (Values ?? []) as string[];
    if (values.length === 0) throw invalidParameter(`The filter ${Name} requires exactly one value.`);
    if (values.length > 1) throw new ApiError('FilterLimitExceededException', `The filter ${Name} accepts only one value; ${values.length} were provided.`);
    return { name: Name, value: values[0] };
  });
}

/** Keeps the items for which every filter's accessor returns exactly the filter value. */
export function applyFilters<T>(items: T[], filters: ParsedFilter[], accessors: Record<string, (item: T) => string | undefined>): T[] {
  if (filters.length === 0) return items;
  return items.filter((item) => filters.every((f) => accessors[f.name](item) === f.value));
}
