/**
 * A strict JSON parser that keeps where each value and key is in the text, so that
 * problems can be shown at their position. No comments, no trailing commas.
 */

interface Span {
  /** Offset of the first character. */
  readonly offset: number;
  readonly length: number;
}

export interface JsonProperty {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

export type JsonNode = Span &
  (
    | { readonly kind: 'object'; readonly properties: JsonProperty[] }
    | { readonly kind: 'array'; readonly items: JsonNode[] }
    | { readonly kind: 'string'; readonly value: string }
    | { readonly kind: 'number'; readonly value: number }
    | { readonly kind: 'boolean'; readonly value: boolean }
    | { readonly kind: 'null'; readonly value: null }
  );

export interface JsonSyntaxError extends Span {
  readonly message: string;
}

export type JsonParse = { readonly root: JsonNode; readonly error?: undefined } | { readonly root?: undefined; readonly error: JsonSyntaxError };

class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses `text`; on a syntax error, says where and what. */
export function parseJsonTree(text: string): JsonParse {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (message: string): never => {
    throw new SyntaxFailure(i, message);
  };
  const str = (): { value: string; span: Span } => {
    const start = i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string.');
      const c = text[i];
      if (c === '"') break;
      if (c < ' ') fail('Control character in string.');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        if (e === undefined || !(e in ESCAPES)) fail('Invalid escape in string.');
        out += ESCAPES[e];
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    i++;
    return { value: out, span: { offset: start, length: i - start } };
  };
  const value = (): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const properties: JsonProperty[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', properties, offset: start, length: i - start };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expected a property name in double quotes.');
        const key = str();
        ws();
        if (text[i] !== ':') fail('Expected a colon after the property name.');
        i++;
        properties.push({ key: key.value, keySpan: key.span, value: value() });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', properties, offset: start, length: i - start };
        }
        fail('Expected a comma or a closing brace.');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, offset: start, length: i - start };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', items, offset: start, length: i - start };
        }
        fail('Expected a comma or a closing bracket.');
      }
    }
    if (c === '"') {
      const s = str();
      return { kind: 'string', value: s.value, ...s.span };
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v === null ? { kind: 'null', value: null, offset: start, length: word.length } : { kind: 'boolean', value: v, offset: start, length: word.length };
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return { kind: 'number', value: Number(m[0]), offset: start, length: m[0].length };
    }
    return fail(i >= text.length ? 'Unexpected end of the document.' : 'Expected a value.');
  };
  try {
    const root = value();
    ws();
    if (i < text.length) fail('Unexpected text after the document.');
    return { root };
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    return { error: { offset: e.offset, length: e.offset < text.length ? 1 : 0, message: e.message } };
  }
}

/** The plain value of a node (objects and arrays included). */
export function plainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.properties.map((p) => [p.key, plainValue(p.value)]));
    case 'array':
      return node.items.map(plainValue);
    default:
      return node.value;
  }
}

/** The value of an object's member, if the node is an object that has it (the last one wins, as in JSON.parse). */
export function member(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.properties.length - 1; i >= 0; i--) if (node.properties[i].key === key) return node.properties[i];
  return undefined;
}
