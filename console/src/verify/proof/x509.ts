// X.509 certificates and CRLs (RFC 5280), read with the strict DER reader: only the fields Fabric's MSP looks at,
// the bytes their signatures cover, and names printed as the Java verifier prints them.
import { base64, decodeBase64, hex, latin1, utf8 } from './bytes';
import {
  BOOLEAN, DerError, GENERALIZED_TIME, INTEGER, OCTET_STRING, SEQUENCE, SET, type Tlv, UTC_TIME, bitString, children,
  expectTag, integer, oid, single,
} from './der';

/** A certificate or CRL that cannot be read (Java's CertificateException, CRLException). */
export class CertificateError extends Error {}

export interface Attribute {
  readonly type: string;
  readonly value: Tlv;
}

export interface Name {
  readonly encoded: Uint8Array;
  readonly rdns: readonly (readonly Attribute[])[];
}

export interface Certificate {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly serial: bigint;
  readonly issuer: Name;
  readonly subject: Name;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly spki: Uint8Array;
  readonly keyAlgorithm: string;
  readonly keyCurve: string | null;
  readonly isCa: boolean;
}

export interface Crl {
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly issuer: Name;
  readonly revokedSerials: readonly bigint[];
}

const BASIC_CONSTRAINTS = '2.5.29.19';
const CN = '2.5.4.3';
const OU = '2.5.4.11';
const EC_KEY = '1.2.840.10045.2.1';
/** P-256, P-384, P-521: the curves Java (and WebCrypto) implement. */
const SUPPORTED_CURVES = ['1.2.840.10045.3.1.7', '1.3.132.0.34', '1.3.132.0.35'];

function algorithm(tlv: Tlv): string {
  return oid(children(expectTag(tlv, SEQUENCE))[0] ?? fail('empty algorithm identifier'));
}

function fail(why: string): never {
  throw new DerError(why);
}

function name(tlv: Tlv): Name {
  const rdns = children(expectTag(tlv, SEQUENCE)).map((rdn) => children(expectTag(rdn, SET)).map((ava) => {
    const [type, value] = children(expectTag(ava, SEQUENCE));
    return { type: oid(type ?? fail('empty attribute')), value: value ?? fail('attribute without a value') };
  }));
  return { encoded: tlv.encoded, rdns };
}

/** UTCTime or GeneralizedTime, in milliseconds since the epoch (Java's Date precision). */
function time(tlv: Tlv): number {
  const text = latin1(tlv.contents);
  const pattern = tlv.tag === UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/
    : tlv.tag === GENERALIZED_TIME ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?(Z|[+-]\d{4})$/ : null;
  const match = pattern?.exec(text);
  if (!match) {
    throw new DerError('invalid time ' + text);
  }
  let year = Number(match[1]);
  if (tlv.tag === UTC_TIME) {
    year += year >= 50 ? 1900 : 2000;
  }
  const fraction = tlv.tag === GENERALIZED_TIME ? Number((match[7] ?? '').padEnd(3, '0').slice(0, 3)) : 0;
  const zone = match[match.length - 1]!;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  return Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0),
    fraction) - offset * 60000;
}

/**
 * Whether the extensions ([3] EXPLICIT) say this is a CA: basic constraints with cA true, as Java's
 * getBasicConstraints. Every extension must be well formed, as Java's certificate factory demands.
 */
function isCa(extensions: Tlv | undefined): boolean {
  let ca = false;
  for (const extension of extensions ? children(single(extensions.contents, SEQUENCE)) : []) {
    const parts = children(expectTag(extension, SEQUENCE));
    const id = oid(parts[0] ?? fail('empty extension'));
    if (parts.length === 3) {
      expectTag(parts[1]!, BOOLEAN);
    }
    const value = expectTag(parts[parts.length - 1] ?? fail('extension without a value'), OCTET_STRING);
    if (parts.length < 2 || parts.length > 3) {
      throw new DerError('invalid extension');
    }
    if (id === BASIC_CONSTRAINTS) {
      const first = children(single(value.contents, SEQUENCE))[0];
      ca = first !== undefined && first.tag === BOOLEAN && first.contents[0] !== 0;
    }
  }
  return ca;
}

