package io.ledgernode.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final String USAGE = "usage: p [--config FILE] [--set key=value]...";

    @Test
    void config_and_set_pairs_are_read_in_order_and_a_value_may_hold_an_equals_sign() {
        CommandLine line = CommandLine.parse(new String[] {"--set", "network.home=/srv/l", "--config", "/etc/p.yaml",
            "--set", "database.url=jdbc:postgresql://h/db?a=b"}, 0, USAGE);

        assertThat(line.configFile()).contains(Path.of("/etc/p.yaml"));
        assertThat(line.overrides()).containsExactly(Map.entry("network.home", "/srv/l"),
                Map.entry("database.url", "jdbc:postgresql://h/db?a=b"));
        assertThat(line.options()).isEmpty();
    }

    @Test
    void nothing_given_is_no_file_and_no_overrides() {
        CommandLine line = CommandLine.parse(new String[0], 0, USAGE);

        assertThat(line.configFile()).isEqualTo(Optional.empty());
        assertThat(line.overrides()).isEmpty();
    }

    @Test
    void parsing_starts_after_the_mode_word() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--set", "a.b=c"}, 1, USAGE);

        assertThat(line.overrides()).containsExactly(Map.entry("a.b", "c"));
    }

    @Test
    void a_process_may_name_options_of_its_own() {
        CommandLine line = CommandLine.parse(new String[] {"--database", "rebuild", "--set", "a.b=c"}, 0,
                Set.of("--database", "--admin-user"), USAGE);

        assertThat(line.option("--database", "x")).isEqualTo("rebuild");
        assertThat(line.option("--admin-user", "postgres")).isEqualTo("postgres");
    }

    @Test
    void mistakes_are_one_line_naming_the_argument() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--verbose"}, 0, USAGE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown argument --verbose (" + USAGE + ")");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--config"}, 0, USAGE)).hasMessage("--config needs a value");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--set", "=x"}, 0, USAGE))
                .hasMessage("--set takes key=value, got =x");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--set", "novalue"}, 0, USAGE))
                .hasMessage("--set takes key=value, got novalue");
    }
}
