// A small reader and writer of the protobuf wire format (https://protobuf.dev/programming-guides/encoding/), enough
// for the handful of Fabric messages a proof needs. It parses as protobuf-java does, so the same bytes are accepted
// or refused as the Java verifier accepts or refuses them: a field of another wire type than its declaration is an
// unknown field, a singular field given twice keeps its last value (a message field merges every occurrence), and
// string fields must be valid UTF-8.
import { EMPTY, concat, utf8Strict } from './bytes';

/** Bytes that are not a protobuf message (protobuf-java's InvalidProtocolBufferException). */
export class ProtobufError extends Error {}

const TRUNCATED = 'While parsing a protocol message, the input ended unexpectedly in the middle of a field.  This could '
  + 'mean either that the input has been truncated or that an embedded message misreported its own length.';
const MALFORMED_VARINT = 'CodedInputStream encountered a malformed varint.';
const NEGATIVE_SIZE = 'CodedInputStream encountered an embedded string or message which claimed to have negative size.';
const END_GROUP = 'Protocol message end-group tag did not match expected tag.';
const TOO_DEEP = 'Protocol message had too many levels of nesting.  May be malicious.  Use '
  + 'CodedInputStream.setRecursionLimit() to increase the depth limit.';
/** protobuf-java's default recursion limit. */
const DEPTH_MAX = 100;

export const VARINT = 0;
export const FIXED64 = 1;
export const LENGTH_DELIMITED = 2;
export const GROUP = 3;
const END_GROUP_WIRE = 4;
export const FIXED32 = 5;

/** One field occurrence as it appears on the wire; a group holds its own fields. */
export type Field =
  | { readonly number: number; readonly wire: typeof VARINT; readonly value: bigint }
  | { readonly number: number; readonly wire: typeof FIXED64 | typeof LENGTH_DELIMITED | typeof FIXED32; readonly value: Uint8Array }
  | { readonly number: number; readonly wire: typeof GROUP; readonly value: readonly Field[] };

class Reader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.at >= this.bytes.length;
  }

  varint(): bigint {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.at >= this.bytes.length) {
        throw new ProtobufError(TRUNCATED);
      }
      const byte = this.bytes[this.at++]!;
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) {
        return BigInt.asUintN(64, value);
      }
    }
    throw new ProtobufError(MALFORMED_VARINT);
  }

  take(length: number): Uint8Array {
    if (length > this.bytes.length - this.at) {
      throw new ProtobufError(TRUNCATED);
    }
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  lengthDelimited(): Uint8Array {
    const length = BigInt.asIntN(32, this.varint());
    if (length < 0n) {
      throw new ProtobufError(NEGATIVE_SIZE);
    }
    return this.take(Number(length));
  }
}

/** Every field of a message, in wire order; a group's end tag must match its start, as protobuf-java demands. */
export function fields(bytes: Uint8Array, depth = 0): Field[] {
  if (depth > DEPTH_MAX) {
    throw new ProtobufError(TOO_DEEP);
  }
  return readFields(new Reader(bytes), depth, null);
}

function readFields(reader: Reader, depth: number, group: number | null): Field[] {
  const out: Field[] = [];
  while (!reader.done()) {
    const tag = Number(BigInt.asUintN(32, reader.varint()));
    const number = tag >>> 3;
    const wire = tag & 7;
    if (number === 0) {
      throw new ProtobufError('Protocol message contained an invalid tag (zero).');
    }
    if (wire === END_GROUP_WIRE) {
      if (group !== number) {
        throw new ProtobufError(END_GROUP);
      }
      return out;
    }
    out.push(readField(reader, number, wire, depth));
  }
  if (group !== null) {
    throw new ProtobufError(TRUNCATED);
  }
  return out;
}

function readField(reader: Reader, number: number, wire: number, depth: number): Field {
  switch (wire) {
    case VARINT:
      return { number, wire, value: reader.varint() };
    case FIXED64:
      return { number, wire, value: reader.take(8) };
    case LENGTH_DELIMITED:
      return { number, wire, value: reader.lengthDelimited() };
    case FIXED32:
      return { number, wire, value: reader.take(4) };
    case GROUP:
      if (depth + 1 > DEPTH_MAX) {
        throw new ProtobufError(TOO_DEEP);
      }
      return { number, wire, value: readFields(reader, depth + 1, number) };
    default:
      throw new ProtobufError('Protocol message tag had invalid wire type.');
  }
}

