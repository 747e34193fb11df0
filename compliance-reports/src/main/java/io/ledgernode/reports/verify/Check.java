package io.ledgernode.reports.verify;

import java.util.Objects;

/**
 * One check of a verification and its outcome, printed as one line. Not proof-verifier's {@code CheckResult}: that
 * one's subject is a closed set of proof checks, this one's is an open one (each file of a report, the signature's
 * parts), and the report verifier runs without the Fabric block kit the proof verifier needs.
 */
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
