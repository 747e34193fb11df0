package io.ledgernode.bridge.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void a_lost_connection_or_a_restarting_server_is_waited_out() {
        assertThat(Failures.transientDatabaseError(new SQLException("refused", "08001"))).isTrue();
        assertThat(Failures.transientDatabaseError(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Failures.transientDatabaseError(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(Failures.transientDatabaseError(new SQLException("wrapped", null, new SQLException("io", "08006")))).isTrue();
    }

    @Test
    void a_broken_constraint_or_bad_statement_is_fatal() {
        assertThat(Failures.transientDatabaseError(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Failures.transientDatabaseError(new SQLException("syntax", "42601"))).isFalse();
    }

    @Test
    void backoff_doubles_to_its_bound_and_resets() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(3));
        assertThat(backoff.current()).isEqualTo(Duration.ofMillis(1));
        backoff.pause();
        assertThat(backoff.current()).isEqualTo(Duration.ofMillis(2));
        backoff.pause();
        backoff.pause();
        assertThat(backoff.current()).isEqualTo(Duration.ofMillis(3));
        backoff.reset();
        assertThat(backoff.current()).isEqualTo(Duration.ofMillis(1));
    }
}
