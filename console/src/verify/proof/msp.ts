// Fabric's X.509 MSPs as the channel configuration defines them (msp/mspimpl.go, MSP 1.4.2+ semantics): which
// certificates are valid identities of which org, and which principals an identity satisfies.
//
// Validity periods are checked the way Fabric checks them: at the identity's own notBefore plus one second, so a
// transaction stays provable after its signers' certificates expire.
import { EMPTY, equal, key, sha256, utf8Bytes, concat } from './bytes';
import {
  type FabricMspConfig, type MspPrincipal, type OuIdentifierConfig, anonymityType, combinedPrincipal, fabricMspConfig,
  mspRole, organizationUnit, serializedIdentity, type MspConfig,
} from './fabric';
import { Message, ProtobufError } from './protobuf';
import { certificateSignedBy, crlSignedBy } from './signatures';
import {
  type Certificate, CertificateError, type Crl, canonicalName, commonName, keyAlgorithmName, organizationalUnits,
  principalName, readAll, readCrl, readOne, sameDer,
} from './x509';

/** Longest chain from an identity to a root; Fabric's CAs use one or two levels. */
const CHAIN_DEPTH_MAX = 8;

/** An MSP definition that cannot be used (unreadable, or a kind not supported). */
export class InvalidMsp extends Error {}

/** A serialized identity that is not a valid identity of any MSP of the channel. */
export class InvalidIdentity extends Error {}

/** An OU as Fabric's MSP matches it: the name and, when a CA is named for it, its certifiers (empty matches any). */
export interface OuIdentifier {
  readonly unit: string;
  readonly certifiers: Uint8Array;
}

function ouMatches(ou: OuIdentifier, unit: string, certifiers: Uint8Array): boolean {
  return ou.unit === unit && (ou.certifiers.length === 0 || equal(ou.certifiers, certifiers));
}

export type Role = 'client' | 'peer' | 'admin' | 'orderer';

export interface NodeOus {
  readonly enabled: boolean;
  readonly roles: Readonly<Partial<Record<Role, OuIdentifier>>>;
}

/** A signer as Fabric names it: the MSP id from its SerializedIdentity, and its certificate. */
export interface Identity {
  readonly mspId: string;
  readonly certificate: Certificate;
}

/** For messages: {@code Org1MSP CN=peer0.org1.ledger.local}. */
export const describe = (identity: Identity): string => identity.mspId + ' ' + commonName(identity.certificate);

/** The key Fabric de-duplicates signatures by: MSP id and the certificate's bytes. */
export const identityKey = (identity: Identity): string => key(concat(utf8Bytes(identity.mspId + '\u0000'), identity.certificate.der));

/** Fabric's certification chain identifier: SHA-256 over the chain without the identity itself. */
async function certifiers(chain: readonly Certificate[]): Promise<Uint8Array> {
  return chain.length < 2 ? EMPTY : hashOf(chain.slice(1));
}

const hashOf = (certificates: readonly Certificate[]): Promise<Uint8Array> => sha256(...certificates.map((c) => c.der));

const validAt = (certificate: Certificate, at: number): boolean => at >= certificate.notBefore && at <= certificate.notAfter;

export class Msp {
  // Each identity is looked at many times in one verification; its chain and verdict are computed once.
  private readonly validations = new Map<string, Promise<string | null>>();
  private readonly chains = new Map<string, Promise<Certificate[]>>();

  constructor(readonly id: string, readonly roots: readonly Certificate[], private readonly intermediates: readonly Certificate[],
    private readonly admins: ReadonlySet<string>, private readonly revocations: readonly Crl[],
    private readonly ouRestrictions: readonly OuIdentifier[], readonly nodeOus: NodeOus) {}

  isAdmin(certificate: Certificate): boolean {
    return this.admins.has(key(certificate.der));
  }

  /** Why {@code certificate} is not a valid identity of this MSP, or null when it is. */
  validationProblem(certificate: Certificate): Promise<string | null> {
    return cached(this.validations, key(certificate.der), () => this.validate(certificate));
  }

  private async validate(certificate: Certificate): Promise<string | null> {
    if (certificate.isCa) {
      return 'a CA certificate cannot be an identity';
    }
    const algorithm = keyAlgorithmName(certificate);
    if (algorithm !== 'EC' && algorithm !== 'Ed25519') {
      return 'public key algorithm ' + algorithm + " is not supported by Fabric's MSP";
    }
    const chain = await this.chain(certificate);
    if (chain.length === 0) {
      return commonName(certificate) + ' (issuer ' + principalName(certificate.issuer) + ') does not chain to a root CA of '
        + this.id;
    }
    if (await this.revoked(certificate, chain[1]!)) {
      return commonName(certificate) + ' is revoked by ' + this.id + "'s revocation list";
    }
    return this.ouProblem(certificate, await certifiers(chain));
  }

