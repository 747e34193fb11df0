// The checks of the transaction itself: who signed and endorsed it, how the member orgs attest it was recorded,
// and what it did.
import type { CheckLine } from '../checks';
import { commitHash, validationFlags } from './blocks';
import type { Attestation, ClaimedEffects, ClaimedEntry, ClaimedWrite } from './bundle';
import { base64, concat, equal, hex, sha256, utf8Bytes } from './bytes';
import type { ChannelConfig } from './config';
import {
  Check, type Established, type Evidence, type TrustAnchors, checkSignatures as onTransaction, defaultAttestationsMin,
  failed, fail, notApplicable, pass,
} from './evidence';
import { Malformed, txValidationCode } from './fabric';
import { LedgerEventError, ledgerEventEntries } from './events';
import { InvalidIdentity, describe } from './msp';
import { checkSignatures, describeSigners, type SignedData } from './policy';
import { signatureProblem } from './signatures';
import type { ChaincodeTransaction, DecodedTransaction, StateWrite } from './transaction';
import { CertificateError, readCanonical } from './x509';

// ---- creator-signature ----

/** The envelope is signed over its payload by its creator, a valid identity of an MSP of the channel. */
export function creatorSignatureCheck(evidence: Evidence, trustedConfig: ChannelConfig | null): Promise<CheckLine> {
  return onTransaction(evidence, Check.CREATOR_SIGNATURE, trustedConfig, async (tx, config) => {
    const creator = tx.signatureHeader.creator;
    if (creator.length === 0) {
      return notApplicable(Check.CREATOR_SIGNATURE, "the envelope names no creator (a channel's genesis configuration)");
    }
    const set = await checkSignatures([{ what: 'the envelope signature', data: tx.envelope.payload, identity: creator,
      signature: tx.envelope.signature }], config.msps);
    if (set.problems.length > 0) {
      return fail(Check.CREATOR_SIGNATURE, set.problems.join('; '));
    }
    return pass(Check.CREATOR_SIGNATURE, 'signed by its creator ' + describeSigners(set) + ', a valid identity of its MSP');
  });
}

// ---- endorsements ----

const CHAINCODE_POLICY = '/Channel/Application/Endorsement';
const LIFECYCLE_POLICY = '/Channel/Application/LifecycleEndorsement';

/**
 * The endorsed response is for this very proposal (its proposal hash covers this transaction's headers and proposal
 * payload), each signature over proposal_response_payload || endorser is valid, and the endorsers satisfy the
 * endorsement policy: the channel default for the ledger chaincode, LifecycleEndorsement for _lifecycle.
 */
export function endorsementsCheck(evidence: Evidence, trustedConfig: ChannelConfig | null): Promise<CheckLine> {
  return onTransaction(evidence, Check.ENDORSEMENTS, trustedConfig, endorsements);
}

async function endorsements(tx: DecodedTransaction, config: ChannelConfig): Promise<CheckLine> {
  const check = Check.ENDORSEMENTS;
  if (!tx.chaincode) {
    return notApplicable(check, 'a ' + tx.type + " transaction carries no endorsements; the orderers' signatures are its authority");
  }
  const chaincode = tx.chaincode;
  // Fabric's protoutil.GetProposalHash2: SHA-256 of channel header, signature header, chaincode proposal payload.
  const proposalHash = await sha256(tx.header.channelHeader, tx.header.signatureHeader, chaincode.chaincodeProposalPayload);
  if (!equal(proposalHash, chaincode.responsePayload.proposalHash)) {
    return fail(check, 'the endorsed response is for another proposal: its proposal hash is '
      + hex(chaincode.responsePayload.proposalHash) + ", this transaction's " + hex(proposalHash));
  }
  if (chaincode.endorsements.length === 0) {
    return fail(check, 'the transaction carries no endorsement');
  }
  const signed: SignedData[] = chaincode.endorsements.map((endorsement, i) => ({
    what: 'endorsement ' + i, data: concat(chaincode.responsePayloadBytes, endorsement.endorser),
    identity: endorsement.endorser, signature: endorsement.signature,
  }));
  const set = await checkSignatures(signed, config.msps);
  if (set.problems.length > 0) {
    return fail(check, set.problems.join('; '));
  }
  const evaluation = await config.policies.evaluate(chaincode.chaincode === '_lifecycle' ? LIFECYCLE_POLICY : CHAINCODE_POLICY,
    set.signers);
  if (!evaluation.satisfied) {
    return fail(check, evaluation.explanation);
  }
  return pass(check, signed.length + ' endorsement(s) of ' + chaincode.chaincode + ' by ' + describeSigners(set) + '; '
    + evaluation.explanation);
}

