package io.ledgernode.reports.largevalue;

import static io.ledgernode.reports.testing.PublishedDay.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.reports.LargeValueThresholds;
import io.ledgernode.reports.PublishedReport;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.ReportPublisher;
import io.ledgernode.reports.ReportsConfig;
import io.ledgernode.reports.party.Pseudonyms;
import io.ledgernode.reports.testing.PublishedDay;
import io.ledgernode.reports.testing.PublishedDayTest;
import io.ledgernode.reports.testing.SeededDay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The large-value report of the seeded day, with a USD threshold of 10,000 minor units. */
class LargeValueReportTest extends PublishedDayTest {

    private static final String[] ROW = {"party", "asset", "direction", "total_minor", "total", "threshold_minor",
        "movements", "tx_count", "accounts", "tx_ids"};

    @Test
    void three_transfers_of_4000_from_two_accounts_of_one_party_over_a_threshold_of_10000_are_reported_together()
            throws Exception {
        assertThat(rows("DE", "large-values")).extracting(row -> fields(row, ROW)).containsExactly(String.join("|",
                pseudonym("owner-alice"), "USD", "OUTGOING", "12000", "120.00", "10000", "3", "3",
                "[\"alice\",\"alice2\"]",
                "[\"" + SeededDay.T3 + "\",\"" + SeededDay.T4 + "\",\"" + SeededDay.T5 + "\"]"));
    }

    @Test
    void incoming_money_is_totalled_apart_from_outgoing_and_counts_a_capture_paid_to_the_party() throws Exception {
        assertThat(rows("FR", "large-values")).extracting(row -> fields(row, "party", "direction", "total_minor",
                "movements", "tx_ids")).containsExactly(String.join("|", pseudonym("owner-carol"), "INCOMING",
                        "10500", "4", "[\"" + SeededDay.T3 + "\",\"" + SeededDay.T4 + "\",\"" + SeededDay.T6C
                                + "\"]"));
    }

    @Test
    void a_party_under_the_threshold_in_each_direction_is_not_reported_nor_is_a_transfer_after_the_cut_off()
            throws Exception {
        // bob received 4000 and sent 2500 by the cut-off; the 7000 of block 8 would have taken him over 10000.
        assertThat(rows("DE", "large-values")).extracting(row -> row.get("party").asText())
                .doesNotContain(pseudonym("owner-bob"));
    }

    @Test
    void totals_per_asset_and_direction_count_the_reported_parties() throws Exception {
        assertThat(rows("DE", "totals")).extracting(row -> fields(row, "asset", "direction", "parties",
                "total_minor", "total")).containsExactly("USD|OUTGOING|1|12000|120.00");
    }

    @Test
    void an_asset_without_its_own_threshold_is_judged_by_the_default_one(@TempDir Path other) throws Exception {
        ReportsConfig config = PublishedDay.configFor(day.pki, other, "reports")
                .withLargeValue(new LargeValueThresholds(6_000, Map.of("USD", 1_000_000L)));

        List<PublishedReport> published = new ReportPublisher(config).publishDay(day.mirror.reader(), SeededDay.DAY,
                SeededDay.CUT_OFF);

        PublishedReport fr = published.stream().filter(r -> r.jurisdiction().equals("FR")
                && r.kind() == ReportKind.LARGE_VALUE).findFirst().orElseThrow();
        assertThat(PublishedDay.rows(fr, "large-values")).extracting(row -> fields(row, "party", "asset",
                "direction", "total_minor", "threshold_minor"))
                .containsExactly(pseudonym("owner-dave") + "|EUR|INCOMING|7000|6000");
    }

    @Test
    void the_thresholds_are_stated_in_the_report() throws Exception {
        JsonNode parameters = day.json("DE", ReportKind.LARGE_VALUE).get("parameters");

        assertThat(parameters.get("thresholdMinor.USD").asText()).isEqualTo("10000 minor units");
        assertThat(parameters.get("thresholdMinor.EUR").asText()).isEqualTo("1000000 minor units");
    }

    private static List<JsonNode> rows(String jurisdiction, String table) throws Exception {
        return day.rows(jurisdiction, ReportKind.LARGE_VALUE, table);
    }

    private static String pseudonym(String ownerRef) throws Exception {
        return Pseudonyms.fromKeyFile(day.config.pseudonymKey(), day.config.pseudonymHexLength()).of(ownerRef);
    }
}