/**
 * A parsed message, read by field number. Accessors give protobuf-java's view: proto3 defaults for absent fields,
 * the last occurrence of a scalar, all occurrences of a message field merged (which is their concatenation).
 */
export class Message {
  readonly fields: readonly Field[];

  constructor(bytes: Uint8Array, readonly depth = 0) {
    this.fields = fields(bytes, depth);
  }

  private last(number: number, wire: number): Field | undefined {
    for (let i = this.fields.length - 1; i >= 0; i--) {
      const field = this.fields[i]!;
      if (field.number === number && field.wire === wire) {
        return field;
      }
    }
    return undefined;
  }

  private all(number: number, wire: number): Field[] {
    return this.fields.filter((field) => field.number === number && field.wire === wire);
  }

  bytes(number: number): Uint8Array {
    return (this.last(number, LENGTH_DELIMITED)?.value as Uint8Array | undefined) ?? EMPTY;
  }

  repeatedBytes(number: number): Uint8Array[] {
    return this.all(number, LENGTH_DELIMITED).map((field) => field.value as Uint8Array);
  }

  /** Whether a message field is present (proto3 message presence). */
  has(number: number): boolean {
    return this.last(number, LENGTH_DELIMITED) !== undefined;
  }

  /** A singular message field: every occurrence merged, parsed one level deeper; empty when absent. */
  message(number: number): Message {
    const parts = this.repeatedBytes(number);
    return new Message(parts.length === 1 ? parts[0]! : concat(...parts), this.depth + 1);
  }

  repeatedMessages(number: number): Message[] {
    return this.repeatedBytes(number).map((bytes) => new Message(bytes, this.depth + 1));
  }

  /** A string field; every occurrence must be UTF-8, as protobuf-java checks proto3 strings while parsing. */
  string(number: number): string {
    const texts = this.repeatedStrings(number);
    return texts[texts.length - 1] ?? '';
  }

  repeatedStrings(number: number): string[] {
    return this.repeatedBytes(number).map((bytes) => {
      const text = utf8Strict(bytes);
      if (text === null) {
        throw new ProtobufError('Protocol message had invalid UTF-8.');
      }
      return text;
    });
  }

  uint64(number: number): bigint {
    return (this.last(number, VARINT)?.value as bigint | undefined) ?? 0n;
  }

  /** int32 and enum fields: the low 32 bits, signed, as protobuf-java reads them. */
  int32(number: number): number {
    return Number(BigInt.asIntN(32, this.uint64(number)));
  }

  uint32(number: number): number {
    return Number(BigInt.asUintN(32, this.uint64(number)));
  }

  bool(number: number): boolean {
    return this.uint64(number) !== 0n;
  }

  /** The fields not among {@code known} (number and wire type): kept by protobuf-java and written back. */
  unknown(known: ReadonlyArray<readonly [number, number]>): Field[] {
    return this.fields.filter((field) => !known.some(([number, wire]) => field.number === number && field.wire === wire));
  }
}

/** Parses a map field's entries (key 1, value 2) as protobuf-java does: the last entry of a key wins. */
export function stringMap(message: Message, number: number): Map<string, Message> {
  const map = new Map<string, Message>();
  for (const entry of message.repeatedMessages(number)) {
    const name = entry.string(1);
    map.delete(name);
    map.set(name, entry.message(2));
  }
  return map;
}

// ---- writing ----

function varintBytes(value: bigint): number[] {
  const out: number[] = [];
  let rest = BigInt.asUintN(64, value);
  do {
    const byte = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest === 0n ? byte : byte | 0x80);
  } while (rest !== 0n);
  return out;
}

function tag(number: number, wire: number): number[] {
  return varintBytes(BigInt(number) * 8n + BigInt(wire));
}

export function varintField(number: number, value: bigint): Uint8Array {
  return new Uint8Array([...tag(number, VARINT), ...varintBytes(value)]);
}

export function bytesField(number: number, value: Uint8Array): Uint8Array {
  return concat(new Uint8Array([...tag(number, LENGTH_DELIMITED), ...varintBytes(BigInt(value.length))]), value);
}

