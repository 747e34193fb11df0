package io.ledgernode.node.reconciliation;

import io.ledgernode.api.Instants;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.BreakView;
import io.ledgernode.mirror.reconciliation.RunView;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reconciliation runs and their breaks, whatever the transport: operators and auditors see every break; a
 * regulator only its jurisdiction's accounts' breaks (and no block or supply break, which name no jurisdiction).
 */
public final class ReconciliationQueries {

    private final BreakReader reader;
    private final int pageSizeDefault;

    public ReconciliationQueries(BreakReader reader, int pageSizeDefault) {
        this.reader = reader;
        this.pageSizeDefault = pageSizeDefault;
    }

    /** Runs, newest first. */
    public Map<String, Object> runs(Caller caller, Optional<String> limit, Optional<String> cursor) {
        requireReader(caller);
        BreakReader.RunPage page = read(() -> reader.runs(Requests.limit(limit, pageSizeDefault, BreakReader.PAGE_SIZE_MAX), cursor(cursor)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runs", page.runs().stream().map(run -> run(run, seesAll(caller))).toList());
        body.put("nextCursor", page.nextCursor() == null ? null : page.nextCursor().toString());
        return body;
    }

    /** One run with its break counts by type. */
    public Map<String, Object> run(Caller caller, long runId) {
        requireReader(caller);
        RunView run = read(() -> reader.run(runId)).orElseThrow(() -> ApiException.notFound("run " + runId));
        Map<String, Object> body = run(run, seesAll(caller));
        if (seesAll(caller)) {
            body.put("breaksByType", read(() -> reader.countsByType(runId)));
        }
        return body;
    }

    /** A page of a run's breaks, in the order they were recorded. */
    public Map<String, Object> breaks(Caller caller, long runId, Optional<String> limit, Optional<String> cursor) {
        requireReader(caller);
        read(() -> reader.run(runId)).orElseThrow(() -> ApiException.notFound("run " + runId));
        Optional<String> jurisdiction = seesAll(caller) ? Optional.empty() : caller.jurisdiction();
        BreakReader.BreakPage page = read(() -> reader.breaks(runId, jurisdiction,
                Requests.limit(limit, pageSizeDefault, BreakReader.PAGE_SIZE_MAX), cursor(cursor)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("breaks", page.breaks().stream().map(ReconciliationQueries::breakRow).toList());
        body.put("nextCursor", page.nextCursor() == null ? null : page.nextCursor().toString());
        return body;
    }

    private static void requireReader(Caller caller) {
        Requests.requireRole(caller, Role.OPERATOR, Role.AUDITOR, Role.REGULATOR);
    }

    private static boolean seesAll(Caller caller) {
        return caller.has(Role.OPERATOR) || caller.has(Role.AUDITOR);
    }

    private static Long cursor(Optional<String> cursor) {
        return cursor.map(text -> Requests.wholeNumber(text).orElseThrow(() -> ApiException.badRequest("cursor is not one this service gave out")))
                .orElse(null);
    }

    /**
     * A run as the caller may see it. The counts are the whole consortium's (every jurisdiction's accounts and
     * breaks), so a regulator, who sees its own jurisdiction only, gets the run without them and counts its breaks
     * from the breaks route, which is filtered.
     */
    private static Map<String, Object> run(RunView run, boolean wholeConsortium) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.id());
        row.put("trigger", run.trigger().name());
        row.put("status", run.status().name());
        row.put("startedAt", Instants.format(run.startedAt()));
        row.put("finishedAt", run.finishedAt() == null ? null : Instants.format(run.finishedAt()));
        row.put("consistentBlock", run.consistentBlock());
        row.put("consistentBlockHash", run.consistentBlockHash());
        row.put("blocksCompared", run.blocksCompared());
        // Which blocks this run's block pass verified: from firstBlock to consistentBlock, from block 0 or continuing
        // the last clean run.
        row.put("firstBlock", run.firstBlock());
        row.put("blockCoverage", run.blockCoverage() == null ? null : run.blockCoverage().name());
        row.put("blockCoverageReason", run.coverageReason());
        if (wholeConsortium) {
            row.put("accountsCompared", run.accountsCompared());
            row.put("assetsCompared", run.assetsCompared());
            row.put("breaksFound", run.breaksFound());
        }
        row.put("failure", run.failure());
        return row;
    }

    private static Map<String, Object> breakRow(BreakView view) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", view.id());
        row.put("type", view.type().name());
        row.put("subject", view.subject());
        row.put("accountId", view.accountId());
        row.put("jurisdiction", view.jurisdiction());
        row.put("asset", view.asset());
        row.put("txId", view.txId());
        row.put("blockNumber", view.blockNumber());
        row.put("chainValue", view.chainValue());
        row.put("mirrorValue", view.mirrorValue());
        row.put("detail", view.detail());
        row.put("recordedAt", Instants.format(view.recordedAt()));
        return row;
    }

    private interface Read<T> {
        T get() throws SQLException;
    }

    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw new ApiException(ApiErrorCode.Service.RECONCILER_UNAVAILABLE,
                    "the reconciler's records cannot be read; retry shortly");
        }
    }
}
