package io.ledgernode.process;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * 150 ms).
 *
 * <p>While lines keep coming, the writer wakes at most once per {@link #LINGER}: woken by a line less than that after
 * its last write, it waits that long for the lines logged meanwhile and writes them all with one write to the file.
 * Found in node-service at 8,800 reads a second: writing each line as it came (standard error flushes at every line)
 * woke this thread and made a write call for every request, 55,000 wakeups in 8 seconds and a tenth of a core, on a
 * 2-core machine whose other threads' wait for a CPU is what a read's tail latency is made of. A line after a quiet
 * spell is written at once, so a command's occasional lines keep their place beside what it prints on standard output.
 *
 * <p>Nothing is dropped: with {@link #CAPACITY} lines waiting, a caller waits for room. {@link #close()} (which the
 * JDK's log manager calls at exit) writes out what is queued; a line logged after that is written by its caller.
 */
public final class AsyncLineHandler extends Handler {

    /** Lines waiting at most: about three seconds of access log at 10,000 requests a second. */
    static final int CAPACITY = 32_768;
    /** How long the writer, woken by a line soon after its last write, waits for more before writing them together. */
    static final Duration LINGER = Duration.ofMillis(10);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final OutputStream out;
    private final Duration linger;
    private final BlockingQueue<String> lines;
    private final Thread writer;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;

    /**
     * Writes to {@code out} (the process's standard error, where the JDK's console handler writes: not {@link
     * System#err}, which flushes at every line), buffered here and flushed once per batch.
     */
    public AsyncLineHandler(OutputStream out) {
        this(out, CAPACITY, LINGER);
    }

    AsyncLineHandler(OutputStream out, int capacity, Duration linger) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), BUFFER_BYTES);
        this.linger = Objects.requireNonNull(linger, "linger");
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
            writeNow(List.of(line));
            return;
        }
        try {
            lines.put(line);
            queued.incrementAndGet();
        } catch (InterruptedException e) {
            // The caller is being interrupted: its line is written now, by it, rather than lost.
            Thread.currentThread().interrupt();
            writeNow(List.of(line));
        }
    }

    private void write() {
        List<String> batch = new ArrayList<>();
        long lastWrite = System.nanoTime() - 2 * linger.toNanos();
        while (!closed || !lines.isEmpty()) {
            try {
                batch.add(lines.take());
                if (System.nanoTime() - lastWrite < linger.toNanos()) {
                    // Lines are coming steadily. Those logged during this wait signal no one (this thread is not
                    // waiting on the queue): the callers pay no wakeup, and the batch goes out in one write.
                    Thread.sleep(linger);
                }
            } catch (InterruptedException e) {
                // close(): whatever was taken is written below, the rest by close() itself.
            }
            lines.drainTo(batch);
            writeNow(batch);
            lastWrite = System.nanoTime();
            written.addAndGet(batch.size());
            batch.clear();
        }
    }

    private void writeNow(List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            synchronized (out) {
                for (String line : batch) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException e) {
            reportError("cannot write " + batch.size() + " log lines", e, ErrorManager.WRITE_FAILURE);
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
        // Nothing left to flush: the writer flushes each batch before counting it written.
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
        writeNow(rest);
    }
}
