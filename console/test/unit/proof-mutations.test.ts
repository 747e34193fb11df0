// One byte altered in each part of a real bundle is rejected by the check responsible for that part, as
// proof-verifier's MutationTest and AnyByteAlteredTest show for the Java verifier (the expected lines are the Java
// verifier's). Protobuf parts are altered inside a signature or a hash, so they still parse, and the bundle is
// written back canonically, so the change reaches the checks rather than stopping at the reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64, concat, utf8Bytes } from '../../src/verify/proof/bytes';
import { type Block, type Metadata, encodeMetadata, metadata } from '../../src/verify/proof/fabric';
import {
  type Field, LENGTH_DELIMITED, Message, VARINT, bytesField, fields, varintField,
} from '../../src/verify/proof/protobuf';
import {
  BUNDLES, Mutations, base64Bytes, bundle, endorsementSignature, failedChecks, fixture, flip, flipBase64,
  flipEnvelopeSignature, flipHex, flipWithin, get, highS, line, lines, put, roots, stringOf, text, verify, withEnvelope,
  withMetadata, withOrdererSignature,
} from './proof-fixtures';
import { verifyProofBundle } from '../../src/verify/proof/index';

const MVCC = 'mvcc-invalid';
const NOT_ATTESTED = ['effects', 'outcome', 'validity-attestations'];

test('a byte of the transaction envelope fails the data hash and its creator signature', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => flipEnvelopeSignature(b, 1)).bytes());

  assert.deepEqual(failedChecks(verdict), ['creator-signature', 'data-hash']);
  assert.equal(line(verdict, 'creator-signature'), 'FAIL creator-signature: the envelope signature by Org1MSP '
    + 'CN=User1@org1.ledger.local: the signature does not verify');
});

test('a byte of another transaction in the block fails the data hash alone', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => flipEnvelopeSignature(b, 0)).bytes());

  assert.deepEqual(failedChecks(verdict), ['data-hash']);
  assert.match(line(verdict, 'data-hash'), /over the block's 2 envelopes is/);
});

test('a byte of the block header fails the orderer signatures, the header chain and the attestations', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) =>
    ({ ...b, header: { ...b.header, previousHash: flip(b.header.previousHash, 7) } })).bytes());

  assert.deepEqual(failedChecks(verdict), ['effects', 'header-chain', 'orderer-signatures', 'outcome', 'validity-attestations']);
  assert.equal(line(verdict, 'orderer-signatures'), 'FAIL orderer-signatures: block 39: orderer signature 0 by OrdererMSP '
    + 'CN=orderer0.orderer.ledger.local: the signature does not verify');
  assert.equal(line(verdict, 'header-chain'), "FAIL header-chain: the carried header of block 39 differs from the block's own header");
});

test('a previous hash in the header chain after the block fails the header chain alone', async () => {
  const mutations = Mutations.of(bundle(MVCC));
  flipHex(mutations.get('headers', 44), 'previousHash', 3);

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), ['header-chain']);
  assert.equal(line(verdict, 'header-chain'), "FAIL header-chain: block 44's previous hash "
    + "eff9f58404131010ceee2dbffb77cbe161ca1a0aad4243c49968665c2ec3434d is not the hash of block 43's header, "
    + 'eff9f58504131010ceee2dbffb77cbe161ca1a0aad4243c49968665c2ec3434d');
});

test('a previous hash between the configuration block and the block also unauthenticates the configuration', async () => {
  const mutations = Mutations.of(bundle(MVCC));
  flipHex(mutations.get('headers', 5), 'previousHash', 0);

  const verdict = await verify(mutations.bytes());

  assert.ok(failedChecks(verdict).includes('header-chain'));
  assert.match(line(verdict, 'config-block'), /is not authenticated: block 5's previous hash/);
  assert.equal(line(verdict, 'orderer-signatures'), 'FAIL orderer-signatures: not checked: no authenticated channel configuration');
});

test('a byte of the orderer signature fails the orderer signatures alone', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => withOrdererSignature(b, (s) => flip(s, 20))).bytes());

  assert.deepEqual(failedChecks(verdict), ['orderer-signatures']);
  assert.match(line(verdict, 'orderer-signatures'), /orderer signature 0 by OrdererMSP/);
});

