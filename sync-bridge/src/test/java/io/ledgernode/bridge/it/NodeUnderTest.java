package io.ledgernode.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.gateway.ChainHeight;
import io.ledgernode.gateway.GatewayTimeouts;
import io.ledgernode.gateway.LedgerClient;
import io.ledgernode.gateway.LedgerConnection;
import io.ledgernode.gateway.NetworkProfile;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.mirror.testing.RunningNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

/**
 * The test network started by {@code scripts/ledger test} with its node processes (embedded Postgres and the
 * sync-bridge), found through {@code ledger.it.home}: a client as Org1's user, and SQL access to the mirror. One per
 * test JVM ({@link #shared()}), its client closed when the JVM exits.
 */
final class NodeUnderTest implements AutoCloseable {

    private static NodeUnderTest shared;

    final Path home;
    final NetworkProfile profile;
    final Properties node;
    final LedgerClient org1;
    final String runId = Long.toString(Math.abs(new SecureRandom().nextLong()), 36).substring(0, 6).toUpperCase(Locale.ROOT);

    /** The test JVM's one connection to the node under test. */
    static synchronized NodeUnderTest shared() {
        if (shared == null) {
            shared = new NodeUnderTest();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "node-under-test-close"));
        }
        return shared;
    }

    private NodeUnderTest() {
        home = RunningNode.home();
        profile = NetworkProfile.ofHome(home);
        node = RunningNode.properties(home);
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

    /** Registers a new asset of 2 decimals, its code {@code prefix} and this run's id; returns the code. */
    String registeredAsset(String prefix) {
        String asset = prefix + runId;
        commit("Assets:register", "{\"code\":\"" + asset + "\",\"decimals\":2}");
        return asset;
    }

    /** Opens a new account in {@code asset}, jurisdiction DE, its id {@code base} and this run's id; returns the id. */
    String openedAccount(String base, String asset) {
        String account = id(base);
        commit("Accounts:open", accountJson(account, asset));
        return account;
    }

    /** An {@code Accounts:open} request (or an element of {@code Accounts:openMany}'s) in jurisdiction DE. */
    static String accountJson(String id, String asset) {
        return "{\"id\":\"" + id + "\",\"asset\":\"" + asset + "\",\"ownerRef\":\"o-" + id + "\",\"jurisdiction\":\"DE\"}";
    }

    /**
     * Waits for the mirror to apply {@code block}, then requires {@code account}'s balance in the mirror to be
     * {@code expected} and the chain's own.
     */
    void assertMirrorBalance(long block, String account, long expected) throws Exception {
        try (Connection mirror = mirror()) {
            awaitBlock(mirror, block, Duration.ofSeconds(60));
            try (PreparedStatement select = mirror.prepareStatement("SELECT balance FROM mirror.accounts WHERE id = ?")) {
                select.setString(1, account);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(expected).isEqualTo(new ObjectMapper()
                            .readTree(org1.evaluate("Accounts:get", account)).path("balance").asLong());
                }
            }
        }
    }

    /** The chain's height as Org1's peer has it. */
    long chainHeight() {
        return ChainHeight.read(org1.connection()).height();
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

    /** Stops one of the node's processes (SIGTERM) and waits until it has exited; {@link #up} starts it again. */
    void stop(String process) throws Exception {
        ProcessHandle handle = ProcessHandle.of(pid(process)).orElseThrow();
        handle.destroy();
        handle.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
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
