package io.ledgernode.node.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.proof.ProofVerifier;
import io.ledgernode.proof.bundle.BundleReader;
import io.ledgernode.proof.bundle.BundleWriter;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.check.Report;
import io.ledgernode.proof.trust.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One format, one home: the bundles proof-verifier captured from a real network (its test jar), rebuilt the way this
 * node builds them (the claim read from the block by {@link ClaimReader}, the bundle written by the verifier's own
 * {@link BundleWriter}), come out byte for byte as captured, and the verifier reads and passes them.
 */
class BundleRoundTripTest {
    private static final List<String> ROOTS = List.of("ca.orderer.ledger.local-cert.pem", "ca.org1.ledger.local-cert.pem",
            "ca.org2.ledger.local-cert.pem");

    @ParameterizedTest
    @ValueSource(strings = {"mint", "transfer", "hold", "mvcc-invalid"})
    void a_bundle_this_node_builds_is_read_and_verified_by_the_verifier(String name) throws Exception {
        byte[] captured = fixture(name + ".json");
        ProofBundle served = BundleReader.read(captured);
        int index = ClaimReader.indexOf(served.block(), served.txId()).orElseThrow();

        ProofBundle built = ProofBundle.of(served.channel(), served.txId(), served.block(), index, served.configBlock(),
                served.headers(), served.endBlockSignatures(), served.attestations(), ClaimReader.claim(served.block(), index));
        byte[] written = BundleWriter.write(built);

        assertThat(BundleReader.read(written)).isEqualTo(served);
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(captured, StandardCharsets.UTF_8).stripTrailing());
        Report report = new ProofVerifier(TrustAnchors.ofRoots(roots())).verify(written);
        assertThat(report.passed()).as(report.failures().toString()).isTrue();
    }

    private static List<X509Certificate> roots() throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> roots = new ArrayList<>();
        for (String root : ROOTS) {
            roots.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(fixture("roots/" + root))));
        }
        return roots;
    }

    private static byte[] fixture(String resource) {
        try (InputStream in = BundleRoundTripTest.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource + " (proof-verifier's test jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