test('the malleable high-S twin of the orderer signature is refused as Fabric refuses it', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => withOrdererSignature(b, highS)).bytes());

  assert.deepEqual(failedChecks(verdict), ['orderer-signatures']);
  assert.equal(line(verdict, 'orderer-signatures'), 'FAIL orderer-signatures: block 39: orderer signature 0 by OrdererMSP '
    + "CN=orderer0.orderer.ledger.local: the signature's s is above half the curve order (Fabric accepts only low-S signatures)");
});

test('a byte of an endorsement signature fails the endorsements, the data hash and the creator signature over it', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) =>
    withEnvelope(b, 1, flipWithin(b.data[1]!, endorsementSignature(b.data[1]!, 1), 12))).bytes());

  assert.deepEqual(failedChecks(verdict), ['creator-signature', 'data-hash', 'endorsements']);
  assert.equal(line(verdict, 'endorsements'),
    'FAIL endorsements: endorsement 1 by Org2MSP CN=peer0.org2.ledger.local: the signature does not verify');
});

test('a byte of the configuration block fails the configuration and everything that needs it', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((config) =>
    withEnvelope(config, 0, flipWithin(config.data[0]!, utf8Bytes('MIIC'), 2)), 'configBlock').bytes());

  assert.equal(line(verdict, 'config-block'),
    "FAIL config-block: configuration block 0's data does not match its header's data hash");
  assert.deepEqual(failedChecks(verdict), ['config-block', 'creator-signature', 'effects', 'endorsements', 'header-chain',
    'orderer-signatures', 'outcome', 'validity-attestations']);
});

test('a configuration block altered with its header is no longer linked to the block', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((config) =>
    ({ ...config, header: { ...config.header, dataHash: flip(config.header.dataHash, 1) } }), 'configBlock').bytes());

  assert.ok(failedChecks(verdict).includes('config-block'));
});

test('a byte of an attestation signature fails the validity attestations', async () => {
  const mutations = Mutations.of(bundle(MVCC));
  flipBase64(mutations.get('attestations', 1), 'signature', 30);

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), NOT_ATTESTED);
  assert.equal(line(verdict, 'validity-attestations'), 'FAIL validity-attestations: attestation 1 (Org2MSP): signature by '
    + 'Org2MSP CN=User1@org2.ledger.local: the signature does not verify');
});

test('attested flags altered without the key fail the validity attestations', async () => {
  const mutations = Mutations.of(bundle(MVCC));
  put(mutations.get('attestations', 0), 'validationFlags', text('0000'));

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), NOT_ATTESTED);
  assert.match(line(verdict, 'validity-attestations'), /attestation 0 \(Org1MSP\): signature by Org1MSP/);
});

test("an org's forged view (the org2-claims attestation substituted) is reported as disagreement, never outvoted", async () => {
  const mutations = Mutations.of(bundle(MVCC));
  const attestations = mutations.get('attestations');
  assert.equal(attestations.kind, 'array');
  attestations.items[1] = Mutations.of(fixture('mvcc-invalid.org2-claims-all-valid.attestation.json')).root;

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), NOT_ATTESTED);
  assert.equal(line(verdict, 'validity-attestations'), 'FAIL validity-attestations: member orgs disagree about block 39: '
    + 'Org1MSP attests flags 000b and commit hash 7b50272755cea2bde34abaf7b52aa3f7ba3a3ec739be29eaf3251e1713e9d2f8; '
    + 'Org2MSP attests flags 0000 and commit hash 7b50272755cea2bde34abaf7b52aa3f7ba3a3ec739be29eaf3251e1713e9d2f8');
});

test("the block's own validation flags altered fail the validity attestations", async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => withMetadata(b, 2, new Uint8Array([0, 0]))).bytes());

  assert.deepEqual(failedChecks(verdict), NOT_ATTESTED);
  assert.equal(line(verdict, 'validity-attestations'),
    "FAIL validity-attestations: the block's own TRANSACTIONS_FILTER 0000 differs from the attested flags 000b");
});

