// The real proof fixtures of proof-verifier (src/test/resources/fixtures, see its README.md), read in place, and
// the mutations proof-verifier's MutationTest applies: one part of a bundle altered and the bundle written back in
// canonical form, so that the check responsible for that part (not the reader) is what a test sees.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckLine, Verdict } from '../../src/verify/checks';
import { base64, concat, decodeBase64, hex, parseHex } from '../../src/verify/proof/bytes';
import { SEQUENCE, children, encode, encodeUnsigned, integer, single } from '../../src/verify/proof/der';
import {
  type Block, block, chaincodeActionPayload, encodeBlock, encodeMetadata, envelope, metadata, payload, transactionActions,
} from '../../src/verify/proof/fabric';
import { type Json, member, parseJson, writeJson } from '../../src/verify/proof/json';
import { Message } from '../../src/verify/proof/protobuf';
import { type ProofTrust, verifyProofBundle } from '../../src/verify/proof/index';

/** The fixtures directory: from the console directory (build.mjs runs tests there) or from the repository root. */
export const FIXTURES = [process.cwd(), resolve(process.cwd(), '..'), resolve(dirname(process.argv[1] ?? '.'), '../../..')]
  .map((dir) => join(dir, 'proof-verifier/src/test/resources/fixtures'))
  .find((dir) => { try { return readdirSync(dir).length > 0; } catch { return false; } })
  ?? join(process.cwd(), '../proof-verifier/src/test/resources/fixtures');

export const BUNDLES = ['mint', 'transfer', 'hold', 'mvcc-invalid'] as const;

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
export const bundle = (name: string): Uint8Array => fixture(name + '.json');

/** The PEM texts of the three orgs' root CAs, by file name. */
export function rootFiles(): Map<string, string> {
  const dir = join(FIXTURES, 'roots');
  return new Map(readdirSync(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

/** Trusting the three orgs' root CAs, and nothing else. */
export const roots = (): ProofTrust => ({ roots: [...rootFiles().values()] });

export const verify = (bytes: Uint8Array, trust: ProofTrust = roots()): Promise<Verdict> => verifyProofBundle(bytes, trust);

export const lines = (verdict: Verdict): string[] =>
  verdict.checks.map((c) => (c.passed ? 'PASS ' : 'FAIL ') + c.check + ': ' + c.detail);

export const failedChecks = (verdict: Verdict): string[] => verdict.checks.filter((c) => !c.passed).map((c) => c.check).sort();

export function line(verdict: Verdict, check: string): string {
  const found: CheckLine | undefined = verdict.checks.find((c) => c.check === check);
  return found ? (found.passed ? 'PASS ' : 'FAIL ') + found.check + ': ' + found.detail : '(no ' + check + ' line)';
}

// ---- JSON trees ----

type JsonObject = Extract<Json, { kind: 'object' }>;

export const text = (value: string): Json => ({ kind: 'string', value });
export const integerJson = (value: number | bigint): Json => ({ kind: 'number', text: String(value), integral: true });

function object(json: Json | undefined): JsonObject {
  if (json?.kind !== 'object') {
    throw new Error('not an object');
  }
  return json;
}

export function put(json: Json | undefined, name: string, value: Json): void {
  const entries = object(json).entries;
  const at = entries.findIndex(([key]) => key === name);
  if (at < 0) {
    entries.push([name, value]);
  } else {
    entries[at] = [name, value];
  }
}

export function get(json: Json | undefined, ...path: Array<string | number>): Json {
  let node = json;
  for (const step of path) {
    node = typeof step === 'number' ? (node?.kind === 'array' ? node.items[step] : undefined) : member(node!, step);
  }
  if (!node) {
    throw new Error('no ' + path.join('.'));
  }
  return node;
}

export function stringOf(json: Json): string {
  if (json.kind !== 'string') {
    throw new Error('not a string');
  }
  return json.value;
}

/** One bundle as a JSON tree, altered and written back canonically. */
export class Mutations {
  private constructor(readonly root: Json) {}

  static of(bytes: Uint8Array): Mutations {
    return new Mutations(parseJson(new TextDecoder().decode(bytes).replace(/\n$/, ''))!);
  }

  bytes(): Uint8Array {
    return new TextEncoder().encode(writeJson(this.root));
  }

  get(...path: Array<string | number>): Json {
    return get(this.root, ...path);
  }

  block(field = 'block'): Block {
    return decodeBlockBytes(this.protobuf(field));
  }

  protobuf(field = 'block'): Uint8Array {
    return base64Bytes(stringOf(this.get(field, 'protobuf')));
  }

  /** Replaces the block (or configuration block) by what {@code change} makes of it. */
  withBlock(change: (block: Block) => Block, field = 'block'): this {
    put(this.get(field), 'protobuf', text(base64(encodeBlock(change(this.block(field))))));
    return this;
  }
}

export function base64Bytes(value: string): Uint8Array {
  const bytes = decodeBase64(value);
  if (typeof bytes === 'string') {
    throw new Error(bytes);
  }
  return bytes;
}

export const decodeBlockBytes = (bytes: Uint8Array): Block => block(new Message(bytes));

/** Flips the low bit of a byte of a hex field. */
export function flipHex(node: Json, field: string, index: number): void {
  const bytes = parseHex(stringOf(get(node, field)))!;
  bytes[index]! ^= 1;
  put(node, field, text(hex(bytes)));
}

export function flipBase64(node: Json, field: string, index: number): void {
  const bytes = base64Bytes(stringOf(get(node, field)));
  bytes[index]! ^= 1;
  put(node, field, text(base64(bytes)));
}

export function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index]! ^= 1;
  return copy;
}

/** {@code whole} with one bit flipped inside the first occurrence of {@code part}, at {@code offset} within it. */
export function flipWithin(whole: Uint8Array, part: Uint8Array, offset: number): Uint8Array {
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((byte, j) => whole[i + j] === byte)) {
      return flip(whole, i + offset);
    }
  }
  throw new Error('part not found');
}

