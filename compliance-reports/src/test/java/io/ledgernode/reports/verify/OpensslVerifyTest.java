package io.ledgernode.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ledgernode.reports.ReportKind;
import io.ledgernode.reports.testing.PublishedDay;
import io.ledgernode.reports.testing.TestSignatures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature is plain CMS: stock {@code openssl cms -verify} accepts it with nothing but the CA certificate, and
 * refuses a changed manifest or a signer the CA did not certify. Skipped, saying so, where openssl is not installed.
 */
class OpensslVerifyTest {

    @TempDir
    static Path directory;
    static PublishedDay day;
    static Path report;

    @BeforeAll
    static void publish() throws Exception {
        assumeTrue(openssl() != null, "openssl is not on the PATH: skipping the check with stock openssl cms -verify");
        day = PublishedDay.publish(directory);
        report = day.report("FR", ReportKind.BALANCES).directory();
    }

    @Test
    void openssl_cms_verify_accepts_the_signature_over_the_manifest() throws Exception {
        Outcome outcome = opensslVerify(report.resolve("manifest.json"), report.resolve("manifest.json.p7s"));

        assertThat(outcome.status()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("Verification successful");
    }

    @Test
    void openssl_cms_verify_refuses_a_manifest_with_one_byte_changed(@TempDir Path work) throws Exception {
        byte[] manifest = Files.readAllBytes(report.resolve("manifest.json"));
        manifest[manifest.length / 2] ^= 0x01;
        Path altered = Files.write(work.resolve("manifest.json"), manifest);

        Outcome outcome = opensslVerify(altered, report.resolve("manifest.json.p7s"));

        assertThat(outcome.status()).as(outcome.output()).isNotZero();
    }

    @Test
    void openssl_cms_verify_refuses_a_self_signed_signer(@TempDir Path work) throws Exception {
        Path signature = Files.write(work.resolve("manifest.json.p7s"), TestSignatures.sign(
                Files.readAllBytes(report.resolve("manifest.json")), day.pki.selfSigned));

        Outcome outcome = opensslVerify(report.resolve("manifest.json"), signature);

        assertThat(outcome.status()).as(outcome.output()).isNotZero();
    }

    record Outcome(int status, String output) {
    }

    /** Exactly the command the README gives auditors. */
    private static Outcome opensslVerify(Path manifest, Path signature) throws Exception {
        List<String> command = List.of(openssl().toString(), "cms", "-verify", "-binary", "-inform", "DER", "-in",
                signature.toString(), "-content", manifest.toString(), "-CAfile", day.config.caCertificate().toString(),
                "-purpose", "any", "-out", File.separatorChar == '/' ? "/dev/null" : "NUL");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    private static Path openssl() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "openssl")).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
