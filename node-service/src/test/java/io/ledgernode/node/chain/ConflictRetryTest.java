package io.ledgernode.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    @Test
    void the_pause_before_a_resubmission_doubles_up_to_its_cap() {
        LedgerWriter.ConflictRetry retry = new LedgerWriter.ConflictRetry(5, Duration.ofMillis(25), Duration.ofMillis(120));

        assertThat(retry.backoffAfter(0)).isEqualTo(Duration.ofMillis(25));
        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.backoffAfter(3)).isEqualTo(Duration.ofMillis(120));
        assertThat(retry.backoffAfter(60)).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void retries_are_bounded_and_the_cap_is_not_below_the_start() {
        assertThatThrownBy(() -> new LedgerWriter.ConflictRetry(21, Duration.ZERO, Duration.ZERO)).hasMessageContaining("retriesMax");
        assertThatThrownBy(() -> new LedgerWriter.ConflictRetry(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoffMax");
    }
}
