package io.ledgernode.proof;

import io.ledgernode.proof.check.Check;
import io.ledgernode.proof.check.CheckResult;
import io.ledgernode.proof.check.Report;
import io.ledgernode.proof.trust.RootCertificates;
import io.ledgernode.proof.trust.TrustAnchors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The bundles captured from a real network (src/test/resources/fixtures, see its README.md): a mint, a transfer, a
 * placed hold and an MVCC-conflicted transfer, the three orgs' root CAs and the channel's configuration block.
 */
final class Fixtures {
    static final List<String> BUNDLES = List.of("mint", "transfer", "hold", "mvcc-invalid");

    private Fixtures() {}

    static byte[] bundle(String name) {
        return bytes(name + ".json");
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusting the three orgs' root CAs, and nothing else. */
    static TrustAnchors roots() {
        try {
            return TrustAnchors.ofRoots(RootCertificates.load(path("roots")));
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    static Block configBlock() {
        try {
            return Block.parseFrom(bytes("config-block-0.pb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report verify(byte[] bundle) {
        return new ProofVerifier(roots()).verify(bundle);
    }

    static Set<Check> failed(Report report) {
        Set<Check> failed = EnumSet.noneOf(Check.class);
        report.failures().forEach(result -> failed.add(result.check()));
        return failed;
    }

    static String line(Report report, Check check) {
        return report.result(check).map(CheckResult::line).orElse("(no " + check.label() + " line)");
    }
}
