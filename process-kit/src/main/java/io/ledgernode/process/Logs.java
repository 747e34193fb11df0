package io.ledgernode.process;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One line per log record (java.util.logging, {@link LineFormatter}), and the named libraries' chatter kept to warnings. */
public final class Logs {

    // Held so the configured levels are not lost to garbage collection of the loggers.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Logs() {
    }

    /** Call first thing in a main, before anything logs. {@code quietLoggers}: logger names kept to warnings. */
    public static synchronized void configure(String... quietLoggers) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new LineFormatter());
        }
        for (String name : quietLoggers) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
