// Reads a version-1 proof bundle (docs/proof-bundle.md) as proof-verifier's BundleReader does. The file must be in
// canonical form (compact JSON exactly as the node writes it, an optional final newline), each embedded protobuf
// must re-encode to its own bytes, and no protobuf message it carries or the verifier decodes from it may hold a
// field Fabric's messages do not declare (it would re-encode unchanged): then no byte of the file can change without
// changing what the checks examine.
import { base64, decodeBase64, equal, parseHex, utf8Strict } from './bytes';
import {
  type Block, type BlockHeader, CONFIG_BLOCK_ROLE, type Metadata, SIGNATURES_ROLE, block, encodeBlock, encodeMetadata,
  hasMetadata, metadata, transactionBlockRole, unknownField,
} from './fabric';
import { type Json, JsonError, parseJson, writeJson } from './json';
import { Message, ProtobufError } from './protobuf';

export const FORMAT = 'ledger-node-proof-bundle';
export const ATTESTATION_FORMAT = 'ledger-node-validity-attestation';
/** Largest bundle read: a full block of Fabric's 10 MiB maximum, base64, with a long header chain. */
const BUNDLE_BYTES_MAX = 256 * 1024 * 1024;
const HEADERS_MAX = 1_000_000;
const ATTESTATIONS_MAX = 64;
const EFFECTS_MAX = 100_000;
const INT_MAX = 2147483647n;
const LONG_MAX = (1n << 63n) - 1n;

/** The bundle is not a readable version-1 proof bundle: bad JSON, a missing field, bad base64 or hex, bad protobuf. */
export class BundleFormatError extends Error {}

/** One member org's signed statement about one block, as its own peer has it. */
export interface Attestation {
  readonly mspId: string;
  readonly certificatePem: string;
  readonly channel: string;
  readonly blockNumber: bigint;
  readonly headerHash: Uint8Array;
  readonly validationFlags: Uint8Array;
  readonly commitHash: Uint8Array;
  readonly signature: Uint8Array;
}

export interface ClaimedEntry {
  readonly account: string;
  readonly asset: string;
  readonly kind: string;
  readonly amount: string;
  readonly holdId: string | null;
}

export interface ClaimedWrite {
  readonly namespace: string;
  readonly key: string;
  readonly delete: boolean;
  readonly value: Uint8Array;
}

export interface ClaimedEffects {
  readonly applied: boolean;
  readonly chaincode: string;
  readonly function: string;
  readonly eventName: string | null;
  readonly entries: readonly ClaimedEntry[];
  readonly writes: readonly ClaimedWrite[];
}

export interface Claim {
  readonly validationCode: string;
  readonly effects: ClaimedEffects | null;
}

/** A proof bundle read from its file, its protobuf parts decoded but nothing yet believed. */
export interface ProofBundle {
  readonly version: number;
  readonly channel: string;
  readonly txId: string;
  readonly blockNumber: bigint;
  readonly txIndex: number;
  readonly block: Block;
  readonly configBlockNumber: bigint;
  readonly configBlock: Block;
  readonly headers: readonly BlockHeader[];
  readonly endBlockSignatures: Metadata;
  readonly attestations: readonly Attestation[];
  readonly claim: Claim;
}

const BUNDLE_FIELDS = ['format', 'version', 'channel', 'txId', 'block', 'configBlock', 'headers', 'endBlockSignatures',
  'attestations', 'claim'];
const BLOCK_FIELDS = ['number', 'txIndex', 'protobuf'];
const CONFIG_FIELDS = ['number', 'protobuf'];
const HEADER_FIELDS = ['number', 'previousHash', 'dataHash'];
const ATTESTATION_FIELDS = ['format', 'version', 'mspId', 'certificate', 'channel', 'blockNumber', 'headerHash',
  'validationFlags', 'commitHash', 'signature'];
const CLAIM_FIELDS = ['validationCode', 'effects'];
const EFFECTS_FIELDS = ['applied', 'chaincode', 'function', 'eventName', 'entries', 'writes'];
const ENTRY_FIELDS = ['account', 'asset', 'kind', 'amount', 'holdId'];
const WRITE_FIELDS = ['namespace', 'key', 'delete', 'value'];

/** Strict access to one JSON object of the bundle: exactly the fields the format names, each of its type. */
class Fields {
  private constructor(private readonly values: ReadonlyMap<string, Json>, private readonly where: string) {}

  static of(node: Json | undefined, where: string, names: readonly string[]): Fields {
    if (node?.kind !== 'object') {
      throw new BundleFormatError(where + ' is not a JSON object');
    }
    for (const [name] of node.entries) {
      if (!names.includes(name)) {
        throw new BundleFormatError(where + " has an unknown field '" + name + "'");
      }
    }
    const values = new Map(node.entries);
    for (const name of names) {
      if (!values.has(name)) {
        throw new BundleFormatError(where + " has no field '" + name + "'");
      }
    }
    return new Fields(values, where);
  }

  at(field: string): string {
    return this.where + '.' + field;
  }

  node(field: string): Json {
    return this.values.get(field)!;
  }

