package io.ledgernode.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        long bridgePid = node.pid("sync-bridge");
        ProcessHandle postgres = ProcessHandle.of(node.pid("postgres")).orElseThrow();

        postgres.destroy();
        postgres.onExit().get(60, TimeUnit.SECONDS);
        long block = node.commit("Money:mint", "{\"idempotencyKey\":\"" + node.id("pg-mint") + "\",\"account\":\"" + account + "\",\"amount\":\"4242\"}");
        Thread.sleep(2_000);
        assertThat(ProcessHandle.of(bridgePid)).as("the bridge keeps running without its database").isPresent();

        node.up("postgres-restart-up.log");

        try (Connection mirror = node.mirror()) {
            NodeUnderTest.awaitBlock(mirror, block, Duration.ofSeconds(60));
            try (Statement sql = mirror.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT balance FROM mirror.accounts WHERE id = '" + account + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4242).isEqualTo(new ObjectMapper()
                        .readTree(node.org1.evaluate("Accounts:get", account)).path("balance").asLong());
            }
        }
        assertThat(node.pid("sync-bridge")).as("the same bridge process resumed").isEqualTo(bridgePid);
    }

}
