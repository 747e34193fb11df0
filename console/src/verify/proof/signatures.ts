// Signatures checked with WebCrypto the way Fabric's MSP checks them (identity.Verify with the SW BCCSP): ECDSA over
// SHA-256, the signature a strict DER SEQUENCE {r, s} with s at most half the curve order (Fabric refuses the
// malleable high-S twin of a valid signature); Ed25519 over the message itself. Certificates and CRLs are checked
// with their own signature algorithm, as Java's X509Certificate.verify does (no low-S rule there).
import { base64 } from './bytes';
import { DerError, SEQUENCE, children, integer, single } from './der';
import { type Certificate, type Crl, keyAlgorithmName } from './x509';

interface Curve {
  readonly name: 'P-256' | 'P-384' | 'P-521';
  readonly size: number;
  readonly order: bigint;
}

const CURVES: Record<string, Curve> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32,
    order: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n },
  '1.3.132.0.34': { name: 'P-384', size: 48,
    order: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n },
  '1.3.132.0.35': { name: 'P-521', size: 66,
    order: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n },
};

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
type Buffer = Uint8Array<ArrayBuffer>;
const buffer = (bytes: Uint8Array): Buffer => bytes as Buffer;

// Keys are imported once per certificate and use: a verification checks the same few signers many times.
const keys = new Map<string, Promise<CryptoKey | null>>();

function importKey(certificate: Certificate, algorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm): Promise<CryptoKey | null> {
  const id = JSON.stringify(algorithm) + base64(certificate.spki);
  let key = keys.get(id);
  if (!key) {
    if (keys.size >= 1000) {
      keys.clear();
    }
    key = subtle().importKey('spki', buffer(certificate.spki), algorithm, false, ['verify']).catch(() => null);
    keys.set(id, key);
  }
  return key;
}

/** r and s as WebCrypto wants them: each left-padded to the curve size; null when one does not fit. */
function rawSignature(r: bigint, s: bigint, size: number): Uint8Array | null {
  const out = new Uint8Array(2 * size);
  for (const [i, value] of [r, s].entries()) {
    const digits = value.toString(16).padStart(2 * size, '0');
    if (value < 0n || digits.length > 2 * size) {
      return null;
    }
    for (let j = 0; j < size; j++) {
      out[i * size + j] = parseInt(digits.slice(2 * j, 2 * j + 2), 16);
    }
  }
  return out;
}

async function ecdsaVerifies(certificate: Certificate, hash: string, r: bigint, s: bigint, message: Uint8Array): Promise<boolean> {
  const curve = CURVES[certificate.keyCurve ?? ''];
  const raw = curve ? rawSignature(r, s, curve.size) : null;
  const key = curve ? await importKey(certificate, { name: 'ECDSA', namedCurve: curve.name }) : null;
  if (!raw || !key) {
    return false;
  }
  return subtle().verify({ name: 'ECDSA', hash }, key, buffer(raw), buffer(message)).catch(() => false);
}

async function ed25519Verifies(certificate: Certificate, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const key = await importKey(certificate, { name: 'Ed25519' });
  return key !== null && subtle().verify({ name: 'Ed25519' }, key, buffer(signature), buffer(message)).catch(() => false);
}

/** r and s of a DER ECDSA signature; {@code strict} demands minimal integers (BouncyCastle's rule). */
function rs(der: Uint8Array, strict: boolean): [bigint, bigint] | string {
  let sequence;
  try {
    sequence = children(single(der, SEQUENCE));
  } catch (e) {
    return 'the signature is not DER: ' + (e as Error).message;
  }
  if (sequence.length !== 2) {
    return 'the signature is not a strict DER SEQUENCE of r and s';
  }
  try {
    return [integer(sequence[0]!, strict), integer(sequence[1]!, strict)];
  } catch (e) {
    return 'the signature is not DER: ' + (e instanceof DerError ? e.message : String(e));
  }
}

async function ecdsaProblem(certificate: Certificate, message: Uint8Array, der: Uint8Array): Promise<string | null> {
  const values = rs(der, true);
  if (typeof values === 'string') {
    return values;
  }
  const [r, s] = values;
  if (r <= 0n || s <= 0n) {
    return "the signature's r or s is not positive";
  }
  const curve = CURVES[certificate.keyCurve ?? ''];
  if (curve && s > curve.order >> 1n) {
    return "the signature's s is above half the curve order (Fabric accepts only low-S signatures)";
  }
  return (await ecdsaVerifies(certificate, 'SHA-256', r, s, message)) ? null : 'the signature does not verify';
}

/** Why the signature by the certificate's key is not one Fabric accepts, or null when it is. */
export async function signatureProblem(certificate: Certificate, message: Uint8Array, signature: Uint8Array): Promise<string | null> {
  const algorithm = keyAlgorithmName(certificate);
  switch (algorithm) {
    case 'EC':
      return ecdsaProblem(certificate, message, signature);
    case 'Ed25519':
      return (await ed25519Verifies(certificate, message, signature)) ? null : 'the signature does not verify';
    default:
      return 'unsupported public key algorithm ' + algorithm;
  }
}

const ECDSA_HASHES: Record<string, string> = {
  '1.2.840.10045.4.1': 'SHA-1', '1.2.840.10045.4.3.2': 'SHA-256', '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const RSA_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1', '1.2.840.113549.1.1.11': 'SHA-256', '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};

/** Whether {@code issuer}'s key signed {@code tbs} with {@code algorithm}: a certificate's or a CRL's signature. */
async function signedBy(tbs: Uint8Array, algorithm: string, signature: Uint8Array, issuer: Certificate): Promise<boolean> {
  const key = keyAlgorithmName(issuer);
  const ecdsaHash = ECDSA_HASHES[algorithm];
  if (ecdsaHash && key === 'EC') {
    const values = rs(signature, false);
    return typeof values !== 'string' && ecdsaVerifies(issuer, ecdsaHash, values[0], values[1], tbs);
  }
  if (algorithm === '1.3.101.112' && key === 'Ed25519') {
    return ed25519Verifies(issuer, tbs, signature);
  }
  const rsaHash = RSA_HASHES[algorithm];
  if (rsaHash && key === 'RSA') {
    const rsaKey = await importKey(issuer, { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash });
    return rsaKey !== null
      && subtle().verify('RSASSA-PKCS1-v1_5', rsaKey, buffer(signature), buffer(tbs)).catch(() => false);
  }
  return false;
}

export function certificateSignedBy(certificate: Certificate, issuer: Certificate): Promise<boolean> {
  return signedBy(certificate.tbs, certificate.signatureAlgorithm, certificate.signature, issuer);
}

export function crlSignedBy(crl: Crl, issuer: Certificate): Promise<boolean> {
  return signedBy(crl.tbs, crl.signatureAlgorithm, crl.signature, issuer);
}
