package io.ledgernode.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The name and version written into every report as its generator, from the build (resource filtering). */
public final class Generator {

    private static final String NAME = "ledger-node compliance-reports";

    private Generator() {
    }

    /** For example {@code ledger-node compliance-reports 0.1.0}. */
    public static String describe() {
        try (InputStream in = Generator.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return NAME + " " + properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
