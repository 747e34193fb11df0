package io.ledgernode.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each test fails by its timeout, rather than hanging, if a caller waits for the stalled output. */
@Timeout(20)
class AsyncLineHandlerTest {

    /** Standard error standing still (its file being copied aside, a slow disk) until the test lets it go. */
    private static final class StalledOutput extends OutputStream {
        final CountDownLatch released = new CountDownLatch(1);
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                written.write(bytes, offset, length);
            }
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_caller_never_waits_for_a_stalled_write_and_every_line_is_written_in_order_afterwards() {
        StalledOutput output = new StalledOutput();
        AsyncLineHandler handler = new AsyncLineHandler(new PrintStream(output, false, StandardCharsets.UTF_8));

        for (int i = 0; i < 100; i++) {
            handler.publish(record("request " + i));
        }
        // Every publish returned while the output stood still.
        output.released.countDown();
        handler.flush();

        String[] lines = output.text().split(System.lineSeparator());
        assertThat(lines).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(lines[i]).endsWith("INFO io.ledgernode.node.access: request " + i);
        }
        handler.close();
    }

    @Test
    void with_the_queue_full_a_caller_waits_for_room_and_no_line_is_dropped() throws Exception {
        StalledOutput output = new StalledOutput();
        AsyncLineHandler handler = new AsyncLineHandler(new PrintStream(output, false, StandardCharsets.UTF_8), 2, AsyncLineHandler.LINGER);
        Thread caller = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 6; i++) {
                handler.publish(record("line " + i));
            }
        });

        while (caller.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        assertThat(caller.isAlive()).as("blocked on a full queue, not finished").isTrue();
        output.released.countDown();
        caller.join();
        handler.close();

        String[] lines = output.text().split(System.lineSeparator());
        assertThat(lines).hasSize(6);
        assertThat(lines[5]).endsWith("line 5");
    }

    @Test
    void closing_writes_out_every_queued_line_and_later_lines_are_written_by_their_callers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AsyncLineHandler handler = new AsyncLineHandler(new PrintStream(bytes, false, StandardCharsets.UTF_8));
        for (int i = 0; i < 1_000; i++) {
            handler.publish(record("before " + i));
        }

        handler.close();
        handler.publish(record("after"));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertThat(lines).hasSize(1_001);
        assertThat(lines[999]).endsWith("before 999");
        assertThat(lines[1_000]).endsWith("after");
    }

    /** Counts the writes that reach the file: each one is a system call, and a wakeup of the writer before it. */
    private static final class CountedOutput extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int writes;

        @Override
        public synchronized void write(int b) {
            writes++;
            written.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes++;
            written.write(bytes, offset, length);
        }
    }

    @Test
    void lines_logged_together_reach_the_file_in_a_few_writes_not_one_per_line() {
        CountedOutput output = new CountedOutput();
        AsyncLineHandler handler = new AsyncLineHandler(output);

        // A burst of requests, each logging its access line as it is answered.
        for (int i = 0; i < 1_000; i++) {
            handler.publish(record("request " + i));
        }
        handler.flush();

        synchronized (output) {
            assertThat(output.written.toString(StandardCharsets.UTF_8).split(System.lineSeparator())).hasSize(1_000);
            // Standard error as the JDK's console handler wrote to it made one write per line: 1,000 here.
            assertThat(output.writes).isLessThanOrEqualTo(20);
        }
        handler.close();
    }

    @Test
    void a_line_after_a_quiet_spell_is_written_at_once_not_held_for_more() throws Exception {
        CountedOutput output = new CountedOutput();
        // A linger far longer than this test may take: only a line that is not held can pass.
        AsyncLineHandler handler = new AsyncLineHandler(output, AsyncLineHandler.CAPACITY, java.time.Duration.ofMinutes(1));

        handler.publish(record("run 1: published 9 signed reports"));

        while (true) {
            synchronized (output) {
                if (output.written.toString(StandardCharsets.UTF_8).contains("published 9 signed reports")) {
                    break;
                }
            }
            Thread.sleep(1);
        }
        handler.close();
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("io.ledgernode.node.access");
        return record;
    }
}
