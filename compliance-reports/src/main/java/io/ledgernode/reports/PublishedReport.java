package io.ledgernode.reports;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report as published: {@code <reportsRoot>/<jurisdiction>/<kind>/<period>-b<cutOffBlock>/}. The period is the
 * UTC day ({@code 2026-11-22}) for the daily kinds and {@code run-<runId>} for reconciliation reports.
 */
public record PublishedReport(String jurisdiction, ReportKind kind, String period, long cutOffBlock, Path directory) {

    /**
     * The jurisdiction of a consolidated report across every jurisdiction (for auditors). Accounts' jurisdictions are
     * two letters with an optional region ({@code DE}, {@code US-NY}), so no account can ever have this one.
     */
    public static final String ALL_JURISDICTIONS = "ALL";

    /** Path-safe by construction: a jurisdiction code as the chaincode allows it ({@code DE}, {@code US-NY}). */
    static final Pattern JURISDICTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    static final Pattern PERIOD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Pattern NAME = Pattern.compile("(" + PERIOD.pattern() + ")-b(0|[1-9][0-9]{0,18})");

    /**
     * Reports of one kind and jurisdiction in chain order: by cut-off block, then period. The previous report of a
     * report, whose manifest digest its own manifest carries, is the one just before it in this order.
     */
    public static final Comparator<PublishedReport> CHAIN_ORDER = Comparator.comparingLong(PublishedReport::cutOffBlock)
            .thenComparing(PublishedReport::period);

    public PublishedReport {
        requireMatch(JURISDICTION, "jurisdiction", jurisdiction);
        Objects.requireNonNull(kind, "kind");
        requireMatch(PERIOD, "period", period);
        if (cutOffBlock < 0) {
            throw new IllegalArgumentException("cut-off block is negative: " + cutOffBlock);
        }
        Objects.requireNonNull(directory, "directory");
    }

    /** Where a report of this kind, jurisdiction, period and cut-off is published under the root. */
    public static PublishedReport at(Path reportsRoot, String jurisdiction, ReportKind kind, String period,
            long cutOffBlock) {
        requireMatch(JURISDICTION, "jurisdiction", jurisdiction);
        requireMatch(PERIOD, "period", period);
        Path directory = reportsRoot.resolve(jurisdiction).resolve(kind.directoryName())
                .resolve(period + "-b" + cutOffBlock);
        return new PublishedReport(jurisdiction, kind, period, cutOffBlock, directory);
    }

    /** The report directory's name, {@code <period>-b<cutOffBlock>}. */
    public String name() {
        return period + "-b" + cutOffBlock;
    }

    /** The report a directory name stands for, if it is one (a hidden partial directory is not). */
    static Optional<PublishedReport> parse(Path reportsRoot, String jurisdiction, ReportKind kind, String name) {
        Matcher matcher = NAME.matcher(name);
        if (!JURISDICTION.matcher(jurisdiction).matches() || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(at(reportsRoot, jurisdiction, kind, matcher.group(1), Long.parseLong(matcher.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isJurisdiction(String value) {
        return value != null && JURISDICTION.matcher(value).matches();
    }

    private static void requireMatch(Pattern pattern, String what, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is not path-safe: " + value);
        }
    }
}
