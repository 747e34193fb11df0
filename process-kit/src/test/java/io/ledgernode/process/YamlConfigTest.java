package io.ledgernode.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigTest {

    record Sample(Server server, Limits limits) {
    }

    record Server(String host, int port, Duration waitMax) {
    }

    record Limits(int pageSizeMax) {
        Limits {
            if (pageSizeMax < 1 || pageSizeMax > 1_000) {
                throw new IllegalArgumentException("limits.pageSizeMax must be in [1, 1000], got " + pageSizeMax);
            }
        }
    }

    private static Sample load(Optional<Path> file, Map<String, String> overrides) {
        return YamlConfig.load(Sample.class, "/kit-test.yaml", file, overrides);
    }

    @Test
    void the_defaults_file_gives_every_value() {
        Sample sample = load(Optional.empty(), Map.of());

        assertThat(sample.server()).isEqualTo(new Server("127.0.0.1", 9400, Duration.ofSeconds(2)));
        assertThat(sample.limits().pageSizeMax()).isEqualTo(100);
    }

    @Test
    void an_operator_file_overrides_single_keys_and_a_set_override_wins_over_both(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("operator.yaml");
        Files.writeString(file, "server:\n  port: 9500\n  waitMax: PT5S\n");

        Sample sample = load(Optional.of(file), Map.of("server.port", "9600"));

        assertThat(sample.server()).isEqualTo(new Server("127.0.0.1", 9600, Duration.ofSeconds(5)));
    }

    @Test
    void a_key_the_defaults_lack_is_refused_by_name_from_the_command_line_and_from_a_file(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> load(Optional.empty(), Map.of("server.colour", "blue")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown configuration key server.colour");
        assertThatThrownBy(() -> load(Optional.empty(), Map.of("nothing.here", "1")))
                .hasMessage("unknown configuration key nothing.here");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "limits:\n  pageSize: 3\n");
        assertThatThrownBy(() -> load(Optional.of(file), Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize").hasMessageNotContaining("\n");
    }

    @Test
    void a_whole_section_cannot_be_replaced_by_a_single_value() {
        assertThatThrownBy(() -> load(Optional.empty(), Map.of("server", "x")))
                .hasMessage("unknown configuration key server");
    }

    @Test
    void a_records_own_validation_is_the_message_in_one_line() {
        assertThatThrownBy(() -> load(Optional.empty(), Map.of("limits.pageSizeMax", "5000")))
                .hasMessage("bad configuration: limits.pageSizeMax must be in [1, 1000], got 5000");
    }

    @Test
    void an_operator_file_that_is_not_a_mapping_is_refused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.yaml");
        Files.writeString(file, "- a\n- b\n");

        assertThatThrownBy(() -> load(Optional.of(file), Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a YAML mapping");
    }

    @Test
    void a_value_of_the_wrong_type_or_a_null_is_refused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> load(Optional.empty(), Map.of("server.port", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bad configuration: ");
        Path file = dir.resolve("null.yaml");
        Files.writeString(file, "server:\n  host: null\n");
        assertThatThrownBy(() -> load(Optional.of(file), Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
    }

    @Test
    void missing_defaults_are_a_programming_error() {
        assertThatThrownBy(() -> YamlConfig.load(Sample.class, "/no-such.yaml", Optional.empty(), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/no-such.yaml");
    }
}
