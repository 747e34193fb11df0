package io.ledgernode.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.reports.publish.Manifest;
import io.ledgernode.reports.publish.ReportWriter;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.reports.testing.PublishedDay;
import io.ledgernode.reports.testing.SeededDay;
import io.ledgernode.reports.testing.TestPki;
import io.ledgernode.reports.verify.ReportVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash while publishing never leaves a partial or unsigned report where anyone can see it. */
class AtomicPublicationTest {

    static TestPki pki;
    static EmbeddedMirror.Database mirror;

    @TempDir
    Path directory;

    @BeforeAll
    static void seed() throws Exception {
        pki = TestPki.create();
        mirror = SeededDay.mirror();
    }

    @Test
    void a_crash_after_the_data_files_before_the_signature_leaves_nothing_visible_and_the_next_run_publishes()
            throws Exception {
        ReportsConfig config = PublishedDay.configFor(pki, directory, "reports");
        ReportPublisher crashing = new ReportPublisher(config, partial -> {
            throw new IOException("simulated crash in " + partial.getFileName());
        });

        assertThatThrownBy(() -> crashing.publishDay(mirror.reader(), SeededDay.DAY, SeededDay.CUT_OFF))
                .isInstanceOf(ReportException.class).hasMessageContaining("simulated crash");

        ReportCatalog catalog = new ReportCatalog(config.reportsRoot());
        assertThat(catalog.list(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(allFiles(config.reportsRoot())).isEmpty();

        List<PublishedReport> published = new ReportPublisher(config).publishDay(mirror.reader(), SeededDay.DAY,
                SeededDay.CUT_OFF);

        assertThat(catalog.list(Optional.empty(), Optional.empty())).isEqualTo(published).hasSize(6);
        for (PublishedReport report : published) {
            assertThat(new ReportVerifier(pki.ca.certificate()).verify(report.directory()).passed()).isTrue();
        }
    }

    @Test
    void the_signature_is_written_last_into_a_hidden_directory_and_the_report_appears_only_when_complete()
            throws Exception {
        ReportsConfig config = PublishedDay.configFor(pki, directory, "reports");
        ReportCatalog catalog = new ReportCatalog(config.reportsRoot());
        List<String> seen = new ArrayList<>();
        ReportPublisher watched = new ReportPublisher(config, partial -> {
            seen.add(partial.getFileName().toString());
            assertThat(partial.resolve(Manifest.FILE)).exists();
            assertThat(partial.resolve("report.pdf")).exists();
            assertThat(partial.resolve(Manifest.SIGNATURE_FILE)).doesNotExist();
            assertThat(catalog.list(Optional.empty(), Optional.empty())).hasSize(seen.size() - 1);
        });

        watched.publishDay(mirror.reader(), SeededDay.DAY, SeededDay.CUT_OFF);

        assertThat(seen).hasSize(6).allMatch(name -> name.startsWith(ReportWriter.PARTIAL_PREFIX));
        assertThat(hiddenEntries(config.reportsRoot())).isEmpty();
    }

    @Test
    void a_partial_directory_left_by_a_killed_run_is_never_listed_and_the_next_run_removes_it() throws Exception {
        ReportsConfig config = PublishedDay.configFor(pki, directory, "reports");
        Path kindDirectory = config.reportsRoot().resolve("DE").resolve("daily-transactions");
        Path leftover = Files.createDirectories(kindDirectory.resolve(ReportWriter.PARTIAL_PREFIX
                + "2026-11-22-b7-0123456789ab"));
        Files.writeString(leftover.resolve("transactions.csv"), "half a file");
        ReportCatalog catalog = new ReportCatalog(config.reportsRoot());

        assertThat(catalog.list(Optional.empty(), Optional.empty())).isEmpty();
        assertThat(catalog.find("DE", ReportKind.DAILY_TRANSACTIONS, leftover.getFileName().toString())).isEmpty();

        new ReportPublisher(config).publishDay(mirror.reader(), SeededDay.DAY, SeededDay.CUT_OFF);

        assertThat(leftover).doesNotExist();
        assertThat(catalog.list(Optional.of("DE"), Optional.of(ReportKind.DAILY_TRANSACTIONS)))
                .extracting(PublishedReport::name).containsExactly("2026-11-22-b7");
    }

    private static List<Path> allFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static List<Path> hiddenEntries(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.getFileName().toString().startsWith(".")).toList();
        }
    }
}
