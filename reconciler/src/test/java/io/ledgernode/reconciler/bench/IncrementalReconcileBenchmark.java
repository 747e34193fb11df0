package io.ledgernode.reconciler.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.reconciler.chain.GatewayChainReader;
import io.ledgernode.reconciler.compare.Reconciliation;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.ledgernode.reconciler.report.ResultHandOff;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.run.Runner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 16 (3b): a reconciliation's cost follows the day's work, not the chain's age. On the running node: grows the
 * chain to at least {@code chainBlocks} blocks (one small transfer a block, once), runs a full verification from
 * block 0, adds {@code dayBlocks} blocks ("a day of new blocks"), then runs the incremental reconciliation that
 * continues from it, and prints the two block passes and whole runs side by side.
 *
 * <p>The ratio printed is the block passes' (what the incremental run changes), with goal at most 0.10 for the
 * default 100 new blocks on 2,000 (their share is 0.05): the account pass stays exact and costs the same in both
 * runs, so the whole runs' times are printed beside it.
 *
 * <p>Usage: {@code IncrementalReconcileBenchmark <LEDGER_HOME> [chainBlocks=2000] [dayBlocks=100]}
 */
public final class IncrementalReconcileBenchmark {

    private static final String ASSET = "INCR";
    private static final double GOAL = 0.10;

