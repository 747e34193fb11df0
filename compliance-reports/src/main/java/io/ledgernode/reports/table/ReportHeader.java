package io.ledgernode.reports.table;

import io.ledgernode.reports.ReportKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What every report states about itself. {@code period} is the UTC day ({@code 2026-11-22}) or the reconciliation
 * run ({@code run-42}). {@code asOf} is a time taken from the data (the cut-off block's chain time, or the
 * reconciliation run's end), never the clock: it dates the PDF, so the same data gives the same bytes.
 */
public record ReportHeader(ReportKind kind, String nodeName, String org, String jurisdiction, String period,
        long cutOffBlock, String cutOffBlockHash, Instant asOf, String generator) {

    public ReportHeader {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(cutOffBlockHash, "cutOffBlockHash");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generator, "generator");
    }
}