test("the block's own commit hash altered fails the validity attestations", async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => withMetadata(b, 4, flip(b.metadata[4]!, 9))).bytes());

  assert.match(line(verdict, 'validity-attestations'), /the block's own COMMIT_HASH/);
});

test('claiming valid for the invalid transaction fails the outcome and the effects', async () => {
  const mutations = Mutations.of(bundle(MVCC));
  put(mutations.get('claim'), 'validationCode', text('VALID'));
  put(mutations.get('claim', 'effects'), 'applied', { kind: 'boolean', value: true });

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), ['effects', 'outcome']);
  assert.equal(line(verdict, 'outcome'),
    'FAIL outcome: the transaction is recorded INVALID (MVCC_READ_CONFLICT), the bundle claims VALID');
  assert.equal(line(verdict, 'effects'),
    'FAIL effects: the bundle claims the effects were applied, but the transaction is recorded INVALID');
});

test('a claimed amount altered fails the effects alone', async () => {
  const mutations = Mutations.of(bundle('transfer'));
  put(mutations.get('claim', 'effects', 'entries', 1), 'amount', text('2501'));

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), ['effects']);
  assert.equal(line(verdict, 'effects'), "FAIL effects: the event's entries are [DEBIT 2500 P1CT2A8 proof-alice-1CT2A8, "
    + 'CREDIT 2500 P1CT2A8 proof-bob-1CT2A8], the bundle claims [DEBIT 2500 P1CT2A8 proof-alice-1CT2A8, '
    + 'CREDIT 2501 P1CT2A8 proof-bob-1CT2A8]');
});

test('a claimed write altered fails the effects alone', async () => {
  const mutations = Mutations.of(bundle('mint'));
  flipBase64(mutations.get('claim', 'effects', 'writes', 0), 'value', 0);

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), ['effects']);
  assert.match(line(verdict, 'effects'), /^FAIL effects: the transaction writes \[ledger:\/credit\/proof-alice-1CT2A8\//);
});

test('another index in the block names another transaction', async () => {
  const mutations = Mutations.of(bundle(MVCC));
  put(mutations.get('block'), 'txIndex', { kind: 'number', text: '0', integral: true });

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), ['effects', 'outcome', 'tx-in-block']);
  assert.equal(line(verdict, 'tx-in-block'), 'FAIL tx-in-block: envelope 0 is transaction '
    + '259eafc9583b90de5aff4ce5a02a0cd4f6135368010fa49bca5e52b690fd8867, not '
    + '6271c8217ffa696e53eb4b4bf0c4c3490a47d2b051e102956f55c87e0402bb18');
});

test('a claimed event name altered fails the effects alone', async () => {
  const mutations = Mutations.of(bundle('hold'));
  put(get(mutations.root, 'claim', 'effects'), 'eventName', text('HOLD_VOIDED'));

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), ['effects']);
  assert.equal(line(verdict, 'effects'), "FAIL effects: the transaction's event is HOLD_PLACED, the bundle claims HOLD_VOIDED");
});

/** A bit flip, and the neighbouring character: both stay printable where the original was (AnyByteAlteredTest). */
const replacements = (byte: number): number[] => [byte ^ 1, byte + 1 === 127 ? byte - 1 : byte + 1];

test('no single altered byte anywhere in a bundle passes, and none makes the verifier throw', async () => {
  const original = bundle(MVCC);
  const trust = roots();
  const passed: string[] = [];
  const stride = Math.floor(original.length / 120);
  for (let position = 0; position < original.length; position += stride) {
    for (const replacement of replacements(original[position]!)) {
      const altered = original.slice();
      altered[position] = replacement & 0xff;
      if ((await verifyProofBundle(altered, trust)).passed) {
        passed.push('byte ' + position + ' -> ' + replacement);
      }
    }
  }

  assert.deepEqual(passed, []);
});

test('the lines stay one per check when a mutation breaks several', async () => {
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => flipEnvelopeSignature(b, 1)).bytes());

  assert.equal(lines(verdict).length, 11);
});

// ---- unknown protobuf fields (proof-verifier's UnknownFieldsTest, the same lines) ----

