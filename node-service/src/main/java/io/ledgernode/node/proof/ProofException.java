package io.ledgernode.node.proof;

import java.util.Objects;

/** Why a proof or an attestation could not be made, with a stable reason a route maps to a status. */
public final class ProofException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The closed set of reasons; each maps to one HTTP status (in the route) and one gRPC status. */
    public enum Reason {
        /** No transaction with this id on this org's peer (HTTP 404). */
        TX_NOT_FOUND,
        /** This org's peer does not hold the block yet (HTTP 404 for an attestation; retried by the builder). */
        BLOCK_NOT_COMMITTED,
        /** The chain from the configuration block to the end block is longer than configured (HTTP 422). */
        CHAIN_TOO_LONG,
        /**
         * The channel's configuration changed between the transaction's block and the end block asked for: a bundle
         * carries one configuration, so it can reach only up to the block before the change (HTTP 422).
         */
        CONFIG_CHANGED,
        /** An attester did not answer, or answered with something that is not an attestation (HTTP 503). */
        ATTESTATION_UNAVAILABLE,
        /** This org's peer did not answer (HTTP 503). */
        LEDGER_UNAVAILABLE
    }

    private final Reason reason;

    public ProofException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ProofException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
