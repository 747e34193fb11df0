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

    /**
     * For example {@code FAIL file report.pdf: altered (its SHA-256 differs from the manifest)}. Always one line of
     * printable text: a line break or tab in the subject or detail (a file name, a parser's message about hostile
     * input) becomes a space, any other control character (a terminal escape in a file name) a question mark.
     */
    public String line() {
        return (passed ? "PASS " : "FAIL ") + oneLine(subject) + ": " + oneLine(detail);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").replace('\t', ' ').replaceAll("\\p{Cntrl}", "?");
    }
}
