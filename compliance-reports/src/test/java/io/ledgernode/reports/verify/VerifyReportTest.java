package io.ledgernode.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.testing.PublishedDay;
import io.ledgernode.reports.testing.TestPki;
import io.ledgernode.reports.testing.TestSignatures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The verifier's command line on a published report, untouched and tampered with in every way that matters. */
class VerifyReportTest {

    @TempDir
    static Path published;
    static PublishedDay day;

    @TempDir
    Path work;
    Path report;

    @BeforeAll
    static void publish() throws Exception {
        day = PublishedDay.publish(published);
    }

    /** A copy of the DE daily report for each test to tamper with. */
    @BeforeEach
    void copyReport() throws Exception {
        Path source = day.report("DE", ReportKind.DAILY_TRANSACTIONS).directory();
        report = work.resolve("2026-11-22-b7");
        Files.createDirectories(report);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, report.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void an_untouched_report_passes_every_check_and_exits_0() {
        Result result = verify(report, day.config.caCertificate());

        assertThat(result.status()).isZero();
        assertThat(result.lines()).allMatch(line -> line.startsWith("PASS ") || line.startsWith("VERIFIED "))
                .anyMatch(line -> line.startsWith("PASS file report.pdf"))
                .anyMatch(line -> line.startsWith("PASS manifest.json.p7s certificate chain"))
                .last().asString().startsWith("VERIFIED");
    }

    static List<String> files() {
        return List.of("manifest.json", "manifest.json.p7s", "report.json", "report.pdf", "totals.csv",
                "transactions.csv");
    }

    @ParameterizedTest
    @MethodSource("files")
    void one_altered_byte_in_any_file_fails_and_names_that_file(String name) throws Exception {
        Path file = report.resolve(name);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        Result result = verify(report, day.config.caCertificate());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.failures()).isNotEmpty().anyMatch(line -> line.contains(name));
        if (!name.equals("manifest.json")) {
            // (An altered manifest may also misname a file it lists; any other alteration touches only its file.)
            assertThat(result.failures()).noneMatch(line -> line.startsWith("FAIL file ") && !line.contains(name));
        }
        assertThat(result.lines().getLast()).startsWith("NOT VERIFIED");
    }

