package io.ledgernode.chaos.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path dir;

    @Test
    void every_event_reads_back_as_it_was_written() {
        Path file = dir.resolve("history.jsonl");
        List<Event> events = List.of(
                new Event.Setup("CHX", Map.of("a", "Org1MSP"), "hot", 10),
                new Event.Request("k", "s:k", "Org1-c0", "Org1MSP", "grpc",
                        new Op.Batch(List.of(new Op.Transfer("a", "b", 1), new Op.Transfer("a", "hot", 2)))),
                new Event.Attempt("k", 1, Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-06T00:00:01Z"),
                        new Answer.ConnectionError("reset")),
                new Event.Attempt("k", 2, Instant.parse("2026-12-06T00:00:02Z"), Instant.parse("2026-12-06T00:00:03Z"),
                        new Answer.Ok("tx", 4)),
                new Event.Fault(1, "HANG_PEER", List.of(new Event.Target("peer0", 42)), Instant.EPOCH, Instant.EPOCH, null, "frozen 2000 ms"));
        try (History history = History.appendTo(file)) {
            events.forEach(history::record);
        }

        assertThat(History.read(file)).isEqualTo(events);
    }

    @Test
    void a_line_that_is_not_an_event_is_named_by_its_number() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"type\":\"Setup\",\"asset\":\"A\",\"custodians\":{},\"hotAccount\":\"h\",\"minted\":0}\n{\"type\":\"Nope\"}\n");

        assertThatThrownBy(() -> History.read(file)).hasMessageContaining("line 2");
    }
}
