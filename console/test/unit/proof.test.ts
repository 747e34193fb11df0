// The browser's proof verifier against the real bundles captured from a Fabric network (proof-verifier's fixtures,
// read in place): the same lines as the Java verifier, and the same verdicts on the trust options it takes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headerHash } from '../../src/verify/proof/blocks';
import { readBundle } from '../../src/verify/proof/bundle';
import { hex, utf8Bytes } from '../../src/verify/proof/bytes';
import { decodeTransaction } from '../../src/verify/proof/transaction';
import { VERIFICATION, verifyProofBundle } from '../../src/verify/proof/index';
import {
  BUNDLES, Mutations, bundle, decodeBlockBytes, failedChecks, fixture, get, integerJson, line, lines, put, rootFiles,
  roots, text, verify,
} from './proof-fixtures';

/** What `java -jar proof-verifier.jar <bundle> --roots roots/` prints for each fixture (captured from the Java CLI). */
const JAVA_LINES: Record<(typeof BUNDLES)[number], string[]> = {
  'mint': [
    "PASS bundle: version 1, transaction 45c817e16e5d90441475f3d565a90ed12cce9fdfeb205b488c1e6127a5e81066 in block 42 of channel ledger, 45 header(s), 2 attestation(s)",
    "PASS config-block: block 0, named by block 42's signed last-config index and linked to it by the carried headers; its 3 MSPs' root CAs are all trusted",
    "PASS tx-in-block: transaction 45c817e16e5d90441475f3d565a90ed12cce9fdfeb205b488c1e6127a5e81066 (ENDORSER_TRANSACTION) is envelope 0 of 1 in block 42",
    "PASS data-hash: SHA-256 over the block's 1 envelope(s) equals its header's data hash 2d40790b8154053de555c7d05f4809c6c374d617fc1cd08f081d03c6e39eb1fe",
    "PASS header-chain: blocks 0..44 link through block 42 up to block 44 (header hash 130bfb57a11d67d596dc5750d5834423433da72a36b594920ee048b8944a15a3, signed by OrdererMSP CN=orderer0.orderer.ledger.local); give --trusted-block and --trusted-block-hash to anchor it to a block you hold",
    "PASS orderer-signatures: 1 signature(s) on block 42 by OrdererMSP CN=orderer0.orderer.ledger.local; /Channel/Orderer/BlockValidation (ANY Writers: 1 of 1 satisfied, by OrdererOrg, 1 required) is satisfied",
    "PASS creator-signature: signed by its creator Org1MSP CN=User1@org1.ledger.local, a valid identity of its MSP",
    "PASS endorsements: 2 endorsement(s) of ledger by Org1MSP CN=peer0.org1.ledger.local, Org2MSP CN=peer0.org2.ledger.local; /Channel/Application/Endorsement (MAJORITY Endorsement: 2 of 2 satisfied, by Org1, Org2, 2 required) is satisfied",
    "PASS validity-attestations: Org1MSP, Org2MSP attest the same validation flags 00 and commit hash 31739aba52dd6bcd318abe6d6f2095b7e8ee28accef6013bce9f1c417e5561af for block 42 (2 member org(s), at least 2 required)",
    "PASS outcome: the transaction is recorded VALID, as claimed",
    "PASS effects: ledger Money:mint -> MINTED [MINT 10000 P1CT2A8 proof-alice-1CT2A8], 4 write(s), applied",
  ],
  'transfer': [
    "PASS bundle: version 1, transaction 67c26cdc91e035d1f44e7240d95451a462db1d9c6f9acbd2913baf640ad34550 in block 41 of channel ledger, 45 header(s), 2 attestation(s)",
    "PASS config-block: block 0, named by block 41's signed last-config index and linked to it by the carried headers; its 3 MSPs' root CAs are all trusted",
    "PASS tx-in-block: transaction 67c26cdc91e035d1f44e7240d95451a462db1d9c6f9acbd2913baf640ad34550 (ENDORSER_TRANSACTION) is envelope 0 of 1 in block 41",
    "PASS data-hash: SHA-256 over the block's 1 envelope(s) equals its header's data hash 80c98445b56c634460a5a9b9ce34025f7db23975999d88e8154cb0d18804ec1e",
    "PASS header-chain: blocks 0..44 link through block 41 up to block 44 (header hash 130bfb57a11d67d596dc5750d5834423433da72a36b594920ee048b8944a15a3, signed by OrdererMSP CN=orderer0.orderer.ledger.local); give --trusted-block and --trusted-block-hash to anchor it to a block you hold",
    "PASS orderer-signatures: 1 signature(s) on block 41 by OrdererMSP CN=orderer0.orderer.ledger.local; /Channel/Orderer/BlockValidation (ANY Writers: 1 of 1 satisfied, by OrdererOrg, 1 required) is satisfied",
    "PASS creator-signature: signed by its creator Org1MSP CN=User1@org1.ledger.local, a valid identity of its MSP",
    "PASS endorsements: 2 endorsement(s) of ledger by Org1MSP CN=peer0.org1.ledger.local, Org2MSP CN=peer0.org2.ledger.local; /Channel/Application/Endorsement (MAJORITY Endorsement: 2 of 2 satisfied, by Org1, Org2, 2 required) is satisfied",
    "PASS validity-attestations: Org1MSP, Org2MSP attest the same validation flags 00 and commit hash 21fb812d713185536c6312445f9c40bc16d33610abf3dbf22d25c2d59f04ebf2 for block 41 (2 member org(s), at least 2 required)",
    "PASS outcome: the transaction is recorded VALID, as claimed",
    "PASS effects: ledger Money:transfer -> TRANSFERRED [DEBIT 2500 P1CT2A8 proof-alice-1CT2A8, CREDIT 2500 P1CT2A8 proof-bob-1CT2A8], 6 write(s), applied",
  ],
  'hold': [
    "PASS bundle: version 1, transaction e1c8e0bb0e70ecb75b2723607be190601c7c46a52217d6538dbec2bde30659fa in block 44 of channel ledger, 45 header(s), 2 attestation(s)",
    "PASS config-block: block 0, named by block 44's signed last-config index and linked to it by the carried headers; its 3 MSPs' root CAs are all trusted",
    "PASS tx-in-block: transaction e1c8e0bb0e70ecb75b2723607be190601c7c46a52217d6538dbec2bde30659fa (ENDORSER_TRANSACTION) is envelope 0 of 1 in block 44",
    "PASS data-hash: SHA-256 over the block's 1 envelope(s) equals its header's data hash a4f4f1021b14780ec7440fa5143140eb1dfbee9ac4df6fdfdc842f2a836808be",
    "PASS header-chain: blocks 0..44 link through block 44 up to block 44 (header hash 130bfb57a11d67d596dc5750d5834423433da72a36b594920ee048b8944a15a3, signed by OrdererMSP CN=orderer0.orderer.ledger.local); give --trusted-block and --trusted-block-hash to anchor it to a block you hold",
    "PASS orderer-signatures: 1 signature(s) on block 44 by OrdererMSP CN=orderer0.orderer.ledger.local; /Channel/Orderer/BlockValidation (ANY Writers: 1 of 1 satisfied, by OrdererOrg, 1 required) is satisfied",
    "PASS creator-signature: signed by its creator Org1MSP CN=User1@org1.ledger.local, a valid identity of its MSP",
    "PASS endorsements: 2 endorsement(s) of ledger by Org1MSP CN=peer0.org1.ledger.local, Org2MSP CN=peer0.org2.ledger.local; /Channel/Application/Endorsement (MAJORITY Endorsement: 2 of 2 satisfied, by Org1, Org2, 2 required) is satisfied",
    "PASS validity-attestations: Org1MSP, Org2MSP attest the same validation flags 00 and commit hash b147be2724011e0da04bf732a2fe8a72f1030493abf0ef4d97975e7ff7daf9b8 for block 44 (2 member org(s), at least 2 required)",
    "PASS outcome: the transaction is recorded VALID, as claimed",
    "PASS effects: ledger Holds:place -> HOLD_PLACED [HOLD 1200 P1CT2A8 proof-alice-1CT2A8 hold proof-hold-1CT2A8], 6 write(s), applied",
  ],
  'mvcc-invalid': [
    "PASS bundle: version 1, transaction 6271c8217ffa696e53eb4b4bf0c4c3490a47d2b051e102956f55c87e0402bb18 in block 39 of channel ledger, 45 header(s), 2 attestation(s)",
    "PASS config-block: block 0, named by block 39's signed last-config index and linked to it by the carried headers; its 3 MSPs' root CAs are all trusted",
    "PASS tx-in-block: transaction 6271c8217ffa696e53eb4b4bf0c4c3490a47d2b051e102956f55c87e0402bb18 (ENDORSER_TRANSACTION) is envelope 1 of 2 in block 39",
    "PASS data-hash: SHA-256 over the block's 2 envelope(s) equals its header's data hash 7d658e47d2b74de709f036a973729879066f0fb64b1833365346198130597b28",
    "PASS header-chain: blocks 0..44 link through block 39 up to block 44 (header hash 130bfb57a11d67d596dc5750d5834423433da72a36b594920ee048b8944a15a3, signed by OrdererMSP CN=orderer0.orderer.ledger.local); give --trusted-block and --trusted-block-hash to anchor it to a block you hold",
    "PASS orderer-signatures: 1 signature(s) on block 39 by OrdererMSP CN=orderer0.orderer.ledger.local; /Channel/Orderer/BlockValidation (ANY Writers: 1 of 1 satisfied, by OrdererOrg, 1 required) is satisfied",
    "PASS creator-signature: signed by its creator Org1MSP CN=User1@org1.ledger.local, a valid identity of its MSP",
    "PASS endorsements: 2 endorsement(s) of ledger by Org1MSP CN=peer0.org1.ledger.local, Org2MSP CN=peer0.org2.ledger.local; /Channel/Application/Endorsement (MAJORITY Endorsement: 2 of 2 satisfied, by Org1, Org2, 2 required) is satisfied",
    "PASS validity-attestations: Org1MSP, Org2MSP attest the same validation flags 000b and commit hash 7b50272755cea2bde34abaf7b52aa3f7ba3a3ec739be29eaf3251e1713e9d2f8 for block 39 (2 member org(s), at least 2 required)",
    "PASS outcome: the transaction is recorded INVALID (MVCC_READ_CONFLICT), as claimed: it is in the ledger but changed nothing",
    "PASS effects: ledger Money:transfer -> TRANSFERRED [DEBIT 200 P1CT2A8 proof-alice-1CT2A8, CREDIT 200 P1CT2A8 proof-bob-1CT2A8], 7 write(s), not applied (the transaction is invalid)",
  ],
};

