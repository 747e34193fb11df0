package io.ledgernode.reconciler.metrics;

import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.mirror.reconciliation.RunStatus;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.process.StatusServer.Answer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The metrics: breaks of the last completed run by type ({@code reconciler_breaks{type=...}}), when it finished, the
 * block it is consistent at, how long it took and what it compared; and whether the latest run failed.
 */
public final class ReconcilerMetrics {

    private final BreakReader reader;

    public ReconcilerMetrics(BreakReader reader) {
        this.reader = reader;
    }

    /**
     * The reconciler's route of its status endpoint: {@code /metrics}, or 503 while its database cannot be read; the
     * kit adds {@code /health/live}.
     */
    public Map<String, Supplier<Answer>> routes() {
        return Map.of("/metrics", () -> {
            try {
                return Answer.prometheus(prometheus());
            } catch (SQLException e) {
                return Answer.text(503, "# the reconciler's database is unavailable: " + e.getMessage() + "\n");
            }
        });
    }

    /** Prometheus text exposition (version 0.0.4). */
    public String prometheus() throws SQLException {
        StringBuilder out = new StringBuilder();
        Optional<RunView> completed = reader.latestCompleted();
        if (completed.isPresent()) {
            RunView run = completed.get();
            Map<BreakType, Long> counts = reader.countsByType(run.id());
            out.append("# HELP reconciler_breaks Breaks found by the last completed run, by type\n")
                    .append("# TYPE reconciler_breaks gauge\n");
            for (BreakType type : BreakType.values()) {
                out.append("reconciler_breaks{type=\"").append(type.name()).append("\"} ").append(counts.get(type)).append('\n');
            }
            gauge(out, "reconciler_last_run_id", "Id of the last completed run", Long.toString(run.id()));
            gauge(out, "reconciler_last_run_timestamp_seconds", "When the last completed run finished (Unix time)",
                    Long.toString(run.finishedAt().getEpochSecond()));
            gauge(out, "reconciler_last_run_consistent_block", "The block the last completed run is consistent at",
                    Long.toString(run.consistentBlock()));
            gauge(out, "reconciler_last_run_duration_seconds", "How long the last completed run took",
                    String.format(Locale.ROOT, "%.3f", Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0));
            gauge(out, "reconciler_last_run_accounts_compared", "Accounts the last completed run compared",
                    Long.toString(run.accountsCompared()));
            gauge(out, "reconciler_last_run_blocks_compared", "Blocks the last completed run compared",
                    Long.toString(run.blocksCompared()));
        }
        Optional<RunView> latest = reader.runs(1, null).runs().stream().findFirst();
        gauge(out, "reconciler_last_attempt_failed", "1 if the most recent run failed (could not compare everything)",
                latest.isPresent() && latest.get().status() == RunStatus.FAILED ? "1" : "0");
        gauge(out, "reconciler_running", "1 while a run is in progress", latest.isPresent()
                && latest.get().status() == RunStatus.RUNNING ? "1" : "0");
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, String value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
