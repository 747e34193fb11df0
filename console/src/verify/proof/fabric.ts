// The Fabric messages a proof reads, decoded by field number from the hyperledger/fabric-protos definitions
// (common/common.proto, peer/*.proto, ledger/rwset/*.proto, msp/*.proto). Each decoder also parses the nested
// messages protobuf-java would parse eagerly, so a message Java refuses (invalid UTF-8 deep inside) is refused here.
import { EMPTY, concat, equal } from './bytes';
import {
  type Field, LENGTH_DELIMITED, Message, ProtobufError, VARINT, bytesField, optionalBytes, optionalVarint, stringMap,
  unknownFields,
} from './protobuf';

/** Where only the well-formedness of a nested message matters: its string fields and nested messages by number. */
type Schema = { readonly [field: number]: 'string' | Schema };

function validate(message: Message, schema: Schema): void {
  for (const [number, spec] of Object.entries(schema)) {
    if (spec === 'string') {
      message.repeatedStrings(Number(number));
    } else {
      message.repeatedMessages(Number(number)).forEach((nested) => validate(nested, spec));
    }
  }
}

/** A map<string, T> field: an entry has the key (string 1) and the value (2). */
const mapOf = (value: 'bytes' | Schema): Schema => (value === 'bytes' ? { 1: 'string' } : { 1: 'string', 2: value });

/** Parses bytes as a message, naming it when they are not one (fabric-blocks' MalformedException.parse). */
export function parse<T>(what: string, bytes: Uint8Array, decode: (message: Message) => T): T {
  try {
    return decode(new Message(bytes));
  } catch (e) {
    if (e instanceof ProtobufError) {
      throw new Malformed(what + ' is not a valid protobuf message: ' + e.message);
    }
    throw e;
  }
}

/** A block, envelope or configuration without the structure Fabric gives it (fabric-blocks' MalformedException). */
export class Malformed extends Error {}

/** {@link Malformed} with {@code message} unless {@code condition} holds (MalformedException.require). */
export function ensure(condition: boolean, message: string): void {
  if (!condition) {
    throw new Malformed(message);
  }
}

// ---- blocks: decoded with their unknown fields, so they can be written back exactly as protobuf-java would ----

export interface BlockHeader {
  readonly number: bigint;
  readonly previousHash: Uint8Array;
  readonly dataHash: Uint8Array;
  readonly unknown: readonly Field[];
}

/** common.Block; {@code dataUnknown} and {@code metadataUnknown} are null when the BlockData or BlockMetadata is absent. */
export interface Block {
  readonly header: BlockHeader;
  readonly hasHeader: boolean;
  readonly data: readonly Uint8Array[];
  readonly dataUnknown: readonly Field[] | null;
  readonly metadata: readonly Uint8Array[];
  readonly metadataUnknown: readonly Field[] | null;
  readonly unknown: readonly Field[];
}

/** Whether the block carries a BlockMetadata at all (protobuf-java's hasMetadata). */
export const hasMetadata = (value: Block): boolean => value.metadataUnknown !== null;

const LD = LENGTH_DELIMITED;

export function blockHeader(message: Message): BlockHeader {
  return {
    number: message.uint64(1), previousHash: message.bytes(2), dataHash: message.bytes(3),
    unknown: message.unknown([[1, VARINT], [2, LD], [3, LD]]),
  };
}

export function block(message: Message): Block {
  const data = message.has(2) ? message.message(2) : null;
  const metadata = message.has(3) ? message.message(3) : null;
  return {
    header: blockHeader(message.message(1)), hasHeader: message.has(1),
    data: data?.repeatedBytes(1) ?? [], dataUnknown: data?.unknown([[1, LD]]) ?? null,
    metadata: metadata?.repeatedBytes(1) ?? [], metadataUnknown: metadata?.unknown([[1, LD]]) ?? null,
    unknown: message.unknown([[1, LD], [2, LD], [3, LD]]),
  };
}

export function encodeBlockHeader(header: BlockHeader): Uint8Array {
  return concat(optionalVarint(1, header.number), optionalBytes(2, header.previousHash), optionalBytes(3, header.dataHash),
    unknownFields(header.unknown));
}

