package io.ledgernode.reconciler;

import java.util.logging.Level;
import java.util.logging.Logger;

/** One line per log record, and the libraries' start-up chatter kept to warnings. Call first thing in a main. */
final class Logs {

    // Held so the configured levels are not lost to garbage collection of the loggers.
    private static final Logger[] QUIET = {Logger.getLogger("org.flywaydb"), Logger.getLogger("com.zaxxer.hikari"),
        Logger.getLogger("org.quartz"), Logger.getLogger("io.grpc")};

    private Logs() {
    }

    static void configure() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
    }
}
