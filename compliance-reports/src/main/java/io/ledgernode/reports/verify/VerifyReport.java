package io.ledgernode.reports.verify;

import io.ledgernode.reports.sign.Pem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * {@code VerifyReport <report-dir> --ca <ca.pem>}: one line per check, then a result line. Exit status 0 when every
 * check passes, 1 when verification fails, 2 on a usage error (with a one-line reason).
 */
public final class VerifyReport {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_LINE = "usage: VerifyReport <report-dir> --ca <ca.pem>";

    private VerifyReport() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command without exiting: its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path directory = null;
        Path caFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--ca".equals(args[i]) && i + 1 < args.length && caFile == null) {
                caFile = Path.of(args[++i]);
            } else if (!args[i].startsWith("--") && directory == null) {
                directory = Path.of(args[i]);
            } else {
                return usage(err, "unexpected argument " + args[i]);
            }
        }
        if (directory == null || caFile == null) {
            return usage(err, "a report directory and --ca are both required");
        }
        if (!Files.isDirectory(directory)) {
            return usage(err, directory + " is not a directory");
        }
        X509Certificate ca;
        try {
            ca = Pem.certificate(caFile);
        } catch (IOException | RuntimeException e) {
            return usage(err, "cannot read the CA certificate " + caFile + ": " + e.getMessage());
        }
        try {
            Verification verification = new ReportVerifier(ca).verify(directory);
            verification.checks().forEach(check -> out.println(check.line()));
            out.println(verification.passed() ? "VERIFIED " + directory
                    : "NOT VERIFIED " + directory + ": " + verification.failures().size() + " checks failed");
            return verification.passed() ? VERIFIED : FAILED;
        } catch (IOException e) {
            return usage(err, "cannot read " + directory + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Every check answers hostile input with a failed line; should one not, the answer is still one line.
            out.println(("NOT VERIFIED " + directory + ": the verifier failed on its input (" + e + ")")
                    .replaceAll("\\s*\\R\\s*", " "));
            return FAILED;
        }
    }

    private static int usage(PrintStream err, String reason) {
        err.println(reason + " (" + USAGE_LINE + ")");
        return USAGE;
    }
}
