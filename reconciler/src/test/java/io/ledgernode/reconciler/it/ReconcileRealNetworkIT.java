package io.ledgernode.reconciler.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.mirror.reconciliation.BlockCoverage;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.mirror.reconciliation.BreakView;
import io.ledgernode.reconciler.run.RunOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation on the real network and its real mirror: a clean mirror, each kind of damage reported as its own
 * break type (each damage undone exactly afterwards), and transfers flowing throughout a run.
 */
class ReconcileRealNetworkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NetworkUnderTest net;
    private static String asset;
    private static List<String> accounts;

    @BeforeAll
    static void seed() throws Exception {
        net = new NetworkUnderTest();
        asset = "R" + net.runId;
        accounts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            accounts.add(net.id(String.format("rc%02d", i)));
        }
        net.commit("Assets:register", "{\"code\":\"" + asset + "\",\"decimals\":2}");
        StringBuilder open = new StringBuilder("{\"accounts\":[");
        for (int i = 0; i < accounts.size(); i++) {
            open.append(i == 0 ? "" : ",").append(NetworkUnderTest.account(accounts.get(i), asset));
        }
        net.commit("Accounts:openMany", open.append("]}").toString());
        net.commit("Money:mint", net.mint(accounts.get(0), 1_000_000));
        net.commit("Money:mint", net.mint(accounts.get(1), 50_000));
        for (int i = 2; i < 12; i++) {
            net.commit("Money:transfer", net.transfer(accounts.get(0), accounts.get(i), asset, 1_000 + i));
        }
        String expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        net.commit("Holds:place", "{\"idempotencyKey\":\"" + net.id("h1") + "\",\"holdId\":\"" + net.id("hold-1")
                + "\",\"account\":\"" + accounts.get(1) + "\",\"amount\":\"700\",\"expiresAt\":\"" + expires + "\"}");
        long last = net.commit("Holds:place", "{\"idempotencyKey\":\"" + net.id("h2") + "\",\"holdId\":\"" + net.id("hold-2")
                + "\",\"account\":\"" + accounts.get(1) + "\",\"amount\":\"300\",\"expiresAt\":\"" + expires + "\"}");
        net.awaitMirror(last);
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void a_clean_mirror_reports_no_breaks_and_the_chains_listing_agrees_with_Accounts_get() throws Exception {
        RunOutcome outcome = net.reconcile();

        assertThat(outcome).as(outcome.toString()).isInstanceOf(RunOutcome.Clean.class);
        RunOutcome.Clean clean = (RunOutcome.Clean) outcome;
        assertThat(clean.summary().accountsCompared()).isGreaterThanOrEqualTo(accounts.size());
        assertThat(clean.summary().consistentBlock()).isGreaterThan(10);
        // Every block from firstBlock (0, or after the last clean run's) to the block the run is consistent at.
        assertThat(clean.summary().blocksCompared())
                .isEqualTo(clean.summary().consistentBlock() - clean.summary().firstBlock() + 1);
        JsonNode view = JSON.readTree(net.org1.evaluate("Accounts:get", accounts.get(1)));
        JsonNode line = JSON.readTree(net.org1.evaluate("Accounts:summary", accounts.get(1)));
        assertThat(line.path("balance").asText()).isEqualTo(view.path("balance").asText());
        assertThat(line.path("held").asText()).isEqualTo("1000").isEqualTo(view.path("held").asText());
        assertThat(line.path("openHolds").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void a_changed_balance_is_an_AMOUNT_MISMATCH_of_that_account() throws Exception {
        String victim = accounts.get(3);
        List<BreakView> breaks;
        execute("UPDATE mirror.accounts SET balance = balance + 7 WHERE id = '" + victim + "'");
        try {
            breaks = breaksOf(net.reconcile());
        } finally {
            execute("UPDATE mirror.accounts SET balance = balance - 7 WHERE id = '" + victim + "'");
        }
        BreakView amount = only(breaks, BreakType.AMOUNT_MISMATCH);
        assertThat(amount.accountId()).isEqualTo(victim);
        assertThat(amount.chainValue()).isEqualTo("1003");
        assertThat(amount.mirrorValue()).isEqualTo("1010");
        assertThat(only(breaks, BreakType.SUPPLY_MISMATCH).asset()).isEqualTo(asset);
        assertThat(breaks).hasSize(2);
        assertThat(net.reconcile()).isInstanceOf(RunOutcome.Clean.class);
    }

    @Test
    void a_deleted_entry_is_an_AMOUNT_MISMATCH_of_its_account() throws Exception {
        String victim = accounts.get(5);
        List<BreakView> breaks;
        try (Connection mirror = net.mirrorOwner()) {
            Object[] entry = saveCredit(mirror, victim);
            execute("DELETE FROM mirror.entries WHERE block_number = " + entry[0] + " AND tx_index = " + entry[1]
                    + " AND entry_index = " + entry[2]);
            try {
                breaks = breaksOf(net.reconcile());
            } finally {
                restoreEntry(mirror, entry);
            }
        }
        BreakView amount = only(breaks, BreakType.AMOUNT_MISMATCH);
        assertThat(amount.accountId()).isEqualTo(victim);
        assertThat(amount.chainValue()).isEqualTo("1005");
        assertThat(amount.mirrorValue()).isEqualTo("0");
        assertThat(breaks).hasSize(1);
        assertThat(net.reconcile()).isInstanceOf(RunOutcome.Clean.class);
    }

    @Test
    void a_second_run_verifies_only_the_blocks_added_since_the_first() throws Exception {
        RunOutcome.Clean first = (RunOutcome.Clean) net.reconcile();
        net.awaitMirror(net.commit("Money:transfer", net.transfer(accounts.get(0), accounts.get(20), asset, 3)));

        RunOutcome outcome = net.reconcile();

        assertThat(outcome).as(outcome.toString()).isInstanceOf(RunOutcome.Clean.class);
        RunOutcome.Clean second = (RunOutcome.Clean) outcome;
        assertThat(second.summary().blockCoverage()).isEqualTo(BlockCoverage.INCREMENTAL);
        assertThat(second.summary().firstBlock()).isEqualTo(first.summary().consistentBlock() + 1);
        assertThat(second.summary().blocksCompared())
                .isEqualTo(second.summary().consistentBlock() - first.summary().consistentBlock())
                .isPositive()
                .isLessThan(first.summary().consistentBlock());
        // The account pass stays exact: every account is compared again.
        assertThat(second.summary().accountsCompared()).isGreaterThanOrEqualTo(accounts.size());
    }

    @Test
    void an_altered_stored_block_hash_is_a_BLOCK_HASH_MISMATCH_of_that_block() throws Exception {
        // Not the newest block: the bridge checks the stored hash of the block before each block it applies.
        long block = 2;
        byte[] original;
        try (Connection mirror = net.mirrorOwner(); Statement sql = mirror.createStatement();
             ResultSet rs = sql.executeQuery("SELECT header_hash FROM mirror.blocks WHERE number = " + block)) {
            rs.next();
            original = rs.getBytes(1);
        }
        List<BreakView> breaks;
        execute("UPDATE mirror.blocks SET header_hash = sha256('forged'::bytea) WHERE number = " + block);
        try {
            breaks = breaksOf(net.reconcileFull());
        } finally {
            try (Connection mirror = net.mirrorOwner();
                 PreparedStatement restore = mirror.prepareStatement("UPDATE mirror.blocks SET header_hash = ? WHERE number = ?")) {
                restore.setBytes(1, original);
                restore.setLong(2, block);
                restore.executeUpdate();
            }
        }
        BreakView hash = only(breaks, BreakType.BLOCK_HASH_MISMATCH);
        assertThat(hash.blockNumber()).isEqualTo(block);
        assertThat(hash.chainValue()).isEqualTo(HexFormat.of().formatHex(original));
        assertThat(breaks).hasSize(1);
        assertThat(net.reconcile()).isInstanceOf(RunOutcome.Clean.class);
    }

    @Test
    void a_phantom_transaction_is_EXTRA_IN_MIRROR_and_its_phantom_mint_an_AMOUNT_and_SUPPLY_MISMATCH() throws Exception {
        String victim = accounts.get(7);
        long block;
        try (Connection mirror = net.mirrorOwner(); Statement sql = mirror.createStatement();
             ResultSet rs = sql.executeQuery("SELECT max(block_number) FROM mirror.entries WHERE account_id = '" + victim + "'")) {
            rs.next();
            block = rs.getLong(1);
        }
        String phantom = net.id("phantom");
        List<BreakView> breaks;
        execute("INSERT INTO mirror.transactions (block_number, tx_index, tx_id, header_type, validation_code, creator_msp, "
                + "chaincode, function, tx_timestamp) VALUES (" + block + ", 900, '" + phantom + "', 'ENDORSER_TRANSACTION', "
                + "'VALID', 'Org1MSP', 'ledger', 'Money:mint', now())");
        execute("INSERT INTO mirror.entries (block_number, tx_index, entry_index, tx_id, account_id, asset, kind, amount, "
                + "tx_timestamp) VALUES (" + block + ", 900, 0, '" + phantom + "', '" + victim + "', '" + asset + "', 'MINT', 5, now())");
        try {
            breaks = breaksOf(net.reconcileFull());
        } finally {
            execute("DELETE FROM mirror.entries WHERE block_number = " + block + " AND tx_index = 900");
            execute("DELETE FROM mirror.transactions WHERE block_number = " + block + " AND tx_index = 900");
        }
        BreakView extra = only(breaks, BreakType.EXTRA_IN_MIRROR);
        assertThat(extra.subject()).isEqualTo("TRANSACTION");
        assertThat(extra.txId()).isEqualTo(phantom);
        assertThat(extra.blockNumber()).isEqualTo(block);
        BreakView amount = only(breaks, BreakType.AMOUNT_MISMATCH);
        assertThat(amount.accountId()).isEqualTo(victim);
        assertThat(amount.chainValue()).isEqualTo("1007");
        assertThat(amount.mirrorValue()).isEqualTo("1012");
        assertThat(only(breaks, BreakType.SUPPLY_MISMATCH).asset()).isEqualTo(asset);
        assertThat(breaks).hasSize(3);
        assertThat(net.reconcile()).isInstanceOf(RunOutcome.Clean.class);
    }

    @Test
    void breaks_found_while_transfers_keep_flowing_are_zero() throws Exception {
        AtomicBoolean flowing = new AtomicBoolean(true);
        AtomicInteger committed = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int sender = s;
            running.add(senders.submit(() -> {
                int i = 0;
                while (flowing.get()) {
                    // Two payers, each debited by two senders, paying accounts spread over the whole listing.
                    String from = accounts.get(sender < 2 ? 0 : 1);
                    String to = accounts.get(12 + (sender * 11 + i++) % 48);
                    if (net.org1.submit("Money:transfer", net.transfer(from, to, asset, 1 + i % 5)) instanceof SubmitOutcome.Committed) {
                        committed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        try {
            Thread.sleep(500);
            // Small pages, so that many pages are read while money moves, and runs until plenty has moved meanwhile.
            int before = committed.get();
            while (outcomes.size() < 10 && (outcomes.size() < 2 || committed.get() - before < 50)) {
                outcomes.add(net.reconcile(3));
            }
        } finally {
            flowing.set(false);
            for (Future<?> sender : running) {
                sender.get();
            }
            senders.shutdown();
        }
        assertThat(committed.get()).as("transfers committed during the runs").isGreaterThan(50);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).as(outcome.toString()).isInstanceOf(RunOutcome.Clean.class));
    }

    private static Object[] saveCredit(Connection mirror, String account) throws Exception {
        try (Statement sql = mirror.createStatement(); ResultSet rs = sql.executeQuery("SELECT block_number, tx_index, entry_index, "
                + "tx_id, account_id, asset, kind, amount, hold_id, tx_timestamp FROM mirror.entries WHERE account_id = '" + account
                + "' AND kind = 'CREDIT'")) {
            assertThat(rs.next()).isTrue();
            Object[] row = new Object[10];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            assertThat(rs.next()).as("one credit of " + account).isFalse();
            return row;
        }
    }

    private static void restoreEntry(Connection mirror, Object[] row) throws Exception {
        try (PreparedStatement insert = mirror.prepareStatement("INSERT INTO mirror.entries (block_number, tx_index, entry_index, "
                + "tx_id, account_id, asset, kind, amount, hold_id, tx_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
            }
            insert.executeUpdate();
        }
    }

    private static List<BreakView> breaksOf(RunOutcome outcome) throws Exception {
        assertThat(outcome).as(outcome.toString()).isInstanceOf(RunOutcome.BreaksFound.class);
        return net.breaks(((RunOutcome.BreaksFound) outcome).runId());
    }

    private static BreakView only(List<BreakView> breaks, BreakType type) {
        List<BreakView> ofType = breaks.stream().filter(b -> b.type() == type).toList();
        assertThat(ofType).as("breaks of type %s among %s", type, breaks).hasSize(1);
        return ofType.get(0);
    }

    private static void execute(String sqlText) throws Exception {
        try (Connection mirror = net.mirrorOwner(); Statement sql = mirror.createStatement()) {
            sql.execute(sqlText);
        }
    }
}
