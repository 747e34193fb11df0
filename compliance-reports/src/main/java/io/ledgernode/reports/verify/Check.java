package io.ledgernode.reports.verify;

import java.util.Objects;

/** One check of a verification and its outcome, printed as one line. */
public record Check(String subject, boolean passed, String detail) {

    public Check {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }

    static Check pass(String subject, String detail) {
        return new Check(subject, true, detail);
    }

    static Check fail(String subject, String detail) {
        return new Check(subject, false, detail);
    }

    /** For example {@code FAIL file report.pdf: altered (its SHA-256 differs from the manifest)}. */
    public String line() {
        return (passed ? "PASS " : "FAIL ") + subject + ": " + detail;
    }
}
