package io.ledgernode.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.mirror.testing.SqlRows;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second mirror, in a database of its own, written by bridge processes that are killed with SIGKILL at random
 * moments while transfers keep committing, and restarted each time. In the end it must be identical to the live
 * mirror and to the chain: every block, transaction, entry and balance, no duplicates, no gaps; the bridges follow
 * Org1's and Org2's peer in turn. Another bridge
 * against a mirror that has one refuses to run.
 */
class BridgeSurvivesKillIT {

    private static final int KILLS = 8;
    private static NodeUnderTest node;
    private static String database;

    @BeforeAll
    static void start() throws Exception {
        node = NodeUnderTest.shared();
        database = "kill_" + node.runId.toLowerCase(java.util.Locale.ROOT);
        try (Connection admin = node.admin("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + database + " OWNER ledger_bridge");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (Connection admin = node.admin("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void a_bridge_killed_at_random_moments_leaves_a_mirror_identical_to_the_chain() throws Exception {
        String asset = node.registeredAsset("K");
        int senders = 8;
        StringBuilder accounts = new StringBuilder(NodeUnderTest.accountJson(node.id("k-sink"), asset));
        for (int i = 0; i < senders; i++) {
            accounts.append(',').append(NodeUnderTest.accountJson(node.id("k-s" + i), asset));
        }
        node.commit("Accounts:openMany", "{\"accounts\":[" + accounts + "]}");
        for (int i = 0; i < senders; i++) {
            node.commit("Money:mint", "{\"idempotencyKey\":\"" + node.id("k-m" + i) + "\",\"account\":\"" + node.id("k-s" + i) + "\",\"amount\":\"100000\"}");
        }

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger committed = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(senders);
        List<Future<?>> workers = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            String from = node.id("k-s" + s);
            workers.add(load.submit(() -> {
                for (int i = 0; loading.get(); i++) {
                    SubmitOutcome outcome = node.org1.submit("Money:transfer",
                            MirrorFollowsChainIT.transfer(from + "-" + i, from, node.id("k-sink"), asset, "1"));
                    if (outcome instanceof SubmitOutcome.Committed) {
                        committed.incrementAndGet();
                    }
                }
                return null;
            }));
        }

        Random random = new Random();
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                // Alternate the peer followed: the bridge reads the same chain through either org's gateway.
                Process bridge = startBridge(kill % 2 == 0 ? "Org1" : "Org2");
                Thread.sleep(1_500 + random.nextInt(2_500));
                bridge.destroyForcibly();
                assertThat(bridge.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            loading.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
        }
        assertThat(committed.get()).as("transfers committed during the kills").isPositive();
        System.out.printf("kill test: %d SIGKILLs, %d transfers committed meanwhile%n", KILLS, committed.get());

        long height = node.chainHeight();
        Process last = startBridge("Org2");
        try (Connection copy = java.sql.DriverManager.getConnection(node.jdbcUrlOf(database), "ledger_bridge", "");
             Connection live = node.mirror()) {
            NodeUnderTest.awaitBlock(copy, height - 1, Duration.ofSeconds(120));
            NodeUnderTest.awaitBlock(live, height - 1, Duration.ofSeconds(30));
            for (String table : List.of(
                    "SELECT number, encode(header_hash, 'hex'), encode(previous_hash, 'hex'), tx_count FROM mirror.blocks WHERE number < %d",
                    "SELECT block_number, tx_index, tx_id, validation_code, function FROM mirror.transactions WHERE block_number < %d",
                    "SELECT block_number, tx_index, entry_index, account_id, kind, amount FROM mirror.entries WHERE block_number < %d")) {
                String query = table.formatted(height) + " ORDER BY 1, 2, 3";
                assertThat(SqlRows.of(copy, query)).as(query).isEqualTo(SqlRows.of(live, query));
            }
            assertThat(SqlRows.of(copy, "SELECT count(*) - count(DISTINCT number), min(number), max(number) - count(*) + 1 FROM mirror.blocks"))
                    .as("no duplicates, no gaps").containsExactly("0|0|0");
            String sink = node.id("k-sink");
            long chainSink = new com.fasterxml.jackson.databind.ObjectMapper().readTree(node.org1.evaluate("Accounts:get", sink)).path("balance").asLong();
            NodeUnderTest.awaitBlock(copy, node.chainHeight() - 1, Duration.ofSeconds(30));
            assertThat(SqlRows.of(copy, "SELECT balance FROM mirror.accounts WHERE id = '" + sink + "'")).containsExactly(Long.toString(chainSink));
        } finally {
            last.destroy();
            last.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_second_bridge_on_a_mirror_that_has_one_refuses_to_run_and_says_why() throws Exception {
        Process second = new ProcessBuilder(java(), "-jar", bridgeJar().toString(), "--set", "network.home=" + node.home,
                "--set", "database.url=" + node.node.getProperty("database.jdbcUrl"), "--set", "health.port=" + freePort())
                .redirectErrorStream(true).start();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(second.getInputStream().readAllBytes());

        assertThat(second.exitValue()).isEqualTo(3);
        assertThat(output).contains("another sync-bridge holds the mirror");
    }

    private static Process startBridge(String org) throws Exception {
        Path log = Path.of("target", "kill-bridge-" + node.runId + ".log");
        return new ProcessBuilder(java(), "-jar", bridgeJar().toString(), "--set", "network.home=" + node.home, "--set", "network.org=" + org,
                "--set", "database.url=" + node.jdbcUrlOf(database), "--set", "health.port=" + freePort())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path bridgeJar() {
        File jar = Path.of("target", "sync-bridge.jar").toFile();
        assertThat(jar).as("the packaged bridge").exists();
        return jar.toPath().toAbsolutePath();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
