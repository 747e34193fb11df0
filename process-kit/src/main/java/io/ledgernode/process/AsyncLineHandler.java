package io.ledgernode.process;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Log lines written by one thread of their own, in the order they were logged: a caller formats its line and queues
 * it, and never waits for the file. A write that stalls (the log being copied aside by the supervisor's size rotation,
 * a slow disk) then stalls this thread alone, where {@link java.util.logging.ConsoleHandler} held every request thread
 * that logged meanwhile (node-service writes an access-log line per request: one rotation stopped its answers for
 * 150 ms). The writer takes every line queued at once and flushes once per batch, not once per line.
 *
 * <p>Nothing is dropped: with {@link #CAPACITY} lines waiting, a caller waits for room. {@link #close()} (which the
 * JDK's log manager calls at exit) writes out what is queued; a line logged after that is written by its caller.
 */
public final class AsyncLineHandler extends Handler {

    /** Lines waiting at most: about three seconds of access log at 10,000 requests a second. */
    static final int CAPACITY = 32_768;
    private static final int BATCH_MAX = 1_024;

    private final PrintStream out;
    private final BlockingQueue<String> lines;
    private final Thread writer;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;

    /** Writes to {@code out} (the process's standard error, where the JDK's console handler writes). */
    public AsyncLineHandler(PrintStream out) {
        this(out, CAPACITY);
    }

    AsyncLineHandler(PrintStream out, int capacity) {
        this.out = Objects.requireNonNull(out, "out");
        this.lines = new ArrayBlockingQueue<>(capacity);
        setFormatter(new LineFormatter());
        this.writer = Thread.ofPlatform().daemon().name("log-writer").start(this::write);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        if (closed) {
            out.print(line);
            return;
        }
        try {
            lines.put(line);
            queued.incrementAndGet();
        } catch (InterruptedException e) {
            // The caller is being interrupted: its line is written now, by it, rather than lost.
            Thread.currentThread().interrupt();
            out.print(line);
        }
    }

    private void write() {
        List<String> batch = new ArrayList<>(BATCH_MAX);
        while (!closed || !lines.isEmpty()) {
            try {
                batch.add(lines.take());
            } catch (InterruptedException e) {
                continue;
            }
            lines.drainTo(batch, BATCH_MAX - 1);
            for (String line : batch) {
                out.print(line);
            }
            out.flush();
            written.addAndGet(batch.size());
            batch.clear();
        }
    }

    /** Waits until every line queued before this call is written (rarely called: a test, a process about to exit). */
    @Override
    public void flush() {
        long target = queued.get();
        while (written.get() < target && writer.isAlive()) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.flush();
    }

    /** Writes out what is queued and stops the writer; lines logged afterwards are written by their callers. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        rest.forEach(out::print);
        out.flush();
    }
}
