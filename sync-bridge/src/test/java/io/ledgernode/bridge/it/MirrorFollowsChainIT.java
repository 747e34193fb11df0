package io.ledgernode.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The node's own sync-bridge (started by scripts/ledger up) keeps the mirror in step with the chain. */
class MirrorFollowsChainIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NodeUnderTest node = NodeUnderTest.shared();

    @Test
    void balances_holds_and_supply_in_the_mirror_equal_the_chain_within_moments_of_commit() throws Exception {
        String asset = node.registeredAsset("M");
        String alice = node.id("m-alice");
        String bob = node.id("m-bob");
        node.commit("Accounts:openMany", "{\"accounts\":[" + NodeUnderTest.accountJson(alice, asset) + "," + NodeUnderTest.accountJson(bob, asset) + "]}");
        node.commit("Money:mint", "{\"idempotencyKey\":\"" + node.id("m-mint") + "\",\"account\":\"" + alice + "\",\"amount\":\"50000\"}");
        node.commit("Money:transfer", transfer(node.id("m-t1"), alice, bob, asset, "1234"));
        long last = node.commit("Holds:place", "{\"idempotencyKey\":\"" + node.id("m-h") + "\",\"holdId\":\"" + node.id("m-hold")
                + "\",\"account\":\"" + alice + "\",\"amount\":\"700\",\"expiresAt\":\"" + Instant.now().plusSeconds(600).toString().replaceAll("\\.\\d+Z", "Z") + "\"}");

        try (Connection mirror = node.mirror()) {
            NodeUnderTest.awaitBlock(mirror, last, Duration.ofSeconds(10));
            for (String id : List.of(alice, bob)) {
                var chain = JSON.readTree(node.org1.evaluate("Accounts:get", id));
                try (PreparedStatement select = mirror.prepareStatement("SELECT balance, held, status, custodian_msp FROM mirror.accounts WHERE id = ?")) {
                    select.setString(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong("balance")).as("balance of %s", id).isEqualTo(chain.path("balance").asLong());
                        assertThat(rs.getLong("held")).as("held of %s", id).isEqualTo(chain.path("held").asLong());
                        assertThat(rs.getString("status")).isEqualTo(chain.path("status").asText());
                        assertThat(rs.getString("custodian_msp")).isEqualTo("Org1MSP");
                    }
                }
            }
            try (PreparedStatement select = mirror.prepareStatement("SELECT supply FROM mirror.assets WHERE code = ?")) {
                select.setString(1, asset);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(JSON.readTree(node.org1.evaluate("Assets:supply", asset)).path("supply").asLong());
                }
            }
            try (PreparedStatement select = mirror.prepareStatement(
                    "SELECT kind, amount FROM mirror.entries WHERE account_id = ? ORDER BY block_number, tx_index, entry_index")) {
                select.setString(1, alice);
                List<String> entries = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(rs.getString(1) + " " + rs.getLong(2));
                    }
                }
                assertThat(entries).containsExactly("MINT 50000", "DEBIT 1234", "HOLD 700");
            }
        }
    }

    @Test
    void an_invalid_transaction_is_recorded_with_its_code_and_changes_no_balance() throws Exception {
        String asset = "V" + node.runId;
        String payer = node.id("v-payer");
        String payee = node.id("v-payee");
        node.commit("Assets:register", "{\"code\":\"" + asset + "\",\"decimals\":0}");
        node.commit("Accounts:openMany", "{\"accounts\":[" + NodeUnderTest.accountJson(payer, asset) + "," + NodeUnderTest.accountJson(payee, asset) + "]}");
        node.commit("Money:mint", "{\"idempotencyKey\":\"" + node.id("v-mint") + "\",\"account\":\"" + payer + "\",\"amount\":\"100\"}");

        // Two debits of one account endorsed against the same state: one commits, the other is an MVCC conflict.
        // The client's retry would hide the conflict, so these go through a client that does not retry commits.
        List<CompletableFuture<io.ledgernode.gateway.SubmitOutcome>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String request = transfer(node.id("v-t" + i), payer, payee, asset, "10");
            both.add(CompletableFuture.supplyAsync(() -> node.org1.submit("Money:transfer", request)));
        }
        List<io.ledgernode.gateway.SubmitOutcome> outcomes = both.stream().map(CompletableFuture::join).toList();
        long highest = outcomes.stream().mapToLong(o -> switch (o) {
            case io.ledgernode.gateway.SubmitOutcome.Committed c -> c.blockNumber();
            case io.ledgernode.gateway.SubmitOutcome.Invalidated i -> i.blockNumber();
            default -> throw new AssertionError("unexpected " + o);
        }).max().orElseThrow();
        long invalid = outcomes.stream().filter(io.ledgernode.gateway.SubmitOutcome.Invalidated.class::isInstance).count();

        try (Connection mirror = node.mirror()) {
            NodeUnderTest.awaitBlock(mirror, highest, Duration.ofSeconds(10));
            try (PreparedStatement select = mirror.prepareStatement(
                    "SELECT t.validation_code, count(e.*) FROM mirror.transactions t LEFT JOIN mirror.entries e "
                            + "ON e.block_number = t.block_number AND e.tx_index = t.tx_index WHERE t.tx_id = ANY (?) GROUP BY 1")) {
                select.setArray(1, mirror.createArrayOf("text", outcomes.stream().map(io.ledgernode.gateway.SubmitOutcome::txId).toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equals("VALID")) {
                            assertThat(rs.getLong(2)).isEqualTo(2 * (2 - invalid));
                        } else {
                            assertThat(rs.getString(1)).isEqualTo("MVCC_READ_CONFLICT");
                            assertThat(rs.getLong(2)).isZero();
                        }
                    }
                }
            }
            try (PreparedStatement select = mirror.prepareStatement("SELECT balance FROM mirror.accounts WHERE id = ?")) {
                select.setString(1, payer);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(100 - 10 * (2 - invalid))
                            .isEqualTo(JSON.readTree(node.org1.evaluate("Accounts:get", payer)).path("balance").asLong());
                }
            }
        }
    }

    @Test
    void the_reader_role_of_ledger_pg_url_can_read_the_mirror_and_change_nothing() throws Exception {
        String url = "jdbc:" + node.node.getProperty("database.readerUrl").replaceFirst("^postgresql://ledger_reader@", "postgresql://");
        try (Connection reader = java.sql.DriverManager.getConnection(url, "ledger_reader", "");
             java.sql.Statement sql = reader.createStatement()) {
            try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM mirror.blocks")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
            for (String write : List.of("DELETE FROM mirror.entries", "UPDATE mirror.accounts SET balance = 0",
                    "UPDATE bridge.checkpoint SET next_block = 0", "CREATE TABLE mirror.intruder (x int)")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute(write)).as(write)
                        .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    static String transfer(String key, String from, String to, String asset, String amount) {
        return "{\"idempotencyKey\":\"" + key + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"asset\":\"" + asset
                + "\",\"amount\":\"" + amount + "\"}";
    }
}
