package io.ledgernode.reconciler.report;

import io.ledgernode.reports.PublishedReport;
import io.ledgernode.reports.ReportException;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.ReportPublisher;
import io.ledgernode.reports.reconciliation.ReconciliationResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Publishes a completed run's signed reports: its reconciliation report (one per jurisdiction, and the consolidated
 * one with every break for auditors), and the daily reports of the configured UTC day, all pinned to the block the
 * run is consistent at. Remembers what it published, for the command that prints it.
 */
public final class ReportHandOff implements ResultHandOff {

    private static final Logger LOG = Logger.getLogger(ReportHandOff.class.getName());

    private final ReportPublisher publisher;
    private final DataSource mirror;
    private final boolean previousDay;
    private volatile List<PublishedReport> lastPublished = List.of();

    /**
     * @param previousDay true: the daily reports of the UTC day before the run started (a nightly run just after
     *     midnight); false: of the day it started, so far
     */
    public ReportHandOff(ReportPublisher publisher, DataSource mirror, boolean previousDay) {
        this.publisher = publisher;
        this.mirror = mirror;
        this.previousDay = previousDay;
    }

    @Override
    public void accept(ReconciliationResult result) throws ReportException {
        LocalDate started = LocalDate.ofInstant(result.startedAt(), ZoneOffset.UTC);
        LocalDate day = previousDay ? started.minusDays(1) : started;
        List<PublishedReport> published = publisher.publishDay(mirror, day, result.consistentAtBlock(), Optional.of(result));
        lastPublished = published;
        LOG.info(() -> "run " + result.runId() + ": published " + published.size() + " signed reports of " + day
                + " at block " + result.consistentAtBlock());
    }

    /** Every report the last run published. */
    public List<PublishedReport> lastPublished() {
        return lastPublished;
    }

    /** The last run's consolidated reconciliation report (every jurisdiction's breaks), if it was published. */
    public Optional<PublishedReport> lastConsolidatedReconciliation() {
        return lastPublished.stream()
                .filter(r -> r.kind() == ReportKind.RECONCILIATION && r.jurisdiction().equals(PublishedReport.ALL_JURISDICTIONS))
                .findFirst();
    }
}
