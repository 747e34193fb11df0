package io.ledgernode.mirror.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.AccountEntry;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.EntryPosition;
import io.ledgernode.mirror.Hold;
import io.ledgernode.mirror.MirrorReader;
import io.ledgernode.mirror.PartyEntry;
import io.ledgernode.mirror.Transaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mirror's read API against a real server, its rows written by the fixture's seeder (issue 11). */
class MirrorViewTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final Instant BRIDGE = Instant.parse("2026-03-01T10:15:31Z");

    private EmbeddedMirror.Database mirror;
    private MirrorReader reader;

    @BeforeEach
    void seed() throws SQLException {
        mirror = EmbeddedMirror.shared().fresh();
        reader = new MirrorReader(mirror.reader());
        MirrorSeeder seed = mirror.seeder();
        seed.block(new Block(0, bytes(1), new byte[32], bytes(2), 2, BRIDGE, BRIDGE))
                .transaction(tx(0, 0, "tx-asset", "VALID"))
                .transaction(tx(0, 1, "tx-open", "VALID"))
                .asset(new Asset("EUR", 2, 700, 0, "tx-asset"))
                .account(account("alice", 500, 200, OptionalLong.of(10_000)))
                .account(account("bob", 0, 0, OptionalLong.empty()))
                .block(new Block(1, bytes(3), bytes(1), bytes(4), 2, BRIDGE, BRIDGE))
                .transaction(tx(1, 0, "tx-mint", "VALID"))
                .transaction(tx(1, 1, "tx-mint", "DUPLICATE_TXID"))
                .entry(entry(1, 0, 0, "tx-mint", "alice", EntryKind.MINT, 700, null))
                .block(new Block(2, bytes(5), bytes(3), bytes(6), 1, BRIDGE, BRIDGE))
                .transaction(tx(2, 0, "tx-hold", "VALID"))
                .entry(entry(2, 0, 0, "tx-hold", "alice", EntryKind.HOLD, 200, "h1"))
                .hold(new Hold("h1", "alice", "EUR", 200, "bob", T0.plusSeconds(600), HoldStatus.OPEN, "tx-hold", 2, null,
                        OptionalLong.empty()))
                .checkpoint(3);
    }

    @Test
    void rows_read_back_exactly_as_written_with_the_snapshot_height() throws SQLException {
        var read = reader.read(view -> List.of(view.account("alice").orElseThrow(), view.account("bob").orElseThrow(),
                view.block(2).orElseThrow(), view.assets(10).get(0), view.hold("h1").orElseThrow()));

        assertThat(read.height()).isEqualTo(3);
        assertThat(read.value().get(0)).isEqualTo(account("alice", 500, 200, OptionalLong.of(10_000)));
        assertThat(read.value().get(1)).isEqualTo(account("bob", 0, 0, OptionalLong.empty()));
        Block block = (Block) read.value().get(2);
        assertThat(block.headerHash()).isEqualTo(bytes(5));
        assertThat(block.previousHash()).isEqualTo(bytes(3));
        assertThat(block.observedAt()).isEqualTo(BRIDGE);
        assertThat(read.value().get(3)).isEqualTo(new Asset("EUR", 2, 700, 0, "tx-asset"));
        assertThat(((Hold) read.value().get(4)).expiresAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void history_pages_newest_first_and_watch_reads_oldest_first_after_a_position() throws SQLException {
        List<AccountEntry> newest = reader.read(view -> view.entriesBefore("alice", EntryPosition.LAST, 1)).value();
        List<AccountEntry> older = reader.read(view -> view.entriesBefore("alice", newest.get(0).entry().position(), 10)).value();
        List<AccountEntry> after = reader.read(view -> view.entriesAfter("alice", 0, EntryPosition.FIRST, 10)).value();

        assertThat(newest).extracting(e -> e.entry().kind()).containsExactly(EntryKind.HOLD);
        assertThat(older).extracting(e -> e.entry().kind()).containsExactly(EntryKind.MINT);
        assertThat(older.get(0).function()).isEqualTo("Money:transfer");
        assertThat(older.get(0).entry().txTimestamp()).isEqualTo(T0);
        assertThat(after).extracting(e -> e.entry().kind()).containsExactly(EntryKind.MINT, EntryKind.HOLD);
        assertThat(reader.read(view -> view.entriesAfter("alice", 2, EntryPosition.FIRST, 10)).value()).hasSize(1);
    }

    @Test
    void a_transaction_id_has_every_record_fabric_made_of_it_and_its_entries_with_jurisdictions() throws SQLException {
        List<Transaction> records = reader.read(view -> view.transactions("tx-mint", 10)).value();
        List<PartyEntry> entries = reader.read(view -> view.entriesOf("tx-mint")).value();

        assertThat(records).extracting(Transaction::validationCode).containsExactly("VALID", "DUPLICATE_TXID");
        assertThat(reader.read(view -> view.latestTransaction("tx-mint")).value()).map(Transaction::validationCode)
                .contains("DUPLICATE_TXID");
        assertThat(reader.read(view -> view.validTransaction("tx-mint")).value()).map(Transaction::txIndex).contains(0);
        assertThat(entries).extracting(PartyEntry::jurisdiction).containsExactly("DE");
        assertThat(entries.get(0).entry().amount()).isEqualTo(700L);
    }

    @Test
    void every_list_query_stops_at_its_limit_and_refuses_a_limit_that_is_not_positive() throws SQLException {
        assertThat(reader.read(view -> view.blocks(0, 3, 2)).value()).extracting(Block::number).containsExactly(0L, 1L);
        assertThat(reader.read(view -> view.transactionsOfBlocks(0, 3, 3)).value()).hasSize(3);
        assertThat(reader.read(view -> view.blockNumbersFrom(1, 1)).value()).containsExactly(1L);
        assertThatThrownBy(() -> reader.read(view -> view.openHolds("alice", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_accounts_holds_page_by_id_of_one_status_or_any_and_expired_open_holds_come_longest_expired_first()
            throws SQLException {
        mirror.seeder().hold(new Hold("h0", "alice", "EUR", 50, null, T0.minusSeconds(60), HoldStatus.OPEN, "tx-hold", 2, null,
                OptionalLong.empty())).hold(new Hold("h2", "alice", "EUR", 5, "bob", T0.minusSeconds(600), HoldStatus.RELEASED,
                "tx-hold", 2, "tx-release", OptionalLong.of(2))).hold(new Hold("h3", "alice", "EUR", 7, null, T0.minusSeconds(30),
                HoldStatus.OPEN, "tx-hold", 2, null, OptionalLong.empty()));

        assertThat(reader.read(view -> view.holds("alice", java.util.Optional.empty(), "", 10)).value()).extracting(Hold::id)
                .containsExactly("h0", "h1", "h2", "h3");
        assertThat(reader.read(view -> view.holds("alice", java.util.Optional.empty(), "h1", 1)).value()).extracting(Hold::id)
                .containsExactly("h2");
        assertThat(reader.read(view -> view.holds("alice", java.util.Optional.of(HoldStatus.OPEN), "h0", 10)).value())
                .extracting(Hold::id).containsExactly("h1", "h3");
        assertThat(reader.read(view -> view.holds("bob", java.util.Optional.empty(), "", 10)).value()).isEmpty();
        // h1 expires at T0 + 600 s; h2 expired long ago but is released already.
        String custodian = reader.read(view -> view.account("alice")).value().orElseThrow().custodianMsp();
        assertThat(reader.read(view -> view.expiredOpenHolds(custodian, T0, 10)).value()).extracting(Hold::id).containsExactly("h0", "h3");
        assertThat(reader.read(view -> view.expiredOpenHolds(custodian, T0, 1)).value()).extracting(Hold::id).containsExactly("h0");
        assertThat(reader.read(view -> view.expiredOpenHolds(custodian, T0.plusSeconds(600), 10)).value()).extracting(Hold::id)
                .containsExactly("h0", "h3", "h1");
        // Another org's node leaves them to alice's custodian.
        assertThat(reader.read(view -> view.expiredOpenHolds("OtherMSP", T0.plusSeconds(600), 10)).value()).isEmpty();
    }

    @Test
    void a_read_that_needs_a_block_the_mirror_has_not_reached_reads_nothing() throws SQLException {
        assertThat(reader.readAtLeast(4, view -> view.assets(10))).isEmpty();
        assertThat(reader.readAtLeast(3, view -> view.assets(10))).isPresent();
    }

    @Test
    void a_view_reads_one_read_only_repeatable_read_snapshot_and_leaves_the_session_as_it_found_it() throws SQLException {
        // One connection handed out again and again, as a pool does: what a view leaves behind, the next user gets.
        try (Connection connection = mirror.reader().getConnection()) {
            DataSource pooled = onlyConnection(connection);

            var read = new MirrorReader(pooled).read(view -> List.of(show(view, "transaction_isolation"),
                    show(view, "transaction_read_only")));

            assertThat(read.value()).containsExactly("repeatable read", "on");
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SHOW transaction_isolation")) {
                rs.next();
                assertThat(rs.getString(1)).as("the session's own isolation afterwards").isEqualTo("read committed");
            }
        }
    }

    private static String show(io.ledgernode.mirror.MirrorView view, String setting) throws SQLException {
        try (PreparedStatement show = view.prepare("SHOW " + setting); ResultSet rs = show.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A data source that always hands out {@code connection}, whose close() only gives it back. */
    private static DataSource onlyConnection(Connection connection) {
        return onlyConnection(connection, new java.util.ArrayList<>());
    }

    /** The same, noting in {@code calls} the name of every method called on the connection. */
    private static DataSource onlyConnection(Connection connection, List<String> calls) {
        Connection lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return lent;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void a_balance_read_is_one_statement_outside_a_transaction_with_the_account_its_open_holds_and_the_height()
            throws SQLException {
        mirror.seeder().hold(new Hold("h0", "alice", "EUR", 50, "bob", T0.plusSeconds(60), HoldStatus.OPEN, "tx-hold", 2, null,
                OptionalLong.empty())).hold(new Hold("h2", "alice", "EUR", 5, "bob", T0, HoldStatus.RELEASED, "tx-hold", 2,
                "tx-release", OptionalLong.of(2)));
        try (Connection connection = mirror.reader().getConnection()) {
            List<String> calls = new java.util.ArrayList<>();
            MirrorReader counted = new MirrorReader(onlyConnection(connection, calls));

            var alice = counted.accountWithHolds("alice", 10);

            assertThat(alice.height()).isEqualTo(3);
            assertThat(alice.value().account()).contains(account("alice", 500, 200, OptionalLong.of(10_000)));
            assertThat(alice.value().openHolds()).extracting(Hold::id).containsExactly("h0", "h1");
            assertThat(alice.value().openHolds().get(1).expiresAt()).isEqualTo(T0.plusSeconds(600));
            assertThat(calls).as("what the read asked of its connection").containsOnlyOnce("prepareStatement")
                    .doesNotContain("rollback", "commit", "createStatement");
        }
        assertThat(reader.accountWithHolds("alice", 1).value().openHolds()).extracting(Hold::id).containsExactly("h0");
        assertThat(reader.accountWithHolds("bob", 10).value()).isEqualTo(new io.ledgernode.mirror.AccountWithHolds(
                java.util.Optional.of(account("bob", 0, 0, OptionalLong.empty())), List.of()));
        var nobody = reader.accountWithHolds("carol", 10);
        assertThat(nobody.value().account()).isEmpty();
        assertThat(nobody.height()).isEqualTo(3);
        assertThatThrownBy(() -> reader.accountWithHolds("alice", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_balance_read_before_the_bridges_first_block_answers_height_zero_and_no_account() throws SQLException {
        var fresh = new MirrorReader(EmbeddedMirror.shared().fresh().reader()).accountWithHolds("alice", 10);

        assertThat(fresh.height()).isZero();
        assertThat(fresh.value().account()).isEmpty();
    }

    @Test
    void the_reader_role_may_not_write() {
        assertThatThrownBy(() -> new MirrorSeeder(mirror.reader()).checkpoint(9)).isInstanceOf(SQLException.class);
    }

    private static Account account(String id, long balance, long held, OptionalLong perTransferMax) {
        return new Account(id, "EUR", "Org1MSP", "ref-" + id, "DE", AccountStatus.ACTIVE, perTransferMax, OptionalLong.empty(),
                balance, held, 0, 2);
    }

    private static Transaction tx(long block, int index, String txId, String code) {
        return new Transaction(block, index, txId, "ENDORSER_TRANSACTION", code, "Org1MSP", "ledger", "Money:transfer", T0, null);
    }

    private static Entry entry(long block, int tx, int index, String txId, String account, EntryKind kind, long amount,
            String holdId) {
        return new Entry(block, tx, index, txId, account, "EUR", kind, amount, holdId, T0);
    }

    private static byte[] bytes(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