const CHECKS = ['bundle', 'config-block', 'tx-in-block', 'data-hash', 'header-chain', 'orderer-signatures',
  'creator-signature', 'endorsements', 'validity-attestations', 'outcome', 'effects'];

for (const name of BUNDLES) {
  test(`the real ${name} bundle passes with the fixture roots, line for line as the Java verifier`, async () => {
    const verdict = await verify(bundle(name));

    assert.equal(verdict.passed, true, lines(verdict).join('\n'));
    assert.deepEqual(verdict.checks.map((c) => c.check), CHECKS);
    assert.deepEqual(lines(verdict), JAVA_LINES[name]);
  });
}

test('the mvcc-invalid bundle proves its transaction was recorded INVALID, with its code, and changed nothing', async () => {
  const verdict = await verify(bundle('mvcc-invalid'));

  assert.equal(verdict.passed, true);
  assert.equal(line(verdict, 'outcome'), 'PASS outcome: the transaction is recorded INVALID (MVCC_READ_CONFLICT), as claimed: '
    + 'it is in the ledger but changed nothing');
  assert.match(line(verdict, 'effects'), /not applied \(the transaction is invalid\)$/);
});

test('a bundle with one byte of its block protobuf changed fails the checks the Java verifier fails', async () => {
  const mutations = Mutations.of(bundle('mint'));
  const protobuf = mutations.protobuf();
  protobuf[200]! ^= 1;
  put(mutations.get('block'), 'protobuf', text(Buffer.from(protobuf).toString('base64')));

  const verdict = await verify(mutations.bytes());

  assert.deepEqual(failedChecks(verdict), ['creator-signature', 'data-hash', 'endorsements', 'tx-in-block']);
  assert.equal(line(verdict, 'data-hash'), "FAIL data-hash: SHA-256 over the block's 1 envelopes is "
    + '14fbcde31298b062ea2aaf4c4c5f6bd02f0a7ebc4b02b61e229be6c1f6a4e7c2, its header says '
    + '2d40790b8154053de555c7d05f4809c6c374d617fc1cd08f081d03c6e39eb1fe');
  assert.equal(line(verdict, 'creator-signature'),
    "FAIL creator-signature: the envelope signature: MSP 'Org1LSP' is not defined in the channel");
});

