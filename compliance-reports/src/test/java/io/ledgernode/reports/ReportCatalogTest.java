package io.ledgernode.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.reports.testing.PublishedDayTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What node-service serves: listings by jurisdiction and kind, and files resolved without path traversal. */
class ReportCatalogTest extends PublishedDayTest {

    static ReportCatalog catalog;

    @BeforeAll
    static void openCatalog() {
        catalog = new ReportCatalog(day.config.reportsRoot());
    }

    @Test
    void a_regulator_lists_only_its_jurisdictions_reports_and_an_auditor_lists_all() throws Exception {
        assertThat(catalog.list(Optional.of("FR"), Optional.empty()))
                .extracting(r -> r.jurisdiction() + "/" + r.kind().directoryName() + "/" + r.name())
                .containsExactly("FR/daily-transactions/2026-11-22-b7", "FR/large-value/2026-11-22-b7",
                        "FR/balances/2026-11-22-b7");
        assertThat(catalog.list(Optional.empty(), Optional.empty())).hasSize(6);
        assertThat(catalog.list(Optional.empty(), Optional.of(ReportKind.BALANCES)))
                .extracting(PublishedReport::jurisdiction).containsExactly("DE", "FR");
        assertThat(catalog.list(Optional.of("../DE"), Optional.empty())).isEmpty();
    }

    @Test
    void a_report_is_found_by_jurisdiction_kind_and_name_and_lists_its_files() throws Exception {
        PublishedReport report = catalog.find("DE", ReportKind.LARGE_VALUE, "2026-11-22-b7").orElseThrow();

        assertThat(report).isEqualTo(day.report("DE", ReportKind.LARGE_VALUE));
        assertThat(catalog.files(report)).containsExactly("large-values.csv", "manifest.json", "manifest.json.p7s",
                "report.json", "report.pdf", "totals.csv");
        assertThat(catalog.find("DE", ReportKind.LARGE_VALUE, "2026-11-21-b7")).isEmpty();
        assertThat(catalog.find("DE", ReportKind.LARGE_VALUE, "../../FR/large-value/2026-11-22-b7")).isEmpty();
        assertThat(catalog.find("..", ReportKind.LARGE_VALUE, "2026-11-22-b7")).isEmpty();
    }

    @Test
    void a_file_resolves_only_by_its_plain_name_inside_the_report() throws Exception {
        PublishedReport report = day.report("DE", ReportKind.BALANCES);
        Path outside = Files.writeString(directory.resolve("secret.txt"), "not a report");
        Files.createSymbolicLink(report.directory().resolve("link.csv"), outside);

        assertThat(catalog.resolveFile(report, "report.pdf")).contains(report.directory().resolve("report.pdf")
                .toAbsolutePath().normalize());
        for (String name : List.of("../../FR/balances/2026-11-22-b7/report.pdf", "../report.pdf", "/etc/passwd",
                outside.toString(), ".", "..", "", "link.csv", "REPORT.PDF", "report.pdf/", "missing.csv")) {
            assertThat(catalog.resolveFile(report, name)).as(name).isEmpty();
        }
        Files.delete(report.directory().resolve("link.csv"));
    }

    @Test
    void a_report_record_pointing_outside_the_root_resolves_nothing() throws Exception {
        PublishedReport real = day.report("DE", ReportKind.BALANCES);
        PublishedReport forged = new PublishedReport("DE", ReportKind.BALANCES, "2026-11-22", 7,
                directory.resolve("elsewhere"));
        Files.createDirectories(forged.directory());
        Files.copy(real.directory().resolve("report.pdf"), forged.directory().resolve("report.pdf"));
        Files.copy(real.directory().resolve("manifest.json.p7s"), forged.directory().resolve("manifest.json.p7s"));

        assertThat(catalog.resolveFile(forged, "report.pdf")).isEmpty();
    }
}
