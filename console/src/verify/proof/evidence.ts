// What every check shares: its name and verdict, the trust anchors, and what is decoded from a bundle once (the
// transaction, the header chain, the still unauthenticated configuration and the block's header hash).
import type { CheckLine } from '../checks';
import { HeaderChain, headerHash } from './blocks';
import type { ProofBundle } from './bundle';
import { type ChannelConfig, readConfigBlock } from './config';
import { type DecodedTransaction, decodeTransaction } from './transaction';
import type { Certificate } from './x509';

/** The checks of a proof, in report order, by their stable names. */
export const Check = {
  BUNDLE: 'bundle',
  CONFIG_BLOCK: 'config-block',
  TX_IN_BLOCK: 'tx-in-block',
  DATA_HASH: 'data-hash',
  HEADER_CHAIN: 'header-chain',
  ORDERER_SIGNATURES: 'orderer-signatures',
  CREATOR_SIGNATURE: 'creator-signature',
  ENDORSEMENTS: 'endorsements',
  VALIDITY_ATTESTATIONS: 'validity-attestations',
  OUTCOME: 'outcome',
  EFFECTS: 'effects',
} as const;

export type CheckName = (typeof Check)[keyof typeof Check] | 'verification';

// Details are one line, as the Java report prints them (CheckResult.line()).
const line = (check: CheckName, passed: boolean, detail: string): CheckLine => ({ check, passed, detail: detail.replace(/\n/g, ' ') });
export const pass = (check: CheckName, detail: string): CheckLine => line(check, true, detail);
export const fail = (check: CheckName, why: string): CheckLine => line(check, false, why);
/** A check that has nothing to examine for this kind of transaction: a pass that says why. */
export const notApplicable = (check: CheckName, why: string): CheckLine => line(check, true, 'not applicable: ' + why);

/** A check's verdict together with what it established for later checks (null when it failed). */
export interface Established<T> {
  readonly result: CheckLine;
  readonly value: T | null;
}

export const failed = <T>(check: CheckName, why: string): Established<T> => ({ result: fail(check, why), value: null });

/** A block the auditor already holds: its number and header hash. */
export interface TrustedBlock {
  readonly number: bigint;
  readonly headerHash: Uint8Array;
}

/** Everything a verification trusts; a problem with what the auditor gave fails the check that uses it. */
export interface TrustAnchors {
  readonly roots: readonly Certificate[];
  readonly rootsProblem: string | null;
  readonly configBlock: TrustedBlock | null;
  readonly trustedBlock: TrustedBlock | null;
  readonly trustedBlockProblem: string | null;
  readonly attestationsMin: number | null;
  readonly attestationsMinProblem: string | null;
}

/** At least a majority of the channel's member orgs, and at least two when there are two or more. */
export const defaultAttestationsMin = (memberOrgs: number): number => Math.max(Math.floor(memberOrgs / 2) + 1, Math.min(2, memberOrgs));

/** Something decoded from the bundle, or why it could not be: checks that need it fail with that reason. */
export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export interface Evidence {
  readonly bundle: ProofBundle;
  readonly transaction: Attempt<DecodedTransaction>;
  readonly chain: Attempt<HeaderChain>;
  readonly config: Attempt<ChannelConfig>;
  readonly blockHash: Uint8Array;
  readonly blockNumber: bigint;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function attempt<T>(run: () => Promise<T>, describe: (problem: string) => string = (p) => p): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, problem: describe(message(e)) };
  }
}

/** Decoding hostile bytes may make anything throw; that is a failed attempt with its reason, like a malformed message. */
export async function evidenceOf(bundle: ProofBundle): Promise<Evidence> {
  const count = bundle.block.data.length;
  const transaction: Attempt<DecodedTransaction> = bundle.txIndex >= count
    ? { ok: false, problem: 'the block has ' + count + ' envelopes, there is no envelope ' + bundle.txIndex }
    : await attempt(async () => decodeTransaction(bundle.block.data[bundle.txIndex]!),
      (p) => 'envelope ' + bundle.txIndex + ' cannot be read: ' + p);
  return {
    bundle, transaction, chain: await attempt(() => HeaderChain.of(bundle.headers)),
    config: await attempt(() => readConfigBlock(bundle.configBlock)),
    blockHash: await headerHash(bundle.block.header), blockNumber: bundle.block.header.number,
  };
}

/**
 * {@code signatures} run on the transaction when the channel configuration is authenticated and the transaction
 * readable; otherwise {@code check} fails as "not checked", saying which of the two is missing.
 */
export async function checkSignatures(evidence: Evidence, check: CheckName, trustedConfig: ChannelConfig | null,
  signatures: (tx: DecodedTransaction, config: ChannelConfig) => Promise<CheckLine>): Promise<CheckLine> {
  if (!trustedConfig) {
    return fail(check, 'not checked: no authenticated channel configuration');
  }
  if (!evidence.transaction.ok) {
    return fail(check, 'not checked: the transaction cannot be read');
  }
  return signatures(evidence.transaction.value, trustedConfig);
}
