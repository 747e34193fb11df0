/**
 * The proof bundle as a file: its JSON format (version 1, {@code docs/proof-bundle.md}) read strictly into a
 * {@link io.ledgernode.proof.bundle.ProofBundle} of decoded Fabric messages, and the canonical validity attestation
 * statement that member orgs sign. Reading checks shape only; whether any of it is true is the checks' business.
 */
package io.ledgernode.proof.bundle;
