package io.ledgernode.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeConfigTest {

    @Test
    void defaults_point_at_the_embedded_database_and_loopback() {
        BridgeConfig config = BridgeConfig.load(Optional.empty(), Map.of());

        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:25432/ledger");
        assertThat(config.health().host()).isEqualTo("127.0.0.1");
        assertThat(config.reconnect().backoffMax()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void an_operator_file_and_command_line_overrides_win_over_defaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bridge.yaml");
        Files.writeString(file, "database:\n  url: jdbc:postgresql://db.internal:5432/mirror\n  poolSizeMax: 8\n");
        Files.writeString(dir.resolve("secret"), "s3cret\n");

        BridgeConfig config = BridgeConfig.load(Optional.of(file), Map.of("database.passwordFile", dir.resolve("secret").toString()));

        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/mirror");
        assertThat(config.database().poolSizeMax()).isEqualTo(8);
        assertThat(config.database().resolvedPassword()).isEqualTo("s3cret");
        assertThat(config.database().embedded().port()).isEqualTo(25432);
    }

    @Test
    void an_unknown_key_is_refused_by_name(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> BridgeConfig.load(Optional.empty(), Map.of("database.colour", "blue")))
                .hasMessageContaining("unknown configuration key database.colour");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "health:\n  lagReadyBlocks: 3\n");
        assertThatThrownBy(() -> BridgeConfig.load(Optional.of(file), Map.of())).hasMessageContaining("lagReadyBlocks");
    }

    @Test
    void a_pool_too_small_for_the_writer_and_its_lock_is_refused() {
        assertThatThrownBy(() -> BridgeConfig.load(Optional.empty(), Map.of("database.poolSizeMax", "1")))
                .hasMessageContaining("poolSizeMax");
    }
}
