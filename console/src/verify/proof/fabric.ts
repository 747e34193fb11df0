// The Fabric messages a proof reads, decoded by field number from the hyperledger/fabric-protos definitions
// (common/common.proto, peer/*.proto, ledger/rwset/*.proto, msp/*.proto). Each decoder also parses the nested
// messages protobuf-java would parse eagerly, so a message Java refuses (invalid UTF-8 deep inside) is refused here.
import { EMPTY, concat, equal } from './bytes';
import {
  Declare as F, type Field, LENGTH_DELIMITED, Message, type MessageSchema, type Nested, ProtobufError, REPEATED,
  type UnknownField, VARINT, bytesField, firstUnknown, optionalBytes, optionalVarint, parseAs, stringMap, unknownFields,
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

// ---- unknown fields ----

/**
 * Every message type a bundle carries or the verifier decodes from one, with every field hyperledger/fabric-protos
 * declares for it (as proof-verifier's protobuf-java classes do): any other field is one protobuf-java keeps as
 * unknown, and proof-verifier's UnknownFields refuses.
 */
const SCHEMAS: Readonly<Record<string, MessageSchema>> = {
  'common.Block': {
    1: F.message('header', 'common.BlockHeader'), 2: F.message('data', 'common.BlockData'),
    3: F.message('metadata', 'common.BlockMetadata'),
  },
  'common.BlockData': { 1: F.bytes('data', REPEATED) },
  'common.BlockDataHashingStructure': { 1: F.varint('width') },
  'common.BlockHeader': { 1: F.varint('number'), 2: F.bytes('previous_hash'), 3: F.bytes('data_hash') },
  'common.BlockMetadata': { 1: F.bytes('metadata', REPEATED) },
  'common.ChannelHeader': {
    1: F.varint('type'), 2: F.varint('version'), 3: F.message('timestamp', 'google.protobuf.Timestamp'),
    4: F.string('channel_id'), 5: F.string('tx_id'), 6: F.varint('epoch'), 7: F.bytes('extension'),
    8: F.bytes('tls_cert_hash'),
  },
  'common.CombinedPrincipal': { 1: F.message('principals', 'common.MSPPrincipal', REPEATED) },
  'common.Config': { 1: F.varint('sequence'), 2: F.message('channel_group', 'common.ConfigGroup') },
  'common.ConfigEnvelope': { 1: F.message('config', 'common.Config'), 2: F.message('last_update', 'common.Envelope') },
  'common.ConfigGroup': {
    1: F.varint('version'), 2: F.map('groups', 'common.ConfigGroup'), 3: F.map('values', 'common.ConfigValue'),
    4: F.map('policies', 'common.ConfigPolicy'), 5: F.string('mod_policy'),
  },
  'common.ConfigPolicy': { 1: F.varint('version'), 2: F.message('policy', 'common.Policy'), 3: F.string('mod_policy') },
  'common.ConfigValue': { 1: F.varint('version'), 2: F.bytes('value'), 3: F.string('mod_policy') },
  'common.Consenter': {
    1: F.varint('id'), 2: F.string('host'), 3: F.varint('port'), 4: F.string('msp_id'), 5: F.bytes('identity'),
    6: F.bytes('client_tls_cert'), 7: F.bytes('server_tls_cert'),
  },
  'common.Envelope': { 1: F.bytes('payload'), 2: F.bytes('signature') },
  'common.HashingAlgorithm': { 1: F.string('name') },
  'common.Header': { 1: F.bytes('channel_header'), 2: F.bytes('signature_header') },
  'common.IdentifierHeader': { 1: F.varint('identifier'), 2: F.bytes('nonce') },
  'common.ImplicitMetaPolicy': { 1: F.string('sub_policy'), 2: F.varint('rule') },
  'common.LastConfig': { 1: F.varint('index') },
  'common.MSPIdentityAnonymity': { 1: F.varint('anonymity_type') },
  'common.MSPPrincipal': { 1: F.varint('principal_classification'), 2: F.bytes('principal') },
  'common.MSPRole': { 1: F.string('msp_identifier'), 2: F.varint('role') },
  'common.Metadata': { 1: F.bytes('value'), 2: F.message('signatures', 'common.MetadataSignature', REPEATED) },
  'common.MetadataSignature': {
    1: F.bytes('signature_header'), 2: F.bytes('signature'), 3: F.bytes('identifier_header'),
  },
  'common.OrdererBlockMetadata': { 1: F.message('last_config', 'common.LastConfig'), 2: F.bytes('consenter_metadata') },
  'common.Orderers': { 1: F.message('consenter_mapping', 'common.Consenter', REPEATED) },
  'common.OrganizationUnit': {
    1: F.string('msp_identifier'), 2: F.string('organizational_unit_identifier'), 3: F.bytes('certifiers_identifier'),
  },
  'common.Payload': { 1: F.message('header', 'common.Header'), 2: F.bytes('data') },
  'common.Policy': { 1: F.varint('type'), 2: F.bytes('value') },
  'common.SignatureHeader': { 1: F.bytes('creator'), 2: F.bytes('nonce') },
  'common.SignaturePolicy': {
    1: F.varint('signed_by', 'Type'), 2: F.message('n_out_of', 'common.SignaturePolicy.NOutOf', false, 'Type'),
  },
  'common.SignaturePolicy.NOutOf': { 1: F.varint('n'), 2: F.message('rules', 'common.SignaturePolicy', REPEATED) },
  'common.SignaturePolicyEnvelope': {
    1: F.varint('version'), 2: F.message('rule', 'common.SignaturePolicy'),
    3: F.message('identities', 'common.MSPPrincipal', REPEATED),
  },
  'google.protobuf.Timestamp': { 1: F.varint('seconds'), 2: F.varint('nanos') },
  'kvrwset.KVMetadataEntry': { 1: F.string('name'), 2: F.bytes('value') },
  'kvrwset.KVMetadataWrite': { 1: F.string('key'), 2: F.message('entries', 'kvrwset.KVMetadataEntry', REPEATED) },
  'kvrwset.KVRWSet': {
    1: F.message('reads', 'kvrwset.KVRead', REPEATED),
    2: F.message('range_queries_info', 'kvrwset.RangeQueryInfo', REPEATED),
    3: F.message('writes', 'kvrwset.KVWrite', REPEATED),
    4: F.message('metadata_writes', 'kvrwset.KVMetadataWrite', REPEATED),
  },
  'kvrwset.KVRead': { 1: F.string('key'), 2: F.message('version', 'kvrwset.Version') },
  'kvrwset.KVWrite': { 1: F.string('key'), 2: F.varint('is_delete'), 3: F.bytes('value') },
  'kvrwset.QueryReads': { 1: F.message('kv_reads', 'kvrwset.KVRead', REPEATED) },
  'kvrwset.QueryReadsMerkleSummary': {
    1: F.varint('max_degree'), 2: F.varint('max_level'), 3: F.bytes('max_level_hashes', REPEATED),
  },
  'kvrwset.RangeQueryInfo': {
    1: F.string('start_key'), 2: F.string('end_key'), 3: F.varint('itr_exhausted'),
    4: F.message('raw_reads', 'kvrwset.QueryReads', false, 'reads_info'),
    5: F.message('reads_merkle_hashes', 'kvrwset.QueryReadsMerkleSummary', false, 'reads_info'),
  },
  'kvrwset.Version': { 1: F.varint('block_num'), 2: F.varint('tx_num') },
  'msp.FabricCryptoConfig': { 1: F.string('signature_hash_family'), 2: F.string('identity_identifier_hash_function') },
  'msp.FabricMSPConfig': {
    1: F.string('name'), 2: F.bytes('root_certs', REPEATED), 3: F.bytes('intermediate_certs', REPEATED),
    4: F.bytes('admins', REPEATED), 5: F.bytes('revocation_list', REPEATED),
    6: F.message('signing_identity', 'msp.SigningIdentityInfo'),
    7: F.message('organizational_unit_identifiers', 'msp.FabricOUIdentifier', REPEATED),
    8: F.message('crypto_config', 'msp.FabricCryptoConfig'), 9: F.bytes('tls_root_certs', REPEATED),
    10: F.bytes('tls_intermediate_certs', REPEATED), 11: F.message('fabric_node_ous', 'msp.FabricNodeOUs'),
  },
  'msp.FabricNodeOUs': {
    1: F.varint('enable'), 2: F.message('client_ou_identifier', 'msp.FabricOUIdentifier'),
    3: F.message('peer_ou_identifier', 'msp.FabricOUIdentifier'),
    4: F.message('admin_ou_identifier', 'msp.FabricOUIdentifier'),
    5: F.message('orderer_ou_identifier', 'msp.FabricOUIdentifier'),
  },
  'msp.FabricOUIdentifier': { 1: F.bytes('certificate'), 2: F.string('organizational_unit_identifier') },
  'msp.KeyInfo': { 1: F.string('key_identifier'), 2: F.bytes('key_material') },
  'msp.MSPConfig': { 1: F.varint('type'), 2: F.bytes('config') },
  'msp.SerializedIdentity': { 1: F.string('mspid'), 2: F.bytes('id_bytes') },
  'msp.SigningIdentityInfo': { 1: F.bytes('public_signer'), 2: F.message('private_signer', 'msp.KeyInfo') },
  'protos.ChaincodeAction': {
    1: F.bytes('results'), 2: F.bytes('events'), 3: F.message('response', 'protos.Response'),
    4: F.message('chaincode_id', 'protos.ChaincodeID'),
  },
  'protos.ChaincodeActionPayload': {
    1: F.bytes('chaincode_proposal_payload'), 2: F.message('action', 'protos.ChaincodeEndorsedAction'),
  },
  'protos.ChaincodeEndorsedAction': {
    1: F.bytes('proposal_response_payload'), 2: F.message('endorsements', 'protos.Endorsement', REPEATED),
  },
  'protos.ChaincodeEvent': {
    1: F.string('chaincode_id'), 2: F.string('tx_id'), 3: F.string('event_name'), 4: F.bytes('payload'),
  },
  'protos.ChaincodeID': { 1: F.string('path'), 2: F.string('name'), 3: F.string('version') },
  'protos.ChaincodeInput': { 1: F.bytes('args', REPEATED), 2: F.map('decorations'), 3: F.varint('is_init') },
  'protos.ChaincodeInvocationSpec': { 1: F.message('chaincode_spec', 'protos.ChaincodeSpec') },
  'protos.ChaincodeProposalPayload': { 1: F.bytes('input'), 2: F.map('TransientMap') },
  'protos.ChaincodeSpec': {
    1: F.varint('type'), 2: F.message('chaincode_id', 'protos.ChaincodeID'),
    3: F.message('input', 'protos.ChaincodeInput'), 4: F.varint('timeout'),
  },
  'protos.Endorsement': { 1: F.bytes('endorser'), 2: F.bytes('signature') },
  'protos.ProposalResponsePayload': { 1: F.bytes('proposal_hash'), 2: F.bytes('extension') },
  'protos.Response': { 1: F.varint('status'), 2: F.string('message'), 3: F.bytes('payload') },
  'protos.Transaction': { 1: F.message('actions', 'protos.TransactionAction', REPEATED) },
  'protos.TransactionAction': { 1: F.bytes('header'), 2: F.bytes('payload') },
  'rwset.CollectionHashedReadWriteSet': {
    1: F.string('collection_name'), 2: F.bytes('hashed_rwset'), 3: F.bytes('pvt_rwset_hash'),
  },
  'rwset.NsReadWriteSet': {
    1: F.string('namespace'), 2: F.bytes('rwset'),
    3: F.message('collection_hashed_rwset', 'rwset.CollectionHashedReadWriteSet', REPEATED),
  },
  'rwset.TxReadWriteSet': { 1: F.varint('data_model'), 2: F.message('ns_rwset', 'rwset.NsReadWriteSet', REPEATED) },
};

/** The role of the transaction's block: its envelope at the bundle's index is read whole (UnknownFields' roles). */
export const transactionBlockRole = (txIndex: number): string => 'envelope ' + txIndex;
/** The role of the configuration block: its envelope is read whole. */
export const CONFIG_BLOCK_ROLE = 'every envelope';
/** The role of a SIGNATURES metadata: its value is an OrdererBlockMetadata. */
export const SIGNATURES_ROLE = 'SIGNATURES';
const WHOLE = 'whole';
const LAST_CONFIG_ROLE = 'LAST_CONFIG';
const FABRIC_MSP_TYPE = 0;
/** common.Policy.PolicyType. */
const SIGNATURE_POLICY = 1;
const IMPLICIT_META_POLICY = 3;

/** The header type of a payload as the verifier reads it (0, a MESSAGE, when its channel header does not parse). */
function headerTypeOf(value: Message): number {
  const header = parseAs(value.message(1).bytes(1), 'common.ChannelHeader', SCHEMAS);
  return header === null ? 0 : header.int32(1);
}

const PRINCIPALS = ['common.MSPRole', 'common.OrganizationUnit', 'msp.SerializedIdentity', 'common.MSPIdentityAnonymity',
  'common.CombinedPrincipal'];
const CONFIG_VALUES: Readonly<Record<string, string>> = {
  MSP: 'msp.MSPConfig', HashingAlgorithm: 'common.HashingAlgorithm',
  BlockDataHashingStructure: 'common.BlockDataHashingStructure', Orderers: 'common.Orderers',
};

/** What the verifier reads a bytes field as (UnknownFields.parserOf and roleOf). */
function typeOf(parentType: string, parent: Message, field: string, index: number, role: string): string | null {
  switch (parentType + '.' + field) {
    case 'common.BlockData.data': return 'common.Envelope';
    case 'common.BlockMetadata.metadata':
      return index === SIGNATURES_SLOT || index === LAST_CONFIG_SLOT || index === COMMIT_HASH_SLOT ? 'common.Metadata' : null;
    case 'common.Metadata.value':
      return role === SIGNATURES_ROLE ? 'common.OrdererBlockMetadata' : role === LAST_CONFIG_ROLE ? 'common.LastConfig' : null;
    case 'common.MetadataSignature.signature_header': case 'common.Header.signature_header': return 'common.SignatureHeader';
    case 'common.MetadataSignature.identifier_header': return 'common.IdentifierHeader';
    case 'common.SignatureHeader.creator': case 'protos.Endorsement.endorser': return 'msp.SerializedIdentity';
    case 'common.Envelope.payload': return role === WHOLE ? 'common.Payload' : null;
    case 'common.Header.channel_header': return 'common.ChannelHeader';
    case 'common.Payload.data': {
      const type = headerTypeOf(parent);
      return type === ENDORSER_TRANSACTION ? 'protos.Transaction' : type === CONFIG_TYPE ? 'common.ConfigEnvelope' : null;
    }
    case 'protos.TransactionAction.payload': return 'protos.ChaincodeActionPayload';
    case 'protos.ChaincodeActionPayload.chaincode_proposal_payload': return 'protos.ChaincodeProposalPayload';
    case 'protos.ChaincodeProposalPayload.input': return 'protos.ChaincodeInvocationSpec';
    case 'protos.ChaincodeEndorsedAction.proposal_response_payload': return 'protos.ProposalResponsePayload';
    case 'protos.ProposalResponsePayload.extension': return 'protos.ChaincodeAction';
    case 'protos.ChaincodeAction.results': return 'rwset.TxReadWriteSet';
    case 'protos.ChaincodeAction.events': return 'protos.ChaincodeEvent';
    case 'rwset.NsReadWriteSet.rwset': return 'kvrwset.KVRWSet';
    case 'common.ConfigValue.value': return Object.hasOwn(CONFIG_VALUES, role) ? CONFIG_VALUES[role]! : null;
    case 'msp.MSPConfig.config': return parent.int32(1) === FABRIC_MSP_TYPE ? 'msp.FabricMSPConfig' : null;
    case 'common.Policy.value': {
      const type = parent.int32(1);
      return type === SIGNATURE_POLICY ? 'common.SignaturePolicyEnvelope'
        : type === IMPLICIT_META_POLICY ? 'common.ImplicitMetaPolicy' : null;
    }
    case 'common.MSPPrincipal.principal': return PRINCIPALS[parent.int32(1)] ?? null;
    default: return null;
  }
}

const nested: Nested = (parentType, parent, field, index, role) => {
  const type = typeOf(parentType, parent, field, index, role);
  if (type === null) {
    return null;
  }
  const key = parentType + '.' + field;
  // The transaction's envelope and the configuration's are read whole; nothing inside reads an envelope whole again
  // (a configuration's last update is not read).
  const inner = key === 'common.BlockData.data'
    ? (role === CONFIG_BLOCK_ROLE || role === transactionBlockRole(index) ? WHOLE : '')
    : key === 'common.BlockMetadata.metadata'
      ? (index === SIGNATURES_SLOT ? SIGNATURES_ROLE : index === LAST_CONFIG_SLOT ? LAST_CONFIG_ROLE : '')
      : '';
  return { type, role: inner };
};

/**
 * The first field Fabric's messages do not declare in {@code bytes}, a {@code type} named {@code where}, or in a
 * message the verifier decodes from it (proof-verifier's UnknownFields): protobuf-java keeps such a field and writes
 * it back unchanged, so no re-encoding reveals it. Null when there is none, or when the bytes are not a {@code type}.
 */
export function unknownField(bytes: Uint8Array, type: string, where: string, role: string): UnknownField | null {
  const value = parseAs(bytes, type, SCHEMAS);
  return value === null ? null : firstUnknown(value, type, where, role, SCHEMAS, nested);
}
