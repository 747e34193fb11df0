package io.ledgernode.proof;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ledgernode.blocks.MalformedException;
import io.ledgernode.proof.bundle.BundleFormatException;
import io.ledgernode.proof.bundle.Hex;
import io.ledgernode.proof.check.Report;
import io.ledgernode.proof.trust.RootCertificates;
import io.ledgernode.proof.trust.TrustAnchors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The auditor's command: verifies one bundle and prints one line per check. Exit status 0 when every check passes,
 * 1 when any fails, 2 for a usage error (one line saying what is wrong).
 *
 * <pre>
 * java -jar proof-verifier.jar &lt;bundle.json&gt; (--roots &lt;dir-or-pem&gt;... | --config-block &lt;block.pb&gt;)
 *      [--trusted-block &lt;n&gt; --trusted-block-hash &lt;hex&gt;] [--attestations-min &lt;n&gt;]
 * </pre>
 */
public final class VerifyProof {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String USAGE_LINE = "usage: verify-proof <bundle.json> (--roots <dir-or-pem>... | --config-block <block.pb>)"
            + " [--trusted-block <n> --trusted-block-hash <hex>] [--attestations-min <n>]";

    private VerifyProof() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; the exit status is returned, not taken, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        byte[] bundle;
        TrustAnchors anchors;
        try {
            bundle = Files.readAllBytes(invocation.bundle());
            anchors = invocation.anchors();
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("verify-proof: cannot read " + invocation.bundle() + ": " + e.getMessage());
            return USAGE;
        }
        Report report = new ProofVerifier(anchors).verify(bundle);
        report.lines().forEach(out::println);
        return report.passed() ? PASSED : FAILED;
    }

    /** A command-line mistake, said in one line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed arguments. */
    record Invocation(Path bundle, List<Path> roots, Path configBlock, Long trustedBlock, String trustedHash,
                      Integer attestationsMin) {

        static Invocation parse(String[] args) throws UsageException {
            Path bundle = null;
            List<Path> roots = new ArrayList<>();
            Path configBlock = null;
            Long trustedBlock = null;
            String trustedHash = null;
            Integer attestationsMin = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--roots" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            roots.add(Path.of(args[++i]));
                        }
                        if (roots.isEmpty()) {
                            throw new UsageException("verify-proof: --roots needs at least one file or directory");
                        }
                    }
                    case "--config-block" -> configBlock = Path.of(value(args, ++i, "--config-block"));
                    case "--trusted-block" -> trustedBlock = number(value(args, ++i, "--trusted-block"), "--trusted-block");
                    case "--trusted-block-hash" -> trustedHash = value(args, ++i, "--trusted-block-hash");
                    case "--attestations-min" -> attestationsMin = (int) Math.min(Integer.MAX_VALUE,
                            number(value(args, ++i, "--attestations-min"), "--attestations-min"));
                    default -> {
                        if (args[i].startsWith("--") || bundle != null) {
                            throw new UsageException(USAGE_LINE);
                        }
                        bundle = Path.of(args[i]);
                    }
                }
            }
            if (bundle == null || (roots.isEmpty() && configBlock == null)
                    || (trustedBlock == null) != (trustedHash == null)
                    || (attestationsMin != null && attestationsMin < 1)) {
                throw new UsageException(USAGE_LINE);
            }
            return new Invocation(bundle, roots, configBlock, trustedBlock, trustedHash, attestationsMin);
        }

        private static String value(String[] args, int i, String option) throws UsageException {
            if (i >= args.length) {
                throw new UsageException("verify-proof: " + option + " needs a value");
            }
            return args[i];
        }

        private static long number(String text, String option) throws UsageException {
            try {
                return Long.parseUnsignedLong(text);
            } catch (NumberFormatException e) {
                throw new UsageException("verify-proof: " + option + " is not a block number or count: " + text);
            }
        }

        TrustAnchors anchors() throws UsageException {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Path root : roots) {
                try {
                    certificates.addAll(RootCertificates.load(root));
                } catch (IOException | CertificateException e) {
                    throw new UsageException("verify-proof: cannot read root certificates from " + root + ": " + e.getMessage());
                }
            }
            TrustAnchors anchors = TrustAnchors.ofRoots(certificates);
            if (configBlock != null) {
                anchors = withConfigBlock(anchors);
            }
            if (trustedBlock != null) {
                try {
                    anchors = anchors.withTrustedBlock(trustedBlock, ByteString.copyFrom(Hex.parse("--trusted-block-hash", trustedHash)));
                } catch (BundleFormatException e) {
                    throw new UsageException("verify-proof: " + e.getMessage());
                }
            }
            return attestationsMin == null ? anchors : anchors.withAttestationsMin(attestationsMin);
        }

        private TrustAnchors withConfigBlock(TrustAnchors anchors) throws UsageException {
            try {
                return anchors.withConfigBlock(Block.parseFrom(Files.readAllBytes(configBlock)));
            } catch (IOException e) {
                String why = e instanceof InvalidProtocolBufferException ? "not a block" : e.getMessage();
                throw new UsageException("verify-proof: cannot read --config-block " + configBlock + ": " + why);
            } catch (MalformedException e) {
                throw new UsageException("verify-proof: --config-block " + configBlock + " is not a usable configuration block: "
                        + e.getMessage());
            }
        }
    }
}
