package io.ledgernode.proof.policy;

import java.util.Objects;

/** Whether a policy is satisfied, and in words why (or why not). */
public record Evaluation(boolean satisfied, String explanation) {
    public Evaluation {
        Objects.requireNonNull(explanation, "explanation");
    }
}
