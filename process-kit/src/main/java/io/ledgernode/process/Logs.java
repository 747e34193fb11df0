package io.ledgernode.process;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One line per log record (java.util.logging), and the named libraries' chatter kept to warnings. */
public final class Logs {

    /** ISO-8601 UTC-looking timestamp, level, logger, message and any stack trace. */
    static final String FORMAT = "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n";

    // Held so the configured levels are not lost to garbage collection of the loggers.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Logs() {
    }

    /** Call first thing in a main, before anything logs. {@code quietLoggers}: logger names kept to warnings. */
    public static synchronized void configure(String... quietLoggers) {
        System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        for (String name : quietLoggers) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
