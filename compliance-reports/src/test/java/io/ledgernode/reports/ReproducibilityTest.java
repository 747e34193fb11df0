package io.ledgernode.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.reports.publish.Manifest;
import io.ledgernode.mirror.testing.EmbeddedMirror;
import io.ledgernode.reports.testing.MirrorSeed;
import io.ledgernode.reports.testing.PublishedDay;
import io.ledgernode.reports.testing.SeededDay;
import io.ledgernode.reports.testing.TestPki;
import io.ledgernode.reports.verify.ReportVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports are reproducible: the same mirror, block and parameters give the same bytes, in every format and in the
 * manifest. The signature alone differs between runs (ECDSA signatures are randomized); each one verifies.
 */
class ReproducibilityTest {

    @TempDir
    static Path directory;
    static TestPki pki;
    static EmbeddedMirror.Database mirror;

    @BeforeAll
    static void seed() throws Exception {
        pki = TestPki.create();
        mirror = SeededDay.mirror();
    }

    @Test
    void the_same_day_and_cut_off_published_from_two_mirrors_of_one_chain_gives_byte_identical_files_and_manifests()
            throws Exception {
        // A second mirror of the same chain, as a rebuild makes it: its bridge clock columns differ, nothing else.
        EmbeddedMirror.Database rebuilt = SeededDay.mirror();

        List<PublishedReport> first = publisher("first").publishDay(mirror.reader(), SeededDay.DAY, SeededDay.CUT_OFF);
        List<PublishedReport> second = publisher("second").publishDay(rebuilt.reader(), SeededDay.DAY,
                SeededDay.CUT_OFF);

        assertThat(first).hasSize(6);
        for (int i = 0; i < first.size(); i++) {
            Map<String, byte[]> a = contents(first.get(i).directory());
            Map<String, byte[]> b = contents(second.get(i).directory());
            assertThat(a.keySet()).isEqualTo(b.keySet()).contains("report.pdf", "report.json", Manifest.FILE);
            for (String name : a.keySet()) {
                if (!name.equals(Manifest.SIGNATURE_FILE)) {
                    assertThat(a.get(name)).as(first.get(i).directory() + "/" + name).isEqualTo(b.get(name));
                }
            }
            assertThat(verifier().verify(first.get(i).directory()).passed()).isTrue();
            assertThat(verifier().verify(second.get(i).directory()).passed()).isTrue();
        }
    }

    @Test
    void publishing_the_same_report_again_returns_it_untouched_signature_included() throws Exception {
        ReportPublisher publisher = publisher("again");
        List<PublishedReport> first = publisher.publishDay(mirror.reader(), SeededDay.DAY, SeededDay.CUT_OFF);
        Map<String, byte[]> before = contents(first.get(0).directory());

        List<PublishedReport> again = publisher("again").publishDay(mirror.reader(), SeededDay.DAY,
                SeededDay.CUT_OFF);

        assertThat(again).isEqualTo(first);
        Map<String, byte[]> after = contents(again.get(0).directory());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void a_published_report_is_never_replaced_by_different_content_for_the_same_block() throws Exception {
        EmbeddedMirror.Database changing = SeededDay.mirror();
        publisher("conflict").publishDay(changing.reader(), SeededDay.DAY, SeededDay.CUT_OFF);
        new MirrorSeed(changing.admin())
                .sql("UPDATE mirror.accounts SET owner_ref = 'owner-mallory' WHERE id = 'alice'");

        assertThatThrownBy(() -> publisher("conflict").publishDay(changing.reader(), SeededDay.DAY,
                SeededDay.CUT_OFF)).isInstanceOfSatisfying(ReportException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportException.Reason.CONFLICT));
    }

    @Test
    void each_manifest_carries_the_digest_of_the_previous_manifest_of_its_kind_and_jurisdiction() throws Exception {
        ReportPublisher publisher = publisher("chain");
        List<PublishedReport> day1 = publisher.publishDay(mirror.reader(), SeededDay.DAY, SeededDay.CUT_OFF);
        List<PublishedReport> day2 = publisher.publishDay(mirror.reader(), LocalDate.parse("2026-11-23"),
                SeededDay.LAST_BLOCK);

        for (int i = 0; i < day1.size(); i++) {
            assertThat(previous(day1.get(i))).isNull();
            assertThat(previous(day2.get(i))).isEqualTo(Manifest.sha256Hex(
                    Files.readAllBytes(day1.get(i).directory().resolve(Manifest.FILE))));
        }
    }

    @Test
    void a_cut_off_block_the_mirror_does_not_hold_yet_is_refused_as_behind() {
        assertThatThrownBy(() -> publisher("behind").publishDay(mirror.reader(), SeededDay.DAY, 99))
                .isInstanceOfSatisfying(ReportException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportException.Reason.MIRROR_BEHIND));
    }

    @Test
    void a_day_with_more_entries_than_rows_max_fails_loudly_and_publishes_nothing() throws Exception {
        ReportsConfig config = PublishedDay.configFor(pki, directory, "limited").withRowsMax(5);

        assertThatThrownBy(() -> new ReportPublisher(config).publishDay(mirror.reader(), SeededDay.DAY,
                SeededDay.CUT_OFF)).isInstanceOfSatisfying(ReportException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportException.Reason.LIMIT_EXCEEDED));
        assertThat(config.reportsRoot()).doesNotExist();
    }

    private static String previous(PublishedReport report) throws Exception {
        var node = new ObjectMapper().readTree(report.directory().resolve(Manifest.FILE).toFile())
                .get("previousManifestSha256");
        return node.isNull() ? null : node.asText();
    }

    private static ReportPublisher publisher(String root) throws Exception {
        return new ReportPublisher(PublishedDay.configFor(pki, directory, root));
    }

    private static ReportVerifier verifier() {
        X509Certificate ca = pki.ca.certificate();
        return new ReportVerifier(ca);
    }

    private static Map<String, byte[]> contents(Path reportDirectory) throws Exception {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(reportDirectory)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