  /** The chain {@code certificate, issuer, ..., root}, or empty when it reaches no root of this MSP. */
  chain(certificate: Certificate): Promise<Certificate[]> {
    return cached(this.chains, key(certificate.der), () => this.buildChain(certificate));
  }

  private async buildChain(certificate: Certificate): Promise<Certificate[]> {
    const at = certificate.notBefore + 1000;
    const chain = [certificate];
    let current = certificate;
    for (let depth = 0; depth < CHAIN_DEPTH_MAX; depth++) {
      const root = await issuerAmong(current, this.roots, at);
      if (root) {
        return [...chain, root];
      }
      const intermediate = await issuerAmong(current, this.intermediates, at);
      if (!intermediate || chain.some((c) => sameDer(c, intermediate))) {
        return [];
      }
      chain.push(intermediate);
      current = intermediate;
    }
    return [];
  }

  private async revoked(certificate: Certificate, issuer: Certificate): Promise<boolean> {
    for (const crl of this.revocations) {
      // Fabric skips a revocation list whose signature does not hold, as if it were absent.
      if (canonicalName(crl.issuer) === canonicalName(issuer.subject) && await crlSignedBy(crl, issuer)
        && crl.revokedSerials.includes(certificate.serial)) {
        return true;
      }
    }
    return false;
  }

  /** The OU rules: one of the configured OU restrictions, and exactly one node OU when they are enforced. */
  private ouProblem(certificate: Certificate, chainCertifiers: Uint8Array): string | null {
    const units = organizationalUnits(certificate);
    if (this.ouRestrictions.length > 0
      && !this.ouRestrictions.some((r) => units.some((u) => ouMatches(r, u, chainCertifiers)))) {
      return commonName(certificate) + ' has none of the OUs ' + this.id + ' requires';
    }
    if (!this.nodeOus.enabled) {
      return null;
    }
    let roles = 0;
    for (const unit of units) {
      for (const nodeOu of Object.values(this.nodeOus.roles)) {
        if (nodeOu.unit === unit) {
          if (!ouMatches(nodeOu, unit, chainCertifiers)) {
            return commonName(certificate) + "'s OU " + unit + ' is certified by another CA than ' + this.id + ' names for it';
          }
          roles++;
        }
      }
    }
    return roles === 1 ? null : commonName(certificate) + ' has ' + roles
      + ' node OU roles (client, peer, admin, orderer) in ' + this.id + '; exactly one is required';
  }

  /** Whether {@code certificate} carries the node OU of a role (with the right certifiers). */
  async hasNodeOu(certificate: Certificate, role: OuIdentifier): Promise<boolean> {
    const chainCertifiers = await certifiers(await this.chain(certificate));
    return organizationalUnits(certificate).some((unit) => ouMatches(role, unit, chainCertifiers));
  }

  /** Whether {@code certificate} carries a given OU: the principal form, with its certifiers. */
  async hasOu(certificate: Certificate, unit: string, certifiersRequired: Uint8Array): Promise<boolean> {
    const chainCertifiers = await certifiers(await this.chain(certificate));
    return equal(chainCertifiers, certifiersRequired) && organizationalUnits(certificate).includes(unit);
  }
}

function cached<T>(cache: Map<string, Promise<T>>, id: string, compute: () => Promise<T>): Promise<T> {
  let value = cache.get(id);
  if (!value) {
    value = compute();
    cache.set(id, value);
  }
  return value;
}

async function issuerAmong(certificate: Certificate, candidates: readonly Certificate[], at: number): Promise<Certificate | null> {
  for (const candidate of candidates) {
    if (canonicalName(candidate.subject) === canonicalName(certificate.issuer) && candidate.isCa && validAt(candidate, at)
      && await certificateSignedBy(certificate, candidate)) {
      return candidate;
    }
  }
  return null;
}

/** The MSPs of a channel, by MSP id, in configuration order: Fabric's channel MSP manager. */
export class MspSet {
  private readonly byId = new Map<string, Msp>();

  constructor(msps: readonly Msp[]) {
    for (const msp of msps) {
      if (this.byId.has(msp.id)) {
        throw new Error('two MSPs named ' + msp.id);
      }
      this.byId.set(msp.id, msp);
    }
  }

  msp(id: string): Msp | undefined {
    return this.byId.get(id);
  }

  all(): Msp[] {
    return [...this.byId.values()];
  }

