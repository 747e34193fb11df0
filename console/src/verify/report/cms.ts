import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sameBytes } from './bytes';
import { digest, signatureHash, verifySignature } from './crypto';
import { readName, sameName } from './names';
import { der } from './der';
import { issuerName, subjectKeyIdentifier } from './x509';

const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const COUNTERSIGNATURE = '1.2.840.113549.1.9.6';
const ALGORITHM_PROTECTION = '1.2.840.113549.1.9.52';

/**
 * The SignedData of a CMS ContentInfo; throws saying why it is not one. The ContentInfo's own content type is not
 * checked: BouncyCastle does not check it either, and it is outside what the signature covers.
 */
export function signedData(bytes: Uint8Array): pkijs.SignedData {
  const info = new pkijs.ContentInfo({ schema: der(bytes) });
  return new pkijs.SignedData({ schema: info.content });
}

/** The certificates the SignedData carries that the signer's identifier names (BC's SignerId.match). */
export function signerCertificates(signed: pkijs.SignedData, signer: pkijs.SignerInfo): pkijs.Certificate[] {
  return (signed.certificates ?? [])
    .filter((candidate): candidate is pkijs.Certificate => candidate instanceof pkijs.Certificate)
    .filter((candidate) => identifies(signer.sid, candidate));
}

function identifies(sid: unknown, candidate: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return sameName(readName(sid.issuer.valueBeforeDecode), issuerName(candidate))
      && sid.serialNumber.toBigInt() === candidate.serialNumber.toBigInt();
  }
  const wanted = keyIdentifier(sid);
  const actual = subjectKeyIdentifier(candidate);
  // BC would also try a SHA-1 of the key for a certificate without the extension (an Outlook habit); we do not.
  return wanted !== null && actual !== null && sameBytes(wanted, actual);
}

/** The [0] subjectKeyIdentifier choice of a SignerIdentifier, primitive as DER has it or constructed as BER may. */
function keyIdentifier(sid: unknown): Uint8Array | null {
  if (sid instanceof asn1js.Primitive) {
    return sid.valueBlock.valueHexView;
  }
  const inner = sid instanceof asn1js.Constructed ? sid.valueBlock.value[0] : undefined;
  return inner instanceof asn1js.OctetString ? inner.valueBlock.valueHexView : null;
}

function attributes(set: pkijs.SignedAndUnsignedAttributes | undefined, oid: string): pkijs.Attribute[] {
  return set?.attributes.filter((attribute) => attribute.type === oid) ?? [];
}

/**
 * The signing time for the validity check, as SignatureChecks.signingTime reads it: the first signing-time signed
 * attribute, with exactly one value that is a Time. Null otherwise.
 */
