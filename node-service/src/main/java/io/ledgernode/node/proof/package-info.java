/**
 * Proof bundles: everything an auditor needs to verify offline, with the proof-verifier, that a transaction is in
 * the channel's ledger with its outcome and effects ({@code docs/proof-bundle.md}). {@link
 * io.ledgernode.node.proof.ProofBuilder} assembles a bundle from this org's peer (the transaction's block, the
 * configuration block in force, the header chain to the current height) and the validity attestations of the member
 * orgs ({@link io.ledgernode.node.proof.AttestationSource}: this node's own {@link
 * io.ledgernode.node.proof.AttestationSigner}, other orgs' nodes over HTTP). The bundle, its attestations and their
 * JSON are the verifier's ({@code io.ledgernode.proof.bundle}: one home for the format, read and written). No Helidon
 * types: routes and gRPC services call it alike.
 */
package io.ledgernode.node.proof;
