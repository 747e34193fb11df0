package io.ledgernode.reports.balances;

import static io.ledgernode.api.money.EntryKind.CREDIT;
import static io.ledgernode.reports.testing.PublishedDay.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.reports.PublishedReport;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.ReportPublisher;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.reports.testing.MirrorSeed;
import io.ledgernode.reports.testing.PublishedDay;
import io.ledgernode.reports.testing.PublishedDayTest;
import io.ledgernode.reports.testing.SeededDay;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Balances and the supply attestation at the cut-off block, which is older than the mirror's current state. */
class BalancesReportTest extends PublishedDayTest {

    private static final String[] ACCOUNT = {"account", "asset", "balance_minor", "balance", "held_minor", "held",
        "opened_block"};
    private static final String[] ASSET = {"asset", "supply_minor", "balances_minor", "held_minor", "balanced",
        "jurisdiction_accounts", "jurisdiction_balances_minor", "jurisdiction_held_minor"};

    @Test
    void balances_at_an_older_cut_off_come_from_the_entries_up_to_it_not_from_the_current_balances()
            throws Exception {
        assertThat(rows("DE", "accounts")).extracting(row -> fields(row, ACCOUNT)).containsExactly(
                "alice|USD|12000|120.00|0|0.00|1",
                "alice2|USD|6000|60.00|0|0.00|1",
                "bob|USD|9900|99.00|1500|15.00|1");
        assertThat(currentBalances()).contains("alice|5000|0", "bob|18400|0");
    }

    @Test
    void accounts_opened_after_the_cut_off_are_left_out() throws Exception {
        assertThat(rows("FR", "accounts")).extracting(row -> fields(row, ACCOUNT)).containsExactly(
                "carol|USD|10600|106.00|0|0.00|1",
                "dave|EUR|36500|365.00|0|0.00|1");
    }

    @Test
    void each_assets_supply_equals_all_balances_and_held_amounts_beside_this_jurisdictions_share() throws Exception {
        assertThat(rows("DE", "assets")).extracting(row -> fields(row, ASSET)).containsExactly(
                "EUR|36500|36500|0|true|0|0|0",
                "USD|40000|38500|1500|true|3|27900|1500");
        assertThat(rows("FR", "assets")).extracting(row -> fields(row, ASSET)).containsExactly(
                "EUR|36500|36500|0|true|1|36500|0",
                "USD|40000|38500|1500|true|1|10600|0");
        assertThat(day.json("DE", ReportKind.BALANCES).get("parameters").get("attestation").asText())
                .startsWith("balanced");
    }

    @Test
    void the_report_is_pinned_to_the_cut_off_block_and_its_header_hash() throws Exception {
        JsonNode report = day.json("DE", ReportKind.BALANCES);

        assertThat(report.get("cutOffBlock").asLong()).isEqualTo(SeededDay.CUT_OFF);
        assertThat(report.get("cutOffBlockHash").asText()).isEqualTo(MirrorSeed.blockHashHex(SeededDay.CUT_OFF));
        assertThat(report.get("asOf").asText()).isEqualTo("2026-11-23T00:00:01Z");
    }

    @Test
    void a_later_cut_off_gives_the_later_balances_and_the_accounts_opened_by_then(@TempDir Path other)
            throws Exception {
        List<PublishedReport> published = new ReportPublisher(PublishedDay.configFor(day.pki, other, "reports"))
                .publishDay(day.mirror.reader(), LocalDate.parse("2026-11-23"), SeededDay.LAST_BLOCK);

        assertThat(PublishedDay.rows(report(published, "DE"), "accounts")).extracting(row -> fields(row, ACCOUNT))
                .containsExactly("alice|USD|5000|50.00|0|0.00|1", "alice2|USD|6000|60.00|0|0.00|1",
                        "bob|USD|18400|184.00|0|0.00|1");
        assertThat(PublishedDay.rows(report(published, "FR"), "accounts")).extracting(row -> row.get("account")
                .asText()).containsExactly("carol", "dave", "erin");
    }

    @Test
    void a_supply_that_does_not_match_the_balances_is_reported_as_not_balanced(@TempDir Path other)
            throws Exception {
        EmbeddedMirror.Database mirror = EmbeddedMirror.shared().fresh();
        MirrorSeed seed = new MirrorSeed(mirror.admin());
        Instant time = Instant.parse("2026-11-22T12:00:00Z");
        seed.asset("USD", 2, 0).account("alice", "USD", "owner-alice", "DE", 0)
                .block(0, time, MirrorSeed.valid("phantom", time, MirrorSeed.e("alice", CREDIT, 999)));
        seed.finish();

        List<PublishedReport> published = new ReportPublisher(PublishedDay.configFor(day.pki, other, "reports"))
                .publishDay(mirror.reader(), LocalDate.parse("2026-11-21"), 0);

        PublishedReport balances = published.stream().filter(r -> r.kind() == ReportKind.BALANCES).findFirst()
                .orElseThrow();
        assertThat(PublishedDay.rows(balances, "assets")).extracting(row -> fields(row, ASSET))
                .containsExactly("USD|0|999|0|false|1|999|0");
        assertThat(PublishedDay.json(balances).get("parameters").get("attestation").asText())
                .isEqualTo("NOT BALANCED: USD");
    }

    private static PublishedReport report(List<PublishedReport> published, String jurisdiction) {
        return published.stream().filter(r -> r.jurisdiction().equals(jurisdiction) && r.kind() == ReportKind.BALANCES)
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> rows(String jurisdiction, String table) throws Exception {
        return day.rows(jurisdiction, ReportKind.BALANCES, table);
    }

    private static List<String> currentBalances() throws Exception {
        List<String> balances = new ArrayList<>();
        try (Connection connection = day.mirror.reader().getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, balance, held FROM mirror.accounts ORDER BY id")) {
            while (rows.next()) {
                balances.add(rows.getString(1) + "|" + rows.getLong(2) + "|" + rows.getLong(3));
            }
        }
        return balances;
    }
}