    private IncrementalReconcileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("LEDGER_HOME", ".ledger/local"));
        long chainBlocks = args.length > 1 ? Long.parseLong(args[1]) : 2_000;
        long dayBlocks = args.length > 2 ? Long.parseLong(args[2]) : 100;
        ReconcilerConfig config = ReconcilerConfig.load(Optional.empty(), Map.of("network.home", home.toString()));
        NetworkProfile profile = NetworkProfile.ofHome(home);
        try (HikariDataSource own = ReconcilerDatabase.pool(config.database(), home, "bench-reconciler", false);
             HikariDataSource mirror = ReconcilerDatabase.pool(config.mirror(), home, "bench-mirror", true);
             LedgerConnection connection = LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults())) {
            ReconcilerDatabase.migrate(own);
            LedgerClient client = new LedgerClient(connection);
            Runner runner = new Runner(config.compare(), own, mirror, () -> GatewayChainReader.open(profile, "Org1", "User1"),
                    ResultHandOff.logging(), "benchmark", Clock.systemUTC());
            prepare(client);
            growTo(client, chainHeight(profile), chainBlocks, mirror);

            Timed full = timed(() -> runner.runOnce(Trigger.ON_DEMAND, BlockCoverage.FULL));
            long fullHeight = full.summary().consistentBlock() + 1;
            growTo(client, fullHeight, fullHeight + dayBlocks, mirror);
            Timed incremental = timed(() -> runner.runOnce(Trigger.ON_DEMAND, BlockCoverage.INCREMENTAL));

            Reconciliation.Summary f = full.summary();
            Reconciliation.Summary i = incremental.summary();
            if (i.blockCoverage() != BlockCoverage.INCREMENTAL) {
                throw new IllegalStateException("the second run did not continue from the first: " + i.coverageReason());
            }
            double fullPass = f.blockPassTime().toNanos() / 1e9;
            double incrementalPass = i.blockPassTime().toNanos() / 1e9;
            double ratio = incrementalPass / fullPass;
            System.out.printf(Locale.ROOT, "full run: %,d blocks (0-%d) in %.2f s (block pass %.2f s), %,d accounts%n",
                    f.blocksCompared(), f.consistentBlock(), full.seconds(), fullPass, f.accountsCompared());
            System.out.printf(Locale.ROOT, "incremental run: %,d blocks (%d-%d) in %.2f s (block pass %.2f s), %,d accounts%n",
                    i.blocksCompared(), i.firstBlock(), i.consistentBlock(), incremental.seconds(), incrementalPass,
                    i.accountsCompared());
            System.out.printf(Locale.ROOT, "RATIO incremental/full-reconcile = %.2f (goal <= %.2f) %s  block pass over %,d new "
                            + "blocks %.2f s vs over all %,d blocks %.2f s; whole runs %.2f s vs %.2f s (%,d accounts each)%n",
                    ratio, GOAL, ratio <= GOAL ? "MET" : "MISSED", i.blocksCompared(), incrementalPass, f.blocksCompared(),
                    fullPass, incremental.seconds(), full.seconds(), i.accountsCompared());
        }
    }

    private record Timed(RunOutcome outcome, double seconds) {
        Reconciliation.Summary summary() {
            return switch (outcome) {
                case RunOutcome.Clean clean -> clean.summary();
                case RunOutcome.BreaksFound found -> throw new IllegalStateException("breaks found: " + found.summary().breaksByType());
                case RunOutcome.Busy busy -> throw new IllegalStateException("another run holds the lock: " + busy.holder());
                case RunOutcome.Failed failed -> throw new IllegalStateException("run failed: " + failed.reason());
            };
        }
    }

    private interface Run {
        RunOutcome run();
    }

    private static Timed timed(Run run) {
        long started = System.nanoTime();
        RunOutcome outcome = run.run();
        return new Timed(outcome, (System.nanoTime() - started) / 1e9);
    }

    private static long chainHeight(NetworkProfile profile) {
        try (GatewayChainReader chain = GatewayChainReader.open(profile, "Org1", "User1")) {
            return chain.height();
        }
    }

    private static void prepare(LedgerClient client) {
        accept(client.submit("Assets:register", "{\"code\":\"" + ASSET + "\",\"decimals\":2}"), "ASSET_EXISTS");
        for (String id : new String[] {"incr-a", "incr-b"}) {
            accept(client.submit("Accounts:open", "{\"id\":\"" + id + "\",\"asset\":\"" + ASSET
                    + "\",\"ownerRef\":\"bench\",\"jurisdiction\":\"DE\"}"), "ACCOUNT_EXISTS");
        }
        accept(client.submit("Money:mint", "{\"idempotencyKey\":\"incr-mint-" + System.nanoTime()
                + "\",\"account\":\"incr-a\",\"amount\":\"100000000\"}"), "NONE");
    }

    private static void accept(SubmitOutcome outcome, String acceptedRejection) {
        if (outcome instanceof SubmitOutcome.Committed
                || outcome instanceof SubmitOutcome.Rejected rejected && rejected.code().name().equals(acceptedRejection)) {
            return;
        }
        throw new IllegalStateException("setting up the benchmark's accounts: " + outcome);
    }

    /**
     * From {@code current}, one transfer a block (a transaction alone is cut into a block at the orderer's batch
     * timeout) until the chain's height is at least {@code height}; then waits for the mirror to hold every block.
     */
    private static void growTo(LedgerClient client, long current, long height, HikariDataSource mirror) throws Exception {
        long started = System.nanoTime();
        long reached = current;
        long transfers = 0;
        while (reached < height) {
            SubmitOutcome outcome = client.submit("Money:transfer", "{\"idempotencyKey\":\"incr-" + System.nanoTime()
                    + "\",\"from\":\"incr-a\",\"to\":\"incr-b\",\"asset\":\"" + ASSET + "\",\"amount\":\"1\"}");
            if (outcome instanceof SubmitOutcome.Committed committed) {
                reached = committed.blockNumber() + 1;
                transfers++;
            }
        }
        while (nextMirrorBlock(mirror) < reached) {
            Thread.sleep(100);
        }
        if (transfers > 0) {
            System.out.printf(Locale.ROOT, "chain grown to %,d blocks by %,d transfers in %.1f s%n", reached, transfers,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static long nextMirrorBlock(HikariDataSource mirror) throws Exception {
        try (Connection connection = mirror.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT next_block FROM bridge.checkpoint WHERE id = 1")) {
            rs.next();
            long next = rs.getLong(1);
            connection.rollback();
            return next;
        }
    }
}