/** A certificate from its DER; {@link CertificateError} when it is not one. */
export function parseCertificate(der: Uint8Array): Certificate {
  try {
    return certificate(der);
  } catch (e) {
    throw new CertificateError('Could not parse certificate: ' + (e instanceof Error ? e.message : String(e)));
  }
}

function certificate(der: Uint8Array): Certificate {
  const [tbs, outerAlgorithm, signature] = children(single(der, SEQUENCE));
  const fields = children(expectTag(tbs ?? fail('no tbsCertificate'), SEQUENCE));
  const at = fields[0]?.tag === 0xa0 ? 1 : 0;
  const version = at === 1 ? integer(single(fields[0]!.contents, INTEGER)) : 0n;
  const [serial, innerAlgorithm, issuer, validity, subject, spki] = fields.slice(at);
  const extensions = fields.slice(at + 6).find((field) => field.tag === 0xa3);
  if (extensions && version < 2n) {
    throw new DerError('Extensions not allowed in v2 certificate');
  }
  if (!spki || !outerAlgorithm || !signature) {
    throw new DerError('incomplete certificate');
  }
  if (base64(innerAlgorithm!.encoded) !== base64(outerAlgorithm.encoded)) {
    throw new DerError('Signature algorithm mismatch');
  }
  const [notBefore, notAfter] = children(expectTag(validity!, SEQUENCE));
  const [keyAlgorithm, key] = children(expectTag(spki, SEQUENCE));
  const keyParts = children(expectTag(keyAlgorithm ?? fail('no key algorithm'), SEQUENCE));
  bitString(key ?? fail('no public key'));
  const keyCurve = keyParts[1]?.tag === 0x06 ? oid(keyParts[1]) : null;
  // Java's certificate factory refuses an EC key on a curve it does not implement.
  if (oid(keyParts[0] ?? fail('no key algorithm')) === EC_KEY && !SUPPORTED_CURVES.includes(keyCurve ?? '')) {
    throw new DerError('Unknown named curve: ' + keyCurve);
  }
  return {
    der, tbs: tbs!.encoded, signatureAlgorithm: algorithm(outerAlgorithm), signature: bitString(signature),
    serial: integer(serial!, false), issuer: name(issuer!), subject: name(subject!),
    notBefore: time(notBefore ?? fail('no validity')), notAfter: time(notAfter ?? fail('no validity')),
    spki: spki.encoded, keyAlgorithm: oid(keyParts[0] ?? fail('no key algorithm')),
    keyCurve, isCa: isCa(extensions),
  };
}

/** A CRL from its DER; {@link CertificateError} when it is not one. */
export function parseCrl(der: Uint8Array): Crl {
  try {
    const [tbs, outerAlgorithm, signature] = children(single(der, SEQUENCE));
    const fields = children(expectTag(tbs ?? fail('no tbsCertList'), SEQUENCE));
    const at = fields[0]?.tag === INTEGER ? 1 : 0;
    const issuer = name(fields[at + 1] ?? fail('no issuer'));
    const revoked = fields.slice(at + 3).find((field) => field.tag === SEQUENCE);
    return {
      tbs: tbs!.encoded, signatureAlgorithm: algorithm(outerAlgorithm ?? fail('no algorithm')),
      signature: bitString(signature ?? fail('no signature')), issuer,
      revokedSerials: revoked ? children(revoked).map((entry) => integer(children(entry)[0] ?? fail('empty entry'), false)) : [],
    };
  } catch (e) {
    throw new CertificateError('Could not parse CRL: ' + (e instanceof Error ? e.message : String(e)));
  }
}

// ---- PEM ----

const BEGIN = /-----BEGIN ([^\r\n]*?)-----/y;

