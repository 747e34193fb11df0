package io.ledgernode.chaos.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** One money write a client asks for: what it should do to the ledger, whatever the transport. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(Op.Transfer.class), @JsonSubTypes.Type(Op.Batch.class), @JsonSubTypes.Type(Op.PlaceHold.class), @JsonSubTypes.Type(Op.CaptureHold.class)})
public sealed interface Op {

    /** A transfer of {@code amount} minor units. */
    record Transfer(String from, String to, long amount) implements Op {
        public Transfer {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** All legs or none. */
    record Batch(List<Transfer> legs) implements Op {
        public Batch {
            legs = List.copyOf(legs);
        }
    }

    /** Reserves {@code amount} of {@code account} for {@code payee} until it is captured, voided or expires. */
    record PlaceHold(String holdId, String account, long amount, String payee) implements Op {
        public PlaceHold {
            Objects.requireNonNull(holdId, "holdId");
            Objects.requireNonNull(account, "account");
        }
    }

    /** Moves {@code amount} of an open hold of {@code account} to {@code to}; the rest is released. */
    record CaptureHold(String holdId, String account, String to, long amount) implements Op {
        public CaptureHold {
            Objects.requireNonNull(holdId, "holdId");
            Objects.requireNonNull(to, "to");
        }
    }
}