function encodeRepeated(items: readonly Uint8Array[], unknown: readonly Field[]): Uint8Array {
  return concat(...items.map((item) => bytesField(1, item)), unknownFields(unknown));
}

/** The block as protobuf-java writes it: a bundle's block must be exactly these bytes. */
export function encodeBlock(value: Block): Uint8Array {
  return concat(
    value.hasHeader ? bytesField(1, encodeBlockHeader(value.header)) : EMPTY,
    value.dataUnknown ? bytesField(2, encodeRepeated(value.data, value.dataUnknown)) : EMPTY,
    value.metadataUnknown ? bytesField(3, encodeRepeated(value.metadata, value.metadataUnknown)) : EMPTY,
    unknownFields(value.unknown));
}

/** protobuf-java's equality of two headers: the same fields, unknown ones included. */
export function sameHeader(a: BlockHeader, b: BlockHeader): boolean {
  return a.number === b.number && equal(a.previousHash, b.previousHash) && equal(a.dataHash, b.dataHash)
    && equal(unknownFields(a.unknown), unknownFields(b.unknown));
}

export interface MetadataSignature {
  readonly signatureHeader: Uint8Array;
  readonly signature: Uint8Array;
  readonly identifierHeader: Uint8Array;
  readonly unknown: readonly Field[];
}

/** common.Metadata: the value the orderers signed and their signatures. */
export interface Metadata {
  readonly value: Uint8Array;
  readonly signatures: readonly MetadataSignature[];
  readonly unknown: readonly Field[];
}

export function metadata(message: Message): Metadata {
  return {
    value: message.bytes(1),
    signatures: message.repeatedMessages(2).map((signature) => ({
      signatureHeader: signature.bytes(1), signature: signature.bytes(2), identifierHeader: signature.bytes(3),
      unknown: signature.unknown([[1, LD], [2, LD], [3, LD]]),
    })),
    unknown: message.unknown([[1, LD], [2, LD]]),
  };
}

export function encodeMetadata(value: Metadata): Uint8Array {
  const signatures = value.signatures.map((signature) => bytesField(2, concat(optionalBytes(1, signature.signatureHeader),
    optionalBytes(2, signature.signature), optionalBytes(3, signature.identifierHeader), unknownFields(signature.unknown))));
  return concat(optionalBytes(1, value.value), ...signatures, unknownFields(value.unknown));
}

/** common.OrdererBlockMetadata: the last config index, when its LastConfig is present. */
export function ordererBlockMetadata(message: Message): { readonly lastConfig: bigint | null } {
  return { lastConfig: message.has(1) ? message.message(1).uint64(1) : null };
}

/** The old LAST_CONFIG slot's value, common.LastConfig. */
export const lastConfig = (message: Message): bigint => message.uint64(1);

// ---- envelopes ----

export interface Envelope {
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
}

export const envelope = (message: Message): Envelope => ({ payload: message.bytes(1), signature: message.bytes(2) });

export interface Header {
  readonly channelHeader: Uint8Array;
  readonly signatureHeader: Uint8Array;
}

export interface Payload {
  readonly header: Header | null;
  readonly data: Uint8Array;
}

export function payload(message: Message): Payload {
  const header = message.message(1);
  return {
    header: message.has(1) ? { channelHeader: header.bytes(1), signatureHeader: header.bytes(2) } : null,
    data: message.bytes(2),
  };
}

export interface ChannelHeader {
  readonly type: number;
  readonly channelId: string;
  readonly txId: string;
}

export function channelHeader(message: Message): ChannelHeader {
  message.message(3);
  return { type: message.int32(1), channelId: message.string(4), txId: message.string(5) };
}

export interface SignatureHeader {
  readonly creator: Uint8Array;
  readonly nonce: Uint8Array;
}

export const signatureHeader = (message: Message): SignatureHeader => ({ creator: message.bytes(1), nonce: message.bytes(2) });

/** common.IdentifierHeader: a BFT orderer's consenter number. */
export const identifierHeader = (message: Message): number => message.uint32(1);

export interface SerializedIdentity {
  readonly mspId: string;
  readonly idBytes: Uint8Array;
}

export const serializedIdentity = (message: Message): SerializedIdentity => ({
  mspId: message.string(1), idBytes: message.bytes(2),
});

