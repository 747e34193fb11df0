package io.ledgernode.chaos.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * What one attempt of a write was answered. {@link Ok} and {@link Refused} are final; the others leave the outcome
 * unknown, and a client resolves them by sending the same request under the same idempotency key again.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(Answer.Ok.class), @JsonSubTypes.Type(Answer.Refused.class), @JsonSubTypes.Type(Answer.Pending.class), @JsonSubTypes.Type(Answer.Unavailable.class), @JsonSubTypes.Type(Answer.Timeout.class), @JsonSubTypes.Type(Answer.ConnectionError.class)})
public sealed interface Answer {

    /** Whether the write's outcome is settled by this answer: only a commit or a refusal is. */
    default boolean settled() {
        return this instanceof Ok || this instanceof Refused;
    }

    /** Committed VALID: 200 with the transaction, its block and the chaincode's result. */
    record Ok(String txId, long block) implements Answer {
        public Ok {
            Objects.requireNonNull(txId, "txId");
        }
    }

    /** A caller's mistake or a money rule (insufficient funds, unknown hold…): nothing was applied. */
    record Refused(int status, String code) implements Answer {
        public Refused {
            Objects.requireNonNull(code, "code");
        }
    }

    /** Sent to the ledger, commit status unknown (202 PENDING). */
    record Pending(String txId) implements Answer {
    }

    /**
     * The node answered that it could not finish now (503 ledger unavailable, 409 invalidated by a conflict, 429
     * overloaded, a 5xx): the node says to retry under the same key.
     */
    record Unavailable(int status, String code) implements Answer {
    }

    /** No answer within the client's deadline. */
    record Timeout(String detail) implements Answer {
    }

    /** The connection failed or dropped before an answer (the node was killed, or was restarting). */
    record ConnectionError(String detail) implements Answer {
    }
}