  /** A SerializedIdentity into a valid identity of its MSP; {@link InvalidIdentity} says why it is not one. */
  async deserialize(serialized: Uint8Array): Promise<Identity> {
    let identity;
    try {
      identity = serializedIdentity(new Message(serialized));
    } catch (e) {
      throw e instanceof ProtobufError ? new InvalidIdentity('not a serialized identity: ' + e.message) : e;
    }
    const msp = this.byId.get(identity.mspId);
    if (!msp) {
      throw new InvalidIdentity("MSP '" + identity.mspId + "' is not defined in the channel");
    }
    let certificate;
    try {
      certificate = readOne(identity.idBytes);
    } catch (e) {
      throw e instanceof CertificateError
        ? new InvalidIdentity(identity.mspId + ' identity is not a PEM certificate: ' + e.message) : e;
    }
    return valid(msp, certificate);
  }

  /** A certificate presented as an identity of {@code mspId}, if it is a valid one. */
  identity(mspId: string, certificate: Certificate): Promise<Identity> {
    const msp = this.byId.get(mspId);
    if (!msp) {
      throw new InvalidIdentity("MSP '" + mspId + "' is not defined in the channel");
    }
    return valid(msp, certificate);
  }

  /** Whether a valid identity satisfies a policy principal. */
  async satisfies(identity: Identity, principal: MspPrincipal): Promise<boolean> {
    const msp = this.byId.get(identity.mspId);
    return msp !== undefined && satisfied(msp, identity, principal, this);
  }
}

async function valid(msp: Msp, certificate: Certificate): Promise<Identity> {
  const problem = await msp.validationProblem(certificate);
  if (problem !== null) {
    throw new InvalidIdentity(problem);
  }
  return { mspId: msp.id, certificate };
}

// ---- principals (satisfiesPrincipalInternalV142) ----

const ROLE = 0;
const ORGANIZATION_UNIT = 1;
const IDENTITY = 2;
const ANONYMITY = 3;
const COMBINED = 4;
const ROLE_NAMES: Readonly<Record<number, Role | 'member'>> = { 0: 'member', 1: 'admin', 2: 'client', 3: 'peer', 4: 'orderer' };

/** Whether an identity satisfies a principal; an unreadable principal is never satisfied. */
async function satisfied(msp: Msp, identity: Identity, principal: MspPrincipal, channel: MspSet): Promise<boolean> {
  try {
    const message = new Message(principal.principal);
    switch (principal.classification) {
      case ROLE:
        return await role(msp, identity, mspRole(message));
      case IDENTITY:
        return await sameIdentity(msp, identity, serializedIdentity(message));
      case ORGANIZATION_UNIT:
        return await unit(msp, identity, organizationUnit(message));
      case ANONYMITY:
        return anonymityType(message) === 0;
      case COMBINED:
        return await combined(identity, combinedPrincipal(message), channel);
      default:
        return false;
    }
  } catch (e) {
    if (e instanceof ProtobufError) {
      return false;
    }
    throw e;
  }
}

async function role(msp: Msp, identity: Identity, principal: { mspId: string; role: number }): Promise<boolean> {
  if (principal.mspId !== msp.id || identity.mspId !== msp.id) {
    return false;
  }
  const certificate = identity.certificate;
  const valid = (await msp.validationProblem(certificate)) === null;
  const name = ROLE_NAMES[principal.role];
  if (name === 'member') {
    return valid;
  }
  if (name === 'admin' && msp.isAdmin(certificate)) {
    return true;
  }
  return name !== undefined && valid && hasRoleOu(msp, certificate, name);
}

async function hasRoleOu(msp: Msp, certificate: Certificate, name: Role): Promise<boolean> {
  const ou = msp.nodeOus.roles[name];
  return msp.nodeOus.enabled && ou !== undefined && msp.hasNodeOu(certificate, ou);
}

async function sameIdentity(msp: Msp, identity: Identity, named: { mspId: string; idBytes: Uint8Array }): Promise<boolean> {
  if (named.mspId !== msp.id) {
    return false;
  }
  let certificate;
  try {
    certificate = readOne(named.idBytes);
  } catch (e) {
    if (e instanceof CertificateError) {
      return false;
    }
    throw e;
  }
  return sameDer(certificate, identity.certificate) && (await msp.validationProblem(certificate)) === null;
}

async function unit(msp: Msp, identity: Identity, principal: { mspId: string; unit: string; certifiers: Uint8Array }): Promise<boolean> {
  return principal.mspId === msp.id && (await msp.validationProblem(identity.certificate)) === null
    && msp.hasOu(identity.certificate, principal.unit, principal.certifiers);
}

