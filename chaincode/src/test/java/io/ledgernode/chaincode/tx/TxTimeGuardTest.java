package io.ledgernode.chaincode.tx;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.Transactions;
import io.ledgernode.chaincode.testing.LedgerHarness;
import io.ledgernode.chaincode.testing.MutableClock;
import io.ledgernode.chaincode.testing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TxTimeGuardTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void the_tolerance_comes_from_the_environment_with_a_default_of_60_seconds() {
        final MutableClock clock = new MutableClock(NOW);
        assertThat(TxTimeGuard.fromEnvironment(Map.of(), clock).tolerance()).isEqualTo(Duration.ofSeconds(60));
        assertThat(TxTimeGuard.fromEnvironment(Map.of(TxTimeGuard.TOLERANCE_ENV, "PT5M"), clock).tolerance())
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> TxTimeGuard.fromEnvironment(Map.of(TxTimeGuard.TOLERANCE_ENV, "60"), clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(TxTimeGuard.TOLERANCE_ENV);
        assertThatThrownBy(() -> TxTimeGuard.fromEnvironment(Map.of(TxTimeGuard.TOLERANCE_ENV, "-PT1S"), clock))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_timestamp_within_the_tolerance_either_way_passes_and_beyond_it_is_rejected() {
        final TxTimeGuard guard = TxTimeGuard.of(new MutableClock(NOW), Duration.ofSeconds(60));
        guard.check(NOW.plusSeconds(60));
        guard.check(NOW.minusSeconds(60));
        for (final Instant far : new Instant[] {NOW.plusSeconds(61), NOW.minusSeconds(61)}) {
            assertThatThrownBy(() -> guard.check(far)).isInstanceOfSatisfying(LedgerException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TX_TIME_OUT_OF_TOLERANCE));
        }
    }

    @Test
    void every_transaction_including_queries_is_checked_before_it_runs() {
        final Scenario scenario = Scenario.funded();
        final LedgerHarness harness = scenario.harness();
        final Instant stale = harness.clock().instant().minus(Duration.ofMinutes(2));
        assertRejected(harness.submitAt(BANK, Transactions.MONEY_TRANSFER, "{}", stale),
                ErrorCode.TX_TIME_OUT_OF_TOLERANCE);
        assertRejected(harness.submitAt(BANK, Transactions.ACCOUNTS_GET, "alice", stale),
                ErrorCode.TX_TIME_OUT_OF_TOLERANCE);
        assertThat(harness.submitAt(BANK, Transactions.ACCOUNTS_GET, "alice",
                harness.clock().instant().plusSeconds(59)).success()).isTrue();
    }
}
