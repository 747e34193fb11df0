package io.ledgernode.chaos.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a history file ({@code history.jsonl}): a client's request, one attempt at it and its answer, or one
 * fault the nemesis injected. The checker reads nothing else of the run, so a history written by another tool (an
 * operator re-checking a production incident) is checked the same way; see docs/chaos.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(Event.Setup.class), @JsonSubTypes.Type(Event.Request.class),
        @JsonSubTypes.Type(Event.Attempt.class), @JsonSubTypes.Type(Event.Fault.class)})
public sealed interface Event {

    /**
     * The bank before the first request: one asset that nothing else holds, its accounts and the org that is each
     * one's custodian, and how much was minted in all (the supply every check holds the ledger to).
     */
    record Setup(String asset, java.util.Map<String, String> custodians, String hotAccount, long minted)
            implements Event {
        public Setup {
            Objects.requireNonNull(asset, "asset");
            custodians = java.util.Map.copyOf(custodians);
        }
    }

    /**
     * A client's write, announced before its first attempt. {@code chainKey} is the idempotency key as the chaincode
     * records it (the node scopes the caller's key by the token's issuer and subject); {@code mspId} the org that
     * submits it.
     */
    record Request(String key, String chainKey, String client, String mspId, String transport, Op op) implements Event {
        public Request {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(chainKey, "chainKey");
            Objects.requireNonNull(mspId, "mspId");
            Objects.requireNonNull(op, "op");
        }
    }

    /** Attempt {@code n} (1, 2, …) of the request under {@code key}: sent at {@code start}, answered at {@code end}. */
    record Attempt(String key, int n, Instant start, Instant end, Answer answer) implements Event {
        public Attempt {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * A fault: {@code kind} on {@code targets} (process name and the pid it hit), injected at {@code start}, lifted
     * (SIGCONT) or left to supervision at {@code end}; {@code txId} names the transaction a node was killed waiting
     * for, when the fault aimed at the window between submit and commit.
     */
    record Fault(int n, String kind, List<Target> targets, Instant start, Instant end, String txId, String note)
            implements Event {
        public Fault {
            Objects.requireNonNull(kind, "kind");
            targets = List.copyOf(targets);
        }
    }

    /** A process a fault hit. */
    record Target(String name, long pid) {
    }
}
