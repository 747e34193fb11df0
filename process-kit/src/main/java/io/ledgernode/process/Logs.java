package io.ledgernode.process;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line per log record (java.util.logging, {@link LineFormatter}) written by a thread of its own
 * ({@link AsyncLineHandler}), and the named libraries' chatter kept to warnings.
 */
public final class Logs {

    // Held so the configured levels are not lost to garbage collection of the loggers.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private Logs() {
    }

    /**
     * Waits until every log line logged so far is written: call before printing a command's last lines on standard
     * output, so they come after its log lines even where both streams go to one file or terminal.
     */
    public static void flush() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }

    /** Call first thing in a main, before anything logs. {@code quietLoggers}: logger names kept to warnings. */
    public static synchronized void configure(String... quietLoggers) {
        // The JDK's console handler (standard error, INFO and above) replaced by one that writes from a thread of its
        // own (AsyncLineHandler: a stalled write no longer holds the threads that log), in the same format.
        Logger root = Logger.getLogger("");
        Level level = Level.INFO;
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                level = handler.getLevel();
                root.removeHandler(handler);
                handler.close();
            }
        }
        if (java.util.Arrays.stream(root.getHandlers()).noneMatch(AsyncLineHandler.class::isInstance)) {
            AsyncLineHandler lines = new AsyncLineHandler(new FileOutputStream(FileDescriptor.err));
            lines.setLevel(level);
            root.addHandler(lines);
        }
        for (String name : quietLoggers) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