// ---- validity-attestations ----

/** The validation flags (and commit hash) of the transaction's block that enough member orgs attest, identically. */
export interface AttestedFlags {
  readonly flags: Uint8Array;
  readonly commitHash: Uint8Array;
  readonly mspIds: readonly string[];
}

const STATEMENT_CHANNEL = /^[a-z][a-z0-9.-]{0,248}$/;
const STATEMENT_MSP_ID = /^[\x21-\x3c\x3e-\x7e]{1,128}$/;

/** The exact bytes a member org signs to attest a block's validity (AttestationStatement), or why it cannot be one. */
function statement(attestation: Attestation): Uint8Array | string {
  if (!STATEMENT_CHANNEL.test(attestation.channel)) {
    return 'channel cannot appear in an attestation statement: ' + attestation.channel;
  }
  if (!STATEMENT_MSP_ID.test(attestation.mspId)) {
    return 'attester MSP id cannot appear in an attestation statement: ' + attestation.mspId;
  }
  return utf8Bytes('ledger-node validity attestation v1\nchannel=' + attestation.channel + '\nblock=' + attestation.blockNumber
    + '\nheader-hash=' + hex(attestation.headerHash) + '\nvalidation-flags=' + hex(attestation.validationFlags)
    + '\ncommit-hash=' + hex(attestation.commitHash) + '\nattester-msp=' + attestation.mspId + '\n');
}

/**
 * Orderers sign only the header; which transactions are valid is each peer's own verdict. Each attestation must be
 * for this channel, block and header hash, signed by a valid identity of a member org; every valid one must agree
 * (a disagreement is reported, never outvoted); enough distinct orgs must attest; and the block's own unsigned
 * metadata must say the same.
 */
export async function attestationsCheck(evidence: Evidence, trustedConfig: ChannelConfig | null,
  anchors: TrustAnchors): Promise<Established<AttestedFlags>> {
  const check = Check.VALIDITY_ATTESTATIONS;
  if (!trustedConfig) {
    return failed(check, 'not checked: no authenticated channel configuration');
  }
  if (anchors.attestationsMinProblem !== null) {
    return failed(check, anchors.attestationsMinProblem);
  }
  const problems: string[] = [];
  const byOrg = new Map<string, Attestation>();
  for (const [i, attestation] of evidence.bundle.attestations.entries()) {
    const problem = await attestationProblem(evidence, trustedConfig, attestation);
    const earlier = byOrg.get(attestation.mspId);
    if (problem !== null) {
      problems.push('attestation ' + i + ' (' + attestation.mspId + '): ' + problem);
    } else if (earlier && !agree(earlier, attestation)) {
      problems.push('attestation ' + i + ' (' + attestation.mspId + ') contradicts an earlier one of the same org');
    } else if (!earlier) {
      byOrg.set(attestation.mspId, attestation);
    }
  }
  if (problems.length > 0) {
    return failed(check, problems.join('; '));
  }
  return agreed(evidence, byOrg, anchors.attestationsMin ?? defaultAttestationsMin(trustedConfig.applicationMspIds.size));
}

async function attestationProblem(evidence: Evidence, config: ChannelConfig, attestation: Attestation): Promise<string | null> {
  if (attestation.channel !== evidence.bundle.channel) {
    return 'it is for channel ' + attestation.channel;
  }
  if (attestation.blockNumber !== evidence.blockNumber) {
    return 'it is for block ' + attestation.blockNumber;
  }
  if (!equal(attestation.headerHash, evidence.blockHash)) {
    return 'it attests header hash ' + hex(attestation.headerHash) + ', block ' + evidence.blockNumber + "'s is "
      + hex(evidence.blockHash);
  }
  if (!config.applicationMspIds.has(attestation.mspId)) {
    return attestation.mspId + ' is not a member org of the channel';
  }
  let signer;
  try {
    signer = await config.msps.identity(attestation.mspId, readCanonical(attestation.certificatePem));
  } catch (e) {
    if (e instanceof CertificateError || e instanceof InvalidIdentity) {
      return e.message;
    }
    throw e;
  }
  const bytes = statement(attestation);
  if (typeof bytes === 'string') {
    return bytes;
  }
  const problem = await signatureProblem(signer.certificate, bytes, attestation.signature);
  return problem === null ? null : 'signature by ' + describe(signer) + ': ' + problem;
}

