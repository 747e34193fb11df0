package io.ledgernode.bridge.health;

import io.ledgernode.process.StatusServer.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The bridge's live figures, updated by the follower and read by the HTTP endpoint. */
public final class BridgeMetrics {

    private final AtomicLong lastBlockApplied = new AtomicLong(-1);
    private final AtomicLong chainHeightSeen = new AtomicLong(0);
    private final AtomicLong lastLagMillis = new AtomicLong(0);
    private final AtomicLong blocksApplied = new AtomicLong(0);
    private final AtomicLong rowsApplied = new AtomicLong(0);
    private final AtomicLong reconnects = new AtomicLong(0);
    private final AtomicLong faults = new AtomicLong(0);
    private final Instant started = Instant.now();

    public void applied(long blockNumber, int rows, Instant observedAt, Instant mirroredAt) {
        lastBlockApplied.set(blockNumber);
        chainHeightSeen.accumulateAndGet(blockNumber + 1, Math::max);
        lastLagMillis.set(Math.max(0, Duration.between(observedAt, mirroredAt).toMillis()));
        blocksApplied.incrementAndGet();
        rowsApplied.addAndGet(rows);
    }

    /** The mirror already held everything before {@code nextBlock}. */
    public void resumedAt(long nextBlock) {
        lastBlockApplied.set(nextBlock - 1);
        chainHeightSeen.accumulateAndGet(nextBlock, Math::max);
    }

    public void heightSeen(long height) {
        chainHeightSeen.accumulateAndGet(height, Math::max);
    }

    public void reconnected() {
        reconnects.incrementAndGet();
    }

    public void faulted() {
        faults.incrementAndGet();
    }

    /** Blocks the mirror is behind the highest chain height seen. */
    public long lagBlocks() {
        return Math.max(0, chainHeightSeen.get() - (lastBlockApplied.get() + 1));
    }

    /** Prometheus text exposition. */
    public String prometheus() {
        double uptime = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return metric("ledger_bridge_last_block_applied", "gauge", "Number of the last block committed to the mirror", lastBlockApplied.get())
                + metric("ledger_bridge_chain_height_seen", "gauge", "Highest chain height the bridge has seen", chainHeightSeen.get())
                + metric("ledger_bridge_lag_blocks", "gauge", "Blocks the mirror is behind the chain height seen", lagBlocks())
                + metric("ledger_bridge_lag_milliseconds", "gauge", "From receiving the last block to its mirror commit", lastLagMillis.get())
                + metric("ledger_bridge_blocks_applied_total", "counter", "Blocks committed to the mirror by this process", blocksApplied.get())
                + metric("ledger_bridge_rows_applied_total", "counter", "Mirror rows written by this process", rowsApplied.get())
                + metric("ledger_bridge_reconnects_total", "counter", "Reconnections to the peer or the database", reconnects.get())
                + metric("ledger_bridge_faults_total", "counter", "Faults that stopped the bridge", faults.get())
                + "# HELP ledger_bridge_uptime_seconds Seconds since start\n# TYPE ledger_bridge_uptime_seconds gauge\n"
                + "ledger_bridge_uptime_seconds " + uptime + "\n";
    }

    /**
     * The bridge's routes of its status endpoint: {@code /metrics} (Prometheus) and {@code /health/ready} (caught up:
     * lag at most {@code lagReadyBlocksMax} blocks, and following); the kit adds {@code /health/live}.
     */
    public Map<String, Supplier<Answer>> routes(int lagReadyBlocksMax, BooleanSupplier following) {
        return Map.of(
                "/metrics", () -> Answer.prometheus(prometheus()),
                "/health/ready", () -> {
                    long lag = lagBlocks();
                    boolean ready = following.getAsBoolean() && lag <= lagReadyBlocksMax;
                    return Answer.json(ready ? 200 : 503, "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"lagBlocks\":" + lag + "}");
                });
    }

    private static String metric(String name, String type, String help, long value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " + value + "\n";
    }
}
