import type { CheckLine } from '../checks';

/** A copy backed by a plain ArrayBuffer: WebCrypto refuses views of shared or resizable buffers. */
export function ownBytes(bytes: ArrayLike<number> | ArrayBuffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes instanceof ArrayBuffer ? bytes.slice(0) : bytes);
}

/** Lower-case hex, as Java's HexFormat writes it (the manifest's digests are compared as text). */
export function hex(bytes: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    text += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  }
  return text;
}

export function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) {
    return false;
  }
  let difference = 0;
  for (let i = 0; i < a.length; i++) {
    difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return difference === 0;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', ownBytes(bytes))));
}

/** What went wrong, for a detail line: hostile input may throw anything, not only Errors. */
export function reason(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

export function passed(check: string, detail: string): CheckLine {
  return { check, passed: true, detail };
}

export function failed(check: string, detail: string): CheckLine {
  return { check, passed: false, detail };
}