export function encodeSerializedIdentity(identity: SerializedIdentity): Uint8Array {
  return concat(optionalBytes(1, new TextEncoder().encode(identity.mspId)), optionalBytes(2, identity.idBytes));
}

// ---- endorser transactions ----

export interface Endorsement {
  readonly endorser: Uint8Array;
  readonly signature: Uint8Array;
}

/** peer.Transaction: each action's payload (its header is not read). */
export const transactionActions = (message: Message): Uint8Array[] =>
  message.repeatedMessages(1).map((action) => action.bytes(2));

export interface ChaincodeActionPayload {
  readonly chaincodeProposalPayload: Uint8Array;
  readonly action: { readonly proposalResponsePayload: Uint8Array; readonly endorsements: readonly Endorsement[] } | null;
}

export function chaincodeActionPayload(message: Message): ChaincodeActionPayload {
  const action = message.message(2);
  return {
    chaincodeProposalPayload: message.bytes(1),
    action: message.has(2) ? {
      proposalResponsePayload: action.bytes(1),
      endorsements: action.repeatedMessages(2).map((e) => ({ endorser: e.bytes(1), signature: e.bytes(2) })),
    } : null,
  };
}

export function chaincodeProposalPayload(message: Message): Uint8Array {
  validate(message, { 2: mapOf('bytes') });
  return message.bytes(1);
}

export interface ChaincodeSpec {
  readonly chaincodeName: string;
  readonly args: readonly Uint8Array[];
}

/** peer.ChaincodeInvocationSpec: its ChaincodeSpec, if present. */
export function chaincodeInvocationSpec(message: Message): ChaincodeSpec | null {
  const spec = message.message(1);
  const id = spec.message(2);
  validate(id, { 1: 'string', 2: 'string', 3: 'string' });
  const input = spec.message(3);
  validate(input, { 2: mapOf('bytes') });
  return message.has(1) ? { chaincodeName: id.string(2), args: input.repeatedBytes(1) } : null;
}

export interface ProposalResponsePayload {
  readonly proposalHash: Uint8Array;
  readonly extension: Uint8Array;
}

export const proposalResponsePayload = (message: Message): ProposalResponsePayload => ({
  proposalHash: message.bytes(1), extension: message.bytes(2),
});

export interface ChaincodeAction {
  readonly results: Uint8Array;
  readonly events: Uint8Array;
}

export function chaincodeAction(message: Message): ChaincodeAction {
  validate(message, { 3: { 2: 'string' }, 4: { 1: 'string', 2: 'string', 3: 'string' } });
  return { results: message.bytes(1), events: message.bytes(2) };
}

export interface ChaincodeEvent {
  readonly eventName: string;
  readonly payload: Uint8Array;
}

export function chaincodeEvent(message: Message): ChaincodeEvent {
  validate(message, { 1: 'string', 2: 'string' });
  return { eventName: message.string(3), payload: message.bytes(4) };
}

/** ledger.rwset.TxReadWriteSet: each namespace's name and KVRWSet bytes. */
export function txReadWriteSet(message: Message): Array<{ readonly namespace: string; readonly rwset: Uint8Array }> {
  return message.repeatedMessages(2).map((ns) => {
    validate(ns, { 3: { 1: 'string' } });
    return { namespace: ns.string(1), rwset: ns.bytes(2) };
  });
}

export interface KvWrite {
  readonly key: string;
  readonly isDelete: boolean;
  readonly value: Uint8Array;
}

const KV_READ: Schema = { 1: 'string', 2: {} };

/** ledger.rwset.kvrwset.KVRWSet: its writes. */
export function kvWrites(message: Message): KvWrite[] {
  validate(message, { 1: KV_READ, 2: { 1: 'string', 2: 'string', 4: { 1: KV_READ }, 5: {} }, 4: { 1: 'string', 2: { 1: 'string' } } });
  return message.repeatedMessages(3).map((w) => ({ key: w.string(1), isDelete: w.bool(2), value: w.bytes(3) }));
}

// ---- channel configuration ----

export interface ConfigGroup {
  readonly groups: ReadonlyMap<string, ConfigGroup>;
  readonly values: ReadonlyMap<string, Uint8Array>;
  readonly policies: ReadonlyMap<string, { readonly type: number; readonly value: Uint8Array }>;
}