async function combined(identity: Identity, parts: readonly MspPrincipal[], channel: MspSet): Promise<boolean> {
  if (parts.length === 0) {
    return false;
  }
  for (const part of parts) {
    if (!(await channel.satisfies(identity, part))) {
      return false;
    }
  }
  return true;
}

// ---- reading an MSPConfig ----

/** {@code msp.ProviderType.FABRIC}: X.509. Idemix MSPs are not supported. */
const FABRIC_MSP_TYPE = 0;

/** An MSPConfig value of the channel configuration into an {@link Msp}; {@link InvalidMsp} says why it cannot be. */
export async function readMsp(config: MspConfig): Promise<Msp> {
  if (config.type !== FABRIC_MSP_TYPE) {
    throw new InvalidMsp('MSP type ' + config.type + ' is not supported (only X.509 MSPs are)');
  }
  let fabric: FabricMspConfig;
  try {
    fabric = fabricMspConfig(new Message(config.config));
  } catch (e) {
    throw e instanceof ProtobufError ? new InvalidMsp('MSP configuration is not a FabricMSPConfig') : e;
  }
  const id = fabric.name;
  requireSha256(id, fabric);
  const roots = certificates(id, 'root', fabric.rootCerts);
  if (roots.length === 0) {
    throw new InvalidMsp('MSP ' + id + ' has no root certificate');
  }
  const intermediates = certificates(id, 'intermediate', fabric.intermediateCerts);
  const admins = new Set(certificates(id, 'admin', fabric.admins).map((admin) => key(admin.der)));
  // A scaffold MSP knows its CAs, so the certifiers of each configured OU can be computed from their chains.
  const cas = new Msp(id, roots, intermediates, new Set(), [], [], { enabled: false, roles: {} });
  const restrictions: OuIdentifier[] = [];
  for (const ou of fabric.ouIdentifiers) {
    restrictions.push(await ouIdentifier(cas, ou));
  }
  const crls = fabric.revocationList.map((pem) => crl(id, pem));
  return new Msp(id, roots, intermediates, admins, crls, restrictions, await nodeOus(cas, fabric));
}

function requireSha256(id: string, fabric: FabricMspConfig): void {
  const family = fabric.signatureHashFamily;
  const identifier = fabric.identityIdentifierHashFunction;
  if (!(family === '' || family === 'SHA2') || !(identifier === '' || identifier === 'SHA256')) {
    throw new InvalidMsp('MSP ' + id + ' uses hash family ' + family + ' / ' + identifier + '; only SHA2 / SHA256 is supported');
  }
}

async function nodeOus(cas: Msp, fabric: FabricMspConfig): Promise<NodeOus> {
  const config = fabric.nodeOus;
  if (!config) {
    return { enabled: false, roles: {} };
  }
  const roles: Partial<Record<Role, OuIdentifier>> = {};
  for (const name of ['client', 'peer', 'admin', 'orderer'] as const) {
    const ou = config[name];
    if (ou) {
      roles[name] = await ouIdentifier(cas, ou);
    }
  }
  return { enabled: config.enable, roles };
}

async function ouIdentifier(cas: Msp, ou: OuIdentifierConfig): Promise<OuIdentifier> {
  if (ou.certificate.length === 0) {
    return { unit: ou.unit, certifiers: EMPTY };
  }
  let ca: Certificate;
  try {
    ca = readOne(ou.certificate);
  } catch (e) {
    throw e instanceof CertificateError
      ? new InvalidMsp('MSP ' + cas.id + ': the CA of OU ' + ou.unit + ' is not a certificate') : e;
  }
  if (cas.roots.some((root) => sameDer(root, ca))) {
    return { unit: ou.unit, certifiers: await hashOf([ca]) };
  }
  const chain = await cas.chain(ca);
  if (chain.length === 0) {
    throw new InvalidMsp('MSP ' + cas.id + ': the CA of OU ' + ou.unit + ' is not one of its CAs');
  }
  return { unit: ou.unit, certifiers: await hashOf(chain) };
}

function certificates(id: string, kind: string, pems: readonly Uint8Array[]): Certificate[] {
  try {
    return pems.flatMap((pem) => readAll(pem));
  } catch (e) {
    throw e instanceof CertificateError ? new InvalidMsp('MSP ' + id + ' has an unreadable ' + kind + ' certificate') : e;
  }
}

function crl(id: string, pem: Uint8Array): Crl {
  try {
    return readCrl(pem);
  } catch (e) {
    throw e instanceof CertificateError ? new InvalidMsp('MSP ' + id + ' has an unreadable revocation list') : e;
  }
}