test('a root the auditor does not trust fails the configuration block and everything built on it', async () => {
  const withoutOrg2 = [...rootFiles()].filter(([file]) => !file.includes('org2')).map(([, pem]) => pem);

  const verdict = await verify(bundle('transfer'), { roots: withoutOrg2 });

  assert.equal(line(verdict, 'config-block'),
    "FAIL config-block: MSP Org2MSP's root CA CN=ca.org2.ledger.local is not among the trusted roots");
  assert.deepEqual(failedChecks(verdict), ['config-block', 'creator-signature', 'effects', 'endorsements', 'header-chain',
    'orderer-signatures', 'outcome', 'validity-attestations']);
});

test("roots without the orderer org's root fail the configuration block", async () => {
  const withoutOrderer = [...rootFiles()].filter(([file]) => !file.includes('orderer')).map(([, pem]) => pem);

  const verdict = await verify(bundle('mint'), { roots: withoutOrderer });

  assert.equal(verdict.passed, false);
  assert.equal(line(verdict, 'config-block'),
    "FAIL config-block: MSP OrdererMSP's root CA CN=ca.orderer.ledger.local is not among the trusted roots");
});

test('no roots at all is no trust', async () => {
  const verdict = await verify(bundle('mint'), { roots: [] });

  assert.equal(line(verdict, 'config-block'), 'FAIL config-block: no trusted root certificates were given');
  assert.equal(verdict.passed, false);
});