/** Field 99, varint 1: what protobuf-java writes after a message's known fields. */
const FIELD_99 = varintField(99, 1n);
const UNKNOWN_99: Field[] = [{ number: 99, wire: VARINT, value: 1n }];
const UNKNOWN = ' has an unknown protobuf field 99, which no check would examine';
const TX_PAYLOAD = 'bundle.block.data.data[1].payload';
const appendUnknown = (bytes: Uint8Array): Uint8Array => concat(bytes, FIELD_99);

/** A message's bytes with the last occurrence of length-delimited field {@code number} (or a map entry's value) changed. */
function withField(bytes: Uint8Array, number: number, change: (value: Uint8Array) => Uint8Array, occurrence = -1): Uint8Array {
  const all = fields(bytes);
  const matching = all.filter((f) => f.number === number && f.wire === LENGTH_DELIMITED);
  const target = matching[occurrence < 0 ? matching.length - 1 : occurrence];
  assert.ok(target, 'no field ' + number);
  return concat(...all.map((f) => {
    if (f === target) {
      return bytesField(f.number, change(f.value as Uint8Array));
    }
    assert.ok(f.wire === VARINT || f.wire === LENGTH_DELIMITED, 'only varint and length-delimited fields are rewritten');
    return f.wire === VARINT ? varintField(f.number, f.value as bigint) : bytesField(f.number, f.value as Uint8Array);
  }));
}

/** A map's entry of {@code key} (field {@code number}) with its value changed. */
function withEntry(bytes: Uint8Array, number: number, key: string, change: (value: Uint8Array) => Uint8Array): Uint8Array {
  const at = fields(bytes).filter((f) => f.number === number && f.wire === LENGTH_DELIMITED)
    .findIndex((f) => new Message(f.value as Uint8Array).string(1) === key);
  assert.ok(at >= 0, 'no entry ' + key);
  return withField(bytes, number, (entry) => withField(entry, 2, change), at);
}

/** Envelope -> its payload. */
const withPayload = (value: Block, index: number, change: (payload: Uint8Array) => Uint8Array): Block =>
  withEnvelope(value, index, withField(value.data[index]!, 1, change));

function withEndBlockSignatures(mutations: Mutations, change: (value: Metadata) => Uint8Array): Mutations {
  const bytes = base64Bytes(stringOf(mutations.get('endBlockSignatures')));
  put(mutations.root, 'endBlockSignatures', text(base64(change(metadata(new Message(bytes))))));
  return mutations;
}

async function assertUnreadable(mutations: Mutations, where: string): Promise<void> {
  const verdict = await verify(mutations.bytes());

  assert.deepEqual(lines(verdict), ['FAIL bundle: ' + where + UNKNOWN]);
}

test('an unknown field appended to the block makes the bundle unreadable', async () => {
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) => ({ ...b, unknown: UNKNOWN_99 })),
    'bundle.block (common.Block)');
});

test("an unknown field appended to the block's header, data or metadata makes the bundle unreadable", async () => {
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) => ({ ...b, header: { ...b.header, unknown: UNKNOWN_99 } })),
    'bundle.block.header (common.BlockHeader)');
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) => ({ ...b, dataUnknown: UNKNOWN_99 })),
    'bundle.block.data (common.BlockData)');
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) => ({ ...b, metadataUnknown: UNKNOWN_99 })),
    'bundle.block.metadata (common.BlockMetadata)');
});

test("an unknown field appended to the transaction's envelope makes the bundle unreadable", async () => {
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) => withEnvelope(b, 1, appendUnknown(b.data[1]!))),
    'bundle.block.data.data[1] (common.Envelope)');
});

test('an unknown field appended to another envelope of the block makes the bundle unreadable', async () => {
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) => withEnvelope(b, 0, appendUnknown(b.data[0]!))),
    'bundle.block.data.data[0] (common.Envelope)');
});

test("an unknown field in the transaction's channel header makes the bundle unreadable", async () => {
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) =>
    withPayload(b, 1, (payload) => withField(payload, 1, (header) => withField(header, 1, appendUnknown)))),
  TX_PAYLOAD + '.header.channel_header (common.ChannelHeader)');
});