const agree = (a: Attestation, b: Attestation): boolean => equal(a.validationFlags, b.validationFlags) && equal(a.commitHash, b.commitHash);

function agreed(evidence: Evidence, byOrg: Map<string, Attestation>, required: number): Established<AttestedFlags> {
  const check = Check.VALIDITY_ATTESTATIONS;
  const block = 'block ' + evidence.blockNumber;
  const orgs = [...byOrg.keys()].sort();
  const attestations = orgs.map((org) => byOrg.get(org)!);
  const first = attestations[0];
  if (!first) {
    return failed(check, 'no member org attests ' + block + '; at least ' + required + ' required');
  }
  if (attestations.some((a) => !agree(first, a))) {
    const views = attestations.map((a) => a.mspId + ' attests flags ' + hex(a.validationFlags) + ' and commit hash '
      + hex(a.commitHash));
    return failed(check, 'member orgs disagree about ' + block + ': ' + views.join('; '));
  }
  if (orgs.length < required) {
    return failed(check, 'only ' + orgs.length + ' member org(s) (' + orgs.join(', ') + ') attest ' + block + '; at least '
      + required + ' required');
  }
  const mismatch = ownMetadataMismatch(evidence, first);
  if (mismatch !== null) {
    return failed(check, mismatch);
  }
  return {
    result: pass(check, orgs.join(', ') + ' attest the same validation flags ' + hex(first.validationFlags) + ' and commit hash '
      + hex(first.commitHash) + ' for ' + block + ' (' + orgs.length + ' member org(s), at least ' + required + ' required)'),
    value: { flags: first.validationFlags, commitHash: first.commitHash, mspIds: orgs },
  };
}

/** The flags must cover every envelope, and the block's own peer-written metadata must match the attestations. */
function ownMetadataMismatch(evidence: Evidence, attested: Attestation): string | null {
  const block = evidence.bundle.block;
  if (attested.validationFlags.length !== block.data.length) {
    return 'the attested flags cover ' + attested.validationFlags.length + ' transactions, the block has ' + block.data.length;
  }
  const ownFlags = validationFlags(block);
  if (!equal(ownFlags, attested.validationFlags)) {
    return "the block's own TRANSACTIONS_FILTER " + hex(ownFlags) + ' differs from the attested flags '
      + hex(attested.validationFlags);
  }
  try {
    const ownCommit = commitHash(block);
    return equal(ownCommit, attested.commitHash) ? null
      : "the block's own COMMIT_HASH " + hex(ownCommit) + ' differs from the attested commit hash ' + hex(attested.commitHash);
  } catch (e) {
    if (e instanceof Malformed) {
      return e.message;
    }
    throw e;
  }
}

// ---- outcome ----

const describeCode = (code: string | null, recorded: string): string => (code === 'VALID' ? 'VALID' : 'INVALID (' + recorded + ')');

/** The transaction's validation code, as the member orgs attest it, is the one the bundle claims. */
export async function outcomeCheck(evidence: Evidence, attested: AttestedFlags | null): Promise<CheckLine> {
  const check = Check.OUTCOME;
  if (!attested) {
    return fail(check, 'not checked: the validation flags are not attested by enough member orgs');
  }
  const { bundle } = evidence;
  if (bundle.txIndex >= attested.flags.length) {
    return fail(check, 'the attested flags have no entry for envelope ' + bundle.txIndex);
  }
  const flag = attested.flags[bundle.txIndex]!;
  const code = txValidationCode(flag);
  const recorded = code ?? 'code ' + flag;
  const claimed = bundle.claim.validationCode;
  if (recorded !== claimed) {
    return fail(check, 'the transaction is recorded ' + describeCode(code, recorded) + ', the bundle claims ' + claimed);
  }
  return pass(check, 'the transaction is recorded ' + describeCode(code, recorded) + ', as claimed'
    + (code === 'VALID' ? '' : ': it is in the ledger but changed nothing'));
}

// ---- effects ----

