// The ledger chaincode's events (docs/chaincode-api.md, "Events") read as ledger-api's LedgerEvents.parse reads
// them with its strict Jackson mapping, for their balance entries: the event's name picks its shape; each object's
// fields are converted in document order (a wrong type fails there), then its constructor's rules run, then an
// unknown field fails it, as Jackson's creator-based reading does. Records nested in an event (a hold, an account, an
// asset, a configuration) must be objects but are not validated field by field.
import type { ClaimedEntry } from './bundle';
import { utf8Strict } from './bytes';
import { type Json, JsonError, parseJson } from './json';

/** A ledger-api LedgerException: its message is {@code CODE: text}. */
export class LedgerEventError extends Error {}

const invalid = (text: string): LedgerEventError => new LedgerEventError('INVALID_ARGUMENT: ' + text);
const invalidAmount = (text: string): LedgerEventError => new LedgerEventError('INVALID_AMOUNT: ' + text);

type Shape = 'money' | 'hold' | 'account' | 'transferred' | 'packed' | 'consolidated' | 'configured' | 'opened' | 'asset';

const EVENT_SHAPES: Readonly<Record<string, Shape>> = {
  CONFIGURED: 'configured', ASSET_REGISTERED: 'asset', ACCOUNTS_OPENED: 'opened', MINTED: 'money', BURNED: 'money',
  TRANSFERRED: 'transferred', TRANSFERS_PACKED: 'packed', HOLD_PLACED: 'hold', HOLD_CAPTURED: 'hold', HOLD_VOIDED: 'hold',
  HOLD_RELEASED: 'hold', ACCOUNT_FROZEN: 'account', ACCOUNT_UNFROZEN: 'account', LIMITS_SET: 'account',
  CREDITS_CONSOLIDATED: 'consolidated',
};

const SHAPE_CLASSES: Record<Shape, string> = {
  money: 'MoneyEvent', hold: 'HoldEvent', account: 'AccountEvent', transferred: 'TransferredEvent',
  packed: 'TransfersPackedEvent', consolidated: 'CreditsConsolidatedEvent', configured: 'ConfiguredEvent',
  opened: 'AccountsOpenedEvent', asset: 'AssetRegisteredEvent',
};

const ENTRY_KINDS = ['MINT', 'BURN', 'DEBIT', 'CREDIT', 'HOLD', 'HOLD_RELEASE', 'HOLD_CAPTURE'];
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ASSET_CODE = /^[A-Z][A-Z0-9]{2,11}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const TX_ID = /^[A-Za-z0-9._-]{1,128}$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;
const AMOUNT = /^(0|[1-9][0-9]{0,18})$/;
const LONG_MAX = (1n << 63n) - 1n;

const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f);

/** A bounded, printable rendering of untrusted input (ledger-api's Require.quoted). */
function quoted(value: string): string {
  const shown = [...value.slice(0, 64)].map((c) => (isControl(c) ? '?' : c)).join('');
  return '"' + shown + (value.length > 64 ? '..."' : '"');
}

const wrong = (path: string): LedgerEventError => invalid('wrong type or value at ' + path);
const at = (path: string, field: string): string => (path ? path + '.' + field : field);

// ---- field conversions (Jackson's buffering of an object's properties, in document order) ----

/** A converted value: a string, an amount's text, entries, an object's known fields, or null. */
type Value = unknown;
type Converter = (json: Json, path: string) => Value;

const string: Converter = (json, path) => {
  if (json.kind === 'null') {
    return null;
  }
  if (json.kind !== 'string') {
    throw wrong(path);
  }
  return json.value;
};

/** Amount's delegating creator: canonical decimal text within 64 bits. */
const amount: Converter = (json, path) => {
  const text = string(json, path) as string | null;
  if (text !== null && (!AMOUNT.test(text) || BigInt(text) > LONG_MAX)) {
    throw invalidAmount('not a positive integer amount of minor units within 64 bits: ' + quoted(text));
  }
  return text;
};

const enumOf = (names: readonly string[]): Converter => (json, path) => {
  const text = string(json, path) as string | null;
  if (text !== null && !names.includes(text)) {
    throw wrong(path);
  }
  return text;
};

const record: Converter = (json, path) => {
  if (json.kind !== 'null' && json.kind !== 'object') {
    throw wrong(path);
  }
  return json.kind === 'null' ? null : json;
};

