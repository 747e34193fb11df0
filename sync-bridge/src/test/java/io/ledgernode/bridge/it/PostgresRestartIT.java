package io.ledgernode.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's PostgreSQL stops under a running bridge while the chain goes on; when it is back (scripts/ledger up
 * restarts it), the same bridge process has waited, takes its writer lock again and catches up, losing nothing.
 */
class PostgresRestartIT {

    private static NodeUnderTest node;

    @BeforeAll
    static void start() {
        node = new NodeUnderTest();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_bridge_waits_for_a_restarted_database_and_loses_nothing() throws Exception {
        String asset = "P" + node.runId;
        String account = node.id("pg-acct");
        node.commit("Assets:register", "{\"code\":\"" + asset + "\",\"decimals\":2}");
        node.commit("Accounts:open", MirrorFollowsChainIT.account(account, asset));
        long bridgePid = pid("sync-bridge");
        ProcessHandle postgres = ProcessHandle.of(pid("postgres")).orElseThrow();

        postgres.destroy();
        postgres.onExit().get(60, TimeUnit.SECONDS);
        long block = node.commit("Money:mint", "{\"idempotencyKey\":\"" + node.id("pg-mint") + "\",\"account\":\"" + account + "\",\"amount\":\"4242\"}");
        Thread.sleep(2_000);
        assertThat(ProcessHandle.of(bridgePid)).as("the bridge keeps running without its database").isPresent();

        ProcessBuilder builder = new ProcessBuilder(Path.of("..", "scripts", "ledger").toString(), "up").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "postgres-restart-up.log").toFile()));
        builder.environment().put("LEDGER_HOME", node.home.toString());
        builder.environment().put("LEDGER_PORT_OFFSET", node.node.getProperty("node.portOffset", "0"));
        Process up = builder.start();
        assertThat(up.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(up.exitValue()).as("scripts/ledger up (see target/postgres-restart-up.log)").isZero();

        try (Connection mirror = node.mirror()) {
            NodeUnderTest.awaitBlock(mirror, block, Duration.ofSeconds(60));
            try (Statement sql = mirror.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT balance FROM mirror.accounts WHERE id = '" + account + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4242).isEqualTo(new ObjectMapper()
                        .readTree(node.org1.evaluate("Accounts:get", account)).path("balance").asLong());
            }
        }
        assertThat(pid("sync-bridge")).as("the same bridge process resumed").isEqualTo(bridgePid);
    }

    private static long pid(String process) throws Exception {
        return Long.parseLong(Files.readString(node.home.resolve("run").resolve(process + ".pid")).trim().split(" ")[0]);
    }
}
