package io.ledgernode.chaos.workload;

import io.ledgernode.chaos.history.Answer;
import java.util.Set;

/** Sorts the node's error codes into final refusals and "retry under the same key", the same way on every transport. */
final class Answers {

    /**
     * Codes after which the write may still be applied by a retry, as the README tells callers: the node was busy,
     * the ledger did not answer, or the transaction lost a conflict and changed nothing.
     */
    private static final Set<String> RETRY = Set.of("OVERLOADED", "RATE_LIMITED", "TRANSACTION_INVALIDATED", "WRITE_CONFLICT",
            "LEDGER_UNAVAILABLE", "MIRROR_UNAVAILABLE", "INTERNAL");

    private Answers() {
    }

    static Answer ofError(int status, String code) {
        if (RETRY.contains(code) || status >= 500 || status == 429) {
            return new Answer.Unavailable(status, code);
        }
        return new Answer.Refused(status, code);
    }
}
