// The checks that place the transaction in the ledger: the configuration in force, the envelope in its block, the
// block's data hash, the header chain and the orderers' signatures on the block.
import type { CheckLine } from '../checks';
import {
  type HeaderChain, blockLastConfigIndex, dataHash, headerBytes, headerHash, signatures, signedLastConfigIndex,
} from './blocks';
import { concat, equal, hex, sha256 } from './bytes';
import type { ChannelConfig } from './config';
import {
  type BlockHeader, ENDORSER_TRANSACTION, Malformed, type Metadata, encodeSerializedIdentity, identifierHeader, parse,
  ensure, sameHeader, signatureHeader,
} from './fabric';
import {
  Check, type Established, type Evidence, type TrustAnchors, failed, fail, pass,
} from './evidence';
import { type SignedData, checkSignatures, describeSigners } from './policy';
import { commonName } from './x509';

// ---- config-block ----

/**
 * The configuration every other check evaluates against must be the one in force at the transaction's block and
 * authentic: the block the transaction's block names, supplied by the auditor or linked to the transaction's block
 * by the carried headers, and every MSP root it defines one the auditor trusts.
 */
export async function configBlockCheck(evidence: Evidence, anchors: TrustAnchors): Promise<Established<ChannelConfig>> {
  const check = Check.CONFIG_BLOCK;
  const { bundle } = evidence;
  const number = bundle.configBlock.header.number;
  if (number !== bundle.configBlockNumber) {
    return failed(check, 'the configuration block is block ' + number + ', the bundle says ' + bundle.configBlockNumber);
  }
  if (!equal(await dataHash(bundle.configBlock), bundle.configBlock.header.dataHash)) {
    return failed(check, 'configuration block ' + number + "'s data does not match its header's data hash");
  }
  if (!evidence.config.ok) {
    return failed(check, 'configuration block ' + number + ' cannot be read: ' + evidence.config.problem);
  }
  const config = evidence.config.value;
  if (config.channelId !== bundle.channel) {
    return failed(check, 'configuration block ' + number + ' is of channel ' + config.channelId + ', not ' + bundle.channel);
  }
  const untrusted = untrustedRoot(config, anchors) ?? notNamed(evidence);
  if (untrusted !== null) {
    return failed(check, untrusted);
  }
  return authenticated(evidence, config, anchors);
}

/** Why the transaction's block does not name the carried configuration block as in force, if it does not. */
function notNamed(evidence: Evidence): string | null {
  const number = evidence.bundle.configBlock.header.number;
  let named: bigint;
  try {
    named = blockLastConfigIndex(evidence.bundle.block);
  } catch (e) {
    if (!(e instanceof Malformed)) {
      throw e;
    }
    return "the transaction's block names no configuration block: " + e.message;
  }
  return named === number ? null : 'block ' + evidence.blockNumber + ' names configuration block ' + named
    + ' as in force, the bundle carries block ' + number;
}

function untrustedRoot(config: ChannelConfig, anchors: TrustAnchors): string | null {
  if (anchors.rootsProblem !== null) {
    return anchors.rootsProblem;
  }
  if (anchors.roots.length === 0) {
    return 'no trusted root certificates were given';
  }
  const trusted = new Set(anchors.roots.map((root) => hex(root.der)));
  for (const msp of config.msps.all()) {
    for (const root of msp.roots) {
      if (!trusted.has(hex(root.der))) {
        return 'MSP ' + msp.id + "'s root CA " + commonName(root) + ' is not among the trusted roots';
      }
    }
  }
  return null;
}

async function authenticated(evidence: Evidence, config: ChannelConfig, anchors: TrustAnchors): Promise<Established<ChannelConfig>> {
  const check = Check.CONFIG_BLOCK;
  const header = evidence.bundle.configBlock.header;
  const number = header.number;
  const roots = '; its ' + config.msps.all().length + " MSPs' root CAs are all trusted";
  const supplied = anchors.configBlock;
  if (supplied && supplied.number === number) {
    return equal(supplied.headerHash, await headerHash(header))
      ? { result: pass(check, 'block ' + number + ', identical to the configuration block you supplied' + roots), value: config }
      : failed(check, 'configuration block ' + number + ' differs from the configuration block you supplied');
  }
  if (number === evidence.blockNumber) {
    return { result: pass(check, 'block ' + number + ", the transaction's own block" + roots), value: config };
  }
  const unlinked = unlinkedFrom(evidence, number);
  if (unlinked !== null) {
    return failed(check, 'configuration block ' + number + ' is not authenticated: ' + unlinked
      + ', and no --config-block identical to it was given');
  }
  return { result: pass(check, 'block ' + number + ', named by block ' + evidence.blockNumber
    + "'s signed last-config index and linked to it by the carried headers" + roots), value: config };
}

/**
 * Why the carried headers do not link the configuration block to the transaction's block, if they do not. That the
 * carried header of the transaction's block is its own, and that the orderers signed it, are the header-chain and
 * orderer-signatures checks: the three together authenticate the configuration.
 */
