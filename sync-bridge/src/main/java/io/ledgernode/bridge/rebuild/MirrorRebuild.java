package io.ledgernode.bridge.rebuild;

import static io.ledgernode.mirror.MirrorTables.CHECKPOINT;
import static io.ledgernode.mirror.MirrorTables.TRANSACTIONS;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.bridge.SyncBridge;
import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.bridge.db.MirrorDatabase;
import io.ledgernode.bridge.follow.BlockFollower;
import io.ledgernode.bridge.health.BridgeMetrics;
import io.ledgernode.bridge.mirror.BlockApplier;
import io.ledgernode.bridge.mirror.Checkpoints;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.process.AdvisoryLock;
import io.ledgernode.process.CommandLine;
import io.ledgernode.process.Logs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.protos.common.BlockchainInfo;

/**
 * Replays the channel from block 0 into a fresh database on the mirror's server, then compares it with the live
 * mirror. Prints the replay rate and one line per table; exits 0 when identical, 1 when not, 2 on bad usage.
 *
 * <p>Usage: {@code MirrorRebuild [--config FILE] [--set key=value]... [--database NAME] [--admin-user USER]}
 */
public final class MirrorRebuild {

    private static final String USAGE_LINE =
            "usage: [--config FILE] [--set key=value]... [--database NAME] [--admin-user USER]";

    private MirrorRebuild() {
    }

    public static void main(String[] args) throws Exception {
        Logs.configure(SyncBridge.QUIET_LOGGERS);
        CommandLine line;
        try {
            line = CommandLine.parse(args, 0, Set.of("--database", "--admin-user"), USAGE_LINE);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        String database = line.option("--database", "ledger_rebuild");
        String adminUser = line.option("--admin-user", "postgres");
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            usage("--database must be a lower-case identifier");
        }
        BridgeConfig config = BridgeConfig.load(line.configFile(), line.overrides());
        System.exit(rebuild(config, NetworkProfile.ofHome(Path.of(config.network().home())), database, adminUser) ? 0 : 1);
    }

    /** Rebuilds into {@code database} and compares; true when identical. Prints the replay rate. */
    public static boolean rebuild(BridgeConfig config, NetworkProfile profile, String database, String adminUser) throws Exception {
        String liveUrl = config.database().jdbcUrl();
        String rebuildUrl = liveUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database + "$1");
        recreate(liveUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1"), adminUser, database, config.database().user());
        long height = chainHeight(config, profile);
        System.out.println("rebuilding the mirror of channel " + profile.channel() + " from block 0 to height " + height + " into " + database);

        BridgeConfig.Database target = new BridgeConfig.Database(rebuildUrl, config.database().user(), config.database().password(),
                config.database().passwordFile(), config.database().poolSizeMax(), config.database().embedded());
        Instant start = Instant.now();
        long transactions;
        try (HikariDataSource pool = MirrorDatabase.pool(target, "mirror-rebuild")) {
            MirrorDatabase.migrate(pool);
            try (AdvisoryLock lock = MirrorDatabase.tryLockWriter(pool).orElseThrow(() -> new IllegalStateException("the rebuild database is in use"))) {
                BlockFollower follower = new BlockFollower(config, profile, new BlockApplier(pool, profile.chaincode()),
                        () -> next(pool, profile), new BridgeMetrics(), blockNumber -> { });
                follower.stopAtHeight(height);
                follower.run();
            }
            transactions = count(pool, "SELECT count(*) FROM " + TRANSACTIONS);
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("replayed %d blocks, %d transactions in %.1f s: %.0f transactions/s%n",
                height, transactions, took.toMillis() / 1000.0, transactions / Math.max(0.001, took.toMillis() / 1000.0));

        try (Connection live = DriverManager.getConnection(liveUrl, config.database().user(), config.database().resolvedPassword());
             Connection rebuilt = DriverManager.getConnection(rebuildUrl, config.database().user(), config.database().resolvedPassword())) {
            long liveNext = awaitLive(live, height);
            boolean withState = liveNext == height;
            List<MirrorComparison.TableResult> results = MirrorComparison.compare(live, rebuilt, height, withState);
            for (MirrorComparison.TableResult r : results) {
                System.out.printf("%-13s live %8d rows, rebuilt %8d rows: %s%n", r.table(), r.rowsLeft(), r.rowsRight(),
                        r.identical() ? "identical" : "DIFFERENT");
            }
            if (!withState) {
                System.out.println("state tables not compared: the live mirror moved on to block " + (liveNext - 1)
                        + " meanwhile (history below " + height + " was)");
            }
            boolean identical = results.stream().allMatch(MirrorComparison.TableResult::identical);
            System.out.println(identical ? "the live mirror is identical to a rebuild from block 0" : "the live mirror DIFFERS from a rebuild from block 0");
            return identical;
        }
    }

    private static void recreate(String adminUrl, String adminUser, String database, String owner) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, ""); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
        }
    }

    private static long chainHeight(BridgeConfig config, NetworkProfile profile) throws Exception {
        try (LedgerConnection connection = LedgerConnection.open(profile, config.network().org(), config.network().identity(),
                GatewayTimeouts.defaults())) {
            byte[] info = connection.network().getContract("qscc").evaluateTransaction("GetChainInfo", profile.channel());
            return BlockchainInfo.parseFrom(info).getHeight();
        }
    }

    private static long next(HikariDataSource pool, NetworkProfile profile) {
        try (Connection connection = pool.getConnection()) {
            return Checkpoints.next(connection, profile.channel());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rebuild's checkpoint: " + e.getMessage(), e);
        }
    }

    /** Waits (up to a minute) for the live mirror to reach {@code height}; returns its next block. */
    private static long awaitLive(Connection live, long height) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            long next = count(live, "SELECT next_block FROM " + CHECKPOINT + " WHERE id = 1");
            if (next >= height || Instant.now().isAfter(deadline)) {
                return next;
            }
            Thread.sleep(200);
        }
    }

    private static long count(HikariDataSource pool, String query) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return count(connection, query);
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void usage(String message) {
        System.err.println("mirror-rebuild: " + message);
        System.exit(2);
    }
}
