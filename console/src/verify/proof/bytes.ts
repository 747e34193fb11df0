// Byte helpers shared by the proof verifier: hex and base64 in the bundle's one canonical spelling, UTF-8, SHA-256.

export const EMPTY = new Uint8Array(0);

const HEX_DIGITS = '0123456789abcdef';

/** Lowercase hex, the form of every hash and flag string in a bundle and in attestation statements. */
export function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  }
  return out;
}

/** Decodes lowercase hex of even length; anything else is null, so one value has one text. */
export function parseHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) {
    return null;
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map<string, number>([...BASE64].map((c, i) => [c, i]));

/** Standard base64 with padding. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

/**
 * Decodes standard base64 exactly as Java's basic decoder does (padding optional, nothing but the alphabet, the same
 * error messages); the reason when it is not base64. Callers insist on the canonical spelling by re-encoding.
 */
export function decodeBase64(text: string): Uint8Array | string {
  // Java decodes a String's ISO-8859-1 bytes: other characters are '?', and errors print the byte signed.
  const src = Array.from(text, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f));
  const out: number[] = [];
  let bits = 0;
  let shift = 18;
  let at = 0;
  while (at < src.length) {
    const byte = src[at++]!;
    const value = BASE64_VALUES.get(String.fromCharCode(byte));
    if (value === undefined) {
      if (byte !== 0x3d) {
        return 'Illegal base64 character ' + (byte > 127 ? byte - 256 : byte).toString(16);
      }
      if ((shift === 6 && (at === src.length || src[at++] !== 0x3d)) || shift === 18) {
        return 'Input byte array has wrong 4-byte ending unit';
      }
      break;
    }
    bits |= value << shift;
    shift -= 6;
    if (shift < 0) {
      out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      shift = 18;
      bits = 0;
    }
  }
  if (shift === 6) {
    out.push((bits >> 16) & 0xff);
  } else if (shift === 0) {
    out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff);
  } else if (shift === 12) {
    return 'Last unit does not have enough valid bits';
  }
  return at < src.length ? 'Input byte array has incorrect ending byte at ' + at : new Uint8Array(out);
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/** A map key for bytes (certificates by their DER, signers by MSP id and certificate). */
export function key(bytes: Uint8Array): string {
  return base64(bytes);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 text, or null when the bytes are not valid UTF-8. */
export function utf8Strict(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 text with malformed sequences replaced, as Java's {@code ByteString.toStringUtf8}. */
export function utf8(bytes: Uint8Array): string {
  return LENIENT_UTF8.decode(bytes);
}

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export async function sha256(...parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const data = parts.length === 1 ? parts[0]! : concat(...parts);
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

const UINT64 = (1n << 64n) - 1n;

/** A uint64 as Java's {@code Long.toString} prints the same 64 bits (signed), where the Java prints it so. */
export function signedLong(value: bigint): string {
  return BigInt.asIntN(64, value & UINT64).toString();
}

/** The next block number, wrapping as Java's {@code long} does. */
export function nextUint64(value: bigint): bigint {
  return (value + 1n) & UINT64;
}

/** Each byte as one character (ASCII text such as PEM, times and printable strings), safe for large inputs. */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}
