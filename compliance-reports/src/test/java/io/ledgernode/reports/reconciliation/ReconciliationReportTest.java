package io.ledgernode.reports.reconciliation;

import static io.ledgernode.reports.testing.PublishedDay.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.reports.PublishedReport;
import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.ReportPublisher;
import io.ledgernode.reports.reconciliation.ReconciliationResult.Break;
import io.ledgernode.reports.testing.MirrorSeed;
import io.ledgernode.reports.testing.PublishedDay;
import io.ledgernode.reports.testing.SeededDay;
import io.ledgernode.reports.testing.TestPki;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciliation report of one run, per jurisdiction. */
class ReconciliationReportTest {

    private static final String[] BREAK = {"type", "block_number", "account", "jurisdiction", "asset", "chain_value",
        "mirror_value"};

    @TempDir
    static Path directory;
    static TestPki pki;
    static EmbeddedMirror.Database mirror;
    static List<PublishedReport> published;

    @BeforeAll
    static void publish() throws Exception {
        pki = TestPki.create();
        mirror = SeededDay.mirror();
        published = new ReportPublisher(PublishedDay.configFor(pki, directory, "reports"))
                .publishReconciliation(mirror.reader(), result());
    }

    static ReconciliationResult result() {
        // Listed out of order on purpose: the report sorts them.
        return new ReconciliationResult(42, SeededDay.CUT_OFF, HexFormat.of().parseHex(MirrorSeed.blockHashHex(7)),
                Instant.parse("2026-11-23T02:00:00Z"), Instant.parse("2026-11-23T02:00:05Z"), 6, 2, 8, List.of(
                        new Break(BreakType.SUPPLY_MISMATCH, null, null, "USD", "40000", "40001", 7),
                        new Break(BreakType.HOLD_MISMATCH, "carol", "FR", "USD", "0", "10", 5),
                        new Break(BreakType.AMOUNT_MISMATCH, "alice", "DE", "USD", "12000", "12001", 5),
                        new Break(BreakType.BLOCK_HASH_MISMATCH, null, null, null, "aa", "bb", 6)));
    }

    @Test
    void a_jurisdictions_report_has_its_own_breaks_and_those_without_a_jurisdiction() throws Exception {
        assertThat(PublishedDay.rows(report("DE"), "breaks")).extracting(row -> fields(row, BREAK)).containsExactly(
                "AMOUNT_MISMATCH|5|alice|DE|USD|12000|12001",
                "BLOCK_HASH_MISMATCH|6||||aa|bb",
                "SUPPLY_MISMATCH|7|||USD|40000|40001");
        assertThat(PublishedDay.rows(report("FR"), "breaks")).extracting(row -> fields(row, BREAK)).containsExactly(
                "HOLD_MISMATCH|5|carol|FR|USD|0|10",
                "BLOCK_HASH_MISMATCH|6||||aa|bb",
                "SUPPLY_MISMATCH|7|||USD|40000|40001");
    }

    @Test
    void the_report_states_the_run_the_block_it_is_consistent_at_with_its_hash_and_what_it_compared()
            throws Exception {
        JsonNode report = PublishedDay.json(report("DE"));

        assertThat(report("DE").name()).isEqualTo("run-42-b7");
        assertThat(fields(report, "kind", "period", "cutOffBlock", "cutOffBlockHash", "asOf")).isEqualTo(
                "reconciliation|run-42|7|" + MirrorSeed.blockHashHex(7) + "|2026-11-23T02:00:05Z");
        assertThat(fields(report.get("parameters"), "runId", "accountsCompared", "assetsCompared", "blocksCompared",
                "breaks", "breaksInRun")).isEqualTo("42|6|2|8|3|4");
    }

    @Test
    void breaks_are_totalled_per_asset_and_type() throws Exception {
        assertThat(PublishedDay.rows(report("DE"), "totals")).extracting(row -> fields(row, "asset", "type", "breaks"))
                .containsExactly("|BLOCK_HASH_MISMATCH|1", "USD|AMOUNT_MISMATCH|1", "USD|SUPPLY_MISMATCH|1");
    }

    @Test
    void publishing_a_day_with_a_reconciliation_result_publishes_its_reports_too(@TempDir Path other)
            throws Exception {
        List<PublishedReport> day = new ReportPublisher(PublishedDay.configFor(pki, other, "reports"))
                .publishDay(mirror.reader(), SeededDay.DAY, SeededDay.CUT_OFF, Optional.of(result()));

        assertThat(day).extracting(r -> r.jurisdiction() + "/" + r.kind().directoryName() + "/" + r.name())
                .containsExactly("DE/daily-transactions/2026-11-22-b7", "DE/large-value/2026-11-22-b7",
                        "DE/balances/2026-11-22-b7", "FR/daily-transactions/2026-11-22-b7",
                        "FR/large-value/2026-11-22-b7", "FR/balances/2026-11-22-b7", "ALL/reconciliation/run-42-b7",
                        "DE/reconciliation/run-42-b7", "FR/reconciliation/run-42-b7");
    }

    @Test
    void the_consolidated_report_for_auditors_has_every_jurisdiction_s_breaks() throws Exception {
        assertThat(PublishedDay.rows(report(PublishedReport.ALL_JURISDICTIONS), "breaks"))
                .hasSize(result().breaks().size());
    }

    private static PublishedReport report(String jurisdiction) {
        return published.stream().filter(r -> r.jurisdiction().equals(jurisdiction)
                && r.kind() == ReportKind.RECONCILIATION).findFirst().orElseThrow();
    }
}