  isNull(field: string): boolean {
    return this.node(field).kind === 'null';
  }

  text(field: string): string {
    const value = this.node(field);
    if (value.kind !== 'string') {
      throw new BundleFormatError(this.at(field) + ' is not a string');
    }
    return value.value;
  }

  textOrNull(field: string): string | null {
    return this.isNull(field) ? null : this.text(field);
  }

  /** A non-negative integer that fits a signed 64-bit long. */
  count(field: string): bigint {
    const value = this.node(field);
    const number = value.kind === 'number' && value.integral ? BigInt(value.text) : -1n;
    if (number < 0n || number > LONG_MAX) {
      throw new BundleFormatError(this.at(field) + ' is not a non-negative integer');
    }
    return number;
  }

  smallCount(field: string): number {
    const value = this.count(field);
    if (value > INT_MAX) {
      throw new BundleFormatError(this.at(field) + ' is too large');
    }
    return Number(value);
  }

  bool(field: string): boolean {
    const value = this.node(field);
    if (value.kind !== 'boolean') {
      throw new BundleFormatError(this.at(field) + ' is not true or false');
    }
    return value.value;
  }

  array(field: string, sizeMax: number): Json[] {
    const value = this.node(field);
    if (value.kind !== 'array') {
      throw new BundleFormatError(this.at(field) + ' is not an array');
    }
    if (value.items.length > sizeMax) {
      throw new BundleFormatError(this.at(field) + ' has ' + value.items.length + ' items, more than ' + sizeMax);
    }
    return value.items;
  }

  /** Standard base64 with padding, in its canonical spelling (no unused bits set, so no two texts for one value). */
  base64(field: string): Uint8Array {
    const text = this.text(field);
    const bytes = decodeBase64(text);
    if (typeof bytes === 'string') {
      throw new BundleFormatError(this.at(field) + ' is not base64: ' + bytes);
    }
    if (base64(bytes) !== text) {
      throw new BundleFormatError(this.at(field) + ' is not canonical base64');
    }
    return bytes;
  }

  hex(field: string): Uint8Array {
    const bytes = parseHex(this.text(field));
    if (bytes === null) {
      throw new BundleFormatError(this.at(field) + ' is not lowercase hex');
    }
    return bytes;
  }
}

/** The bundle in {@code json}; {@link BundleFormatError} says why it cannot be read. */
export function readBundle(json: Uint8Array): ProofBundle {
  const bundle = Fields.of(canonicalTree(json, 'bundle'), 'bundle', BUNDLE_FIELDS);
  requireFormat(bundle, FORMAT);
  const blockFields = Fields.of(bundle.node('block'), 'bundle.block', BLOCK_FIELDS);
  const config = Fields.of(bundle.node('configBlock'), 'bundle.configBlock', CONFIG_FIELDS);
  const configBlock = canonicalBlock(config, 'configBlock');
  // Only a configuration block's header and data are proven (by the header chain); metadata would be bytes that
  // nothing checks.
  if (hasMetadata(configBlock)) {
    throw new BundleFormatError('bundle.configBlock carries metadata; a bundle carries only its header and data');
  }
  requireKnownFields(encodeBlock(configBlock), 'common.Block', 'bundle.configBlock', CONFIG_BLOCK_ROLE);
  const channel = bundle.text('channel');
  const txId = bundle.text('txId');
  const blockNumber = blockFields.count('number');
  const txIndex = blockFields.smallCount('txIndex');
  const txBlock = canonicalBlock(blockFields, 'block');
  requireKnownFields(encodeBlock(txBlock), 'common.Block', 'bundle.block', transactionBlockRole(txIndex));
  const configBlockNumber = config.count('number');
  const headers = readHeaders(bundle);
  const endBlockSignatures = readEndBlockSignatures(bundle);
  const attestations = bundle.array('attestations', ATTESTATIONS_MAX)
    .map((item, i) => attestation(item, 'bundle.attestations[' + i + ']'));
  const claim = readClaim(Fields.of(bundle.node('claim'), 'bundle.claim', CLAIM_FIELDS));
  return { version: 1, channel, txId, blockNumber, txIndex, block: txBlock, configBlockNumber, configBlock, headers,
    endBlockSignatures, attestations, claim };
}

/** One attestation document, as a node serves it and a bundle embeds it. */
export function readAttestation(json: Uint8Array): Attestation {
  return attestation(canonicalTree(json, 'attestation'), 'attestation');
}

/** Parses strictly and insists the text is the one compact form the writer produces. */
function canonicalTree(json: Uint8Array, what: string): Json {
  if (json.length > BUNDLE_BYTES_MAX) {
    throw new BundleFormatError(what + ' is ' + json.length + ' bytes, more than ' + BUNDLE_BYTES_MAX);
  }
  const body = json.length > 0 && json[json.length - 1] === 0x0a ? json.subarray(0, json.length - 1) : json;
  const text = utf8Strict(body);
  if (text === null) {
    throw new BundleFormatError(what + ' is not valid JSON: Invalid UTF-8');
  }
  let tree: Json | null;
  try {
    tree = parseJson(text);
  } catch (e) {
    throw e instanceof JsonError ? new BundleFormatError(what + ' is not valid JSON: ' + e.message) : e;
  }
  if (tree === null || writeJson(tree) !== text) {
    throw new BundleFormatError(what + ' is not in canonical form (compact JSON exactly as the node writes it; '
      + 'was the file reformatted or edited?)');
  }
  return tree;
}

