// The auditor's proof verifier in the browser: a port of proof-verifier's ProofVerifier (BundleChecks), with the
// same checks, in the same order, with the same verdicts, trusting only the root certificates the auditor gives.
import { type CheckLine, type Verdict, verdictOf } from '../checks';
import { dataHash, headerHash } from './blocks';
import { type ProofBundle, BundleFormatError, readBundle } from './bundle';
import { equal, parseHex, utf8Bytes } from './bytes';
import { readConfigBlock } from './config';
import { block as decodeBlock, Malformed, parse } from './fabric';
import { configBlockCheck, dataHashCheck, headerChainCheck, ordererSignaturesCheck, txInBlockCheck } from './checks-block';
import { attestationsCheck, creatorSignatureCheck, effectsCheck, endorsementsCheck, outcomeCheck } from './checks-tx';
import {
  Check, type CheckName, type Established, type TrustAnchors, type TrustedBlock, evidenceOf, fail, failed, pass,
} from './evidence';
import { type Certificate, readAll } from './x509';

/** What the auditor trusts: VerifyProof's --roots, --trusted-block(-hash), --attestations-min and --config-block. */
export interface ProofTrust {
  /** PEM texts of root CA certificates (each may hold several); every MSP root of the bundle must be one of them. */
  readonly roots: readonly string[];
  /** A block header the auditor holds, which the bundle's header chain must reach with this hash. */
  readonly trustedBlock?: { readonly number: bigint; readonly headerHashHex: string };
  /** How many distinct member orgs must attest; by default a majority, and at least two when there are two or more. */
  readonly attestationsMin?: number;
  /** A configuration block (common.Block protobuf) the auditor holds: its MSP roots become trusted roots too. */
  readonly configBlock?: Uint8Array;
}

/** The one line when verification could not run at all (no WebCrypto here, or a slip of ours). Not a Java line. */
export const VERIFICATION = 'verification';

/**
 * Verifies a proof bundle file's bytes (or text). Never throws: a bundle that cannot be read is one failed
 * {@code bundle} line, and a check that fails to evaluate on hostile bytes fails saying so while the others report.
 */
export async function verifyProofBundle(bundle: Uint8Array | string, trust: ProofTrust): Promise<Verdict> {
  if (globalThis.crypto?.subtle === undefined) {
    return verdictOf([fail(VERIFICATION, 'this page has no WebCrypto (crypto.subtle), which browsers offer only to pages '
      + 'served over HTTPS or from localhost: open the console that way to verify proofs')]);
  }
  let read: ProofBundle;
  try {
    read = readBundle(typeof bundle === 'string' ? utf8Bytes(bundle) : bundle);
  } catch (e) {
    return verdictOf([fail(Check.BUNDLE, e instanceof BundleFormatError ? e.message : 'the bundle could not be read: ' + String(e))]);
  }
  try {
    return verdictOf(await runChecks(read, await anchorsOf(trust)));
  } catch (e) {
    // Every check is guarded; this is only for a slip of ours outside them: still a verdict, and a failed one.
    return verdictOf([fail(VERIFICATION, 'stopped by an unexpected error: ' + String(e))]);
  }
}

const bundleLine = (bundle: ProofBundle): string => 'version ' + bundle.version + ', transaction ' + bundle.txId + ' in block '
  + bundle.blockNumber + ' of channel ' + bundle.channel + ', ' + bundle.headers.length + ' header(s), '
  + bundle.attestations.length + ' attestation(s)';

/** Every check of a readable bundle, in report order (BundleChecks.run). */
async function runChecks(bundle: ProofBundle, anchors: TrustAnchors): Promise<CheckLine[]> {
  const evidence = await evidenceOf(bundle);
  const results: CheckLine[] = [pass(Check.BUNDLE, bundleLine(bundle))];
  const config = await established(Check.CONFIG_BLOCK, () => configBlockCheck(evidence, anchors));
  results.push(config.result);
  results.push(await guarded(Check.TX_IN_BLOCK, () => txInBlockCheck(evidence)));
  results.push(await guarded(Check.DATA_HASH, () => dataHashCheck(evidence)));
  results.push(await guarded(Check.HEADER_CHAIN, () => headerChainCheck(evidence, anchors, config.value)));
  results.push(await guarded(Check.ORDERER_SIGNATURES, () => ordererSignaturesCheck(evidence, config.value)));
  results.push(await guarded(Check.CREATOR_SIGNATURE, () => creatorSignatureCheck(evidence, config.value)));
  results.push(await guarded(Check.ENDORSEMENTS, () => endorsementsCheck(evidence, config.value)));
  const attested = await established(Check.VALIDITY_ATTESTATIONS, () => attestationsCheck(evidence, config.value, anchors));
  results.push(attested.result);
  results.push(await guarded(Check.OUTCOME, () => outcomeCheck(evidence, attested.value)));
  results.push(await guarded(Check.EFFECTS, () => effectsCheck(evidence, attested.value)));
  return results;
}

