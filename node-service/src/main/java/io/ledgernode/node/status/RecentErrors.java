package io.ledgernode.node.status;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The last {@code capacity} warnings and errors this process logged, newest last, for the operator's page. A log
 * handler, so every part of the node reports here the way it already logs; the messages are the log's own (never a
 * caller's token: the access log writes paths without their query, and no handler logs a header).
 */
public final class RecentErrors extends Handler {

    /** One logged problem. {@code message} is cut to {@link #MESSAGE_LENGTH_MAX} characters. */
    public record Line(Instant at, String source, String level, String message) {
    }

    static final int MESSAGE_LENGTH_MAX = 500;

    private final int capacity;
    private final ArrayDeque<Line> lines;

    public RecentErrors(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
        setLevel(Level.WARNING);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        String message = record.getMessage() == null ? "" : record.getMessage();
        if (record.getThrown() != null) {
            message = message + " (" + record.getThrown().getClass().getSimpleName() + ")";
        }
        Line line = new Line(record.getInstant(), record.getLoggerName() == null ? "" : record.getLoggerName(),
                record.getLevel().getName(), message.length() > MESSAGE_LENGTH_MAX ? message.substring(0, MESSAGE_LENGTH_MAX) : message);
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** The lines kept, oldest first. */
    public List<Line> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