export const withEnvelope = (value: Block, index: number, bytes: Uint8Array): Block =>
  ({ ...value, data: value.data.map((d, i) => (i === index ? bytes : d)) });

export const withMetadata = (value: Block, slot: number, bytes: Uint8Array): Block =>
  ({ ...value, metadata: value.metadata.map((m, i) => (i === slot ? bytes : m)) });

/** A block with one bit of an envelope's signature flipped (the envelope still parses). */
export function flipEnvelopeSignature(value: Block, index: number): Block {
  const bytes = value.data[index]!;
  const signature = envelope(new Message(bytes)).signature;
  return withEnvelope(value, index, flipWithin(bytes, signature, signature.length - 3));
}

/** The signature of an endorsement of an envelope. */
export function endorsementSignature(envelopeBytes: Uint8Array, index: number): Uint8Array {
  const body = payload(new Message(envelope(new Message(envelopeBytes)).payload));
  const action = transactionActions(new Message(body.data))[0]!;
  return chaincodeActionPayload(new Message(action)).action!.endorsements[index]!.signature;
}

/** A block whose first orderer signature is changed by {@code change}. */
export function withOrdererSignature(value: Block, change: (signature: Uint8Array) => Uint8Array): Block {
  const signed = metadata(new Message(value.metadata[0]!));
  const first = signed.signatures[0]!;
  const changed = { ...signed, signatures: [{ ...first, signature: change(first.signature) }, ...signed.signatures.slice(1)] };
  return withMetadata(value, 0, encodeMetadata(changed));
}

const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** The malleable twin (r, n - s) of an ECDSA P-256 signature: as valid mathematically, refused by Fabric. */
export function highS(der: Uint8Array): Uint8Array {
  const [r, s] = children(single(der, SEQUENCE));
  return encode(SEQUENCE, concat(encodeUnsigned(integer(r!)), encodeUnsigned(P256_ORDER - integer(s!))));
}