const entryText = (e: ClaimedEntry): string => e.kind + ' ' + e.amount + ' ' + e.asset + ' ' + e.account
  + (e.holdId === null ? '' : ' hold ' + e.holdId);
const writeText = (w: ClaimedWrite): string => w.namespace + ':' + w.key.replace(/\u0000/g, '/')
  + (w.delete ? ' deleted' : ' = ' + w.value.length + ' bytes');
/** Java's List.toString. */
const list = <T>(items: readonly T[], text: (item: T) => string): string => '[' + items.map(text).join(', ') + ']';

const sameEntry = (a: ClaimedEntry, b: ClaimedEntry): boolean => a.account === b.account && a.asset === b.asset
  && a.kind === b.kind && a.amount === b.amount && a.holdId === b.holdId;
const sameWrite = (a: ClaimedWrite, b: StateWrite): boolean => a.namespace === b.namespace && a.key === b.key
  && a.delete === b.delete && base64(a.value) === base64(b.value);
const sameList = <A, B>(a: readonly A[], b: readonly B[], same: (x: A, y: B) => boolean): boolean =>
  a.length === b.length && a.every((x, i) => same(x, b[i]!));

/**
 * The effects the bundle claims are the ones in the endorsed transaction: the chaincode and function invoked, the
 * event's name and balance entries, every world-state write in order, and whether they were applied (only a
 * transaction recorded VALID applies its writes).
 */
export async function effectsCheck(evidence: Evidence, attested: AttestedFlags | null): Promise<CheckLine> {
  const check = Check.EFFECTS;
  if (!evidence.transaction.ok) {
    return fail(check, 'not checked: the transaction cannot be read');
  }
  const tx = evidence.transaction.value;
  const claimed = evidence.bundle.claim.effects;
  if (!tx.chaincode) {
    return claimed === null ? notApplicable(check, 'a ' + tx.type + ' transaction has no chaincode effects')
      : fail(check, 'the bundle claims chaincode effects for a ' + tx.type + ' transaction');
  }
  if (claimed === null) {
    return fail(check, 'the bundle claims no effects for a chaincode transaction');
  }
  const mismatch = effectsMismatch(tx.chaincode, claimed);
  if (mismatch !== null) {
    return fail(check, mismatch);
  }
  if (!attested) {
    return fail(check, 'the effects match the transaction, but whether they were applied is not attested');
  }
  const valid = attested.flags[evidence.bundle.txIndex] === 0;
  if (claimed.applied !== valid) {
    return fail(check, 'the bundle claims the effects were ' + (claimed.applied ? '' : 'not ')
      + 'applied, but the transaction is recorded ' + (valid ? 'VALID' : 'INVALID'));
  }
  return pass(check, claimed.chaincode + ' ' + claimed.function + (claimed.eventName === null ? '' : ' -> ' + claimed.eventName)
    + ' ' + list(claimed.entries, entryText) + ', ' + claimed.writes.length + ' write(s), '
    + (claimed.applied ? 'applied' : 'not applied (the transaction is invalid)'));
}

function effectsMismatch(chaincode: ChaincodeTransaction, claimed: ClaimedEffects): string | null {
  if (chaincode.chaincode !== claimed.chaincode || chaincode.function !== claimed.function) {
    return 'the transaction invokes ' + chaincode.chaincode + ' ' + chaincode.function + ', the bundle claims '
      + claimed.chaincode + ' ' + claimed.function;
  }
  const eventName = chaincode.event?.eventName ?? null;
  if (eventName !== claimed.eventName) {
    return "the transaction's event is " + eventName + ', the bundle claims ' + claimed.eventName;
  }
  let entries: ClaimedEntry[];
  try {
    entries = chaincode.event ? ledgerEventEntries(chaincode.event.eventName, chaincode.event.payload) : [];
  } catch (e) {
    if (e instanceof LedgerEventError) {
      return 'the chaincode event cannot be read as a ledger event: ' + e.message;
    }
    throw e;
  }
  if (!sameList(entries, claimed.entries, sameEntry)) {
    return "the event's entries are " + list(entries, entryText) + ', the bundle claims ' + list(claimed.entries, entryText);
  }
  if (!sameList(claimed.writes, chaincode.writes, sameWrite)) {
    return 'the transaction writes ' + list(chaincode.writes, writeText) + ', the bundle claims ' + list(claimed.writes, writeText);
  }
  return null;
}
