package io.ledgernode.reconciler.it;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.mirror.reconciliation.BreakReader;
import io.ledgernode.mirror.reconciliation.BreakView;
import io.ledgernode.mirror.reconciliation.Trigger;
import io.ledgernode.mirror.testing.RunningNode;
import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.reconciler.chain.GatewayChainReader;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.db.ReconcilerDatabase;
import io.ledgernode.reconciler.report.ResultHandOff;
import io.ledgernode.reconciler.run.RunOutcome;
import io.ledgernode.reconciler.run.Runner;
import io.ledgernode.reconciler.testing.RunHarness;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The network started by {@code scripts/ledger up} at {@code ledger.it.home}, with its embedded PostgreSQL and
 * sync-bridge: an Org1 client to move money, the reconciler's pools on the node's database (its own role and the
 * mirror's reader role), and the mirror's owner role (ledger_bridge) for the tests that damage and restore it.
 */
final class NetworkUnderTest implements AutoCloseable {

    final Path home;
    final NetworkProfile profile;
    final Properties node;
    final LedgerClient org1;
    final LedgerClient org2;
    final String runId = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);
    final HikariDataSource reconcilerPool;
    final HikariDataSource mirrorPool;
    final ReconcilerConfig config;

    NetworkUnderTest() {
        home = RunningNode.home();
        profile = NetworkProfile.ofHome(home);
        node = RunningNode.properties(home);
        org1 = new LedgerClient(LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults()));
        org2 = new LedgerClient(LedgerConnection.open(profile, "Org2", "User1", GatewayTimeouts.defaults()));
        config = ReconcilerConfig.load(Optional.empty(), Map.of("network.home", home.toString(), "compare.pageSize", "25",
                "compare.mirrorWaitMax", "PT30S"));
        reconcilerPool = ReconcilerDatabase.pool(config.database(), home, "reconciler-it", false);
        mirrorPool = ReconcilerDatabase.pool(config.mirror(), home, "mirror-reader-it", true);
        ReconcilerDatabase.migrate(reconcilerPool);
    }

    /** One reconciliation, as {@code scripts/ledger reconcile} runs it. */
    RunOutcome reconcile() {
        return reconcile(config.compare().pageSize());
    }

    /** One reconciliation whose block pass re-verifies every block from block 0 ({@code scripts/ledger reconcile --full}). */
    RunOutcome reconcileFull() {
        return reconcile(config.compare().pageSize(), BlockCoverage.FULL);
    }

    /** One reconciliation with pages of {@code pageSize}. */
    RunOutcome reconcile(int pageSize) {
        return reconcile(pageSize, BlockCoverage.INCREMENTAL);
    }

    private RunOutcome reconcile(int pageSize, BlockCoverage blocks) {
        ReconcilerConfig.Compare compare = ReconcilerConfig.load(Optional.empty(), Map.of("network.home", home.toString(),
                "compare.pageSize", Integer.toString(pageSize), "compare.mirrorWaitMax", "PT30S")).compare();
        return new Runner(compare, reconcilerPool, mirrorPool,
                () -> GatewayChainReader.open(profile, config.network().org(), config.network().identity()),
                ResultHandOff.logging(), "it", Clock.systemUTC()).runOnce(Trigger.ON_DEMAND, blocks);
    }

    List<BreakView> breaks(long runId) throws SQLException {
        return RunHarness.allBreaks(new BreakReader(mirrorPool), runId, 100);
    }

    String id(String base) {
        return base + "-" + runId;
    }

    /** The mirror as its owner: for the tests that damage it (and always restore it). */
    Connection mirrorOwner() throws SQLException {
        return DriverManager.getConnection(node.getProperty("database.jdbcUrl"), "ledger_bridge", "");
    }

    /** Submits as Org1 and requires a commit; returns its block. */
    long commit(String transaction, String argument) {
        return commit(org1, transaction, argument);
    }

    static long commit(LedgerClient client, String transaction, String argument) {
        SubmitOutcome outcome = client.submit(transaction, argument);
        if (!(outcome instanceof SubmitOutcome.Committed committed)) {
            throw new AssertionError(transaction + "(" + argument + ") -> " + outcome);
        }
        return committed.blockNumber();
    }

    /** Waits until the mirror has applied block {@code number}. */
    void awaitMirror(long number) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (Connection connection = mirrorOwner(); Statement sql = connection.createStatement()) {
            while (true) {
                try (ResultSet rs = sql.executeQuery("SELECT next_block FROM bridge.checkpoint WHERE id = 1")) {
                    rs.next();
                    if (rs.getLong(1) > number) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the mirror did not reach block " + number);
                }
                Thread.sleep(50);
            }
        }
    }

    static String account(String id, String asset) {
        return "{\"id\":\"" + id + "\",\"asset\":\"" + asset + "\",\"ownerRef\":\"ref-" + id + "\",\"jurisdiction\":\"DE\"}";
    }

    String mint(String account, long amount) {
        return "{\"idempotencyKey\":\"" + id("mint-" + account + "-" + System.nanoTime()) + "\",\"account\":\"" + account
                + "\",\"amount\":\"" + amount + "\"}";
    }

    String transfer(String from, String to, String asset, long amount) {
        return "{\"idempotencyKey\":\"" + id("t-" + System.nanoTime()) + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"asset\":\"" + asset + "\",\"amount\":\"" + amount + "\"}";
    }

    @Override
    public void close() {
        org1.connection().close();
        org2.connection().close();
        reconcilerPool.close();
        mirrorPool.close();
    }
}
