package io.ledgernode.proof;

import io.ledgernode.proof.bundle.BundleFormatException;
import io.ledgernode.proof.bundle.BundleReader;
import io.ledgernode.proof.bundle.ProofBundle;
import io.ledgernode.proof.check.BundleChecks;
import io.ledgernode.proof.check.Report;
import io.ledgernode.proof.trust.TrustAnchors;
import java.util.Objects;

/**
 * Verifies proof bundles against fixed trust anchors. Thread-safe: it holds only the anchors, and each verification
 * works on its own decoded bundle.
 */
public final class ProofVerifier {
    private final TrustAnchors anchors;

    public ProofVerifier(TrustAnchors anchors) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    /** Reads and verifies a bundle file's bytes; an unreadable bundle is a report with a failed {@code bundle} check. */
    public Report verify(byte[] bundleJson) {
        Objects.requireNonNull(bundleJson, "bundleJson");
        ProofBundle bundle;
        try {
            bundle = BundleReader.read(bundleJson);
        } catch (BundleFormatException e) {
            return BundleChecks.unreadable(e.getMessage());
        }
        return verify(bundle);
    }

    public Report verify(ProofBundle bundle) {
        return BundleChecks.run(Objects.requireNonNull(bundle, "bundle"), anchors);
    }
}