/**
 * The DER of each PEM block of a text, read as Java's X509Factory reads them: the body up to the next '-', its
 * whitespace removed, strict base64, and a footer naming the header's type; raw DER is taken as it is.
 */
function pemBlocks(bytes: Uint8Array): Uint8Array[] {
  if (bytes[0] === SEQUENCE) {
    return [bytes];
  }
  const text = latin1(bytes);
  const blocks: Uint8Array[] = [];
  for (let at = text.indexOf('-----BEGIN '); at >= 0; at = text.indexOf('-----BEGIN ', at)) {
    BEGIN.lastIndex = at;
    const header = BEGIN.exec(text);
    if (!header) {
      throw new CertificateError('Could not parse certificate: Unsupported encapsulation boundary');
    }
    const bodyStart = at + header[0].length;
    const bodyEnd = text.indexOf('-', bodyStart);
    const footer = /^-----END ([^\r\n]*?)-----/.exec(text.slice(Math.max(bodyEnd, 0)));
    if (bodyEnd < 0 || !footer || footer[1] !== header[1]) {
      throw new CertificateError('Could not parse certificate: Header and footer do not match');
    }
    const decoded = decodeBase64(text.slice(bodyStart, bodyEnd).replace(/\s+/g, ''));
    if (typeof decoded === 'string') {
      throw new CertificateError('Could not parse certificate: ' + decoded);
    }
    blocks.push(decoded);
    at = bodyEnd + footer[0].length;
  }
  if (blocks.length === 0 && text.trim() !== '') {
    throw new CertificateError('Could not parse certificate: no certificate found');
  }
  return blocks;
}

/** Every certificate in PEM text (Fabric's MSP fields hold one each, a trust file may hold several). */
export function readAll(pem: Uint8Array): Certificate[] {
  return pemBlocks(pem).map(parseCertificate);
}

/** The one certificate in {@code pem}; more or fewer is an error. */
export function readOne(pem: Uint8Array): Certificate {
  const all = readAll(pem);
  if (all.length !== 1) {
    throw new CertificateError('expected one certificate, found ' + all.length);
  }
  return all[0]!;
}

export function readCrl(pem: Uint8Array): Crl {
  const blocks = pemBlocks(pem);
  if (blocks.length === 0) {
    throw new CertificateError('Could not parse CRL: empty input');
  }
  return parseCrl(blocks[0]!);
}

/** The certificate written exactly as Go's pem.Encode writes it: 64-character lines, one final newline. */
export function canonicalPem(certificate: Certificate): string {
  const body = base64(certificate.der);
  let out = '-----BEGIN CERTIFICATE-----\n';
  for (let i = 0; i < body.length; i += 64) {
    out += body.slice(i, i + 64) + '\n';
  }
  return out + '-----END CERTIFICATE-----\n';
}

/** The one certificate of {@code pem}, which must be in canonical PEM form (attestations carry it outside any hash). */
export function readCanonical(pem: string): Certificate {
  const bytes = Uint8Array.from(pem, (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 0x3f));
  const certificate = readOne(bytes);
  if (canonicalPem(certificate) !== pem) {
    throw new CertificateError('certificate is not in canonical PEM form');
  }
  return certificate;
}

// ---- names ----

/**
 * Text of a directory string; null for a value that is not a string type. BouncyCastle (commonName) reads the ASCII
 * string types byte by byte; Java's X500Principal ({@code ascii}) replaces their non-ASCII bytes.
 */
function stringValue(value: Tlv, ascii = false): string | null {
  const bytes = value.contents;
  switch (value.tag) {
    case 0x0c:
      return utf8(bytes);
    case 0x12: case 0x13: case 0x16: case 0x1a:
      return ascii ? latin1(bytes).replace(/[\u0080-\u00ff]/g, '\ufffd') : latin1(bytes);
    case 0x14:
      return latin1(bytes);
    case 0x1e: {
      let out = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      }
      return out;
    }
    default:
      return null;
  }
}

