package io.ledgernode.mirror.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The node an integration test runs against: {@code scripts/ledger test} starts it and names its home in the
 * {@value #HOME_PROPERTY} system property; its {@code network/node.properties} says where its parts listen (its APIs,
 * its live mirror's JDBC URL).
 */
public final class RunningNode {

    /** The system property naming the running node's home. */
    public static final String HOME_PROPERTY = "ledger.it.home";

    private RunningNode() {
    }

    /** The running node's home, absolute; refused, saying how to start one, when the property is not set. */
    public static Path home() {
        String property = System.getProperty(HOME_PROPERTY, "");
        if (property.isBlank()) {
            throw new IllegalStateException(HOME_PROPERTY + " is not set; run the integration tests with scripts/ledger test"
                    + " (or -D" + HOME_PROPERTY + "=<LEDGER_HOME>)");
        }
        return Path.of(property).toAbsolutePath();
    }

    /** The {@code network/node.properties} of the node at {@code home}. */
    public static Properties properties(Path home) {
        Properties node = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("network/node.properties"))) {
            node.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("no running node at " + home + " (scripts/ledger test starts one)", e);
        }
        return node;
    }
}
