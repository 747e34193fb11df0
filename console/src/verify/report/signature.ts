import type * as pkijs from 'pkijs';
import type { CheckLine } from '../checks';
import { failed, passed, reason } from './bytes';
import { signedData, signerCertificates, signingTime, verifySigner } from './cms';
import { signedBy } from './crypto';
import { rfc2253, sameName } from './names';
import { SIGNATURE_FILE } from './manifest';
import { digitalSignature, instant, invalidAt, issuerName, readable, subjectName } from './x509';

/**
 * The checks of the detached CMS signature over the manifest against the pinned CA, a port of SignatureChecks: the
 * same check names, order and details. Each is one line; the first that cannot let the next ones run ends the
 * list, failed. Every name starts with the signature file's, so a reader knows which file a failure is about.
 */
export async function signatureChecks(ca: pkijs.Certificate, content: Uint8Array,
  signature: Uint8Array): Promise<CheckLine[]> {
  const run = new Run(ca);
  try {
    await run.all(content, signature);
  } catch (error) {
    // Not reached by design (each step catches what hostile input can throw); kept so a slip fails, not throws.
    run.fail('signature', `does not verify: ${reason(error)}`);
  }
  return run.checks;
}

class Run {
  readonly checks: CheckLine[] = [];

  constructor(private readonly ca: pkijs.Certificate) {}

  async all(content: Uint8Array, signature: Uint8Array): Promise<void> {
    const signed = this.cms(signature);
    if (signed === null) {
      return;
    }
    if (signed.signerInfos.length !== 1) {
      this.fail('signers', `${signed.signerInfos.length} signers, exactly one is required`);
      return;
    }
    this.pass('signers', 'exactly one signer');
    const [signer] = signed.signerInfos;
    const certificate = signer === undefined ? null : this.certificate(signed, signer);
    if (signer === undefined || certificate === null || !(await this.chains(certificate))
      || !this.validAtSigningTime(signer, certificate) || !this.mayDigitallySign(certificate)) {
      return;
    }
    await this.signatureValue(signed, signer, certificate, content);
  }

  private cms(signature: Uint8Array): pkijs.SignedData | null {
    let signed: pkijs.SignedData;
    try {
      signed = signedData(signature);
    } catch (error) {
      this.fail('CMS', `not a DER CMS SignedData (altered?): ${reason(error)}`);
      return null;
    }
    if (signed.encapContentInfo.eContent !== undefined) {
      this.fail('CMS', 'the signature encapsulates content: a detached signature over manifest.json is required');
      return null;
    }
    this.pass('CMS', 'a detached CMS SignedData');
    return signed;
  }

  private certificate(signed: pkijs.SignedData, signer: pkijs.SignerInfo): pkijs.Certificate | null {
    let matches: pkijs.Certificate[];
    try {
      matches = signerCertificates(signed, signer);
    } catch (error) {
      this.fail('signer certificate', `cannot be read: ${reason(error)}`);
      return null;
    }
    const [match] = matches;
    if (matches.length !== 1 || match === undefined) {
      this.fail('signer certificate', `${matches.length} certificates match the signer, exactly one is required`);
      return null;
    }
    try {
      // What Java's certificate converter would refuse, refused here, so the later checks read it safely.
      return readable(match);
    } catch (error) {
      this.fail('signer certificate', `cannot be read: ${reason(error)}`);
      return null;
    }
  }

  private async chains(certificate: pkijs.Certificate): Promise<boolean> {
    const subject = rfc2253(subjectName(certificate));
    const caName = rfc2253(subjectName(this.ca));
    if (await selfSigned(certificate)) {
      this.fail('certificate chain', `the signer ${subject} is self-signed, not issued by the CA`);
      return false;
    }
    if (!sameName(issuerName(certificate), subjectName(this.ca))) {
      this.fail('certificate chain', `the signer ${subject} is issued by ${rfc2253(issuerName(certificate))}, `
        + `not by the CA ${caName}`);
      return false;
    }
    if (!(await signedBy(certificate, this.ca.subjectPublicKeyInfo))) {
      this.fail('certificate chain', `the signer ${subject} names the CA as issuer but the CA's key did not sign it`);
      return false;
    }
    this.pass('certificate chain', `the signer ${subject} is issued by the CA ${caName}`);
    return true;
  }

  private validAtSigningTime(signer: pkijs.SignerInfo, certificate: pkijs.Certificate): boolean {
    const time = signingTime(signer);
    if (time === null) {
      this.fail('validity', 'no signing time among the signed attributes');
      return false;
    }
    // The signer's certificate first, then the CA's, each worded by the provider Java reads it with.
    const invalid = invalidAt(certificate, time, 'bc') ?? invalidAt(this.ca, time, 'jdk');
    if (invalid !== null) {
      this.fail('validity', `the signer's or the CA's certificate was not valid at the signing time ${instant(time)}: `
        + invalid);
      return false;
    }
    this.pass('validity', `the certificates were valid at the signing time ${instant(time)}`);
    return true;
  }

  private mayDigitallySign(certificate: pkijs.Certificate): boolean {
    const usage = digitalSignature(certificate);
    if (usage === null) {
      this.pass('key usage', 'no key usage extension: any use is allowed');
      return true;
    }
    if (!usage) {
      this.fail('key usage', "the signer's key usage does not include digitalSignature");
      return false;
    }
    this.pass('key usage', 'digitalSignature');
    return true;
  }

  private async signatureValue(signed: pkijs.SignedData, signer: pkijs.SignerInfo, certificate: pkijs.Certificate,
    content: Uint8Array): Promise<void> {
    try {
      const outcome = await verifySigner(signed, signer, certificate, content);
      if (outcome === 'verifies') {
        this.pass('signature', 'verifies over manifest.json');
      } else if (outcome === 'digest differs') {
        this.fail('signature', 'manifest.json was altered: its digest differs from the signed one');
      } else {
        this.fail('signature', 'the signature value does not verify (manifest.json.p7s altered?)');
      }
    } catch (error) {
      this.fail('signature', `does not verify: ${reason(error)}`);
    }
  }

  pass(check: string, detail: string): void {
    this.checks.push(passed(`${SIGNATURE_FILE} ${check}`, detail));
  }

  fail(check: string, detail: string): void {
    this.checks.push(failed(`${SIGNATURE_FILE} ${check}`, detail));
  }
}

/** Issued by itself and signed with its own key, as SignatureChecks.selfSigned decides. */
async function selfSigned(certificate: pkijs.Certificate): Promise<boolean> {
  if (!sameName(issuerName(certificate), subjectName(certificate))) {
    return false;
  }
  return signedBy(certificate, certificate.subjectPublicKeyInfo);
}