/** A proto3 scalar: written only when it is not the default, as protobuf-java writes it. */
export function optionalBytes(number: number, value: Uint8Array): Uint8Array {
  return value.length === 0 ? EMPTY : bytesField(number, value);
}

export function optionalVarint(number: number, value: bigint): Uint8Array {
  return value === 0n ? EMPTY : varintField(number, value);
}

const WIRE_ORDER = [VARINT, FIXED32, FIXED64, LENGTH_DELIMITED, GROUP];

/**
 * Unknown fields as protobuf-java writes them back (UnknownFieldSet): after the known fields, by field number, and
 * for each number its varints, fixed32s, fixed64s, length-delimited values, then groups.
 */
export function unknownFields(unknown: readonly Field[]): Uint8Array {
  const numbers = [...new Set(unknown.map((field) => field.number))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  for (const number of numbers) {
    for (const wire of WIRE_ORDER) {
      for (const field of unknown) {
        if (field.number === number && field.wire === wire) {
          parts.push(unknownField(field));
        }
      }
    }
  }
  return concat(...parts);
}

function unknownField(field: Field): Uint8Array {
  switch (field.wire) {
    case VARINT:
      return varintField(field.number, field.value);
    case LENGTH_DELIMITED:
      return bytesField(field.number, field.value);
    case GROUP:
      return concat(new Uint8Array(tag(field.number, GROUP)), unknownFields(field.value),
        new Uint8Array(tag(field.number, END_GROUP_WIRE)));
    default:
      return concat(new Uint8Array(tag(field.number, field.wire)), field.value);
  }
}

// ---- schemas: a message's declared fields, to find the ones protobuf-java keeps as unknown ----

/** A declared field: its name, and what its value holds (varint: every integer, bool and enum of Fabric's messages). */
export interface FieldSchema {
  readonly name: string;
  readonly kind: 'varint' | 'string' | 'bytes' | 'message' | 'map';
  /** The type of a message field, or of a map's values (null: a map of bytes). */
  readonly type: string | null;
  readonly repeated: boolean;
  /** The oneof the field belongs to, if any. */
  readonly oneof: string | null;
}

/** A message type's declared fields, by number. */
export type MessageSchema = { readonly [number: number]: FieldSchema };

export const REPEATED = true;

const declared = (name: string, kind: FieldSchema['kind'], type: string | null = null, repeated = false,
  oneof: string | null = null): FieldSchema => ({ name, kind, type, repeated, oneof });

/** Field declarations, as a schema is written. */
export const Declare = {
  varint: (name: string, oneof: string | null = null): FieldSchema => declared(name, 'varint', null, false, oneof),
  string: (name: string): FieldSchema => declared(name, 'string'),
  bytes: (name: string, repeated = false): FieldSchema => declared(name, 'bytes', null, repeated),
  message: (name: string, type: string, repeated = false, oneof: string | null = null): FieldSchema =>
    declared(name, 'message', type, repeated, oneof),
  /** A map with string keys, of messages of {@code type} or (without one) of bytes. */
  map: (name: string, type: string | null = null): FieldSchema => declared(name, 'map', type),
} as const;

const wireOf = (field: FieldSchema): number => (field.kind === 'varint' ? VARINT : LENGTH_DELIMITED);

/** Whether an occurrence is of a declared field (its number, with its declared wire type): else protobuf-java keeps it unknown. */
const isDeclared = (schema: MessageSchema, field: Field): boolean => schema[field.number] !== undefined
  && field.wire === wireOf(schema[field.number]!);

/**
 * Refuses, as protobuf-java's parser does, what {@code message} cannot be as {@code type}: a string that is not UTF-8,
 * a nested message (each occurrence, each map value) that is not one. Map entries are read as protobuf-java reads
 * them: their key (1) and value (2), anything else skipped.
 */
function validate(value: Message, type: string, schemas: Readonly<Record<string, MessageSchema>>): void {
  const schema = schemas[type]!;
  for (const field of value.fields) {
    if (!isDeclared(schema, field)) {
      continue;
    }
    const spec = schema[field.number]!;
    const content = field.value as Uint8Array;
    if (spec.kind === 'string' && utf8Strict(content) === null) {
      throw new ProtobufError('Protocol message had invalid UTF-8.');
    } else if (spec.kind === 'message') {
      validate(new Message(content, value.depth + 1), spec.type!, schemas);
    } else if (spec.kind === 'map') {
      const entry = new Message(content, value.depth + 1);
      entry.repeatedStrings(1);
      if (spec.type !== null) {
        entry.repeatedBytes(2).forEach((item) => validate(new Message(item, entry.depth + 1), spec.type!, schemas));
      }
    }
  }
}

/** {@code bytes} parsed as a {@code type}, or null where protobuf-java's parser refuses them. */
export function parseAs(content: Uint8Array, type: string, schemas: Readonly<Record<string, MessageSchema>>): Message | null {
  try {
    const parsed = new Message(content);
    validate(parsed, type, schemas);
    return parsed;
  } catch (e) {
    if (e instanceof ProtobufError) {
      return null;
    }
    throw e;
  }
}

/** An unknown field: the path of field names to its message, the message's type, and the field's number. */
export interface UnknownField {
  readonly where: string;
  readonly type: string;
  readonly number: number;
}

/**
 * How a bytes field is read as a message, given its message, its position in a repeated field (-1 for a singular
 * one) and the role its message is walked in: the nested message's type and role, or null when it is not read.
 */
export type Nested = (parentType: string, parent: Message, field: string, index: number, role: string)
  => { readonly type: string; readonly role: string } | null;

/**
 * The first unknown field of {@code value}, a validated {@code type} (see {@link parseAs}), or of a message in it:
 * its own first (the lowest number), then its fields by number, each occurrence of a repeated one in order, map
 * values by key (taking the key as their role; protobuf-java drops a map entry's own unknown fields), and the bytes
 * fields {@code nested} reads as messages, when they parse. Every other nested message is walked in its parent's role.
 */
export function firstUnknown(value: Message, type: string, where: string, role: string,
  schemas: Readonly<Record<string, MessageSchema>>, nested: Nested): UnknownField | null {
  const schema = schemas[type]!;
  let lowest: number | null = null;
  for (const field of value.fields) {
    if (!isDeclared(schema, field) && (lowest === null || field.number < lowest)) {
      lowest = field.number;
    }
  }
  if (lowest !== null) {
    return { where, type, number: lowest };
  }
  const numbers = Object.keys(schema).map(Number).sort((a, b) => a - b);
  for (const number of numbers) {
    const spec = schema[number]!;
    const at = where + '.' + spec.name;
    let found: UnknownField | null = null;
    if (spec.kind === 'message' && spec.repeated) {
      const items = value.repeatedMessages(number);
      for (let i = 0; i < items.length && found === null; i++) {
        found = firstUnknown(items[i]!, spec.type!, at + '[' + i + ']', role, schemas, nested);
      }
    } else if (spec.kind === 'message') {
      found = present(value, schema, number)
        ? firstUnknown(value.message(number), spec.type!, at, role, schemas, nested) : null;
    } else if (spec.kind === 'map' && spec.type !== null) {
      const entries = stringMap(value, number);
      for (const key of [...entries.keys()].sort()) {
        found ??= firstUnknown(entries.get(key)!, spec.type, at + '[' + key + ']', key, schemas, nested);
      }
    } else if (spec.kind === 'bytes') {
      const items = spec.repeated ? value.repeatedBytes(number) : [value.bytes(number)];
      for (let i = 0; i < items.length && found === null; i++) {
        const index = spec.repeated ? i : -1;
        const read = nested(type, value, spec.name, index, role);
        const inner = read === null ? null : parseAs(items[i]!, read.type, schemas);
        found = inner === null ? null
          : firstUnknown(inner, read!.type, spec.repeated ? at + '[' + i + ']' : at, read!.role, schemas, nested);
      }
    }
    if (found !== null) {
      return found;
    }
  }
  return null;
}

/**
 * Whether a singular message field is set, as protobuf-java sees it: given at least once, and in a oneof, the last
 * of its fields given (protobuf-java then merges every occurrence of it, even those before another case).
 */
function present(value: Message, schema: MessageSchema, number: number): boolean {
  const oneof = schema[number]!.oneof;
  let last: number | null = null;
  for (const field of value.fields) {
    if (isDeclared(schema, field) && (field.number === number || (oneof !== null && schema[field.number]!.oneof === oneof))) {
      last = field.number;
    }
  }
  return last === number;
}
