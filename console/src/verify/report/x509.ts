import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { reason } from './bytes';
import { der } from './der';
import { readName, type Name } from './names';

const KEY_USAGE = '2.5.29.15';
const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

export function certificate(bytes: Uint8Array | ArrayBuffer): pkijs.Certificate {
  return new pkijs.Certificate({ schema: der(bytes) });
}

/**
 * The first certificate of a PEM text, as Pem.certificate reads the CA file: the first PEM block must be a
 * certificate. Throws with the reason Java gives.
 */
export function pemCertificate(pem: string): pkijs.Certificate {
  const block = /-----BEGIN ([^-\r\n]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (block === null || !['CERTIFICATE', 'X509 CERTIFICATE'].includes(block[1] ?? '')) {
    throw new Error('does not start with a PEM certificate');
  }
  // Skip header lines (Proc-Type: ...) as BC's PEMParser does; base64 has no colons.
  const body = (block[2] ?? '').split('\n').filter((line) => !line.includes(':')).join('').replace(/\s+/g, '');
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  } catch {
    throw new Error('does not start with a PEM certificate: its base64 cannot be read');
  }
  try {
    return readable(certificate(bytes));
  } catch (error) {
    throw new Error(`holds a certificate that cannot be read: ${reason(error)}`);
  }
}

/** The certificate, once its names and key usage are known to read: the checks read them without a guard. */
export function readable(certificate: pkijs.Certificate): pkijs.Certificate {
  subjectName(certificate);
  issuerName(certificate);
  digitalSignature(certificate);
  return certificate;
}

export function subjectName(certificate: pkijs.Certificate): Name {
  return readName(certificate.subject.valueBeforeDecode);
}

export function issuerName(certificate: pkijs.Certificate): Name {
  return readName(certificate.issuer.valueBeforeDecode);
}

/** The inner value of an extension, or null when the certificate does not have it. */
function extension(certificate: pkijs.Certificate, oid: string): asn1js.AsnType | null {
  const found = certificate.extensions?.find((candidate) => candidate.extnID === oid);
  return found === undefined ? null : der(found.extnValue.valueBlock.valueHexView);
}

/**
 * X509Certificate.getKeyUsage()[0]: null without the extension, else whether digitalSignature (bit 0, the first
 * byte's top bit) is set.
 */
export function digitalSignature(certificate: pkijs.Certificate): boolean | null {
  const usage = extension(certificate, KEY_USAGE);
  if (usage === null) {
    return null;
  }
  if (!(usage instanceof asn1js.BitString)) {
    throw new Error('its key usage extension is not a BIT STRING');
  }
  const bits = usage.valueBlock.valueHexView;
  return bits.length > 0 && ((bits[0] ?? 0) & 0x80) !== 0;
}

/** The subject key identifier extension's bytes, or null without one. */
export function subjectKeyIdentifier(certificate: pkijs.Certificate): Uint8Array | null {
  const identifier = extension(certificate, SUBJECT_KEY_IDENTIFIER);
  return identifier instanceof asn1js.OctetString ? identifier.valueBlock.valueHexView : null;
}

/**
 * Why the certificate was not valid at `date`, worded as Java's provider does: BouncyCastle's for the signer's
 * certificate (BC reads it from the CMS), the JDK's for the CA's (read from PEM by the default provider). Null when
 * it was valid.
 */
export function invalidAt(certificate: pkijs.Certificate, date: Date, wording: 'bc' | 'jdk'): string | null {
  const notBefore = certificate.notBefore.value;
  const notAfter = certificate.notAfter.value;
  if (wording === 'bc') {
    if (date.getTime() > notAfter.getTime()) {
      return `certificate expired on ${bcTime(notAfter)}`;
    }
    return date.getTime() < notBefore.getTime() ? `certificate not valid till ${bcTime(notBefore)}` : null;
  }
  if (date.getTime() < notBefore.getTime()) {
    return `NotBefore: ${javaDate(notBefore)}`;
  }
  return date.getTime() > notAfter.getTime() ? `NotAfter: ${javaDate(notAfter)}` : null;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** BouncyCastle's Time.getTime(): 20261205222854GMT+00:00. */
function bcTime(date: Date): string {
  return `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}`
    + `${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}GMT+00:00`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** java.util.Date.toString() in UTC: Thu Dec 03 22:28:54 UTC 2036. */
function javaDate(date: Date): string {
  const day = DAYS[date.getUTCDay()];
  const month = MONTHS[date.getUTCMonth()];
  return `${day} ${month} ${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:`
    + `${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

/** Instant.toString(): 2026-12-06T22:29:00Z, milliseconds only when there are some. */
export function instant(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
