package io.ledgernode.reports;

import java.util.Objects;

/**
 * A report could not be produced or published. The {@link Reason} tells the caller what to do about it: wait for the
 * mirror, fix the data or the configuration, or look at a report that differs from the one already published.
 */
public final class ReportException extends Exception {

    /** Why, as a stable code. */
    public enum Reason {
        /** The mirror could not be read (connection, SQL). Retriable. */
        MIRROR_UNAVAILABLE,
        /** The cut-off block is not in the mirror yet. Retriable once the bridge has caught up. */
        MIRROR_BEHIND,
        /** The mirror holds rows the chaincode never writes (an unpaired credit, a negative balance). Not retriable. */
        MIRROR_INCONSISTENT,
        /** More rows than {@code ReportsConfig.rowsMax}. */
        LIMIT_EXCEEDED,
        /** A report with the same kind, jurisdiction, period and cut-off is published with other content. */
        CONFLICT,
        /** The signing key, certificate or pseudonym key could not be used. */
        SIGNING,
        /** Writing or publishing files failed. */
        IO
    }

    private final Reason reason;

    public ReportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ReportException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
