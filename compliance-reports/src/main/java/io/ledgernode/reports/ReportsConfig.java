package io.ledgernode.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the reports need, with every default declared here and nowhere else.
 *
 * @param reportsRoot where reports are published: {@code <reportsRoot>/<jurisdiction>/<kind>/<period>-b<block>/}
 * @param nodeName this node's name, printed on every report
 * @param org the org that signs (its MSP id or name), printed on every report
 * @param signingCertificate the signer's X.509 certificate, PEM (Fabric MSP: {@code signcerts/*.pem})
 * @param signingKey the signer's PKCS#8 EC private key, PEM (Fabric MSP: {@code keystore/priv_sk})
 * @param caCertificate the org's CA certificate, PEM (Fabric MSP: {@code cacerts/*.pem}): the signature is checked
 *     against it before anything is published
 * @param pseudonymKey a file of at least 32 secret bytes: the HMAC key that turns owner references into pseudonyms
 * @param largeValue the large-value report's thresholds
 * @param rowsMax the most rows (entries, accounts, breaks) one run may read: past it the run fails loudly
 * @param pseudonymHexLength how many hex digits of the HMAC a pseudonym keeps (even, 16 to 64)
 */
public record ReportsConfig(Path reportsRoot, String nodeName, String org, Path signingCertificate, Path signingKey,
        Path caCertificate, Path pseudonymKey, LargeValueThresholds largeValue, int rowsMax, int pseudonymHexLength) {

    /** 10,000.00 of a two-decimal asset. */
    public static final long LARGE_VALUE_THRESHOLD_MINOR_DEFAULT = 1_000_000L;
    public static final int ROWS_MAX_DEFAULT = 100_000;
    /** Beyond this a run would hold too much in memory, and the PDF would be unreadable anyway. */
    public static final int ROWS_MAX_LIMIT = 10_000_000;
    /** 128 bits: collisions between parties are out of reach, and the pseudonym stays short enough to print. */
    public static final int PSEUDONYM_HEX_LENGTH_DEFAULT = 32;

    public ReportsConfig {
        Objects.requireNonNull(reportsRoot, "reportsRoot");
        requireText("nodeName", nodeName);
        requireText("org", org);
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(pseudonymKey, "pseudonymKey");
        Objects.requireNonNull(largeValue, "largeValue");
        if (rowsMax < 1 || rowsMax > ROWS_MAX_LIMIT) {
            throw new IllegalArgumentException("rowsMax must be 1 to " + ROWS_MAX_LIMIT + ", not " + rowsMax);
        }
        if (pseudonymHexLength < 16 || pseudonymHexLength > 64 || pseudonymHexLength % 2 != 0) {
            throw new IllegalArgumentException("pseudonymHexLength must be even, 16 to 64, not " + pseudonymHexLength);
        }
    }

    /** A configuration with every default. */
    public static ReportsConfig of(Path reportsRoot, String nodeName, String org, Path signingCertificate,
            Path signingKey, Path caCertificate, Path pseudonymKey) {
        return new ReportsConfig(reportsRoot, nodeName, org, signingCertificate, signingKey, caCertificate,
                pseudonymKey, LargeValueThresholds.of(LARGE_VALUE_THRESHOLD_MINOR_DEFAULT), ROWS_MAX_DEFAULT,
                PSEUDONYM_HEX_LENGTH_DEFAULT);
    }

    /**
     * A configuration with every default, signing as the identity of a Fabric MSP directory as cryptogen writes it
     * (for example {@code crypto/peerOrganizations/org1.ledger.local/users/User1@org1.ledger.local/msp}): the one
     * certificate in {@code signcerts/}, {@code keystore/priv_sk}, the one certificate in {@code cacerts/}.
     */
    public static ReportsConfig fromMsp(Path reportsRoot, String nodeName, String org, Path mspDirectory,
            Path pseudonymKey) throws IOException {
        return of(reportsRoot, nodeName, org, onlyPem(mspDirectory.resolve("signcerts")),
                mspDirectory.resolve("keystore").resolve("priv_sk"), onlyPem(mspDirectory.resolve("cacerts")),
                pseudonymKey);
    }

    public ReportsConfig withLargeValue(LargeValueThresholds thresholds) {
        return new ReportsConfig(reportsRoot, nodeName, org, signingCertificate, signingKey, caCertificate,
                pseudonymKey, thresholds, rowsMax, pseudonymHexLength);
    }

    public ReportsConfig withRowsMax(int max) {
        return new ReportsConfig(reportsRoot, nodeName, org, signingCertificate, signingKey, caCertificate,
                pseudonymKey, largeValue, max, pseudonymHexLength);
    }

    private static Path onlyPem(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> pems = files.filter(file -> file.getFileName().toString().endsWith(".pem")).sorted().toList();
            if (pems.size() != 1) {
                throw new IOException(directory + " holds " + pems.size() + " .pem files, expected exactly one");
            }
            return pems.get(0);
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
