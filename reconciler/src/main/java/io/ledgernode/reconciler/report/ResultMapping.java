package io.ledgernode.reconciler.report;

import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.BreakView;
import io.ledgernode.mirror.reconciliation.RunStatus;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.reports.reconciliation.ReconciliationResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds a completed run's {@link ReconciliationResult} from what was recorded (so the result is exactly what the
 * tables say), reading its breaks page by page. The result holds every break of the run: the report needs them all.
 */
public final class ResultMapping {

    private static final int PAGE = BreakReader.PAGE_SIZE_MAX;

    private ResultMapping() {
    }

    public static ReconciliationResult of(BreakReader reader, long runId) throws SQLException {
        RunView run = reader.run(runId).orElseThrow(() -> new SQLException("run " + runId + " is not recorded"));
        if (run.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("run " + runId + " is " + run.status() + "; only completed runs are reported");
        }
        List<ReconciliationResult.Break> breaks = new ArrayList<>();
        Long cursor = null;
        do {
            BreakReader.BreakPage page = reader.breaks(runId, Optional.empty(), PAGE, cursor);
            page.breaks().forEach(view -> breaks.add(toReport(view)));
            cursor = page.nextCursor();
        } while (cursor != null);
        return new ReconciliationResult(run.id(), run.consistentBlock(), HexFormat.of().parseHex(run.consistentBlockHash()),
                run.startedAt(), run.finishedAt(), run.accountsCompared(), run.assetsCompared(), run.blocksCompared(), breaks);
    }

    static ReconciliationResult.Break toReport(BreakView view) {
        return new ReconciliationResult.Break(view.type(), view.accountId(), view.jurisdiction(), view.asset(),
                view.chainValue(), view.mirrorValue(), view.blockNumber());
    }
}
