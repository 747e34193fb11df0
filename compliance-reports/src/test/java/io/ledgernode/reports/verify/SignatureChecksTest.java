package io.ledgernode.reports.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.reports.publish.Manifest;
import io.ledgernode.reports.sign.ManifestSigner;
import io.ledgernode.reports.testing.TestPki;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signature checks on hostile {@code manifest.json.p7s} bytes: whatever the bytes, {@code run} answers with check
 * lines (at least one failed), never with an exception, so the command line never prints a stack trace.
 */
class SignatureChecksTest {

    static TestPki pki;
    static X509Certificate ca;
    static byte[] manifest;
    static byte[] signature;

    /** A manifest as the publisher writes it, signed as the publisher signs it. */
    @BeforeAll
    static void sign() throws Exception {
        pki = TestPki.create();
        ca = pki.ca.certificate();
        manifest = new Manifest(Manifest.FORMAT_VERSION, "daily-transactions", "DE", "2026-11-22", "node-test",
                "Org1MSP", 7, "ab".repeat(32), "compliance-reports test",
                List.of(new Manifest.FileDigest("report.json", "cd".repeat(32), 42)), Map.of("transactions", 3),
                null).toJson();
        signature = ManifestSigner.of(pki.signer.certificate(), pki.signer.key()).sign(manifest);
    }

    @Test
    void the_untouched_signature_passes_every_check() {
        List<Check> checks = SignatureChecks.run(ca, manifest, signature);

        assertThat(checks).isNotEmpty().allMatch(Check::passed);
        assertThat(checks).last().extracting(Check::line)
                .isEqualTo("PASS manifest.json.p7s signature: verifies over manifest.json");
    }

    @Test
    void every_single_byte_flip_of_a_real_signature_gives_fail_lines_never_an_exception() {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < signature.length; i++) {
            byte[] flipped = signature.clone();
            flipped[i] ^= 0x01;
            check("byte " + i + " of " + signature.length + " flipped", flipped, wrong);
        }

        assertThat(wrong).as("variants answered with an exception or without a failed check line").isEmpty();
    }

    @Test
    void every_truncation_of_a_real_signature_gives_fail_lines_never_an_exception() {
        List<String> wrong = new ArrayList<>();
        for (int length = 0; length < signature.length; length++) {
            check("the first " + length + " bytes", Arrays.copyOf(signature, length), wrong);
        }

        assertThat(wrong).as("variants answered with an exception or without a failed check line").isEmpty();
    }

    @Test
    void random_garbage_and_an_empty_file_fail_the_cms_check_with_one_line() {
        byte[] garbage = new byte[signature.length];
        new Random(20261122L).nextBytes(garbage);

        for (byte[] bytes : List.of(garbage, new byte[0])) {
            List<Check> checks = SignatureChecks.run(ca, manifest, bytes);

            assertThat(checks).singleElement().satisfies(check -> {
                assertThat(check.passed()).isFalse();
                assertThat(check.line()).startsWith("FAIL manifest.json.p7s CMS: ").doesNotContain("\n", "\r");
            });
        }
    }

    /**
     * Adds to {@code wrong} what went wrong when {@code run} threw on {@code bytes} (with the line of
     * {@code SignatureChecks} it threw through), printed a check over several lines, or passed every check although
     * the variant changes what is signed: a variant may pass only when the signer's certificate, signed attributes
     * and signature value are those of the real signature (a flip in a part CMS does not protect, as the outer content
     * type, a version, the digest algorithm set, or the signer's identifier).
     */
    private static void check(String variant, byte[] bytes, List<String> wrong) {
        List<Check> checks;
        try {
            checks = SignatureChecks.run(ca, manifest, bytes);
        } catch (RuntimeException e) {
            String at = Arrays.stream(e.getStackTrace())
                    .filter(frame -> frame.getClassName().equals(SignatureChecks.class.getName())).findFirst()
                    .map(frame -> " at SignatureChecks." + frame.getMethodName() + ":" + frame.getLineNumber())
                    .orElse("");
            wrong.add(variant + ": threw " + e + at);
            return;
        }
        if (checks.isEmpty()) {
            wrong.add(variant + ": no check line");
        } else if (checks.stream().allMatch(Check::passed)
                && !Arrays.deepEquals(signedParts(bytes), signedParts(signature))) {
            wrong.add(variant + ": passed although what is signed changed: " + checks);
        }
        checks.stream().map(Check::line).filter(line -> line.contains("\n") || line.contains("\r"))
                .forEach(line -> wrong.add(variant + ": a check line spans several lines: " + line));
    }

    /** The signer's certificate (DER), its signed attributes (DER) and signature value, of a signature that passed. */
    private static byte[][] signedParts(byte[] bytes) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), bytes);
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = signed.getCertificates().getMatches(null).iterator().next();
            return new byte[][] {certificate.toASN1Structure().getEncoded(ASN1Encoding.DER),
                    signer.getEncodedSignedAttributes(), signer.getSignature()};
        } catch (CMSException | IOException e) {
            throw new AssertionError("a signature that passed every check cannot be read back", e);
        }
    }
}
