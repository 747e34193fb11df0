// A strict JSON reader and the compact writer the node's Jackson mapper is: a bundle is accepted only when writing
// what was read gives back its exact text, so no character of the file can change unseen. Numbers keep their text
// (block numbers are 64-bit), objects keep their order, and the limits are the Java reader's.

export type Json =
  | { kind: 'object'; entries: Array<[string, Json]> }
  | { kind: 'array'; items: Json[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string; integral: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export class JsonError extends Error {}

export interface JsonLimits {
  readonly depthMax: number;
  readonly numberLengthMax: number;
}

/** BundleReader's mapper: nesting 16, numbers of at most 20 characters. */
export const BUNDLE_LIMITS: JsonLimits = { depthMax: 16, numberLengthMax: 20 };

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string, private readonly limits: JsonLimits) {}

  document(): Json | null {
    this.space();
    if (this.at >= this.text.length) {
      return null;
    }
    const value = this.value();
    this.space();
    if (this.at < this.text.length) {
      throw new JsonError('Trailing token found after value at position ' + this.at + ': not allowed');
    }
    return value;
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) {
      this.at++;
    }
  }

  private fail(what: string): never {
    throw new JsonError(what + ' at position ' + this.at);
  }

  private value(): Json {
    const c = this.text[this.at];
    if (c === '{' || c === '[') {
      return this.nested(c);
    }
    if (c === '"') {
      return { kind: 'string', value: this.string() };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      return this.number();
    }
    for (const [word, json] of [['true', { kind: 'boolean', value: true }], ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return json;
      }
    }
    return this.fail(c === undefined ? 'Unexpected end-of-input' : "Unrecognized token '" + c + "'");
  }

  private nested(open: string): Json {
    if (++this.depth > this.limits.depthMax) {
      this.fail('Document nesting depth (' + this.depth + ') exceeds the maximum allowed (' + this.limits.depthMax + ')');
    }
    this.at++;
    const value = open === '{' ? this.object() : this.array();
    this.depth--;
    return value;
  }

  private object(): Json {
    const entries: Array<[string, Json]> = [];
    const names = new Set<string>();
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return { kind: 'object', entries };
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') {
        this.fail('Was expecting double-quote to start field name');
      }
      const name = this.string();
      if (names.has(name)) {
        this.fail("Duplicate field '" + name + "'");
      }
      names.add(name);
      this.space();
      this.expect(':');
      this.space();
      entries.push([name, this.value()]);
      if (this.separator('}')) {
        return { kind: 'object', entries };
      }
    }
  }

  private array(): Json {
    const items: Json[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return { kind: 'array', items };
    }
    for (;;) {
      this.space();
      items.push(this.value());
      if (this.separator(']')) {
        return { kind: 'array', items };
      }
    }
  }

  /** After a member: a comma (false) or the closing character (true). */
  private separator(close: string): boolean {
    this.space();
    const c = this.text[this.at++];
    if (c === close) {
      return true;
    }
    if (c !== ',') {
      this.fail("Unexpected character ('" + (c ?? 'end-of-input') + "'): was expecting comma or '" + close + "'");
    }
    return false;
  }

  private expect(c: string): void {
    if (this.text[this.at] !== c) {
      this.fail("Unexpected character: was expecting '" + c + "'");
    }
    this.at++;
  }

  private string(): string {
    this.at++;
    let out = '';
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined) {
        this.fail('Unexpected end-of-input in a string');
      }
      if (c === '"') {
        return out;
      }
      if (c.charCodeAt(0) < 0x20) {
        this.fail('Illegal unquoted character (code ' + c.charCodeAt(0) + '): has to be escaped');
      }
      out += c === '\\' ? this.escape() : c;
    }
  }

  private escape(): string {
    const c = this.text[this.at++] ?? '';
    if (c === 'u') {
      const digits = this.text.slice(this.at, this.at + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(digits)) {
        this.fail('Unexpected character in a \\u escape');
      }
      this.at += 4;
      return String.fromCharCode(parseInt(digits, 16));
    }
    const escaped = ESCAPES[c];
    if (escaped === undefined) {
      this.fail("Unrecognized character escape '" + c + "'");
    }
    return escaped;
  }

  private number(): Json {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.at, this.at + 400));
    const next = this.text[this.at + (match?.[0].length ?? 0)];
    if (!match || (next !== undefined && /[0-9A-Za-z.+-]/.test(next))) {
      this.fail('Invalid numeric value');
    }
    const text = match[0];
    const integral = match[2] === undefined && match[3] === undefined;
    const length = integral ? text.replace('-', '').length : text.length;
    if (length > this.limits.numberLengthMax) {
      this.fail('Number value length (' + length + ') exceeds the maximum allowed (' + this.limits.numberLengthMax + ')');
    }
    this.at += text.length;
    return { kind: 'number', text, integral };
  }
}

/** The JSON value of a text, or null for a text of only whitespace; {@link JsonError} when it is not JSON. */
export function parseJson(text: string, limits: JsonLimits = BUNDLE_LIMITS): Json | null {
  return new Parser(text, limits).document();
}

const HEX_UPPER = '0123456789ABCDEF';
const SHORT_ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x09: '\\t', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r' };

/** A string as Jackson writes it: short escapes where JSON has them, other control characters as uppercase \\u00XX. */
export function writeString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) {
      out += short;
    } else if (code < 0x20) {
      out += '\\u00' + HEX_UPPER[code >> 4]! + HEX_UPPER[code & 15]!;
    } else {
      out += value[i]!;
    }
  }
  return out + '"';
}

/** The compact text Jackson writes for a tree: what a canonical bundle is. */
export function writeJson(json: Json): string {
  switch (json.kind) {
    case 'object':
      return '{' + json.entries.map(([name, value]) => writeString(name) + ':' + writeJson(value)).join(',') + '}';
    case 'array':
      return '[' + json.items.map(writeJson).join(',') + ']';
    case 'string':
      return writeString(json.value);
    case 'number':
      return json.integral ? BigInt(json.text).toString() : decimalText(json.text);
    case 'boolean':
      return String(json.value);
    case 'null':
      return 'null';
  }
}

/**
 * A non-integral number as the Java reader keeps it (a BigDecimal without trailing zeros) and writes it back
 * (BigDecimal.toString), so that 1.50 or 1e2 are not canonical and 1.5 is.
 */
function decimalText(text: string): string {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text)!;
  const fraction = match[3] ?? '';
  let digits = (match[2]! + fraction).replace(/^0+/, '');
  let scale = fraction.length - Number(match[4] ?? '0');
  if (digits === '') {
    return '0';
  }
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  return match[1]! + bigDecimalString(digits, scale);
}

function bigDecimalString(digits: string, scale: number): string {
  const adjusted = digits.length - 1 - scale;
  if (scale === 0) {
    return digits;
  }
  if (scale > 0 && adjusted >= -6) {
    return digits.length > scale
      ? digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale)
      : '0.' + '0'.repeat(scale - digits.length) + digits;
  }
  const mantissa = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  return mantissa + 'E' + (adjusted > 0 ? '+' : '') + adjusted;
}

/** The value of an object's member, or undefined. */
export function member(json: Json, name: string): Json | undefined {
  return json.kind === 'object' ? json.entries.find(([key]) => key === name)?.[1] : undefined;
}