test("an unknown field deep in the transaction's chaincode event makes the bundle unreadable", async () => {
  const responseEvent = (response: Uint8Array): Uint8Array =>
    withField(response, 2, (chaincodeAction) => withField(chaincodeAction, 2, appendUnknown));
  const actionPayload = (payload: Uint8Array): Uint8Array =>
    withField(payload, 2, (endorsed) => withField(endorsed, 1, responseEvent));
  const event = (transaction: Uint8Array): Uint8Array =>
    withField(transaction, 1, (action) => withField(action, 2, actionPayload), 0);
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) =>
    withPayload(b, 1, (payload) => withField(payload, 2, event))),
  TX_PAYLOAD + '.data.actions[0].payload.action.proposal_response_payload.extension.events (protos.ChaincodeEvent)');
});

test("an unknown field inside another transaction's payload is left to the data hash", async () => {
  // The verifier never decodes the other envelopes: their bytes count only for the block's signed data hash.
  const verdict = await verify(Mutations.of(bundle(MVCC)).withBlock((b) => withPayload(b, 0, appendUnknown)).bytes());

  assert.deepEqual(failedChecks(verdict), ['data-hash']);
});

test("an unknown field in the block's orderer signatures makes the bundle unreadable", async () => {
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((b) => {
    const signed = metadata(new Message(b.metadata[0]!));
    const signatures = [{ ...signed.signatures[0]!, unknown: UNKNOWN_99 }, ...signed.signatures.slice(1)];
    return withMetadata(b, 0, encodeMetadata({ ...signed, signatures }));
  }), 'bundle.block.metadata.metadata[0].signatures[0] (common.MetadataSignature)');
});

test('an unknown field appended to the end block signatures makes the bundle unreadable', async () => {
  await assertUnreadable(withEndBlockSignatures(Mutations.of(bundle(MVCC)),
    (m) => encodeMetadata({ ...m, unknown: UNKNOWN_99 })), 'bundle.endBlockSignatures (common.Metadata)');
});

test('an unknown field in an end block signature or its signed value makes the bundle unreadable', async () => {
  await assertUnreadable(withEndBlockSignatures(Mutations.of(bundle(MVCC)), (m) => encodeMetadata(
    { ...m, signatures: [{ ...m.signatures[0]!, unknown: UNKNOWN_99 }, ...m.signatures.slice(1)] })),
  'bundle.endBlockSignatures.signatures[0] (common.MetadataSignature)');
  await assertUnreadable(withEndBlockSignatures(Mutations.of(bundle(MVCC)),
    (m) => encodeMetadata({ ...m, value: appendUnknown(m.value) })), 'bundle.endBlockSignatures.value (common.OrdererBlockMetadata)');
});

test('an unknown field appended to the configuration block makes the bundle unreadable', async () => {
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((config) => ({ ...config, unknown: UNKNOWN_99 }), 'configBlock'),
    'bundle.configBlock (common.Block)');
});

test("an unknown field in an org's MSP of the configuration makes the bundle unreadable", async () => {
  const fabricMsp = (mspConfig: Uint8Array): Uint8Array => withField(mspConfig, 2, appendUnknown);
  const org2 = (org: Uint8Array): Uint8Array => withEntry(org, 3, 'MSP', (value) => withField(value, 2, fabricMsp));
  const channel = (group: Uint8Array): Uint8Array =>
    withEntry(group, 2, 'Application', (application) => withEntry(application, 2, 'Org2', org2));
  const msp = (configEnvelope: Uint8Array): Uint8Array =>
    withField(configEnvelope, 1, (config) => withField(config, 2, channel));
  await assertUnreadable(Mutations.of(bundle(MVCC)).withBlock((config) =>
    withPayload(config, 0, (payload) => withField(payload, 2, msp)), 'configBlock'),
  'bundle.configBlock.data.data[0].payload.data.config.channel_group.groups[Application].groups[Org2].values[MSP]'
    + '.value.config (msp.FabricMSPConfig)');
});

test('the real bundles carry no unknown field at any level the reader walks', async () => {
  for (const name of BUNDLES) {
    assert.match(line(await verify(bundle(name)), 'bundle'), /^PASS bundle: /, name);
  }
});