const int: Converter = (json, path) => {
  if (json.kind === 'null') {
    return null;
  }
  if (json.kind !== 'number' || !json.integral || BigInt(json.text) > 2147483647n || BigInt(json.text) < -2147483648n) {
    throw wrong(path);
  }
  return Number(json.text);
};

const listOf = (item: Converter): Converter => (json, path) => {
  if (json.kind === 'null') {
    return null;
  }
  if (json.kind !== 'array') {
    throw wrong(path);
  }
  return json.items.map((element, i) => (element.kind === 'null' ? null : item(element, path + '[' + i + ']')));
};

/** An object: its known fields converted in document order, then its constructor, then its unknown fields refused. */
function object<T>(json: Json, path: string, converters: Record<string, Converter>, construct: (fields: Map<string, Value>) => T): T {
  if (json.kind !== 'object') {
    throw wrong(path);
  }
  const fields = new Map<string, Value>();
  const unknown: string[] = [];
  for (const [name, value] of json.entries) {
    const convert = converters[name];
    if (convert) {
      fields.set(name, convert(value, at(path, name)));
    } else {
      unknown.push(name);
    }
  }
  const result = construct(fields);
  if (unknown.length > 0) {
    throw invalid('unknown field ' + quoted(unknown[0]!) + ' at ' + at(path, unknown[0]!));
  }
  return result;
}

// ---- constructors' rules (ledger-api's Require) ----

function matching(field: string, value: Value, pattern: RegExp, what: string): string {
  if (value === null || value === undefined) {
    throw invalid(field + ' is required');
  }
  if (!pattern.test(value as string)) {
    throw invalid(field + ' is not ' + what + ': ' + quoted(value as string));
  }
  return value as string;
}

function present(field: string, value: Value): void {
  if (value === null || value === undefined) {
    throw invalid(field + ' is required');
  }
}

function positive(field: string, value: Value): string {
  present(field, value);
  if (value === '0') {
    throw invalidAmount(field + ' must be at least 1');
  }
  return value as string;
}

function optionalText(field: string, value: Value): void {
  if (value === null || value === undefined) {
    return;
  }
  const text = value as string;
  if (text.length === 0 || text.length > 140) {
    throw invalid(field + ' must have 1 to 140 characters');
  }
  if ([...text].some(isControl)) {
    throw invalid(field + ' must not contain control characters');
  }
}

function list<T>(field: string, value: Value, nonEmpty: boolean): T[] {
  present(field, value);
  const items = value as Array<T | null>;
  if (items.some((item) => item === null)) {
    throw invalid(field + ' item is required');
  }
  if (nonEmpty && items.length === 0) {
    throw invalid(field + ' must not be empty');
  }
  return items as T[];
}

// ---- the shapes ----

const entry: Converter = (json, path) => object(json, path,
  { account: string, asset: string, kind: enumOf(ENTRY_KINDS), amount, holdId: string }, (f) => {
    const account = matching('account', f.get('account'), ACCOUNT_ID, 'an account id');
    const asset = matching('asset', f.get('asset'), ASSET_CODE, 'an asset code');
    present('kind', f.get('kind'));
    const value = positive('amount', f.get('amount'));
    const holdId = f.get('holdId') ?? null;
    return { account, asset, kind: f.get('kind') as string, amount: value,
      holdId: holdId === null ? null : matching('holdId', holdId, ACCOUNT_ID, 'a hold id') };
  });

const leg: Converter = (json, path) => object(json, path,
  { from: string, to: string, asset: string, amount, reference: string }, (f) => {
    matching('from', f.get('from'), ACCOUNT_ID, 'an account id');
    matching('to', f.get('to'), ACCOUNT_ID, 'an account id');
    matching('asset', f.get('asset'), ASSET_CODE, 'an asset code');
    positive('amount', f.get('amount'));
    optionalText('reference', f.get('reference'));
    return true;
  });

const packedItem: Converter = (json, path) => object(json, path,
  { idempotencyKey: string, legs: listOf(leg), entries: listOf(entry) }, (f) => {
    matching('idempotencyKey', f.get('idempotencyKey'), IDEMPOTENCY_KEY, 'an idempotency key');
    list('legs', f.get('legs'), true);
    return list<ClaimedEntry>('entries', f.get('entries'), true);
  });