function requireFormat(fields: Fields, format: string): void {
  if (fields.text('format') !== format) {
    throw new BundleFormatError(fields.at('format') + ' is not ' + format);
  }
  if (fields.count('version') !== 1n) {
    throw new BundleFormatError(fields.at('version') + ' ' + writeJson(fields.node('version'))
      + ' is not supported (this verifier reads version 1)');
  }
}

/** Parses a protobuf part of the bundle, naming it when it is not one. */
function parseProtobuf<T>(bytes: Uint8Array, what: string, decode: (message: Message) => T): T {
  try {
    return decode(new Message(bytes));
  } catch (e) {
    throw e instanceof ProtobufError ? new BundleFormatError(what + ' is not a valid protobuf message: ' + e.message) : e;
  }
}

function canonicalBlock(fields: Fields, what: string): Block {
  const bytes = fields.base64('protobuf');
  const value = parseProtobuf(bytes, what, block);
  // Fabric's blocks are plain protobuf with no maps, so Go and Java encode them identically; a different
  // re-encoding means bytes the checks would not see (a non-minimal length, fields out of order). An unknown field
  // after the known ones re-encodes as it was read: requireKnownFields refuses those.
  if (!equal(encodeBlock(value), bytes)) {
    throw new BundleFormatError('bundle.' + what + ' is not canonically encoded protobuf');
  }
  return value;
}

function readHeaders(bundle: Fields): BlockHeader[] {
  return bundle.array('headers', HEADERS_MAX).map((item, i) => {
    const header = Fields.of(item, 'bundle.headers[' + i + ']', HEADER_FIELDS);
    return { number: header.count('number'), previousHash: header.hex('previousHash'), dataHash: header.hex('dataHash'),
      unknown: [] };
  });
}

function readEndBlockSignatures(bundle: Fields): Metadata {
  const bytes = bundle.base64('endBlockSignatures');
  const value = parseProtobuf(bytes, 'bundle.endBlockSignatures', metadata);
  if (!equal(encodeMetadata(value), bytes)) {
    throw new BundleFormatError('bundle.endBlockSignatures is not canonically encoded protobuf');
  }
  requireKnownFields(bytes, 'common.Metadata', 'bundle.endBlockSignatures', SIGNATURES_ROLE);
  return value;
}

/**
 * Refuses a field Fabric's messages do not declare, in a protobuf part of the bundle or in a message the verifier
 * decodes from it (proof-verifier's UnknownFields): it would re-encode unchanged, bytes that no check examines.
 */
function requireKnownFields(bytes: Uint8Array, type: string, where: string, role: string): void {
  const unknown = unknownField(bytes, type, where, role);
  if (unknown !== null) {
    throw new BundleFormatError(unknown.where + ' (' + unknown.type + ') has an unknown protobuf field ' + unknown.number
      + ', which no check would examine');
  }
}

function attestation(node: Json, where: string): Attestation {
  const fields = Fields.of(node, where, ATTESTATION_FIELDS);
  requireFormat(fields, ATTESTATION_FORMAT);
  return {
    mspId: fields.text('mspId'), certificatePem: fields.text('certificate'), channel: fields.text('channel'),
    blockNumber: fields.count('blockNumber'), headerHash: fields.hex('headerHash'),
    validationFlags: fields.hex('validationFlags'), commitHash: fields.hex('commitHash'), signature: fields.base64('signature'),
  };
}

function readClaim(claim: Fields): Claim {
  if (claim.isNull('effects')) {
    return { validationCode: claim.text('validationCode'), effects: null };
  }
  const effects = Fields.of(claim.node('effects'), 'bundle.claim.effects', EFFECTS_FIELDS);
  const entries = effects.array('entries', EFFECTS_MAX).map((item, i) => {
    const entry = Fields.of(item, 'bundle.claim.effects.entries[' + i + ']', ENTRY_FIELDS);
    return { account: entry.text('account'), asset: entry.text('asset'), kind: entry.text('kind'),
      amount: entry.text('amount'), holdId: entry.textOrNull('holdId') };
  });
  const writes = effects.array('writes', EFFECTS_MAX).map((item, i) => {
    const write = Fields.of(item, 'bundle.claim.effects.writes[' + i + ']', WRITE_FIELDS);
    return { namespace: write.text('namespace'), key: write.text('key'), delete: write.bool('delete'),
      value: write.base64('value') };
  });
  return {
    validationCode: claim.text('validationCode'),
    effects: { applied: effects.bool('applied'), chaincode: effects.text('chaincode'), function: effects.text('function'),
      eventName: effects.textOrNull('eventName'), entries, writes },
  };
}
