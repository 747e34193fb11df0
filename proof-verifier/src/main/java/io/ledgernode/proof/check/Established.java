package io.ledgernode.proof.check;

import java.util.Objects;
import java.util.Optional;

/** A check's verdict together with what it established for later checks (empty when it failed). */
record Established<T>(CheckResult result, Optional<T> value) {
    Established {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(value, "value");
    }

    static <T> Established<T> failed(Check check, String why) {
        return new Established<>(CheckResult.fail(check, why), Optional.empty());
    }

    static <T> Established<T> passed(Check check, String detail, T value) {
        return new Established<>(CheckResult.pass(check, detail), Optional.of(value));
    }
}
