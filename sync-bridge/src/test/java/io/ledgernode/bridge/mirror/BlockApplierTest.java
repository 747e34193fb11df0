package io.ledgernode.bridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ledgernode.api.Amount;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.asset.Asset;
import io.ledgernode.api.event.AccountsOpenedEvent;
import io.ledgernode.api.event.AssetRegisteredEvent;
import io.ledgernode.api.event.CreditsConsolidatedEvent;
import io.ledgernode.api.event.EventType;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.MoneyEvent;
import io.ledgernode.api.event.PackedTransfer;
import io.ledgernode.api.event.TransfersPackedEvent;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.blocks.ChaincodeEventData;
import io.ledgernode.blocks.ParsedBlock;
import io.ledgernode.blocks.ParsedTransaction;
import io.ledgernode.bridge.db.MirrorDatabase;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.mirror.testing.SqlRows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The block applier against a real PostgreSQL server (the mirror's test fixture, embedded, in-process), one fresh
 * database per test, migrated by the bridge's own call as on startup.
 */
class BlockApplierTest {

    private static final String CHANNEL = "ledger";
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private HikariDataSource pool;
    private BlockApplier applier;

    @BeforeEach
    void freshMirror() throws Exception {
        EmbeddedMirror.Database mirror = EmbeddedMirror.shared().fresh();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(mirror.jdbcUrl(EmbeddedMirror.SUPERUSER));
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        MirrorDatabase.migrate(pool);
        try (Connection connection = pool.getConnection()) {
            assertThat(Checkpoints.next(connection, CHANNEL)).isZero();
        }
        applier = new BlockApplier(pool, "ledger");
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void a_block_and_the_checkpoint_after_it_commit_together() throws Exception {
        BlockApplier.Applied applied = applier.apply(block(0, config(0)), T);

        assertThat(applied.outcome()).isEqualTo(BlockApplier.Outcome.APPLIED);
        assertThat(query("SELECT next_block FROM bridge.checkpoint")).containsExactly("1");
        assertThat(query("SELECT number, tx_count, encode(header_hash, 'hex') FROM mirror.blocks"))
                .containsExactly("0|1|" + HexFormat.of().formatHex(hash(0)));
    }

    @Test
    void a_block_delivered_again_is_not_applied_twice() throws Exception {
        applier.apply(block(0, config(0)), T);

        BlockApplier.Applied again = applier.apply(block(0, config(0)), T);

        assertThat(again.outcome()).isEqualTo(BlockApplier.Outcome.ALREADY_APPLIED);
        assertThat(query("SELECT count(*) FROM mirror.transactions")).containsExactly("1");
        assertThat(query("SELECT next_block FROM bridge.checkpoint")).containsExactly("1");
    }

    @Test
    void a_block_that_skips_ahead_is_a_fault_and_writes_nothing() throws Exception {
        applier.apply(block(0, config(0)), T);

        assertThatThrownBy(() -> applier.apply(block(2, config(0)), T))
                .isInstanceOfSatisfying(MirrorFault.class, f -> assertThat(f.kind()).isEqualTo(MirrorFault.Kind.BLOCK_OUT_OF_ORDER));
        assertThat(query("SELECT next_block FROM bridge.checkpoint")).containsExactly("1");
    }

    @Test
    void a_block_whose_previous_hash_is_not_the_stored_hash_stops_the_bridge_and_writes_nothing() throws Exception {
        applier.apply(block(0, config(0)), T);
        ParsedBlock forged = new ParsedBlock(1, hash(1), hash(99), hash(1001), List.of(config(0)));

        assertThatThrownBy(() -> applier.apply(forged, T))
                .isInstanceOfSatisfying(MirrorFault.class, f -> assertThat(f.kind()).isEqualTo(MirrorFault.Kind.HASH_CHAIN_BROKEN));
        assertThat(query("SELECT count(*) FROM mirror.blocks")).containsExactly("1");
        assertThat(query("SELECT next_block FROM bridge.checkpoint")).containsExactly("1");
    }

    @Test
    void money_events_move_balances_held_amounts_and_supply_exactly() throws Exception {
        seed();
        applier.apply(block(3,
                tx(0, "VALID", MoneyEvent.of(EventType.MINTED, txId(30), "2026-11-22T10:00:00.000Z",
                        List.of(entry("alice", EntryKind.MINT, 1_000)), "k-mint")),
                tx(1, "VALID", MoneyEvent.of(EventType.BURNED, txId(31), "2026-11-22T10:00:00.000Z",
                        List.of(entry("alice", EntryKind.BURN, 100)), "k-burn"))), T);

        assertThat(query("SELECT id, balance, held FROM mirror.accounts ORDER BY id")).containsExactly("alice|900|0", "bob|0|0");
        assertThat(query("SELECT supply FROM mirror.assets")).containsExactly("900");
        assertThat(query("SELECT kind, amount FROM mirror.entries ORDER BY tx_index")).containsExactly("MINT|1000", "BURN|100");
    }

    @Test
    void a_credits_consolidation_is_recorded_and_leaves_balances_and_supply_as_they_are() throws Exception {
        seed();
        applier.apply(block(3,
                tx(0, "VALID", MoneyEvent.of(EventType.MINTED, txId(30), "2026-11-22T10:00:00.000Z",
                        List.of(entry("alice", EntryKind.MINT, 1_000)), "k-mint")),
                tx(1, "VALID", CreditsConsolidatedEvent.of(txId(31), "2026-11-22T10:00:00.000Z", "alice", 1,
                        Amount.of(1_000)))), T);

        assertThat(query("SELECT id, balance, held FROM mirror.accounts ORDER BY id")).containsExactly("alice|1000|0", "bob|0|0");
        assertThat(query("SELECT supply FROM mirror.assets")).containsExactly("1000");
        assertThat(query("SELECT count(*) FROM mirror.entries")).containsExactly("1");
        assertThat(query("SELECT event_name FROM mirror.transactions WHERE block_number = 3 ORDER BY tx_index"))
                .containsExactly("MINTED", "CREDITS_CONSOLIDATED");
    }

    @Test
    void a_packed_transfers_event_moves_each_items_entries_in_order() throws Exception {
        // Issue 16 item 2b: the node packs concurrent debits of one account into one Money:transferPack.
        seed();
        applier.apply(block(3, tx(0, "VALID", MoneyEvent.of(EventType.MINTED, txId(30), "2026-11-22T10:00:00.000Z",
                List.of(entry("alice", EntryKind.MINT, 1_000)), "k-mint"))), T);
        List<Entry> first = List.of(entry("alice", EntryKind.DEBIT, 10), entry("bob", EntryKind.CREDIT, 10));
        List<Entry> second = List.of(entry("alice", EntryKind.DEBIT, 25), entry("bob", EntryKind.CREDIT, 25));
        List<Entry> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        applier.apply(block(4, tx(0, "VALID", TransfersPackedEvent.of(txId(40), "2026-11-22T10:00:00.000Z", all, List.of(
                PackedTransfer.of("k1", List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(10), "inv-10")), first),
                PackedTransfer.of("k2", List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(25), null)), second))))), T);

        assertThat(query("SELECT id, balance FROM mirror.accounts ORDER BY id")).containsExactly("alice|965", "bob|35");
        // Each entry keeps the other side of its leg and the leg's reference, for statements and history.
        assertThat(query("SELECT account_id, kind, counterparty, coalesce(reference, '-') FROM mirror.entries WHERE block_number = 4 "
                + "ORDER BY entry_index")).containsExactly("alice|DEBIT|bob|inv-10", "bob|CREDIT|alice|inv-10", "alice|DEBIT|bob|-",
                "bob|CREDIT|alice|-");
    }

    @Test
    void an_invalid_transaction_is_recorded_with_its_code_and_moves_nothing() throws Exception {
        seed();
        applier.apply(block(3, tx(0, "MVCC_READ_CONFLICT", MoneyEvent.of(EventType.MINTED, txId(30), "2026-11-22T10:00:00.000Z",
                List.of(entry("alice", EntryKind.MINT, 1_000)), "k-mint"))), T);

        assertThat(query("SELECT validation_code FROM mirror.transactions WHERE block_number = 3")).containsExactly("MVCC_READ_CONFLICT");
        assertThat(query("SELECT count(*) FROM mirror.entries")).containsExactly("0");
        assertThat(query("SELECT balance FROM mirror.accounts WHERE id = 'alice'")).containsExactly("0");
    }

    @Test
    void an_event_the_bridge_does_not_know_stops_it_and_writes_nothing() throws Exception {
        seed();
        ParsedTransaction surprise = new ParsedTransaction(0, txId(30), "ENDORSER_TRANSACTION", "VALID", "Org1MSP", "ledger",
                "Money:mint", T, new ChaincodeEventData("ledger", "SURPRISE", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> applier.apply(block(3, surprise), T))
                .isInstanceOfSatisfying(MirrorFault.class, f -> assertThat(f.kind()).isEqualTo(MirrorFault.Kind.UNKNOWN_EVENT));
        assertThat(query("SELECT next_block FROM bridge.checkpoint")).containsExactly("3");
        assertThat(query("SELECT count(*) FROM mirror.blocks WHERE number = 3")).containsExactly("0");
    }

    @Test
    void an_effect_on_an_account_the_mirror_does_not_have_is_a_fault() throws Exception {
        seed();

        assertThatThrownBy(() -> applier.apply(block(3, tx(0, "VALID", MoneyEvent.of(EventType.MINTED, txId(30),
                "2026-11-22T10:00:00.000Z", List.of(entry("nobody", EntryKind.MINT, 5)), "k"))), T))
                .isInstanceOfSatisfying(MirrorFault.class, f -> assertThat(f.kind()).isEqualTo(MirrorFault.Kind.UNKNOWN_EVENT));
        assertThat(query("SELECT next_block FROM bridge.checkpoint")).containsExactly("3");
    }

    @Test
    void events_of_other_chaincodes_are_recorded_but_not_interpreted() throws Exception {
        seed();
        ParsedTransaction other = new ParsedTransaction(0, txId(30), "ENDORSER_TRANSACTION", "VALID", "Org2MSP", "other",
                "anything", T, new ChaincodeEventData("other", "SURPRISE", new byte[] {1, 2}));

        applier.apply(block(3, other), T);

        assertThat(query("SELECT chaincode, event_name FROM mirror.transactions WHERE block_number = 3")).containsExactly("other|SURPRISE");
    }

    /** Blocks 0..2: config, an asset, two accounts of it. */
    private void seed() throws Exception {
        applier.apply(block(0, config(0)), T);
        applier.apply(block(1, tx(0, "VALID", AssetRegisteredEvent.of(txId(10), "2026-11-22T10:00:00.000Z", Asset.of("USD", 2)))), T);
        applier.apply(block(2, tx(0, "VALID", AccountsOpenedEvent.of(txId(20), "2026-11-22T10:00:00.000Z", List.of(
                Account.of("alice", "USD", "o-1", "DE", "Org1MSP", AccountStatus.ACTIVE, null, "2026-11-22T10:00:00.000Z"),
                Account.of("bob", "USD", "o-2", "FR", "Org2MSP", AccountStatus.ACTIVE, null, "2026-11-22T10:00:00.000Z"))))), T);
    }

    private static ParsedBlock block(long number, ParsedTransaction... transactions) {
        return new ParsedBlock(number, hash(number), number == 0 ? new byte[0] : hash(number - 1), hash(1000 + number), List.of(transactions));
    }

    private static ParsedTransaction config(int index) {
        return new ParsedTransaction(index, "", "CONFIG", "VALID", null, null, null, T, null);
    }

    private static ParsedTransaction tx(int index, String code, LedgerEvent event) {
        return new ParsedTransaction(index, event.txId(), "ENDORSER_TRANSACTION", code, "Org1MSP", "ledger", "x", T,
                new ChaincodeEventData("ledger", event.type().name(), LedgerJson.write(event)));
    }

    private static Entry entry(String account, EntryKind kind, long amount) {
        return Entry.of(account, "USD", kind, Amount.of(amount), null);
    }

    private static String txId(int n) {
        return HexFormat.of().formatHex(hash(n));
    }

    private static byte[] hash(long n) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Long.toString(n).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> query(String sql) throws Exception {
        try (Connection connection = pool.getConnection()) {
            List<String> rows = SqlRows.of(connection, sql);
            connection.rollback();
            return rows;
        }
    }
}
