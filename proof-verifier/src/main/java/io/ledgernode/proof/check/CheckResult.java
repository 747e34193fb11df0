package io.ledgernode.proof.check;

import java.util.Objects;

/** One check's verdict and, in words, what it established or why it failed. */
public record CheckResult(Check check, boolean passed, String detail) {
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(detail, "detail");
    }

    static CheckResult pass(Check check, String detail) {
        return new CheckResult(check, true, detail);
    }

    static CheckResult fail(Check check, String why) {
        return new CheckResult(check, false, why);
    }

    /** A check that has nothing to examine for this kind of transaction: a pass that says why. */
    static CheckResult notApplicable(Check check, String why) {
        return new CheckResult(check, true, "not applicable: " + why);
    }

    /** {@code PASS data-hash: ...} or {@code FAIL data-hash: ...}, on one line. */
    public String line() {
        return (passed ? "PASS " : "FAIL ") + check.label() + ": " + detail.replace('\n', ' ');
    }
}
