package io.ledgernode.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The node's PostgreSQL stops under a running bridge while the chain goes on; when it is back (scripts/ledger up
 * restarts it), the same bridge process has waited, takes its writer lock again and catches up, losing nothing.
 */
class PostgresRestartIT {

    private static final NodeUnderTest node = NodeUnderTest.shared();

    @Test
    void the_bridge_waits_for_a_restarted_database_and_loses_nothing() throws Exception {
        String account = node.openedAccount("pg-acct", node.registeredAsset("P"));
        long bridgePid = node.pid("sync-bridge");

        node.stop("postgres");
        long block = node.commit("Money:mint", "{\"idempotencyKey\":\"" + node.id("pg-mint") + "\",\"account\":\"" + account + "\",\"amount\":\"4242\"}");
        Thread.sleep(2_000);
        assertThat(ProcessHandle.of(bridgePid)).as("the bridge keeps running without its database").isPresent();

        node.up("postgres-restart-up.log");

        node.assertMirrorBalance(block, account, 4242);
        assertThat(node.pid("sync-bridge")).as("the same bridge process resumed").isEqualTo(bridgePid);
    }

}