test('an unreadable root certificate fails the configuration block instead of throwing', async () => {
  const verdict = await verify(bundle('mint'), { roots: [...roots().roots, '-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n'] });

  assert.equal(verdict.passed, false);
  assert.match(line(verdict, 'config-block'), /^FAIL config-block: cannot read root certificates 4: /);
});

test('garbage input gives one failed bundle line and does not throw', async () => {
  const inputs: Array<Uint8Array | string> = [new Uint8Array(0), 'garbage', '{"format":"something else"}', '[]', 'null',
    new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), '['.repeat(100000), '{"a":1,"a":2}', 'x'.repeat(1000),
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), bundle('mint').subarray(0, 5000)];

  for (const input of inputs) {
    const verdict = await verifyProofBundle(input, roots());

    assert.equal(verdict.passed, false);
    assert.equal(verdict.checks.length, 1);
    assert.equal(verdict.checks[0]!.check, 'bundle');
    assert.equal(verdict.checks[0]!.passed, false);
  }
});

test('a bundle of another format is refused with the Java reader\'s reason', async () => {
  const verdict = await verify(utf8Bytes('{"format":"something else","version":1,"channel":"c","txId":"t","block":{},'
    + '"configBlock":{},"headers":[],"endBlockSignatures":"","attestations":[],"claim":{}}'));

  assert.deepEqual(lines(verdict), ['FAIL bundle: bundle.format is not ledger-node-proof-bundle']);
});

test('a reformatted bundle is refused as not canonical', async () => {
  const pretty = JSON.stringify(JSON.parse(new TextDecoder().decode(bundle('mint'))), null, 2);

  const verdict = await verify(utf8Bytes(pretty));

  assert.deepEqual(lines(verdict), ['FAIL bundle: bundle is not in canonical form (compact JSON exactly as the node '
    + 'writes it; was the file reformatted or edited?)']);
});

test('a final newline is the one byte that may be added, and a bundle given as text verifies as its bytes do', async () => {
  assert.equal((await verify(new Uint8Array([...bundle('mint'), 0x0a]))).passed, true);
  assert.equal((await verifyProofBundle(new TextDecoder().decode(bundle('hold')), roots())).passed, true);
});

