package io.ledgernode.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LineFormatterTest {

    private static final String NL = System.lineSeparator();

    @Test
    void a_record_is_one_line_of_utc_time_to_the_millisecond_level_logger_and_message() {
        LogRecord record = new LogRecord(Level.INFO, "request_id=r1 status=200");
        record.setLoggerName("io.ledgernode.node.access");
        record.setInstant(Instant.parse("2026-12-06T04:33:11Z"));

        assertThat(new LineFormatter().format(record))
                .isEqualTo("2026-12-06T04:33:11.000Z INFO io.ledgernode.node.access: request_id=r1 status=200" + NL);
    }

    @Test
    void a_record_with_an_exception_carries_its_stack_trace_on_the_lines_after_it() {
        LogRecord record = new LogRecord(Level.WARNING, "bridge stopped");
        record.setLoggerName("bridge");
        record.setInstant(Instant.parse("2026-12-06T04:33:11.476Z"));
        record.setThrown(new IllegalStateException("block 7 is not the next one"));

        String text = new LineFormatter().format(record);

        assertThat(text).startsWith("2026-12-06T04:33:11.476Z WARNING bridge: bridge stopped" + NL
                + "java.lang.IllegalStateException: block 7 is not the next one" + NL + "\tat ");
        assertThat(text).endsWith(NL).doesNotEndWith(NL + NL);
    }

    @Test
    void formatting_never_walks_the_stack_to_find_the_calling_class() {
        // SimpleFormatter asks every record for its source class, which makes the record walk the stack: the costliest
        // part of an access-log line. A record that refuses to be asked shows that this formatter never asks.
        LogRecord record = new LogRecord(Level.INFO, "hot path") {
            @Override
            public String getSourceClassName() {
                throw new AssertionError("the formatter asked for the source class");
            }

            @Override
            public String getSourceMethodName() {
                throw new AssertionError("the formatter asked for the source method");
            }
        };
        record.setLoggerName("io.ledgernode.node.access");

        assertThat(new LineFormatter().format(record)).contains("INFO io.ledgernode.node.access: hot path");
    }
}