function unlinkedFrom(evidence: Evidence, number: bigint): string | null {
  if (!evidence.chain.ok) {
    return 'the carried headers cannot be read';
  }
  const chain = evidence.chain.value;
  const txBlock = evidence.blockNumber;
  if (!chain.covers(number) || !chain.covers(txBlock)) {
    return 'the carried headers (blocks ' + chain.first + '..' + chain.last + ') do not reach from it to block ' + txBlock;
  }
  if (!sameHeader(chain.header(number)!, evidence.bundle.configBlock.header)) {
    return 'its header differs from the carried header of block ' + number;
  }
  return chain.brokenLink(number, txBlock);
}

// ---- tx-in-block ----

/**
 * The envelope at the stated index is the stated transaction of the stated channel; for an endorser transaction its
 * id is, as Fabric requires, the SHA-256 of its nonce and creator (so the id names these bytes).
 */
export async function txInBlockCheck(evidence: Evidence): Promise<CheckLine> {
  const check = Check.TX_IN_BLOCK;
  const { bundle } = evidence;
  if (evidence.blockNumber !== bundle.blockNumber) {
    return fail(check, 'the block is block ' + evidence.blockNumber + ', the bundle says ' + bundle.blockNumber);
  }
  if (!evidence.transaction.ok) {
    return fail(check, evidence.transaction.problem);
  }
  const tx = evidence.transaction.value;
  const envelope = 'envelope ' + bundle.txIndex;
  if (tx.channelHeader.channelId !== bundle.channel) {
    return fail(check, envelope + ' is of channel ' + tx.channelHeader.channelId + ', not ' + bundle.channel);
  }
  if (tx.channelHeader.txId !== bundle.txId) {
    return fail(check, envelope + ' is transaction ' + tx.channelHeader.txId + ', not ' + bundle.txId);
  }
  if (tx.channelHeader.type === ENDORSER_TRANSACTION) {
    // Fabric's protoutil.ComputeTxID.
    const computed = hex(await sha256(tx.signatureHeader.nonce, tx.signatureHeader.creator));
    if (computed !== bundle.txId) {
      return fail(check, 'transaction id ' + bundle.txId + ' is not SHA-256(nonce || creator) = ' + computed);
    }
  }
  return pass(check, 'transaction ' + bundle.txId + ' (' + tx.type + ') is ' + envelope + ' of ' + bundle.block.data.length
    + ' in block ' + evidence.blockNumber);
}

// ---- data-hash ----

/** Fabric's flat data hash: SHA-256 over every envelope of the block, so inclusion needs the whole block. */
export async function dataHashCheck(evidence: Evidence): Promise<CheckLine> {
  const block = evidence.bundle.block;
  const computed = await dataHash(block);
  const stated = block.header.dataHash;
  if (!equal(computed, stated)) {
    return fail(Check.DATA_HASH, "SHA-256 over the block's " + block.data.length + ' envelopes is ' + hex(computed)
      + ', its header says ' + hex(stated));
  }
  return pass(Check.DATA_HASH, "SHA-256 over the block's " + block.data.length + " envelope(s) equals its header's data hash "
    + hex(stated));
}

// ---- orderer signatures ----

const BLOCK_VALIDATION = '/Channel/Orderer/BlockValidation';

interface Verified {
  readonly count: number;
  readonly signers: string;
  readonly policy: string;
}

/**
 * A header's orderer signatures checked as protoutil.BlockSignatureVerifier checks them: each covers the signed
 * metadata value, the signature's own header and the header's DER bytes, and together they must satisfy the block
 * validation policy. Raft orderers name themselves in a SignatureHeader; BFT orderers may give only their
 * consenter number.
 */
async function verifyOrdererSignatures(header: BlockHeader, metadata: Metadata, config: ChannelConfig): Promise<Verified> {
  const block = 'block ' + header.number;
  ensure(metadata.signatures.length > 0, block + ' carries no orderer signature');
  const signed = ordererSignedData(header, metadata, config);
  const set = await checkSignatures(signed, config.msps);
  ensure(set.problems.length === 0, block + ': ' + set.problems.join('; '));
  const evaluation = await config.policies.evaluate(BLOCK_VALIDATION, set.signers);
  ensure(evaluation.satisfied, block + ': ' + evaluation.explanation);
  return { count: signed.length, signers: describeSigners(set), policy: evaluation.explanation };
}

function ordererSignedData(header: BlockHeader, metadata: Metadata, config: ChannelConfig): SignedData[] {
  const bytes = headerBytes(header);
  return metadata.signatures.map((signature, i) => {
    const what = 'orderer signature ' + i;
    if (signature.signatureHeader.length > 0) {
      const creator = parse(what + "'s header", signature.signatureHeader, signatureHeader).creator;
      return { what, data: concat(metadata.value, signature.signatureHeader, bytes), identity: creator, signature: signature.signature };
    }
    if (signature.identifierHeader.length > 0) {
      const id = parse(what + "'s identifier header", signature.identifierHeader, identifierHeader);
      return { what, data: concat(metadata.value, signature.identifierHeader, bytes), identity: consenter(config, id, what),
        signature: signature.signature };
    }
    throw new Malformed(what + ' has neither a signature header nor an identifier header');
  });
}

