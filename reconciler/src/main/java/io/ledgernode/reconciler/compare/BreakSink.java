package io.ledgernode.reconciler.compare;

import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.breaks.RunLog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects a run's breaks and writes them in batches, counting them by type; memory holds one batch at most. */
public final class BreakSink {

    private final RunLog log;
    private final long runId;
    private final int batchSize;
    private final List<Break> pending = new ArrayList<>();
    private final Map<BreakType, Long> counts = new EnumMap<>(BreakType.class);

    public BreakSink(RunLog log, long runId, int batchSize) {
        this.log = log;
        this.runId = runId;
        this.batchSize = batchSize;
        for (BreakType type : BreakType.values()) {
            counts.put(type, 0L);
        }
    }

    public void add(Break found) throws SQLException {
        pending.add(found);
        counts.merge(found.type(), 1L, Long::sum);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    public void addAll(List<Break> found) throws SQLException {
        for (Break one : found) {
            add(one);
        }
    }

    /** Writes what is pending. */
    public void flush() throws SQLException {
        log.record(runId, pending);
        pending.clear();
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Breaks found so far, by type (every type present). */
    public Map<BreakType, Long> counts() {
        return Map.copyOf(counts);
    }
}