/** A bundle is hostile input: whatever throws on bytes crafted to confuse it fails its check, and the others report. */
async function guarded(check: CheckName, run: () => Promise<CheckLine>): Promise<CheckLine> {
  try {
    return await run();
  } catch (e) {
    return fail(check, 'the bundle could not be evaluated: ' + String(e));
  }
}

async function established<T>(check: CheckName, run: () => Promise<Established<T>>): Promise<Established<T>> {
  try {
    return await run();
  } catch (e) {
    return failed(check, 'the bundle could not be evaluated: ' + String(e));
  }
}

// ---- trust ----

/** The anchors of what the auditor gave; a problem with it fails the check that needs it, as a usage error would. */
async function anchorsOf(trust: ProofTrust): Promise<TrustAnchors> {
  const { roots, problem: rootsProblem } = readRoots(trust.roots);
  const { block: trustedBlock, problem: trustedBlockProblem } = readTrustedBlock(trust.trustedBlock);
  const min = trust.attestationsMin;
  const attestationsMinProblem = min === undefined || (Number.isInteger(min) && min >= 1) ? null
    : 'at least one attestation is needed, not ' + min;
  const anchors: TrustAnchors = { roots, rootsProblem, configBlock: null, trustedBlock, trustedBlockProblem,
    attestationsMin: min ?? null, attestationsMinProblem };
  return trust.configBlock ? withConfigBlock(anchors, trust.configBlock) : anchors;
}

function readRoots(pems: readonly string[]): { roots: Certificate[]; problem: string | null } {
  const roots: Certificate[] = [];
  for (const [i, pem] of pems.entries()) {
    try {
      roots.push(...readAll(utf8Bytes(pem)));
    } catch (e) {
      return { roots: [], problem: 'cannot read root certificates ' + (i + 1) + ': ' + (e instanceof Error ? e.message : String(e)) };
    }
  }
  return { roots, problem: null };
}

const UINT64_MAX = (1n << 64n) - 1n;

function readTrustedBlock(given: ProofTrust['trustedBlock']): { block: TrustedBlock | null; problem: string | null } {
  if (!given) {
    return { block: null, problem: null };
  }
  const headerHash = typeof given.headerHashHex === 'string' ? parseHex(given.headerHashHex) : null;
  if (headerHash === null) {
    return { block: null, problem: 'the trusted block hash is not lowercase hex' };
  }
  // A caller in plain JavaScript may give a number: any whole number up to 2^64 - 1 is a block number.
  let number: bigint;
  try {
    number = BigInt(given.number);
  } catch {
    number = -1n;
  }
  if (number < 0n || number > UINT64_MAX) {
    return { block: null, problem: 'the trusted block number ' + String(given.number) + ' is not a block number' };
  }
  return { block: { number, headerHash }, problem: null };
}

/** TrustAnchors.withConfigBlock: a configuration block the auditor holds, its MSP roots trusted too. */
async function withConfigBlock(anchors: TrustAnchors, bytes: Uint8Array): Promise<TrustAnchors> {
  try {
    const block = parse('configuration block', bytes, decodeBlock);
    const config = await readConfigBlock(block);
    if (!equal(await dataHash(block), block.header.dataHash)) {
      throw new Malformed("the configuration block's data does not match its header's data hash");
    }
    const roots = [...anchors.roots, ...config.msps.all().flatMap((msp) => msp.roots)];
    return { ...anchors, roots, configBlock: { number: block.header.number, headerHash: await headerHash(block.header) } };
  } catch (e) {
    return { ...anchors, rootsProblem: 'the configuration block you supplied is not a usable configuration block: '
      + (e instanceof Error ? e.message : String(e)) };
  }
}

export type { Verdict, CheckLine };
