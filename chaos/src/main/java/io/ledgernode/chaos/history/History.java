package io.ledgernode.chaos.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The history file: one {@link Event} a line, appended by every client thread and the nemesis, flushed per line so
 * that a run that dies leaves everything it did behind.
 */
public final class History implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BufferedWriter out;

    private History(BufferedWriter out) {
        this.out = out;
    }

    /** Appends to {@code file}, creating it. */
    public static History appendTo(Path file) {
        try {
            return new History(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history " + file, e);
        }
    }

    public synchronized void record(Event event) {
        try {
            out.write(JSON.writeValueAsString(event));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the history", e);
        }
    }

    /** Every event of {@code file} in order; a line that is not an event is an error naming its line number. */
    public static List<Event> read(Path file) {
        List<Event> events = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(JSON.readValue(line, Event.class));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not a history event: "
                        + e.getMessage(), e);
            }
        }
        return events;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the history", e);
        }
    }
}
