package io.ledgernode.reports.daily;

import static io.ledgernode.reports.testing.PublishedDay.fields;
import static io.ledgernode.reports.testing.PublishedDay.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.party.Pseudonyms;
import io.ledgernode.reports.testing.PublishedDayTest;
import io.ledgernode.reports.testing.SeededDay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The daily transaction report of the seeded day, read back from the published JSON and CSV. */
class DailyTransactionsReportTest extends PublishedDayTest {

    private static final String[] MOVEMENT = {"block_number", "tx_index", "entry_index", "type", "from_account",
        "from_jurisdiction", "to_account", "to_jurisdiction", "amount_minor"};

    @Test
    void the_DE_report_has_one_row_per_money_movement_touching_DE_accounts_in_chain_order() throws Exception {
        assertThat(rows("DE", "transactions")).extracting(row -> fields(row, MOVEMENT)).containsExactly(
                "3|0|0|TRANSFER|alice|DE||FR|4000",
                "4|0|0|TRANSFER|alice2|DE||FR|4000",
                "4|0|2|TRANSFER|bob|DE||FR|500",
                "5|0|0|TRANSFER|alice|DE|bob|DE|4000",
                "5|1|0|HOLD|bob|DE|||3000",
                "5|2|0|HOLD_CAPTURE|bob|DE||FR|2000",
                "5|2|2|HOLD_RELEASE|||bob|DE|1000",
                "6|0|0|HOLD|bob|DE|||1500");
    }

    @Test
    void the_FR_report_has_the_cross_border_movements_and_its_own_mints_and_burns_but_not_DE_holds()
            throws Exception {
        assertThat(rows("FR", "transactions")).extracting(row -> fields(row, MOVEMENT)).containsExactly(
                "3|0|0|TRANSFER||DE|carol|FR|4000",
                "4|0|0|TRANSFER||DE|carol|FR|4000",
                "4|0|2|TRANSFER||DE|carol|FR|500",
                "5|2|0|HOLD_CAPTURE||DE|carol|FR|2000",
                "5|3|0|MINT|||dave|FR|7000",
                "5|4|0|BURN|dave|FR|||500");
    }

    @Test
    void the_side_of_a_movement_in_another_jurisdiction_shows_its_jurisdiction_and_nothing_else() throws Exception {
        JsonNode deSide = rows("DE", "transactions").get(0);
        JsonNode frSide = rows("FR", "transactions").get(0);

        assertThat(fields(deSide, "tx_id", "to_account", "to_party", "to_jurisdiction"))
                .isEqualTo(SeededDay.T3 + "|||FR");
        assertThat(fields(frSide, "tx_id", "from_account", "from_party", "from_jurisdiction"))
                .isEqualTo(SeededDay.T3 + "|||DE");
        assertThat(text(frSide, "to_party")).isEqualTo(pseudonym("owner-carol"));
    }

    @Test
    void invalid_transactions_the_next_days_and_those_in_blocks_after_the_cut_off_are_not_reported()
            throws Exception {
        List<String> txIds = Stream.concat(rows("DE", "transactions").stream(), rows("FR", "transactions").stream())
                .map(row -> text(row, "tx_id")).toList();

        assertThat(txIds).contains(SeededDay.T3, SeededDay.T9)
                .doesNotContain(SeededDay.CONFLICTED, SeededDay.T10, SeededDay.T11);
    }

    @Test
    void rows_carry_the_chain_time_the_asset_and_the_amount_in_minor_units_and_exact_decimals() throws Exception {
        assertThat(fields(rows("DE", "transactions").get(3), "tx_id", "tx_time", "asset", "amount_minor", "amount",
                "from_party", "to_party", "hold_id")).isEqualTo(String.join("|", SeededDay.T5, "2026-11-22T10:00:00Z",
                        "USD", "4000", "40.00", pseudonym("owner-alice"), pseudonym("owner-bob"), ""));
        assertThat(text(rows("DE", "transactions").get(4), "hold_id")).isEqualTo("h1");
    }

    @Test
    void totals_per_asset_and_type_add_up_the_rows() throws Exception {
        String[] total = {"asset", "type", "rows", "amount_minor", "amount"};

        assertThat(rows("DE", "totals")).extracting(row -> fields(row, total)).containsExactly(
                "USD|TRANSFER|4|12500|125.00", "USD|HOLD|2|4500|45.00", "USD|HOLD_CAPTURE|1|2000|20.00",
                "USD|HOLD_RELEASE|1|1000|10.00");
        assertThat(rows("FR", "totals")).extracting(row -> fields(row, total)).containsExactly(
                "EUR|MINT|1|7000|70.00", "EUR|BURN|1|500|5.00", "USD|TRANSFER|3|8500|85.00",
                "USD|HOLD_CAPTURE|1|2000|20.00");
    }

    @Test
    void the_csv_has_the_same_rows_with_a_header_and_crlf_line_endings() throws Exception {
        String csv = day.file("DE", ReportKind.DAILY_TRANSACTIONS, "transactions.csv");

        assertThat(csv.split("\r\n", -1)).hasSize(1 + 8 + 1).startsWith(
                "block_number,tx_index,entry_index,tx_id,tx_time,type,asset,amount_minor,amount,from_account,"
                        + "from_party,from_jurisdiction,to_account,to_party,to_jurisdiction,hold_id",
                "3,0,0," + SeededDay.T3 + ",2026-11-22T08:00:00Z,TRANSFER,USD,4000,40.00,alice,"
                        + pseudonym("owner-alice") + ",DE,,,FR,");
        assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
    }

    @Test
    void owner_references_appear_in_no_file_of_any_report_only_their_keyed_pseudonyms() throws Exception {
        try (Stream<Path> files = Files.walk(day.config.reportsRoot())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain("owner-");
            }
        }
        assertThat(pseudonym("owner-alice")).matches("p-[0-9a-f]{32}").isNotEqualTo(pseudonym("owner-bob"));
    }

    private static List<JsonNode> rows(String jurisdiction, String table) throws Exception {
        return day.rows(jurisdiction, ReportKind.DAILY_TRANSACTIONS, table);
    }

    static String pseudonym(String ownerRef) throws Exception {
        return Pseudonyms.fromKeyFile(day.config.pseudonymKey(), day.config.pseudonymHexLength()).of(ownerRef);
    }
}
