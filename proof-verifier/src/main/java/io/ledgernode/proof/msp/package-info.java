/**
 * Fabric's X.509 MSPs as the channel configuration defines them, re-implemented for offline checking: which
 * certificates are valid identities of which org (chain to the MSP's roots, revocation lists, node OUs), which
 * principals (member, admin, client, peer, orderer, a given identity, an OU) an identity satisfies, and whether a
 * signature is one Fabric would accept (ECDSA over SHA-256, strict DER, low S; or Ed25519).
 */
package io.ledgernode.proof.msp;