export function configGroup(message: Message): ConfigGroup {
  message.string(5);
  const groups = new Map<string, ConfigGroup>();
  for (const [name, group] of stringMap(message, 2)) {
    groups.set(name, configGroup(group));
  }
  const values = new Map<string, Uint8Array>();
  for (const [name, value] of stringMap(message, 3)) {
    value.string(3);
    values.set(name, value.bytes(2));
  }
  const policies = new Map<string, { type: number; value: Uint8Array }>();
  for (const [name, policy] of stringMap(message, 4)) {
    policy.string(3);
    const inner = policy.message(2);
    policies.set(name, { type: inner.int32(1), value: inner.bytes(2) });
  }
  return { groups, values, policies };
}

/** common.ConfigEnvelope: its channel group (the last update is parsed, not used). */
export function configEnvelope(message: Message): ConfigGroup {
  message.message(2);
  return configGroup(message.message(1).message(2));
}

export interface MspConfig {
  readonly type: number;
  readonly config: Uint8Array;
}

export const mspConfig = (message: Message): MspConfig => ({ type: message.int32(1), config: message.bytes(2) });

export interface OuIdentifierConfig {
  readonly certificate: Uint8Array;
  readonly unit: string;
}

const ouIdentifierConfig = (message: Message): OuIdentifierConfig => ({ certificate: message.bytes(1), unit: message.string(2) });

export interface FabricMspConfig {
  readonly name: string;
  readonly rootCerts: readonly Uint8Array[];
  readonly intermediateCerts: readonly Uint8Array[];
  readonly admins: readonly Uint8Array[];
  readonly revocationList: readonly Uint8Array[];
  readonly ouIdentifiers: readonly OuIdentifierConfig[];
  readonly signatureHashFamily: string;
  readonly identityIdentifierHashFunction: string;
  readonly nodeOus: NodeOusConfig | null;
}

export interface NodeOusConfig {
  readonly enable: boolean;
  readonly client: OuIdentifierConfig | null;
  readonly peer: OuIdentifierConfig | null;
  readonly admin: OuIdentifierConfig | null;
  readonly orderer: OuIdentifierConfig | null;
}

export function fabricMspConfig(message: Message): FabricMspConfig {
  validate(message, { 6: { 2: { 1: 'string' } } });
  const crypto = message.message(8);
  const ous = message.message(11);
  const ou = (n: number): OuIdentifierConfig | null => (ous.has(n) ? ouIdentifierConfig(ous.message(n)) : null);
  const nodeOus = { enable: ous.bool(1), client: ou(2), peer: ou(3), admin: ou(4), orderer: ou(5) };
  return {
    name: message.string(1), rootCerts: message.repeatedBytes(2), intermediateCerts: message.repeatedBytes(3),
    admins: message.repeatedBytes(4), revocationList: message.repeatedBytes(5),
    ouIdentifiers: message.repeatedMessages(7).map(ouIdentifierConfig),
    signatureHashFamily: crypto.string(1), identityIdentifierHashFunction: crypto.string(2),
    nodeOus: message.has(11) ? nodeOus : null,
  };
}

export interface MspPrincipal {
  readonly classification: number;
  readonly principal: Uint8Array;
}

const mspPrincipal = (message: Message): MspPrincipal => ({ classification: message.int32(1), principal: message.bytes(2) });

/** common.SignaturePolicy: its oneof, the last case given winning (a repeated n_out_of merging), as protobuf-java. */
export type SignaturePolicy =
  | { readonly type: 'signedBy'; readonly index: number }
  | { readonly type: 'nOutOf'; readonly n: number; readonly rules: readonly SignaturePolicy[] }
  | { readonly type: 'none' };

export function signaturePolicy(message: Message): SignaturePolicy {
  let type: 'signedBy' | 'nOutOf' | 'none' = 'none';
  let index = 0;
  let nOutOf: Uint8Array[] = [];
  for (const field of message.fields) {
    if (field.number === 1 && field.wire === VARINT) {
      type = 'signedBy';
      index = Number(BigInt.asIntN(32, field.value));
    } else if (field.number === 2 && field.wire === LD) {
      nOutOf = type === 'nOutOf' ? [...nOutOf, field.value] : [field.value];
      type = 'nOutOf';
    }
  }
  if (type === 'signedBy') {
    return { type, index };
  }
  if (type === 'none') {
    return { type };
  }
  const rule = new Message(concat(...nOutOf), message.depth + 1);
  return { type, n: rule.int32(1), rules: rule.repeatedMessages(2).map(signaturePolicy) };
}

