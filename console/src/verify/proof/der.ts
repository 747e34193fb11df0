// A strict DER reader (definite, minimal lengths; one-byte tags, all that X.509 and ECDSA signatures use) and the
// few DER writers a proof needs. Strict on purpose: a signature or certificate with two spellings would let bytes
// change without a check noticing.
import { concat } from './bytes';

export class DerError extends Error {}

/** One tag-length-value: the tag byte, its whole encoding and its contents. */
export interface Tlv {
  readonly tag: number;
  readonly encoded: Uint8Array;
  readonly contents: Uint8Array;
}

export const INTEGER = 0x02;
export const BIT_STRING = 0x03;
export const OCTET_STRING = 0x04;
export const OID = 0x06;
export const SEQUENCE = 0x30;
export const SET = 0x31;
export const BOOLEAN = 0x01;
export const UTC_TIME = 0x17;
export const GENERALIZED_TIME = 0x18;

function readLength(bytes: Uint8Array, at: number): [number, number] {
  const first = bytes[at];
  if (first === undefined) {
    throw new DerError('truncated length');
  }
  if (first < 0x80) {
    return [first, 1];
  }
  const count = first & 0x7f;
  if (count === 0) {
    throw new DerError('indefinite length');
  }
  if (count > 4 || at + count >= bytes.length) {
    throw new DerError('invalid length');
  }
  let length = 0;
  for (let i = 1; i <= count; i++) {
    length = length * 256 + bytes[at + i]!;
  }
  if (bytes[at + 1] === 0 || length < 0x80) {
    throw new DerError('non-minimal length');
  }
  return [length, 1 + count];
}

/** The TLV at {@code at}. */
export function readTlv(bytes: Uint8Array, at: number): Tlv {
  const tag = bytes[at];
  if (tag === undefined) {
    throw new DerError('truncated');
  }
  if ((tag & 0x1f) === 0x1f) {
    throw new DerError('multi-byte tags are not supported');
  }
  const [length, lengthSize] = readLength(bytes, at + 1);
  const start = at + 1 + lengthSize;
  if (length > bytes.length - start) {
    throw new DerError('truncated');
  }
  return { tag, encoded: bytes.subarray(at, start + length), contents: bytes.subarray(start, start + length) };
}

/** The one TLV that is all of {@code bytes}, of the expected tag when one is given. */
export function single(bytes: Uint8Array, tag?: number): Tlv {
  const tlv = readTlv(bytes, 0);
  if (tlv.encoded.length !== bytes.length) {
    throw new DerError('extra data after the value');
  }
  return expectTag(tlv, tag);
}

/** The TLVs of a constructed value's contents. */
export function children(tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < tlv.contents.length;) {
    const child = readTlv(tlv.contents, at);
    out.push(child);
    at += child.encoded.length;
  }
  return out;
}

export function expectTag(tlv: Tlv, tag: number | undefined): Tlv {
  if (tag !== undefined && tlv.tag !== tag) {
    throw new DerError('expected tag 0x' + tag.toString(16) + ', found 0x' + tlv.tag.toString(16));
  }
  return tlv;
}

/** An INTEGER's value; {@code minimal} demands its shortest encoding, as DER (and BouncyCastle) do. */
export function integer(tlv: Tlv, minimal = true): bigint {
  expectTag(tlv, INTEGER);
  const bytes = tlv.contents;
  if (bytes.length === 0) {
    throw new DerError('malformed integer');
  }
  if (minimal && bytes.length > 1 && ((bytes[0] === 0 && bytes[1]! < 0x80) || (bytes[0] === 0xff && bytes[1]! >= 0x80))) {
    throw new DerError('malformed integer');
  }
  let value = 0n;
  for (const byte of bytes) {
    value = (value << 8n) | BigInt(byte);
  }
  return bytes[0]! >= 0x80 ? value - (1n << BigInt(8 * bytes.length)) : value;
}

export function oid(tlv: Tlv): string {
  expectTag(tlv, OID);
  const parts: bigint[] = [];
  let value = 0n;
  for (const byte of tlv.contents) {
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0n;
    }
  }
  const first = parts.shift() ?? 0n;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...parts].join('.');
}

/** A BIT STRING's bytes (only whole bytes are used in X.509 keys and signatures). */
export function bitString(tlv: Tlv): Uint8Array {
  expectTag(tlv, BIT_STRING);
  if (tlv.contents.length === 0) {
    throw new DerError('empty bit string');
  }
  return tlv.contents.subarray(1);
}

// ---- writing ----

function lengthBytes(length: number): Uint8Array {
  if (length < 0x80) {
    return new Uint8Array([length]);
  }
  const out: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    out.unshift(rest % 256);
  }
  return new Uint8Array([0x80 | out.length, ...out]);
}

export function encode(tag: number, contents: Uint8Array): Uint8Array {
  return concat(new Uint8Array([tag]), lengthBytes(contents.length), contents);
}

/** A non-negative INTEGER in its minimal two's-complement encoding. */
export function encodeUnsigned(value: bigint): Uint8Array {
  const out: number[] = [];
  let rest = value;
  do {
    out.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  } while (rest > 0n);
  if (out[0]! >= 0x80) {
    out.unshift(0);
  }
  return encode(INTEGER, new Uint8Array(out));
}