/** An attribute value as BouncyCastle gives it: the string, or {@code #hex} of its encoding. */
function text(value: Tlv): string {
  return stringValue(value) ?? '#' + hex(value.encoded);
}

/** The values of the subject's OU attributes, in order: Fabric's node OUs ({@code client}, {@code peer}, ...). */
export function organizationalUnits(certificate: Certificate): string[] {
  return certificate.subject.rdns.flatMap((rdn) => rdn.filter((a) => a.type === OU).map((a) => text(a.value)));
}

const BC_NAMES: Record<string, string> = {
  '2.5.4.6': 'C', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.3': 'CN', '2.5.4.7': 'L', '2.5.4.8': 'ST',
  '2.5.4.5': 'SERIALNUMBER', '1.2.840.113549.1.9.1': 'E', '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID', '2.5.4.9': 'STREET', '2.5.4.12': 'T', '2.5.4.4': 'SURNAME',
  '2.5.4.42': 'GIVENNAME', '2.5.4.43': 'INITIALS', '2.5.4.44': 'GENERATION', '2.5.4.46': 'DN', '2.5.4.17': 'PostalCode',
};

function escaped(value: string): string {
  return value.replace(/[,"\\+=<>;]/g, (c) => '\\' + c).replace(/^[# ]/, (c) => '\\' + c).replace(/ $/, '\\ ');
}

/** {@code CN=...} of the subject, for messages; the whole subject in BouncyCastle's form when it has no CN. */
export function commonName(certificate: Certificate): string {
  const rdn = certificate.subject.rdns.find((r) => r.some((a) => a.type === CN));
  if (rdn) {
    return 'CN=' + text(rdn[0]!.value);
  }
  return certificate.subject.rdns.map((r) => r.map((a) => (BC_NAMES[a.type] ?? a.type) + '='
    + (stringValue(a.value) === null ? text(a.value) : escaped(text(a.value)))).join('+')).join(',');
}

const JAVA_NAMES: Record<string, string> = {
  ...BC_NAMES, '1.2.840.113549.1.9.1': 'EMAILADDRESS', '2.5.4.46': 'DNQUALIFIER',
};

/** A name as Java's X500Principal prints it (most specific first), for messages. */
export function principalName(name: Name): string {
  return [...name.rdns].reverse().map((r) => r.map((a) => (JAVA_NAMES[a.type] ?? 'OID.' + a.type) + '='
    + (stringValue(a.value, true) ?? '#' + hex(a.value.encoded))).join(' + ')).join(', ');
}

const DIRECTORY_STRINGS = new Set([0x0c, 0x13, 0x14, 0x1c, 0x1e]);

/**
 * The form Java's X500Principal compares names in (RFC 2253 canonical): directory strings trimmed, inner spaces
 * collapsed, lowercased; other values as their encoding; each RDN's attributes in sorted order.
 */
export function canonicalName(name: Name): string {
  return name.rdns.map((rdn) => rdn.map((a) => a.type + '=' + (DIRECTORY_STRINGS.has(a.value.tag)
    ? (stringValue(a.value) ?? '').trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase()
    : '#' + hex(a.value.encoded))).sort().join('+')).join(',');
}

const KEY_ALGORITHMS: Record<string, string> = {
  '1.2.840.10045.2.1': 'EC', '1.3.101.112': 'Ed25519', '1.3.101.113': 'Ed448', '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.10040.4.1': 'DSA', '1.3.101.110': 'XDH', '1.3.101.111': 'XDH', '1.2.840.113549.1.1.10': 'RSASSA-PSS',
};

/** The public key's algorithm as Java names it ({@code EC}, {@code Ed25519}, {@code RSA}, ...). */
export function keyAlgorithmName(certificate: Certificate): string {
  return KEY_ALGORITHMS[certificate.keyAlgorithm] ?? certificate.keyAlgorithm;
}

/** Whether two certificates have the same DER encoding (Java's X509Certificate.equals). */
export function sameDer(a: Certificate, b: Certificate): boolean {
  return base64(a.der) === base64(b.der);
}
