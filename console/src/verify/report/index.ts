/**
 * Verifies a signed regulator report in the browser against an org CA certificate the reader holds, as the Java
 * verifier (compliance-reports, io.ledgernode.reports.verify.ReportVerifier) does offline: the manifest, its detached
 * CMS signature (manifest.json.p7s) by exactly one signer the CA certified, then each given file's SHA-256 against
 * the manifest. Same check names, order and (as far as the libraries allow) details as the Java lines.
 *
 * The node serves each file of a report at GET /v1/reports/{jurisdiction}/{kind}/{name}/{file}; a report's files are
 * listed by GET /v1/reports (each report's "files").
 */
import { type CheckLine, type Verdict, verdictOf } from '../checks';
import type * as pkijs from 'pkijs';
import { failed, reason } from './bytes';
import { fileChecks } from './files';
import { manifestCheck } from './manifest';
import { webCryptoMissing } from './crypto';
import { signatureChecks } from './signature';
import { pemCertificate } from './x509';

export { NOT_CHECKED } from './files';
export { MANIFEST_FILE, SIGNATURE_FILE } from './manifest';

/** The check of the CA certificate itself: not a Java line (Java refuses an unreadable CA as a usage error). */
export const CA_CHECK = 'CA certificate';
/** The one line when verification could not run at all (no WebCrypto here; a slip of ours). Not a Java line. */
export const VERIFICATION = 'verification';

export interface ReportInput {
  /** manifest.json, as downloaded. */
  readonly manifest: Uint8Array;
  /** manifest.json.p7s, as downloaded. */
  readonly signature: Uint8Array;
  /** The org CA certificate the reader pins, PEM (the first PEM block must be the certificate). */
  readonly caPem: string;
  /** Report files by name; any subset of the manifest's (the others are named as not checked). */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/**
 * Every check of the report, in the Java verifier's order. Never throws: hostile input gives failed lines. A
 * verdict passes only if every line passes; files listed in the manifest but not given are named in one passing
 * line, so a verdict covers the manifest, its signature and the files given.
 */
export async function verifyReport(input: ReportInput): Promise<Verdict> {
  try {
    return verdictOf(await checks(input));
  } catch (error) {
    // A slip of ours, not the input's: still a verdict the page can show, and a failed one.
    return verdictOf([failed(VERIFICATION, `stopped by an unexpected error: ${reason(error)}`)]);
  }
}

async function checks(input: ReportInput): Promise<CheckLine[]> {
  const noCrypto = webCryptoMissing();
  if (noCrypto !== null) {
    return [failed(VERIFICATION, noCrypto)];
  }
  const ca = readCa(input.caPem);
  if (!('certificate' in ca)) {
    // As Java exits before any check with an unreadable CA: nothing can be trusted without it.
    return [ca.line];
  }
  const lines: CheckLine[] = [];
  const { line, manifest } = manifestCheck(input.manifest);
  lines.push(line);
  lines.push(...await signatureChecks(ca.certificate, input.manifest, input.signature));
  if (manifest !== null) {
    // As in Java, the files are checked even when the signature fails, so every altered file is named at once.
    lines.push(...await fileChecks(manifest, input.files));
  }
  return lines;
}

function readCa(pem: string): { certificate: pkijs.Certificate } | { line: CheckLine } {
  try {
    return { certificate: pemCertificate(pem) };
  } catch (error) {
    return { line: failed(CA_CHECK, `cannot be read: ${reason(error)}`) };
  }
}
