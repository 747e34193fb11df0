package io.ledgernode.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerConfigTest {

    @Test
    void every_setting_has_its_default_in_application_yaml() {
        ReconcilerConfig config = ReconcilerConfig.load(Optional.empty(), Map.of());

        assertThat(config.schedule().cron()).isEqualTo("0 30 0 * * ?");
        assertThat(config.schedule().timeZone()).isEqualTo("UTC");
        assertThat(config.database().user()).isEqualTo("ledger_reconciler");
        assertThat(config.mirror().user()).isEqualTo("ledger_reader");
        assertThat(config.compare().pageSize()).isEqualTo(100);
        assertThat(config.compare().mirrorWaitMax()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.metrics().port()).isEqualTo(9480);
        assertThat(config.network().org()).isEqualTo("Org1");
    }

    @Test
    void an_operator_file_and_set_overrides_change_single_keys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reconciler.yaml");
        Files.writeString(file, "compare:\n  pageSize: 50\nschedule:\n  cron: \"0 0 2 * * ?\"\n");

        ReconcilerConfig config = ReconcilerConfig.load(Optional.of(file), Map.of("metrics.port", "9999"));

        assertThat(config.compare().pageSize()).isEqualTo(50);
        assertThat(config.compare().pagesAheadMax()).isEqualTo(8);
        assertThat(config.schedule().cron()).isEqualTo("0 0 2 * * ?");
        assertThat(config.metrics().port()).isEqualTo(9999);
    }

    @Test
    void an_unknown_key_a_bad_cron_or_a_value_out_of_bounds_is_refused_in_one_line_naming_it() {
        assertThatThrownBy(() -> ReconcilerConfig.load(Optional.empty(), Map.of("compare.pagesize", "5")))
                .hasMessage("unknown configuration key compare.pagesize");
        assertThatThrownBy(() -> ReconcilerConfig.load(Optional.empty(), Map.of("schedule.cron", "every night")))
                .hasMessageContaining("schedule.cron").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ReconcilerConfig.load(Optional.empty(), Map.of("compare.pageSize", "5000")))
                .hasMessageContaining("compare.pageSize must be in [1, 1000], got 5000");
        assertThatThrownBy(() -> ReconcilerConfig.load(Optional.empty(), Map.of("compare.mirrorWaitMax", "PT0S")))
                .hasMessageContaining("compare.mirrorWaitMax");
    }
}
