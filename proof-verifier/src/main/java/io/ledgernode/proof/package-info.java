/**
 * The proof verifier: given a transaction's proof bundle and the consortium's root certificates, establishes
 * offline that the transaction is in the channel's ledger with the stated outcome and effects.
 * {@link io.ledgernode.proof.ProofVerifier} is the library; {@link io.ledgernode.proof.VerifyProof} the command line.
 * Nothing here opens a connection: the bundle and the auditor's anchors are all it reads.
 */
package io.ledgernode.proof;
