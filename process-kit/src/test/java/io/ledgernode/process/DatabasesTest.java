package io.ledgernode.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabasesTest {

    @Test
    void a_password_file_wins_and_gives_its_first_line_stripped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "  s3cret \nsecond line\n");

        assertThat(Databases.password("configured", file.toString())).isEqualTo("s3cret");
        assertThat(Databases.password("configured", "")).isEqualTo("configured");
    }

    @Test
    void an_unreadable_password_file_is_named() {
        assertThatThrownBy(() -> Databases.password("", "/no/such/secret")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("/no/such/secret");
    }

    @Test
    void a_pool_of_no_connections_is_refused() {
        assertThatThrownBy(() -> new Databases.Pool("p", "jdbc:postgresql://127.0.0.1/x", "u", "", 0, false,
                Duration.ofSeconds(1), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizeMax");
    }
}
