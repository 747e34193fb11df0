package io.ledgernode.node.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.Hold;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.mirror.testing.MirrorSeeder;
import io.ledgernode.node.account.AccountOperations;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.explorer.ExplorerQueries;
import io.ledgernode.node.grpc.v1.AccountTransaction;
import io.ledgernode.node.grpc.v1.AccountTransactionsPage;
import io.ledgernode.node.grpc.v1.Supply;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.mirror.Mirror;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read answers, typed records, hold the exact bytes of the answers the API gave when the mirror's rows came back
 * as maps of text columns (issue 11), times now as ISO-8601 UTC with milliseconds and each entry with its counterparty
 * and reference (issue 14): each answer is checked against that query, and against the proto the JSON round trip
 * made of it.
 */
class ReadAnswersTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.120400Z");
    private static final Instant T1 = Instant.parse("2026-03-01T23:59:59Z");
    /** A timestamptz column as the API writes every time: ISO-8601 UTC, milliseconds (truncated). */
    private static final String ISO = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS %s";
    private static final Caller AUDITOR = new Caller("auditor", "test", Set.of(Role.AUDITOR), Set.of(), Optional.empty(),
            Optional.empty(), Instant.parse("2030-01-01T00:00:00Z"));

    private static EmbeddedMirror.Database db;
    private static AccountOperations accounts;
    private static ExplorerQueries explorer;

    @BeforeAll
    static void seed() throws SQLException {
        db = EmbeddedMirror.shared().fresh();
        Mirror mirror = new Mirror(db.reader());
        accounts = new AccountOperations(mirror, null, Duration.ofSeconds(1), 20, 100);
        explorer = new ExplorerQueries(mirror, Duration.ofSeconds(1), 20, 100);
        MirrorSeeder seed = db.seeder();
        seed.block(new Block(0, fill(1), new byte[32], fill(2), 2, T0, T0))
                .transaction(tx(0, 0, "tx-asset", "VALID", T0, null))
                .transaction(tx(0, 1, "tx-open", "VALID", T0, "AccountsOpened"))
                .asset(new Asset("EUR", 2, 1_000_000_000_000L, 0, "tx-asset"))
                .asset(new Asset("JPY", 0, 0, 0, "tx-asset"))
                .account(new Account("alice", "EUR", "Org1MSP", "ref-a", "DE", AccountStatus.ACTIVE, OptionalLong.of(5000),
                        OptionalLong.of(9_007_199_254_740_993L), 999_999_999_700L, 300, 0, 2))
                .account(new Account("bob", "EUR", "Org2MSP", "ref-b", "FR", AccountStatus.FROZEN, OptionalLong.empty(),
                        OptionalLong.empty(), 0, 0, 0, 0))
                .block(new Block(1, fill(3), fill(1), fill(4), 2, T1, T1))
                .transaction(tx(1, 0, "tx-mint", "VALID", T1, "Minted"))
                .transaction(new Transaction(1, 1, "tx-mint", "ENDORSER_TRANSACTION", "DUPLICATE_TXID", null, null, null, T1, null))
                .entry(new Entry(1, 0, 0, "tx-mint", "alice", "EUR", EntryKind.MINT, 1_000_000_000_000L, null, T1))
                .block(new Block(2, fill(5), fill(3), fill(6), 1, T0, T0))
                .transaction(tx(2, 0, "tx-hold", "VALID", T0, null))
                .entry(new Entry(2, 0, 0, "tx-hold", "alice", "EUR", EntryKind.HOLD, 300, "h2", T0))
                .entry(new Entry(2, 0, 1, "tx-hold", "alice", "EUR", EntryKind.DEBIT, 1, null, T0, "bob", "inv-7"))
                .entry(new Entry(2, 0, 2, "tx-hold", "bob", "EUR", EntryKind.CREDIT, 1, null, T0, "alice", "inv-7"))
                .hold(new Hold("h2", "alice", "EUR", 300, null, T1, HoldStatus.OPEN, "tx-hold", 2, null, OptionalLong.empty()))
                .hold(new Hold("h1", "alice", "EUR", 7, "bob", T0, HoldStatus.OPEN, "tx-hold", 2, null, OptionalLong.empty()))
                .checkpoint(3);
    }

    @Test
    void an_account_answers_as_before_on_both_transports() throws Exception {
        Map<String, Object> old = new LinkedHashMap<>(old("SELECT id, asset, (SELECT decimals FROM mirror.assets WHERE code = asset) AS decimals, custodian_msp, owner_ref, jurisdiction, status, "
                + "balance::text AS balance, held::text AS held, per_transfer_max::text AS per_transfer_max, daily_debit_max::text "
                + "AS daily_debit_max, updated_block FROM mirror.accounts WHERE id = ?", "alice").get(0));
        old.put("holds", old("SELECT id, amount::text AS amount, payee, " + iso("expires_at") + " FROM mirror.holds "
                + "WHERE account_id = ? AND status = 'OPEN' ORDER BY id LIMIT ?", "alice", 100));
        old.put("mirrorHeight", 3L);

        var answer = accounts.get(AUDITOR, "alice", OptionalLong.empty());

        assertSame(old, answer, ProtoAnswers.account(answer));
    }

    @Test
    void a_history_page_and_a_watched_entry_answer_as_before() throws Exception {
        List<Map<String, Object>> rows = old("SELECT e.block_number, e.tx_index, e.entry_index, e.tx_id, e.kind, e.amount::text "
                + "AS amount, e.asset, e.hold_id, " + iso("e.tx_timestamp") + ", t.function, e.counterparty, e.reference FROM mirror.entries e JOIN "
                + "mirror.transactions t ON t.block_number = e.block_number AND t.tx_index = e.tx_index WHERE e.account_id = ? "
                + "ORDER BY e.block_number DESC, e.tx_index DESC, e.entry_index DESC LIMIT ?", "alice", 2);
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("entries", rows);
        old.put("nextCursor", "MjowOjA"); // "2:0:0", the position of the page's last entry
        old.put("mirrorHeight", 3L);

        var page = accounts.history(AUDITOR, "alice", Optional.empty(), Optional.of("2"), OptionalLong.empty());

        assertSame(old, page, ProtoAnswers.history(page));
        AccountTransaction watched = ProtoAnswers.accountTransaction(page.entries().get(0));
        assertThat(watched).isEqualTo(proto(rows.get(0), AccountTransaction.newBuilder()));
    }

    @Test
    void a_transaction_with_a_duplicate_record_answers_as_before() throws Exception {
        List<Map<String, Object>> records = old("SELECT block_number, tx_index, tx_id, header_type, validation_code, creator_msp, "
                + "chaincode, function, " + iso("tx_timestamp") + ", event_name FROM mirror.transactions WHERE tx_id = ? "
                + "ORDER BY block_number, tx_index", "tx-mint");
        Map<String, Object> old = new LinkedHashMap<>(records.get(records.size() - 1));
        List<Map<String, Object>> entries = old("SELECT e.entry_index, e.account_id, a.jurisdiction, e.kind, e.amount::text AS "
                + "amount, e.asset, e.hold_id, e.counterparty, e.reference FROM mirror.entries e JOIN mirror.accounts a ON a.id = e.account_id WHERE e.tx_id = ? "
                + "ORDER BY e.block_number, e.tx_index, e.entry_index", "tx-mint");
        old.put("entries", entries);
        old.put("mirrorHeight", 3L);

        var answer = explorer.transaction(AUDITOR, "tx-mint", OptionalLong.empty());

        assertSame(old, answer, ProtoAnswers.transaction(answer));
    }

    @Test
    void a_block_and_the_supply_answer_as_before() throws Exception {
        Map<String, Object> block = new LinkedHashMap<>(old("SELECT number, encode(header_hash, 'hex') AS header_hash, "
                + "encode(previous_hash, 'hex') AS previous_hash, encode(data_hash, 'hex') AS data_hash, tx_count, "
                + iso("observed_at") + " FROM mirror.blocks WHERE number = ?", 1L).get(0));
        block.put("transactions", old("SELECT tx_index, tx_id, validation_code, creator_msp, function FROM mirror.transactions "
                + "WHERE block_number = ? ORDER BY tx_index", 1L));
        block.put("mirrorHeight", 3L);
        Map<String, Object> supply = new LinkedHashMap<>();
        supply.put("assets", old("SELECT code, decimals, supply::text AS supply FROM mirror.assets ORDER BY code"));
        supply.put("mirrorHeight", 3L);

        var blockAnswer = explorer.block(AUDITOR, 1);
        var supplyAnswer = explorer.supply(AUDITOR);

        assertSame(block, blockAnswer, ProtoAnswers.block(blockAnswer));
        assertSame(supply, supplyAnswer, ProtoAnswers.supply(supplyAnswer));
        assertThat(ProtoAnswers.supply(supplyAnswer)).isEqualTo(proto(supply, Supply.newBuilder()));
    }

    @Test
    void times_are_iso_8601_utc_with_milliseconds_and_entries_name_their_counterparty_and_reference() {
        var page = accounts.history(AUDITOR, "alice", Optional.empty(), Optional.of("2"), OptionalLong.empty());

        assertThat(page.entries().get(0).txTimestamp()).isEqualTo("2026-03-01T10:15:30.120Z");
        assertThat(page.entries().get(0).counterparty()).isEqualTo("bob");
        assertThat(page.entries().get(0).reference()).isEqualTo("inv-7");
        assertThat(explorer.block(AUDITOR, 1).observedAt()).isEqualTo("2026-03-01T23:59:59.000Z");
        assertThat(accounts.get(AUDITOR, "alice", OptionalLong.empty()).holds().get(0).expiresAt()).isEqualTo("2026-03-01T10:15:30.120Z");
    }

    private static String iso(String column) {
        return String.format(ISO, column, column.substring(column.indexOf('.') + 1));
    }

    /** The same JSON as the old answer, and the same proto as the old JSON round trip (ProtoJson.answer) made. */
    private static void assertSame(Map<String, Object> old, Object answer, Message proto) throws Exception {
        assertThat(Json.MAPPER.writeValueAsString(answer)).isEqualTo(Json.MAPPER.writeValueAsString(old));
        assertThat(proto).isEqualTo(proto(old, proto.newBuilderForType()));
    }

    private static Message proto(Map<String, Object> old, Message.Builder builder) throws Exception {
        JsonFormat.parser().ignoringUnknownFields().merge(Json.MAPPER.writeValueAsString(old), builder);
        return builder.build();
    }

    /** A query as the old MirrorReader ran it: each row an ordered map of camelCase column label to value. */
    private static List<Map<String, Object>> old(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = db.reader().getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(camel(rs.getMetaData().getColumnLabel(c)), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Transaction tx(long block, int index, String txId, String code, Instant time, String event) {
        return new Transaction(block, index, txId, "ENDORSER_TRANSACTION", code, "Org1MSP", "ledger", "Money:transfer", time, event);
    }

    private static byte[] fill(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
