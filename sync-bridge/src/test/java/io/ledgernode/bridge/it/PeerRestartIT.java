package io.ledgernode.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The peer the bridge reads from stops under it; the bridge keeps running, reconnecting with backoff, and when
 * scripts/ledger up has restarted the peer it resumes from its checkpoint and misses nothing committed since.
 */
class PeerRestartIT {

    private static final NodeUnderTest node = NodeUnderTest.shared();

    @Test
    void the_bridge_reconnects_to_a_restarted_peer_and_misses_nothing() throws Exception {
        String account = node.openedAccount("peer-acct", node.registeredAsset("R"));
        long bridgePid = node.pid("sync-bridge");

        node.stop("peer0.org1.ledger.local");
        Thread.sleep(3_000);
        assertThat(ProcessHandle.of(bridgePid)).as("the bridge keeps running without its peer").isPresent();
        assertThat(metric("ledger_bridge_reconnects_total")).as("reconnection attempts").isPositive();

        node.up("peer-restart-up.log");

        long block = commitWithRetry("Money:mint", "{\"idempotencyKey\":\"" + node.id("peer-mint") + "\",\"account\":\"" + account
                + "\",\"amount\":\"777\"}");
        node.assertMirrorBalance(block, account, 777);
        assertThat(node.pid("sync-bridge")).as("the same bridge process resumed").isEqualTo(bridgePid);
    }

    /** Right after a peer restarts, the gateway may briefly find no set of peers for endorsement. */
    private static long commitWithRetry(String transaction, String argument) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return node.commit(transaction, argument);
            } catch (AssertionError e) {
                if (attempt >= 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static long metric(String name) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.node.getProperty("bridge.healthUrl") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(name + " ")).mapToLong(l -> Long.parseLong(l.substring(name.length() + 1).trim()))
                .findFirst().orElseThrow();
    }

}