function consenter(config: ChannelConfig, id: number, what: string): Uint8Array {
  const found = config.consenters.find((c) => c.id === id);
  if (!found) {
    throw new Malformed(what + ' names consenter ' + id + ', which the configuration does not list');
  }
  return encodeSerializedIdentity({ mspId: found.mspId, idBytes: found.identity });
}

/** The transaction's block header is signed by the ordering service as its block validation policy demands. */
export async function ordererSignaturesCheck(evidence: Evidence, trustedConfig: ChannelConfig | null): Promise<CheckLine> {
  const check = Check.ORDERER_SIGNATURES;
  if (!trustedConfig) {
    return fail(check, 'not checked: no authenticated channel configuration');
  }
  try {
    const block = evidence.bundle.block;
    const verified = await verifyOrdererSignatures(block.header, signatures(block), trustedConfig);
    return pass(check, verified.count + ' signature(s) on block ' + evidence.blockNumber + ' by ' + verified.signers + '; '
      + verified.policy);
  } catch (e) {
    if (e instanceof Malformed) {
      return fail(check, e.message);
    }
    throw e;
  }
}

// ---- header-chain ----

/**
 * The carried headers link; they hold the transaction's block header; the last one is signed by the ordering
 * service under the bundle's configuration (so the chain's end is the orderers', not the serving node's choice);
 * and with a trusted block the chain must reach it, with its hash.
 */
export async function headerChainCheck(evidence: Evidence, anchors: TrustAnchors, trustedConfig: ChannelConfig | null): Promise<CheckLine> {
  const check = Check.HEADER_CHAIN;
  if (!evidence.chain.ok) {
    return fail(check, evidence.chain.problem);
  }
  const chain = evidence.chain.value;
  const unlinked = chainProblem(evidence, chain);
  if (unlinked !== null) {
    return fail(check, unlinked);
  }
  let signedEnd: string;
  try {
    signedEnd = await signedChainEnd(evidence, chain, trustedConfig);
  } catch (e) {
    if (e instanceof Malformed) {
      return fail(check, 'the end of the chain is not signed: ' + e.message);
    }
    throw e;
  }
  return anchored(evidence, chain, anchors, signedEnd);
}

/** Why the carried headers do not hold the block's own header, or do not link, if they do not. */
function chainProblem(evidence: Evidence, chain: HeaderChain): string | null {
  const txBlock = evidence.blockNumber;
  if (!chain.covers(txBlock)) {
    return 'the carried headers (blocks ' + chain.first + '..' + chain.last + ') do not include block ' + txBlock;
  }
  if (!sameHeader(chain.header(txBlock)!, evidence.bundle.block.header)) {
    return 'the carried header of block ' + txBlock + " differs from the block's own header";
  }
  return chain.brokenLink(chain.first, chain.last);
}

/** The verdict on a linked, signed chain: anchored to the auditor's trusted block when one is given. */
function anchored(evidence: Evidence, chain: HeaderChain, anchors: TrustAnchors, signedEnd: string): CheckLine {
  const check = Check.HEADER_CHAIN;
  const txBlock = evidence.blockNumber;
  const range = 'blocks ' + chain.first + '..' + chain.last;
  if (anchors.trustedBlockProblem !== null) {
    return fail(check, anchors.trustedBlockProblem);
  }
  const trusted = anchors.trustedBlock;
  if (!trusted) {
    return pass(check, range + ' link through block ' + txBlock + ' up to block ' + chain.last + ' (header hash '
      + hex(chain.hash(chain.last)) + ', ' + signedEnd + '); give --trusted-block and --trusted-block-hash to anchor it '
      + 'to a block you hold');
  }
  if (!chain.covers(trusted.number)) {
    return fail(check, 'the trusted block ' + trusted.number + ' is not among the carried headers (' + range + ')');
  }
  const hash = chain.hash(trusted.number);
  if (!equal(hash, trusted.headerHash)) {
    return fail(check, 'block ' + trusted.number + "'s header hash is " + hex(hash) + ', not the trusted '
      + hex(trusted.headerHash));
  }
  return pass(check, range + ' link block ' + txBlock + ' to the trusted block ' + trusted.number + ' (header hash '
    + hex(hash) + '); ' + signedEnd);
}

/** Verifies the end block's orderer signatures under the bundle's configuration, which must be in force there. */
async function signedChainEnd(evidence: Evidence, chain: HeaderChain, trustedConfig: ChannelConfig | null): Promise<string> {
  ensure(trustedConfig !== null, 'no authenticated channel configuration to check it with');
  const end = chain.header(chain.last)!;
  const configAtEnd = signedLastConfigIndex(evidence.bundle.endBlockSignatures);
  ensure(configAtEnd === trustedConfig!.blockNumber, 'block ' + end.number + ' is under configuration block ' + configAtEnd
    + ", not the bundle's " + trustedConfig!.blockNumber);
  return 'signed by ' + (await verifyOrdererSignatures(end, evidence.bundle.endBlockSignatures, trustedConfig!)).signers;
}
