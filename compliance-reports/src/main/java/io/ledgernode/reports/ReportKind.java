package io.ledgernode.reports;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of report, each with the directory name it is published under and the title printed on it. */
public enum ReportKind {
    DAILY_TRANSACTIONS("daily-transactions", "Daily transaction report"),
    LARGE_VALUE("large-value", "Large-value report"),
    BALANCES("balances", "End-of-day balances and supply attestation"),
    RECONCILIATION("reconciliation", "Reconciliation report");

    private final String directoryName;
    private final String title;

    ReportKind(String directoryName, String title) {
        this.directoryName = directoryName;
        this.title = title;
    }

    /** The name of this kind's directory under a jurisdiction, and the {@code kind} field of its manifest. */
    public String directoryName() {
        return directoryName;
    }

    public String title() {
        return title;
    }

    /** The kind published under this directory name, if any. */
    public static Optional<ReportKind> ofDirectoryName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.directoryName.equals(name)).findFirst();
    }
}
