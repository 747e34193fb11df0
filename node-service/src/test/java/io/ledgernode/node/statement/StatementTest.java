package io.ledgernode.node.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Account;
import io.ledgernode.mirror.Asset;
import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.Transaction;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.mirror.testing.MirrorSeeder;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Json;
import io.ledgernode.node.mirror.Mirror;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An account holder's statement, as JSON, CSV and PDF, from a real mirror database. */
class StatementTest {

    private static final Instant DAY1 = Instant.parse("2026-11-01T09:00:00.250Z");
    private static final Instant DAY2 = Instant.parse("2026-11-02T10:30:00.000Z");
    private static final Instant DAY3 = Instant.parse("2026-11-03T11:45:00.500Z");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final int BULK = 3 * io.ledgernode.mirror.MirrorView.STREAM_FETCH_SIZE + 7;

    private static Mirror mirror;

    @BeforeAll
    static void seed() throws SQLException {
        EmbeddedMirror.Database db = EmbeddedMirror.shared().fresh();
        mirror = new Mirror(db.reader());
        MirrorSeeder seed = db.seeder();
        seed.block(new Block(0, fill(1), new byte[32], fill(2), 1, DAY1, DAY1))
                .transaction(tx(0, 0, "tx-open", DAY1))
                .asset(new Asset("EUR", 2, 0, 0, "tx-open"))
                .account(account("alice", "DE")).account(account("bob", "FR")).account(account("carol", "DE"))
                .account(account("bulk", "DE"))
                .block(new Block(1, fill(3), fill(1), fill(4), 1, DAY1, DAY1))
                .transaction(tx(1, 0, "tx-mint", DAY1))
                .entry(new Entry(1, 0, 0, "tx-mint", "alice", "EUR", EntryKind.MINT, 100_000, null, DAY1))
                .block(new Block(2, fill(5), fill(3), fill(6), 1, DAY2, DAY2))
                .transaction(tx(2, 0, "tx-pay", DAY2))
                .entry(new Entry(2, 0, 0, "tx-pay", "alice", "EUR", EntryKind.DEBIT, 2_500, null, DAY2, "bob", "inv-9, November"))
                .entry(new Entry(2, 0, 1, "tx-pay", "bob", "EUR", EntryKind.CREDIT, 2_500, null, DAY2, "alice", "inv-9, November"))
                .block(new Block(3, fill(7), fill(5), fill(8), 2, DAY3, DAY3))
                .transaction(tx(3, 0, "tx-in", DAY3))
                .entry(new Entry(3, 0, 0, "tx-in", "carol", "EUR", EntryKind.DEBIT, 1_234, null, DAY3, "alice", "=HYPERLINK(\"x\")"))
                .entry(new Entry(3, 0, 1, "tx-in", "alice", "EUR", EntryKind.CREDIT, 1_234, null, DAY3, "carol", "=HYPERLINK(\"x\")"))
                .transaction(tx(3, 1, "tx-hold", DAY3))
                .entry(new Entry(3, 1, 0, "tx-hold", "alice", "EUR", EntryKind.HOLD, 300, "h1", DAY3))
                .execute("INSERT INTO mirror.blocks SELECT 3 + n, sha256(int8send(n)), sha256(int8send(n - 1)), sha256(int8send(-n)), 1, "
                        + "?::timestamptz, ?::timestamptz FROM generate_series(1, ?) n", DAY3.toString(), DAY3.toString(), BULK)
                .execute("INSERT INTO mirror.transactions (block_number, tx_index, tx_id, header_type, validation_code, tx_timestamp) "
                        + "SELECT 3 + n, 0, 'bulk-' || n, 'ENDORSER_TRANSACTION', 'VALID', ?::timestamptz FROM generate_series(1, ?) n",
                        DAY3.toString(), BULK)
                .execute("INSERT INTO mirror.entries (block_number, tx_index, entry_index, tx_id, account_id, asset, kind, amount, tx_timestamp) "
                        + "SELECT 3 + n, 0, 0, 'bulk-' || n, 'bulk', 'EUR', 'MINT', n, ?::timestamptz FROM generate_series(1, ?) n",
                        DAY3.toString(), BULK)
                .checkpoint(4 + BULK);
    }

    private static Caller wallet(String account) {
        return new Caller("w-" + account, "test", Set.of(Role.WALLET), Set.of(account), Optional.empty(), Optional.empty(), NOW.plusSeconds(600));
    }