    @Test
    void a_removed_file_is_named_as_missing() throws Exception {
        Files.delete(report.resolve("totals.csv"));

        Result result = verify(report, day.config.caCertificate());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.failures()).containsExactly("FAIL file totals.csv: missing (listed in the manifest)");
    }

    @Test
    void a_file_not_in_the_manifest_is_named() throws Exception {
        Files.writeString(report.resolve("extra.csv"), "a,b\r\n");

        Result result = verify(report, day.config.caCertificate());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.failures()).containsExactly("FAIL file extra.csv: not in the manifest (added?)");
    }

    @Test
    void a_signature_with_no_signer_fails() throws Exception {
        resign(TestSignatures.sign(manifest(), List.of(), List.of(day.pki.signer.certificate())));

        assertThat(verify(report, day.config.caCertificate()).failures())
                .containsExactly("FAIL manifest.json.p7s signers: 0 signers, exactly one is required");
    }

    @Test
    void a_signature_with_two_signers_fails_even_when_both_are_certified_by_the_ca() throws Exception {
        resign(TestSignatures.sign(manifest(), day.pki.signer, day.pki.secondSigner));

        assertThat(verify(report, day.config.caCertificate()).failures())
                .containsExactly("FAIL manifest.json.p7s signers: 2 signers, exactly one is required");
    }

    @Test
    void a_self_signed_signer_fails() throws Exception {
        resign(TestSignatures.sign(manifest(), day.pki.selfSigned));

        assertThat(verify(report, day.config.caCertificate()).failures()).singleElement().asString()
                .startsWith("FAIL manifest.json.p7s certificate chain").contains("self-signed");
    }

    @Test
    void a_signer_certified_by_another_ca_fails() throws Exception {
        resign(TestSignatures.sign(manifest(), day.pki.otherCaSigner));

        assertThat(verify(report, day.config.caCertificate()).failures()).singleElement().asString()
                .startsWith("FAIL manifest.json.p7s certificate chain").contains("not by the CA");
    }

    @Test
    void the_right_report_checked_against_another_ca_fails() throws Exception {
        Path otherCa = TestPki.writeCertificate(work.resolve("other-ca.pem"), day.pki.otherCa.certificate());

        assertThat(verify(report, otherCa).failures()).singleElement().asString()
                .startsWith("FAIL manifest.json.p7s certificate chain");
    }

    @Test
    void a_signer_whose_key_usage_lacks_digital_signature_fails() throws Exception {
        resign(TestSignatures.sign(manifest(), day.pki.noDigitalSignature));

        assertThat(verify(report, day.config.caCertificate()).failures())
                .containsExactly("FAIL manifest.json.p7s key usage: the signer's key usage does not include "
                        + "digitalSignature");
    }

    @Test
    void a_signer_whose_certificate_had_expired_at_signing_time_fails() throws Exception {
        resign(TestSignatures.sign(manifest(), day.pki.expired));

        assertThat(verify(report, day.config.caCertificate()).failures()).singleElement().asString()
                .startsWith("FAIL manifest.json.p7s validity");
    }

    @Test
    void a_manifest_resigned_by_the_right_key_verifies_again() throws Exception {
        resign(TestSignatures.sign(manifest(), day.pki.signer));

        assertThat(verify(report, day.config.caCertificate()).status()).isZero();
    }

    @Test
    void a_signature_file_of_random_garbage_fails_with_one_line_and_exits_1() throws Exception {
        byte[] garbage = new byte[Files.readAllBytes(report.resolve("manifest.json.p7s")).length];
        new Random(20261122L).nextBytes(garbage);
        resign(garbage);

        assertOneSignatureLine(verify(report, day.config.caCertificate()));
    }

    @Test
    void an_empty_signature_file_fails_with_one_line_and_exits_1() throws Exception {
        resign(new byte[0]);

        assertOneSignatureLine(verify(report, day.config.caCertificate()));
    }

    @Test
    void every_single_byte_flip_of_the_signature_file_answers_with_lines_never_a_stack_trace() throws Exception {
        byte[] signature = Files.readAllBytes(report.resolve("manifest.json.p7s"));
        for (int i = 0; i < signature.length; i++) {
            byte[] flipped = signature.clone();
            flipped[i] ^= 0x01;
            resign(flipped);

            Result result = verify(report, day.config.caCertificate());

            String variant = "byte " + i + " flipped: " + result;
            assertThat(result.errors()).as(variant).isEmpty();
            assertThat(result.status()).as(variant).isIn(0, 1);
            assertThat(result.lines()).as(variant).isNotEmpty().allMatch(VerifyReportTest::isCheckOrResult)
                    .last().asString().startsWith(result.status() == 0 ? "VERIFIED " : "NOT VERIFIED ");
        }
    }

    @Test
    void a_manifest_that_is_not_json_fails_with_one_line_per_check() throws Exception {
        Files.writeString(report.resolve("manifest.json"), "{\n  \"formatVersion\": 1,\n  oops\n");

        Result result = verify(report, day.config.caCertificate());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
        assertThat(result.lines()).allMatch(VerifyReportTest::isCheckOrResult)
                .anyMatch(line -> line.startsWith("FAIL manifest.json: not a manifest (altered?): "));
    }

    @Test
    void a_manifest_naming_a_file_no_file_system_allows_fails_that_file() throws Exception {
        String manifest = Files.readString(report.resolve("manifest.json"));
        Files.writeString(report.resolve("manifest.json"), manifest.replace("\"totals.csv\"", "\"totals\\u0000.csv\""));

        Result result = verify(report, day.config.caCertificate());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
        assertThat(result.lines()).allMatch(VerifyReportTest::isCheckOrResult)
                .anyMatch(line -> line.startsWith("FAIL file totals?.csv: listed twice or not a plain file name"));
    }

    /** A bad signature file is one failed check, the CMS one; the file checks still run and name no file. */
    private static void assertOneSignatureLine(Result result) {
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
        assertThat(result.lines()).allMatch(VerifyReportTest::isCheckOrResult)
                .anyMatch(line -> line.startsWith("PASS file report.pdf"));
        assertThat(result.failures()).singleElement().asString()
                .startsWith("FAIL manifest.json.p7s CMS: not a DER CMS SignedData (altered?): ");
        assertThat(result.lines().getLast()).startsWith("NOT VERIFIED").endsWith(": 1 checks failed");
    }

    private static boolean isCheckOrResult(String line) {
        return line.startsWith("PASS ") || line.startsWith("FAIL ") || line.startsWith("VERIFIED ")
                || line.startsWith("NOT VERIFIED ");
    }

    @Test
    void usage_errors_exit_2_with_one_line_and_no_checks() throws Exception {
        Path notPem = Files.writeString(work.resolve("not.pem"), "hello");

        for (String[] args : List.of(new String[] {}, new String[] {report.toString()},
                new String[] {"--ca", day.config.caCertificate().toString()},
                new String[] {work.resolve("absent").toString(), "--ca", day.config.caCertificate().toString()},
                new String[] {report.toString(), "--ca", notPem.toString()},
                new String[] {report.toString(), "--ca", day.config.caCertificate().toString(), "--verbose"})) {
            Result result = run(args);
            assertThat(result.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.lines()).as(String.join(" ", args)).isEmpty();
            assertThat(result.errors()).as(String.join(" ", args)).hasSize(1).first().asString().contains("usage:");
        }
    }

    private byte[] manifest() throws Exception {
        return Files.readAllBytes(report.resolve("manifest.json"));
    }

    private void resign(byte[] signature) throws Exception {
        Files.write(report.resolve("manifest.json.p7s"), signature);
    }

    record Result(int status, List<String> lines, List<String> errors) {
        List<String> failures() {
            return lines.stream().filter(line -> line.startsWith("FAIL ")).toList();
        }
    }

    static Result verify(Path directory, Path ca) {
        return run(new String[] {directory.toString(), "--ca", ca.toString()});
    }

    static Result run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
