package io.ledgernode.gateway;

import io.ledgernode.api.ErrorCode;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Every way a submitted transaction can end, as far as its submitter can know. */
public sealed interface SubmitOutcome {

    /** The transaction id, when one was assigned (always, except when the proposal could not be built). */
    String txId();

    /** Committed in {@code blockNumber} with validation code VALID; {@code result} is the chaincode's answer. */
    record Committed(String txId, long blockNumber, String result) implements SubmitOutcome {
    }

    /** The chaincode refused the request during endorsement; nothing reached the orderer. */
    record Rejected(String txId, ErrorCode code, String message) implements SubmitOutcome {
    }

    /**
     * Ordered into {@code blockNumber} but marked invalid by the peers (an MVCC read conflict, say): it changed
     * nothing, and may be retried.
     */
    record Invalidated(String txId, long blockNumber, TxValidationCode code) implements SubmitOutcome {
    }

    /**
     * Sent, but its commit status did not arrive (a deadline, a peer that went away). The transaction may still
     * commit: look it up by id or by idempotency key before acting on it.
     */
    record Unknown(String txId, String reason) implements SubmitOutcome {
    }

    /** The network could not take the transaction at all (no endorsing peers reachable, orderer refused it). */
    record Unavailable(String txId, String reason) implements SubmitOutcome {
    }
}