export function signingTime(signer: pkijs.SignerInfo): Date | null {
  const [attribute] = attributes(signer.signedAttrs, SIGNING_TIME);
  const value: unknown = attribute?.values.length === 1 ? attribute.values[0] : undefined;
  // GeneralizedTime extends UTCTime in asn1js.
  if (!(value instanceof asn1js.UTCTime)) {
    return null;
  }
  const date = value.toDate();
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The outcome of SignerInformation.verify, short of the errors it throws (thrown here too, with BC's words). */
export type SignatureValue = 'verifies' | 'digest differs' | 'does not verify';

/**
 * Verifies the signer over the detached `content` as BouncyCastle's SignerInformation.verify does, in its order:
 * the content-type and algorithm-protection attributes, the message digest, then the signature value.
 */
export async function verifySigner(signed: pkijs.SignedData, signer: pkijs.SignerInfo, certificate: pkijs.Certificate,
  content: Uint8Array): Promise<SignatureValue> {
  const contentDigest = await digest(signer.digestAlgorithm, content);
  checkContentType(signed, signer);
  checkAlgorithmProtection(signer);
  const signedDigest = single(signer, MESSAGE_DIGEST, 'message-digest');
  if (signedDigest === null && signer.signedAttrs !== undefined) {
    throw new Error('the message-digest signed attribute type MUST be present when there are any signed attributes '
      + 'present');
  }
  if (signedDigest !== null && !(signedDigest instanceof asn1js.OctetString)) {
    throw new Error("message-digest attribute value not of ASN.1 type 'OCTET STRING'");
  }
  if (signedDigest !== null && !sameBytes(contentDigest, signedDigest.valueBlock.valueHexView)) {
    return 'digest differs';
  }
  checkCountersignatures(signer);
  // With signed attributes the signature covers their DER SET (pkijs already re-tagged [0] as SET), else the content.
  const data = signer.signedAttrs === undefined ? content : new Uint8Array(signer.signedAttrs.encodedValue);
  const hash = signatureHash(signer.signatureAlgorithm, signer.digestAlgorithm);
  const valid = await verifySignature(data, signer.signature, certificate.subjectPublicKeyInfo,
    signer.signatureAlgorithm, hash);
  return valid ? 'verifies' : 'does not verify';
}

/** BC's getSingleValuedSignedAttribute: the one value of a signed attribute, null when absent. */
function single(signer: pkijs.SignerInfo, oid: string, printable: string): unknown {
  if (attributes(signer.unsignedAttrs, oid).length > 0) {
    throw new Error(`The ${printable} attribute MUST NOT be an unsigned attribute`);
  }
  const found = attributes(signer.signedAttrs, oid);
  if (found.length > 1) {
    throw new Error('The SignedAttributes in a signerInfo MUST NOT include multiple instances of the '
      + `${printable} attribute`);
  }
  const [attribute] = found;
  if (attribute === undefined) {
    return null;
  }
  if (attribute.values.length !== 1) {
    throw new Error(`A ${printable} attribute MUST have a single attribute value`);
  }
  return attribute.values[0];
}

function checkContentType(signed: pkijs.SignedData, signer: pkijs.SignerInfo): void {
  const contentType = single(signer, CONTENT_TYPE, 'content-type');
  if (contentType === null) {
    if (signer.signedAttrs !== undefined) {
      throw new Error('The content-type attribute type MUST be present whenever signed attributes are present in '
        + 'signed-data');
    }
    return;
  }
  if (!(contentType instanceof asn1js.ObjectIdentifier)) {
    throw new Error("content-type attribute value not of ASN.1 type 'OBJECT IDENTIFIER'");
  }
  if (contentType.valueBlock.toString() !== signed.encapContentInfo.eContentType) {
    throw new Error('content-type attribute value does not match eContentType');
  }
}

/** RFC 6211: a signed cmsAlgorithmProtect attribute (BC adds one) must name the signer's own algorithms. */
function checkAlgorithmProtection(signer: pkijs.SignerInfo): void {
  if (attributes(signer.unsignedAttrs, ALGORITHM_PROTECTION).length > 0) {
    throw new Error('A cmsAlgorithmProtect attribute MUST be a signed attribute');
  }
  const found = attributes(signer.signedAttrs, ALGORITHM_PROTECTION);
  if (found.length > 1) {
    throw new Error('Only one instance of a cmsAlgorithmProtect attribute can be present');
  }
  const [attribute] = found;
  if (attribute === undefined) {
    return;
  }
  if (attribute.values.length !== 1) {
    throw new Error('A cmsAlgorithmProtect attribute MUST contain exactly one value');
  }
  const protection: unknown = attribute.values[0];
  const parts = protection instanceof asn1js.Sequence ? protection.valueBlock.value : [];
  if (!equivalent(parts[0], signer.digestAlgorithm, false)) {
    throw new Error('CMS Algorithm Identifier Protection check failed for digestAlgorithm');
  }
  const signature = parts.slice(1).find((part) => part.idBlock.tagClass === 3 && part.idBlock.tagNumber === 1);
  if (!equivalent(signature, signer.signatureAlgorithm, true)) {
    throw new Error('CMS Algorithm Identifier Protection check failed for signatureAlgorithm');
  }
}

/**
 * CMSUtils.isEquivalent: same algorithm, parameters equal or both absent/NULL. `tagged` reads the [1] IMPLICIT
 * form the signature algorithm has in the attribute.
 */
function equivalent(block: asn1js.BaseBlock | undefined, algorithm: pkijs.AlgorithmIdentifier,
  tagged: boolean): boolean {
  const parts = block instanceof asn1js.Constructed && (tagged || block instanceof asn1js.Sequence)
    ? block.valueBlock.value : [];
  const [oid, parameters] = parts;
  if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== algorithm.algorithmId) {
    return false;
  }
  const absent = (value: unknown): boolean => value === undefined || value instanceof asn1js.Null;
  const own: unknown = algorithm.algorithmParams;
  if (absent(parameters) || absent(own)) {
    return absent(parameters) && absent(own);
  }
  return own instanceof asn1js.BaseBlock && parameters !== undefined
    && sameBytes(new Uint8Array(own.toBER(false)), new Uint8Array(parameters.toBER(false)));
}

/** RFC 3852 11.4 as BC checks it: a countersignature is never signed, and an unsigned one has a value. */
function checkCountersignatures(signer: pkijs.SignerInfo): void {
  if (attributes(signer.signedAttrs, COUNTERSIGNATURE).length > 0) {
    throw new Error('A countersignature attribute MUST NOT be a signed attribute');
  }
  if (attributes(signer.unsignedAttrs, COUNTERSIGNATURE).some((attribute) => attribute.values.length < 1)) {
    throw new Error('A countersignature attribute MUST contain at least one AttributeValue');
  }
}