    /** The statement as the caller gets it, with the format and file name it was started with. */
    private record Written(StatementFormat format, String fileName, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Written statement(Caller caller, String account, String from, String to, String format) {
        return statement(new StatementOperations(mirror, 2, Clock.fixed(NOW, ZoneOffset.UTC)), caller, account, from, to, format);
    }

    private static Written statement(StatementOperations statements, Caller caller, String account, String from, String to, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Object> started = new ArrayList<>();
        statements.write(caller, account, Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(format), (f, name) -> {
            started.add(f);
            started.add(name);
            return out;
        });
        return new Written((StatementFormat) started.get(0), (String) started.get(1), out.toByteArray());
    }

    @Test
    void a_json_statement_opens_at_the_balance_before_the_period_and_closes_at_the_balance_after_its_last_entry() throws Exception {
        Written written = statement(wallet("alice"), "alice", "2026-11-02", null, null);
        JsonNode json = Json.MAPPER.readTree(written.body());

        assertThat(written.fileName()).isEqualTo("statement-alice-2026-11-02-2026-12-06.json");
        assertThat(json.path("opening").path("balance").asText()).isEqualTo("1000.00");
        assertThat(json.path("opening").path("balanceMinor").asText()).isEqualTo("100000");
        assertThat(json.path("entries")).hasSize(3);
        JsonNode paid = json.path("entries").get(0);
        assertThat(paid.path("time").asText()).isEqualTo("2026-11-02T10:30:00.000Z");
        assertThat(paid.path("change").asText()).isEqualTo("-25.00");
        assertThat(paid.path("balanceAfter").asText()).isEqualTo("975.00");
        assertThat(paid.path("counterparty").asText()).isEqualTo("bob");
        assertThat(paid.path("reference").asText()).isEqualTo("inv-9, November");
        JsonNode held = json.path("entries").get(2);
        assertThat(held.path("kind").asText()).isEqualTo("HOLD");
        assertThat(held.path("balanceAfter").asText()).isEqualTo("984.34");
        assertThat(held.path("heldAfter").asText()).isEqualTo("3.00");
        assertThat(json.path("closing").path("balance").asText()).isEqualTo("984.34");
        assertThat(json.path("closing").path("held").asText()).isEqualTo("3.00");
        assertThat(json.path("credited").asText()).isEqualTo("12.34");
        assertThat(json.path("debited").asText()).isEqualTo("28.00");
        assertThat(json.path("firstBlock").asLong()).isEqualTo(2);
        assertThat(json.path("lastBlock").asLong()).isEqualTo(3);
        assertThat(json.path("mirrorHeight").asLong()).isEqualTo(4 + BULK);
    }

    @Test
    void a_csv_statement_is_rfc_4180_with_major_and_minor_units_and_a_reference_never_becomes_a_formula() {
        String csv = statement(wallet("alice"), "alice", "2026-11-01", "2026-11-04", "csv").text();

        assertThat(csv).startsWith("\uFEFFtime_utc,block,tx_id,entry,kind,amount,amount_minor,change,change_minor,balance,"
                + "balance_minor,held,held_minor,counterparty,reference,hold_id\r\n");
        String[] rows = csv.substring(1).split("\r\n", -1);
        assertThat(rows).hasSize(8); // header, opening, four entries, closing, and the empty string after the last CRLF
        assertThat(rows[1]).isEqualTo("2026-11-01T00:00:00.000Z,,,,OPENING_BALANCE,,,,,0.00,0,0.00,0,,,");
        assertThat(rows[2]).isEqualTo("2026-11-01T09:00:00.250Z,1,tx-mint,0:0,MINT,1000.00,100000,1000.00,100000,1000.00,100000,0.00,0,,,");
        assertThat(rows[3]).isEqualTo("2026-11-02T10:30:00.000Z,2,tx-pay,0:0,DEBIT,25.00,2500,-25.00,-2500,975.00,97500,0.00,0,bob,"
                + "\"inv-9, November\",");
        assertThat(rows[4]).endsWith(",carol,\"'=HYPERLINK(\"\"x\"\")\",");
        assertThat(rows[6]).isEqualTo("2026-11-04T00:00:00.000Z," + (3 + BULK) + ",,,CLOSING_BALANCE,,,984.34,98434,984.34,98434,3.00,300,,,");
        assertThat(rows[7]).isEmpty();
    }

    @Test
    void a_pdf_statement_shows_the_same_entries_with_its_font_embedded() throws IOException {
        Written written = statement(wallet("alice"), "alice", null, "2026-11-04", "pdf");

        assertThat(written.format().contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(written.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Statement of account alice").contains("inv-9, November").contains("Opening balance 0.00 EUR")
                    .contains("Closing balance 984.34 EUR, held 3.00").contains("-25.00");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void a_long_period_is_streamed_whole_its_rows_and_sums_exact() {
        String csv = statement(wallet("bulk"), "bulk", null, null, "csv").text();

        String[] rows = csv.substring(1).split("\r\n");
        assertThat(rows).hasSize(BULK + 3);
        long total = (long) BULK * (BULK + 1) / 2;
        assertThat(rows[rows.length - 1]).contains(",CLOSING_BALANCE,").contains("," + total + ",");
        try (PDDocument pdf = Loader.loadPDF(statement(wallet("bulk"), "bulk", null, null, "pdf").body())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(BULK / 80);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void another_accounts_wallet_gets_404_and_a_regulator_of_its_jurisdiction_gets_the_statement() {
        assertThatThrownBy(() -> statement(wallet("bob"), "alice", null, null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("not found");
        Caller regulatorDe = new Caller("reg", "test", Set.of(Role.REGULATOR), Set.of(), Optional.of("DE"), Optional.empty(), NOW.plusSeconds(60));
        Caller regulatorFr = new Caller("reg", "test", Set.of(Role.REGULATOR), Set.of(), Optional.of("FR"), Optional.empty(), NOW.plusSeconds(60));
        assertThat(statement(regulatorDe, "alice", null, null, null).body()).isNotEmpty();
        assertThatThrownBy(() -> statement(regulatorFr, "alice", null, null, null)).isInstanceOf(ApiException.class);
    }

    @Test
    void bad_periods_and_formats_are_refused_before_the_mirror_is_asked() {
        Mirror unreachable = new Mirror(io.ledgernode.node.testing.TestDataSources.unreachable());
        StatementOperations statements = new StatementOperations(unreachable, 1, Clock.fixed(NOW, ZoneOffset.UTC));
        for (String[] bad : List.of(new String[] {"2026-11-05", "2026-11-04", "csv"}, new String[] {"2026-13-01", null, "csv"},
                new String[] {"yesterday", null, null}, new String[] {null, null, "xlsx"}, new String[] {"2026-11-01T00:00:00.0001Z", null, null})) {
            assertThatThrownBy(() -> statement(statements, wallet("alice"), "alice", bad[0], bad[1], bad[2])).as(String.join(" ", List.of(
                    String.valueOf(bad[0]), String.valueOf(bad[1]), String.valueOf(bad[2])))).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).code().name()).isEqualTo("INVALID_ARGUMENT"));
        }
    }

    @Test
    void beyond_the_statements_written_at_once_a_caller_is_told_to_retry() {
        StatementOperations one = new StatementOperations(mirror, 1, Clock.fixed(NOW, ZoneOffset.UTC));
        List<ApiException> refused = new ArrayList<>();
        one.write(wallet("alice"), "alice", Optional.empty(), Optional.empty(), Optional.empty(), (format, name) -> {
            try {
                statement(one, wallet("alice"), "alice", null, null, null);
            } catch (ApiException e) {
                refused.add(e);
            }
            return new ByteArrayOutputStream();
        });
        assertThat(refused).singleElement().satisfies(e -> assertThat(e.code().name()).isEqualTo("OVERLOADED"));
        // Once the first is written, the next one is.
        assertThat(statement(one, wallet("alice"), "alice", null, null, null).body()).isNotEmpty();
    }

    private static Account account(String id, String jurisdiction) {
        return new Account(id, "EUR", "Org1MSP", "ref-" + id, jurisdiction, AccountStatus.ACTIVE, OptionalLong.empty(), OptionalLong.empty(),
                0, 0, 0, 0);
    }

    private static Transaction tx(long block, int index, String txId, Instant time) {
        return new Transaction(block, index, txId, "ENDORSER_TRANSACTION", "VALID", "Org1MSP", "ledger", "Money:transfer", time, null);
    }

    private static byte[] fill(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
