import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ownBytes } from './bytes';

const ED25519 = '1.3.101.112';

/** The digest algorithms a CMS signer may name, by OID, as WebCrypto names them. */
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

let engineOnce: pkijs.CryptoEngine | null = null;

/**
 * Our own engine over WebCrypto rather than pkijs's global one, which any other code of the page could replace.
 * pkijs does the CMS-to-WebCrypto translation (ECDSA's DER (r, s) to raw, RSA-PSS parameters). Made on first use,
 * not at import: importing the verifier must not fail the page where WebCrypto is missing.
 */
function engine(): pkijs.CryptoEngine {
  engineOnce ??= new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
  return engineOnce;
}

/** Why WebCrypto cannot be used here, or null: browsers offer crypto.subtle only to secure (HTTPS, localhost) pages. */
export function webCryptoMissing(): string | null {
  if (globalThis.crypto?.subtle !== undefined) {
    return null;
  }
  return 'this page has no WebCrypto (crypto.subtle), which browsers offer only to pages served over HTTPS or from '
    + 'localhost: open the console that way to verify reports';
}

/** The WebCrypto name of a digest algorithm; throws naming an unsupported one. */
export function digestName(algorithm: pkijs.AlgorithmIdentifier): string {
  const name = DIGESTS[algorithm.algorithmId];
  if (name === undefined) {
    throw new Error(`unsupported digest algorithm ${algorithm.algorithmId}`);
  }
  return name;
}

/**
 * The hash of a CMS signer's signature, as BC's signature name generator picks it: the one the signature algorithm
 * names (ecdsa-with-SHA256), else, for a bare key algorithm (id-ecPublicKey, rsaEncryption), the digest algorithm's.
 */
export function signatureHash(signature: pkijs.AlgorithmIdentifier, digest: pkijs.AlgorithmIdentifier): string {
  if (signature.algorithmId === ED25519) {
    return '';
  }
  const named = engine().getHashAlgorithm(signature);
  return named !== '' ? named : digestName(digest);
}

export async function digest(algorithm: pkijs.AlgorithmIdentifier, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(digestName(algorithm), ownBytes(data)));
}

/**
 * Whether `signature` over `data` verifies with `key` under `algorithm`. `hash` overrides the algorithm's own (a CMS
 * signer's signature algorithm may name only the key type). Throws when WebCrypto lacks the key or algorithm.
 */
export async function verifySignature(data: Uint8Array, signature: asn1js.BitString | asn1js.OctetString,
  key: pkijs.PublicKeyInfo, algorithm: pkijs.AlgorithmIdentifier, hash?: string): Promise<boolean> {
  if (key.algorithm.algorithmId === ED25519 || algorithm.algorithmId === ED25519) {
    return verifyEd25519(data, signature.valueBlock.valueHexView, key);
  }
  return engine().verifyWithPublicKey(ownBytes(data), signature, key, algorithm, hash);
}

/** Ed25519, which ManifestSigner can sign with and pkijs does not know. */
async function verifyEd25519(data: Uint8Array, signature: Uint8Array, key: pkijs.PublicKeyInfo): Promise<boolean> {
  if (key.algorithm.algorithmId !== ED25519) {
    throw new Error('an Ed25519 signature needs an Ed25519 key');
  }
  const publicKey = await crypto.subtle.importKey('spki', ownBytes(key.toSchema().toBER(false)), { name: 'Ed25519' },
    false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, publicKey, ownBytes(signature), ownBytes(data));
}

/** Whether the certificate's signature verifies with `key` (X509Certificate.verify). */
export async function signedBy(certificate: pkijs.Certificate, key: pkijs.PublicKeyInfo): Promise<boolean> {
  try {
    return await verifySignature(certificate.tbsView, certificate.signatureValue, key,
      certificate.signatureAlgorithm);
  } catch {
    // Java's verify throws for a wrong key type as for a wrong signature: both mean "not signed by this key".
    return false;
  }
}
