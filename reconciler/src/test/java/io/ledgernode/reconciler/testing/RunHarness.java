package io.ledgernode.reconciler.testing;

import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.BreakView;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.report.ResultHandOff;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.run.Runner;
import io.ledgernode.reports.reconciliation.ReconciliationResult;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs reconciliations of a node's test database against a chain reader, and reads back what they recorded. */
public final class RunHarness {

    private final TestDatabase.Node node;
    private final ChainReader chain;
    private final Map<String, String> settings = new HashMap<>(Map.of("network.home", "/nonexistent",
            "compare.pageSize", "3", "compare.mirrorWaitMax", "PT5S", "compare.mirrorPollInterval", "PT0.01S",
            "compare.breakBatchSize", "7", "compare.blockBatchSize", "4"));
    private final List<ReconciliationResult> handedOff = new CopyOnWriteArrayList<>();

    public RunHarness(TestDatabase.Node node, ChainReader chain) {
        this.node = node;
        this.chain = chain;
    }

    public RunHarness set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public ReconcilerConfig config() {
        return ReconcilerConfig.load(Optional.empty(), settings);
    }

    public Runner runner() {
        return runner(Clock.systemUTC());
    }

    /** A runner whose clock is {@code clock} (runs record their times by it; a full verification falls due by it). */
    public Runner runner(Clock clock) {
        ResultHandOff handOff = handedOff::add;
        return new Runner(config().compare(), node.reconciler(), node.reader(), () -> new ForwardingChainReader(chain), handOff,
                "test", clock);
    }

    public RunOutcome run() {
        return runner().runOnce(Trigger.ON_DEMAND);
    }

    /** Every result handed to the report writer so far. */
    public List<ReconciliationResult> handedOff() {
        return handedOff;
    }

    /** Every break recorded for a run, read as node-service would (the read-only role). */
    public List<BreakView> breaks(long runId) throws SQLException {
        return allBreaks(new BreakReader(node.reader()), runId, 5);
    }

    /** Every break recorded for a run, read page by page ({@code pageSize} at a time) until the last. */
    public static List<BreakView> allBreaks(BreakReader reader, long runId, int pageSize) throws SQLException {
        List<BreakView> all = new ArrayList<>();
        Long cursor = null;
        do {
            BreakReader.BreakPage page = reader.breaks(runId, Optional.empty(), pageSize, cursor);
            all.addAll(page.breaks());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
