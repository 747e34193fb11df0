package io.ledgernode.proof.check;

import java.util.Objects;

/** Something decoded from the bundle, or why it could not be: checks that need it fail with that reason. */
sealed interface Attempt<T> {

    record Done<T>(T value) implements Attempt<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failed<T>(String problem) implements Attempt<T> {
        public Failed {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