const SHAPE_FIELDS: Record<Shape, Record<string, Converter>> = {
  money: { idempotencyKey: string }, hold: { idempotencyKey: string, hold: record },
  account: { account: record, reason: string }, transferred: { idempotencyKey: string, legs: listOf(leg) },
  packed: { items: listOf(packedItem) }, consolidated: { account: string, credits: int, amount },
  configured: { config: record }, opened: { accounts: listOf(record) }, asset: { asset: record },
};

/** The rules each event class's constructor adds to LedgerEvent's. */
function shapeRules(shape: Shape, f: Map<string, Value>, entries: readonly ClaimedEntry[]): void {
  const key = (nullable: boolean): void => {
    if (!nullable || f.get('idempotencyKey') != null) {
      matching('idempotencyKey', f.get('idempotencyKey'), IDEMPOTENCY_KEY, 'an idempotency key');
    }
  };
  switch (shape) {
    case 'money':
      return key(false);
    case 'hold':
      key(true);
      return present('hold', f.get('hold'));
    case 'account':
      present('account', f.get('account'));
      return optionalText('reason', f.get('reason'));
    case 'transferred':
      key(false);
      return void list('legs', f.get('legs'), true);
    case 'packed': {
      const items = list<ClaimedEntry[]>('items', f.get('items'), true);
      if (JSON.stringify(items.flat()) !== JSON.stringify(entries)) {
        throw invalid("the entries of a packed event must be its items' entries in order");
      }
      return;
    }
    case 'consolidated':
      return consolidated(f, entries);
    case 'configured':
      return present('config', f.get('config'));
    case 'opened':
      return void list('accounts', f.get('accounts'), true);
    case 'asset':
      return present('asset', f.get('asset'));
  }
}

function consolidated(f: Map<string, Value>, entries: readonly ClaimedEntry[]): void {
  if (entries.length > 0) {
    throw invalid('a consolidation moves no money and has no entries');
  }
  matching('account', f.get('account'), ACCOUNT_ID, 'an account id');
  present('credits', f.get('credits'));
  if ((f.get('credits') as number) < 1) {
    throw invalid('credits must be between 1 and 2147483647');
  }
  positive('amount', f.get('amount'));
}

function timestamp(value: Value): void {
  present('timestamp', value);
  const text = value as string;
  const match = INSTANT.exec(text);
  if (!match) {
    throw invalid('timestamp is not an ISO-8601 UTC instant with at most milliseconds: ' + quoted(text));
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3]) || Number(match[4]) > 23) {
    throw invalid('timestamp is not a valid instant: ' + quoted(text));
  }
}

/** LedgerEvent's constructor, then the shape's, for an event read as the class of {@code shape}. */
function event(shape: Shape, f: Map<string, Value>): { type: string; entries: ClaimedEntry[] } {
  present('type', f.get('type'));
  const type = f.get('type') as string;
  if (EVENT_SHAPES[type] !== shape) {
    throw invalid('type ' + type + ' does not have the shape of ' + SHAPE_CLASSES[shape]);
  }
  matching('txId', f.get('txId'), TX_ID, 'a transaction id');
  timestamp(f.get('timestamp'));
  const entries = list<ClaimedEntry>('entries', f.get('entries'), false);
  shapeRules(shape, f, entries);
  return { type, entries };
}

/** The balance entries of a chaincode event, read with the ledger's rules; {@link LedgerEventError} if it is not one. */
export function ledgerEventEntries(eventName: string, payload: Uint8Array): ClaimedEntry[] {
  const shape = EVENT_SHAPES[eventName];
  if (shape === undefined) {
    throw invalid('unknown event type ' + eventName);
  }
  const json = eventJson(payload);
  const converters = { type: enumOf(Object.keys(EVENT_SHAPES)), txId: string, timestamp: string, entries: listOf(entry),
    ...SHAPE_FIELDS[shape] };
  const read = object(json, '', converters, (f) => event(shape, f));
  if (read.type !== eventName) {
    throw invalid('event ' + eventName + ' carries a payload of type ' + read.type);
  }
  return read.entries;
}

function eventJson(payload: Uint8Array): Json {
  const text = utf8Strict(payload);
  if (text === null) {
    throw invalid('malformed JSON: ' + quoted('Invalid UTF-8'));
  }
  let json: Json | null;
  try {
    json = parseJson(text, { depthMax: 16, numberLengthMax: 64 });
  } catch (e) {
    throw e instanceof JsonError ? invalid('malformed JSON: ' + quoted(e.message)) : e;
  }
  if (json === null || json.kind === 'null') {
    throw invalid('expected a JSON object, got null');
  }
  return json;
}