export interface SignaturePolicyEnvelope {
  readonly rule: SignaturePolicy;
  readonly identities: readonly MspPrincipal[];
}

export const signaturePolicyEnvelope = (message: Message): SignaturePolicyEnvelope => ({
  rule: signaturePolicy(message.message(2)), identities: message.repeatedMessages(3).map(mspPrincipal),
});

export interface ImplicitMetaPolicy {
  readonly subPolicy: string;
  readonly rule: number;
}

export const implicitMetaPolicy = (message: Message): ImplicitMetaPolicy => ({ subPolicy: message.string(1), rule: message.int32(2) });

export const mspRole = (message: Message): { readonly mspId: string; readonly role: number } => ({
  mspId: message.string(1), role: message.int32(2),
});

export interface OrganizationUnit {
  readonly mspId: string;
  readonly unit: string;
  readonly certifiers: Uint8Array;
}

export const organizationUnit = (message: Message): OrganizationUnit => ({
  mspId: message.string(1), unit: message.string(2), certifiers: message.bytes(3),
});

export const anonymityType = (message: Message): number => message.int32(1);

export const combinedPrincipal = (message: Message): MspPrincipal[] => message.repeatedMessages(1).map(mspPrincipal);

export const hashingAlgorithm = (message: Message): string => message.string(1);

export const blockDataHashingWidth = (message: Message): number => message.uint32(1);

export interface Consenter {
  readonly id: number;
  readonly mspId: string;
  readonly identity: Uint8Array;
}

export function orderers(message: Message): Consenter[] {
  return message.repeatedMessages(1).map((c) => {
    c.string(2);
    return { id: c.uint32(1), mspId: c.string(4), identity: c.bytes(5) };
  });
}

// ---- enum names ----

export const HEADER_TYPES = ['MESSAGE', 'CONFIG', 'CONFIG_UPDATE', 'ENDORSER_TRANSACTION', 'ORDERER_TRANSACTION',
  'DELIVER_SEEK_INFO', 'CHAINCODE_PACKAGE'] as const;
export const CONFIG_TYPE = 1;
export const ENDORSER_TRANSACTION = 3;

const TX_VALIDATION_CODES = ['VALID', 'NIL_ENVELOPE', 'BAD_PAYLOAD', 'BAD_COMMON_HEADER', 'BAD_CREATOR_SIGNATURE',
  'INVALID_ENDORSER_TRANSACTION', 'INVALID_CONFIG_TRANSACTION', 'UNSUPPORTED_TX_PAYLOAD', 'BAD_PROPOSAL_TXID',
  'DUPLICATE_TXID', 'ENDORSEMENT_POLICY_FAILURE', 'MVCC_READ_CONFLICT', 'PHANTOM_READ_CONFLICT', 'UNKNOWN_TX_TYPE',
  'TARGET_CHAIN_NOT_FOUND', 'MARSHAL_TX_ERROR', 'NIL_TXACTION', 'EXPIRED_CHAINCODE', 'CHAINCODE_VERSION_CONFLICT',
  'BAD_HEADER_EXTENSION', 'BAD_CHANNEL_HEADER', 'BAD_RESPONSE_PAYLOAD', 'BAD_RWSET', 'ILLEGAL_WRITESET',
  'INVALID_WRITESET', 'INVALID_CHAINCODE'];

/** peer.TxValidationCode's name of a flag, or null for a number it does not define. */
export function txValidationCode(flag: number): string | null {
  if (flag === 254) {
    return 'NOT_VALIDATED';
  }
  if (flag === 255) {
    return 'INVALID_OTHER_REASON';
  }
  return TX_VALIDATION_CODES[flag] ?? null;
}

/** common.BlockMetadataIndex. */
export const SIGNATURES_SLOT = 0;
export const LAST_CONFIG_SLOT = 1;
export const TRANSACTIONS_FILTER_SLOT = 2;
export const COMMIT_HASH_SLOT = 4;
