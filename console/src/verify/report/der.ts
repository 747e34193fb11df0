import * as asn1js from 'asn1js';
import { ownBytes } from './bytes';

const MAX_DEPTH = 64;

/**
 * Parses one BER/DER structure (what follows it is ignored, as BouncyCastle ignores it). The lengths are checked
 * first: asn1js reads past a parent's end when a child's length overruns it, where BouncyCastle refuses the input,
 * and the verdicts must agree.
 */
export function der(bytes: Uint8Array | ArrayBuffer): asn1js.AsnType {
  const view = ownBytes(bytes);
  element(view, 0, view.length, 0);
  const parsed = asn1js.fromBER(view);
  if (parsed.offset === -1) {
    throw new Error(parsed.result.error || 'not BER/DER');
  }
  return parsed.result;
}

/** Walks one element that must end by `limit`; returns where it ends. */
function element(bytes: Uint8Array, start: number, limit: number, depth: number): number {
  if (depth > MAX_DEPTH) {
    throw new Error('nested too deeply');
  }
  const first = byteAt(bytes, start, limit);
  let at = start + 1;
  if ((first & 0x1f) === 0x1f) {
    while ((byteAt(bytes, at, limit) & 0x80) !== 0) {
      at++;
    }
    at++;
  }
  const constructed = (first & 0x20) !== 0;
  const { length, content } = lengthAt(bytes, at, limit);
  if (length === null) {
    if (!constructed) {
      throw new Error('an indefinite length on a primitive element');
    }
    return indefinite(bytes, content, limit, depth);
  }
  const end = content + length;
  if (end > limit) {
    throw new Error(`a length at byte ${start} runs past the end of its enclosing element`);
  }
  for (let child = content; constructed && child < end;) {
    child = element(bytes, child, end, depth + 1);
  }
  return end;
}

/** A BER indefinite-length element's children, up to its end-of-contents octets. */
function indefinite(bytes: Uint8Array, content: number, limit: number, depth: number): number {
  let child = content;
  while (byteAt(bytes, child, limit) !== 0 || byteAt(bytes, child + 1, limit) !== 0) {
    child = element(bytes, child, limit, depth + 1);
  }
  return child + 2;
}

/** The length octets at `at`: the length (null when indefinite) and where the content starts. */
function lengthAt(bytes: Uint8Array, at: number, limit: number): { length: number | null; content: number } {
  const first = byteAt(bytes, at, limit);
  if (first < 0x80) {
    return { length: first, content: at + 1 };
  }
  const octets = first & 0x7f;
  if (octets === 0) {
    return { length: null, content: at + 1 };
  }
  if (octets > 4) {
    throw new Error(`a length of ${octets} octets at byte ${at}`);
  }
  let length = 0;
  for (let i = 1; i <= octets; i++) {
    length = length * 256 + byteAt(bytes, at + i, limit);
  }
  return { length, content: at + 1 + octets };
}

function byteAt(bytes: Uint8Array, at: number, limit: number): number {
  const value = at < limit ? bytes[at] : undefined;
  if (value === undefined) {
    throw new Error('the encoding ends inside an element');
  }
  return value;
}