test('the header chain reaches a block the auditor holds', async () => {
  const headers = readBundle(bundle('mvcc-invalid')).headers;
  const last = headers[headers.length - 1]!;

  const verdict = await verify(bundle('mvcc-invalid'),
    { ...roots(), trustedBlock: { number: last.number, headerHashHex: hex(await headerHash(last)) } });

  assert.equal(verdict.passed, true, lines(verdict).join('\n'));
  assert.match(line(verdict, 'header-chain'), /link block 39 to the trusted block 44 \(header hash 130bfb57/);
});

test('a trusted block with another hash fails the header chain alone', async () => {
  const verdict = await verify(bundle('mint'), { ...roots(), trustedBlock: { number: 44n, headerHashHex: '00'.repeat(32) } });

  assert.deepEqual(failedChecks(verdict), ['header-chain']);
  assert.equal(line(verdict, 'header-chain'), "FAIL header-chain: block 44's header hash is "
    + '130bfb57a11d67d596dc5750d5834423433da72a36b594920ee048b8944a15a3, not the trusted '
    + '0000000000000000000000000000000000000000000000000000000000000000');
});

test('a trusted block beyond the carried headers fails the header chain', async () => {
  const verdict = await verify(bundle('mint'), { ...roots(), trustedBlock: { number: 10000n, headerHashHex: '00'.repeat(32) } });

  assert.equal(line(verdict, 'header-chain'),
    'FAIL header-chain: the trusted block 10000 is not among the carried headers (blocks 0..44)');
});

test('a trusted block hash that is not lowercase hex fails the header chain instead of throwing', async () => {
  const verdict = await verify(bundle('mint'), { ...roots(), trustedBlock: { number: 44n, headerHashHex: 'ABCD' } });

  assert.deepEqual(failedChecks(verdict), ['header-chain']);
});

test('one org alone is not enough by default but may be accepted explicitly', async () => {
  const onlyOrg1 = Mutations.of(bundle('transfer'));
  const attestations = onlyOrg1.get('attestations');
  assert.equal(attestations.kind, 'array');
  attestations.items.splice(1, 1);

  const byDefault = await verify(onlyOrg1.bytes());
  const oneAccepted = await verify(onlyOrg1.bytes(), { ...roots(), attestationsMin: 1 });

  assert.equal(line(byDefault, 'validity-attestations'),
    'FAIL validity-attestations: only 1 member org(s) (Org1MSP) attest block 41; at least 2 required');
  assert.equal(oneAccepted.passed, true, lines(oneAccepted).join('\n'));
});

test('more attestations than member orgs cannot be had', async () => {
  const verdict = await verify(bundle('mint'), { ...roots(), attestationsMin: 3 });

  assert.match(line(verdict, 'validity-attestations'), /at least 3 required$/);
  assert.deepEqual(failedChecks(verdict), ['effects', 'outcome', 'validity-attestations']);
});

test('an attestations minimum below one fails the validity attestations instead of throwing', async () => {
  const verdict = await verify(bundle('mint'), { ...roots(), attestationsMin: 0 });

  assert.deepEqual(failedChecks(verdict), ['effects', 'outcome', 'validity-attestations']);
});

for (const name of BUNDLES) {
  test(`a configuration block the auditor holds is trust enough for the ${name} bundle without root files`, async () => {
    const verdict = await verify(bundle(name), { roots: [], configBlock: fixture('config-block-0.pb') });

    assert.equal(verdict.passed, true, lines(verdict).join('\n'));
    assert.match(line(verdict, 'config-block'), /identical to the configuration block you supplied/);
  });
}

test('a configuration transaction has no endorsements and no effects to check', async () => {
  const genesis = fixture('config-block-0.pb');
  const txId = decodeTransaction(decodeBlockBytes(genesis).data[0]!).channelHeader.txId;
  const mutations = Mutations.of(bundle('mint'));
  put(mutations.root, 'txId', text(txId));
  put(mutations.get('block'), 'number', integerJson(0));
  put(mutations.get('block'), 'protobuf', text(Buffer.from(genesis).toString('base64')));
  put(mutations.get('claim'), 'effects', { kind: 'null' });

  const verdict = await verify(mutations.bytes());

  assert.equal(line(verdict, 'endorsements'), 'PASS endorsements: not applicable: a CONFIG transaction carries no '
    + "endorsements; the orderers' signatures are its authority");
  assert.equal(line(verdict, 'effects'), 'PASS effects: not applicable: a CONFIG transaction has no chaincode effects');
  assert.ok(line(verdict, 'tx-in-block').startsWith('PASS tx-in-block: transaction ' + txId + ' (CONFIG)'));
  // The genesis block is signed by nobody and these attestations are of block 42: a proof of it fails there.
  assert.deepEqual(failedChecks(verdict), ['orderer-signatures', 'outcome', 'validity-attestations']);
  assert.equal(line(verdict, 'orderer-signatures'), 'FAIL orderer-signatures: block 0 carries no orderer signature');
});

test('the verdict passes only when every line passes', async () => {
  const mutations = Mutations.of(bundle('mint'));
  put(get(mutations.root, 'claim'), 'validationCode', text('MVCC_READ_CONFLICT'));

  const verdict = await verify(mutations.bytes());

  assert.equal(verdict.passed, false);
  assert.equal(verdict.checks.length, CHECKS.length);
});

test('a page without WebCrypto (not served over HTTPS) gets one failed line saying so', async (t) => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  assert.ok(original);
  // As in an insecure context: crypto is there, crypto.subtle is not.
  Object.defineProperty(globalThis, 'crypto', { configurable: true, value: { getRandomValues: () => undefined } });
  t.after(() => Object.defineProperty(globalThis, 'crypto', original));

  const verdict = await verify(bundle('mint'));

  assert.equal(verdict.passed, false);
  assert.deepEqual(verdict.checks.map((c) => c.check), [VERIFICATION]);
  assert.match(verdict.checks[0]!.detail, /HTTPS/);
});
