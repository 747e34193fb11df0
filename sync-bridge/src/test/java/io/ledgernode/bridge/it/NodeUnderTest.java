package io.ledgernode.bridge.it;

import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

/**
 * The test network started by {@code scripts/ledger test} with its node processes (embedded Postgres and the
 * sync-bridge), found through {@code ledger.it.home}: a client as Org1's user, and SQL access to the mirror.
 */
final class NodeUnderTest implements AutoCloseable {

    final Path home;
    final NetworkProfile profile;
    final Properties node = new Properties();
    final LedgerClient org1;
    final String runId = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);

    NodeUnderTest() {
        String property = System.getProperty("ledger.it.home", "");
        if (property.isBlank()) {
            throw new IllegalStateException("ledger.it.home is not set; run the integration tests with scripts/ledger test");
        }
        home = Path.of(property);
        profile = NetworkProfile.ofHome(home);
        try (Reader reader = Files.newBufferedReader(home.resolve("network/node.properties"))) {
            node.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org1 = new LedgerClient(LedgerConnection.open(profile, "Org1", "User1", GatewayTimeouts.defaults()));
    }

    /** The live mirror, as its writer role (tests read only; the embedded server trusts loopback). */
    Connection mirror() throws SQLException {
        return DriverManager.getConnection(node.getProperty("database.jdbcUrl"), "ledger_bridge", "");
    }

    /** A connection to database {@code name} of the embedded server as its superuser. */
    Connection admin(String database) throws SQLException {
        String url = node.getProperty("database.jdbcUrl").replaceFirst("/[^/]+$", "/" + database);
        return DriverManager.getConnection(url, "postgres", "");
    }

    String jdbcUrlOf(String database) {
        return node.getProperty("database.jdbcUrl").replaceFirst("/[^/]+$", "/" + database);
    }

    String id(String base) {
        return base + "-" + runId;
    }

    /** Submits and requires a commit; returns the block it committed in. */
    long commit(String transaction, String argument) {
        SubmitOutcome outcome = org1.submit(transaction, argument);
        if (!(outcome instanceof SubmitOutcome.Committed committed)) {
            throw new AssertionError(transaction + "(" + argument + ") -> " + outcome);
        }
        return committed.blockNumber();
    }

    /** Runs {@code scripts/ledger up} on this network (it restarts whatever is down); output to target/{@code logName}. */
    void up(String logName) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of("..", "scripts", "ledger").toString(), "up").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", logName).toFile()));
        builder.environment().put("LEDGER_HOME", home.toString());
        builder.environment().put("LEDGER_PORT_OFFSET", node.getProperty("node.portOffset", "0"));
        Process up = builder.start();
        if (!up.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || up.exitValue() != 0) {
            throw new AssertionError("scripts/ledger up failed; see target/" + logName);
        }
    }

    /**
     * The pid of one of the node's processes itself: {@code run/<process>.child}, which its supervisor writes ({@code .pid}
     * names the supervisor, whose pid stays the same across the restarts it makes).
     */
    long pid(String process) throws IOException {
        return Long.parseLong(Files.readString(home.resolve("run").resolve(process + ".child")).trim().split(" ")[0]);
    }

    /** Waits until the mirror in {@code connection}'s database has applied block {@code number}. */
    static void awaitBlock(Connection connection, long number, Duration timeout) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Statement sql = connection.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT coalesce((SELECT next_block FROM bridge.checkpoint WHERE id = 1), 0)")) {
                rs.next();
                long next = rs.getLong(1);
                if (next > number) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the mirror is at block " + (next - 1) + ", not " + number + ", after " + timeout);
                }
            } catch (SQLException e) {
                // The schema may not exist yet while a new bridge migrates it.
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        org1.connection().close();
    }
}
