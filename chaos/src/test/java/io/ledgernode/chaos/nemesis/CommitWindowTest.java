package io.ledgernode.chaos.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitWindowTest {

    @TempDir
    Path dir;

    @Test
    void finds_the_first_submission_logged_after_it_started_watching() throws Exception {
        Path log = dir.resolve("node-service.log");
        Files.writeString(log, "INFO: submitted tx=old1; awaiting its commit status\n");

        CompletableFuture<Optional<String>> found = CompletableFuture.supplyAsync(() -> {
            try {
                return CommitWindow.awaitSubmission(log, Duration.ofSeconds(10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        Files.writeString(log, "INFO: access GET /v1/accounts/a 200\nINFO: submitted tx=abc123; awaiting", StandardOpenOption.APPEND);
        Files.writeString(log, " its commit status\nINFO: submitted tx=def456; awaiting its commit status\n", StandardOpenOption.APPEND);

        assertThat(found.get()).contains("abc123");
    }

    @Test
    void gives_up_when_nothing_is_submitted() throws Exception {
        Path log = dir.resolve("quiet.log");
        Files.writeString(log, "");

        assertThat(CommitWindow.awaitSubmission(log, Duration.ofMillis(200))).isEmpty();
    }
}
