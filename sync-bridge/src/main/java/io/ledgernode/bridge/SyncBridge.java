package io.ledgernode.bridge;

import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.bridge.config.BridgeConfig;
import io.ledgernode.bridge.db.MirrorDatabase;
import io.ledgernode.bridge.follow.BlockFollower;
import io.ledgernode.bridge.follow.HeightPoller;
import io.ledgernode.bridge.health.BridgeMetrics;
import io.ledgernode.bridge.mirror.BlockApplier;
import io.ledgernode.bridge.mirror.Checkpoints;
import io.ledgernode.bridge.mirror.MirrorFault;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.process.AdvisoryLock;
import io.ledgernode.process.CommandLine;
import io.ledgernode.process.Logs;
import io.ledgernode.process.StatusServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sync-bridge process. Exit status: 0 stopped on request, 1 fault recorded in bridge.errors (the message says
 * which block and why), 2 bad configuration, 3 another bridge holds the mirror.
 *
 * <p>Usage: {@code SyncBridge [--config FILE] [--set key=value]...}
 */
public final class SyncBridge {

    /** The libraries whose start-up chatter the bridge's processes keep to warnings. */
    public static final String[] QUIET_LOGGERS = {"org.flywaydb", "com.zaxxer.hikari"};
    private static final String USAGE_LINE = "usage: [--config FILE] [--set key=value]...";

    private SyncBridge() {
    }

    public static void main(String[] args) {
        Logs.configure(QUIET_LOGGERS);
        BridgeConfig config;
        NetworkProfile profile;
        try {
            config = config(args);
            profile = NetworkProfile.ofHome(Path.of(config.network().home()));
        } catch (RuntimeException e) {
            System.err.println("sync-bridge: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config, profile));
    }

    static int run(BridgeConfig config, NetworkProfile profile) {
        try (HikariDataSource pool = MirrorDatabase.pool(config.database(), "mirror-writer")) {
            waitForDatabase(pool, config);
            MirrorDatabase.migrate(pool);
            AtomicReference<AdvisoryLock> lock = new AtomicReference<>(MirrorDatabase.tryLockWriter(pool).orElse(null));
            if (lock.get() == null) {
                System.err.println("sync-bridge: another sync-bridge holds the mirror at " + config.database().jdbcUrl()
                        + " (" + MirrorDatabase.writerLockHolder(pool) + "); refusing to run");
                return 3;
            }
            BridgeMetrics metrics = new BridgeMetrics();
            BlockApplier applier = new BlockApplier(pool, profile.chaincode());
            BlockFollower follower = new BlockFollower(config, profile, applier, () -> checkpoint(pool, profile),
                    metrics, blockNumber -> reacquire(pool, lock, blockNumber));
            Runtime.getRuntime().addShutdownHook(new Thread(follower::stop, "bridge-stop"));
            try (StatusServer health = new StatusServer(config.health().host(), config.health().port(),
                    metrics.routes(config.health().lagReadyBlocksMax(), follower::following));
                 HeightPoller poller = new HeightPoller(config, profile, metrics)) {
                follower.run();
                return 0;
            } catch (MirrorFault fault) {
                System.err.println("sync-bridge: stopped: " + fault.getMessage());
                return 1;
            } finally {
                lock.get().close();
            }
        } catch (Exception e) {
            System.err.println("sync-bridge: " + e.getMessage());
            return 1;
        }
    }

    /** The next block expected, waiting for the database if it is away. */
    private static long checkpoint(HikariDataSource pool, NetworkProfile profile) {
        while (true) {
            try (Connection connection = pool.getConnection()) {
                return Checkpoints.next(connection, profile.channel());
            } catch (SQLException e) {
                System.err.println("sync-bridge: cannot read the checkpoint (" + e.getMessage() + "); retrying");
                sleep(1_000);
            }
        }
    }

    /**
     * After a database restart the lock's session is gone: take the lock again before writing, or stop if another
     * bridge took it meanwhile.
     */
    private static void reacquire(HikariDataSource pool, AtomicReference<AdvisoryLock> lock, long blockNumber)
            throws SQLException, MirrorFault {
        if (lock.get().held()) {
            return;
        }
        lock.get().close();
        Optional<AdvisoryLock> again = MirrorDatabase.tryLockWriter(pool);
        if (again.isEmpty()) {
            throw new MirrorFault(MirrorFault.Kind.WRITER_LOCK_LOST, blockNumber,
                    "another sync-bridge holds the mirror now (" + MirrorDatabase.writerLockHolder(pool) + ")", null);
        }
        lock.set(again.get());
    }

    private static void waitForDatabase(HikariDataSource pool, BridgeConfig config) {
        long pauseMillis = config.reconnect().backoffInitial().toMillis();
        while (true) {
            try (Connection connection = pool.getConnection()) {
                return;
            } catch (SQLException e) {
                System.err.println("sync-bridge: waiting for the database at " + config.database().jdbcUrl() + " (" + e.getMessage() + ")");
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, config.reconnect().backoffMax().toMillis());
            }
        }
    }

    private static BridgeConfig config(String[] args) {
        CommandLine line = CommandLine.parse(args, 0, USAGE_LINE);
        BridgeConfig config = BridgeConfig.load(line.configFile(), line.overrides());
        if (config.network().home().isBlank()) {
            throw new IllegalArgumentException("network.home is not set (the LEDGER_HOME of the network to follow)");
        }
        return config;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
