package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.time.Duration;
import org.hyperledger.fabric.client.EndorseException;
import org.junit.jupiter.api.Test;

class EndorseRetryTest {

    private static EndorseException failure(Status status) {
        return new EndorseException("tx1", status.asRuntimeException());
    }

    @Test
    void peers_that_disagree_or_are_not_ready_are_worth_another_attempt() {
        assertThat(EndorseRetry.isTransient(failure(Status.ABORTED.withDescription("failed to collect enough transaction endorsements")))).isTrue();
        assertThat(EndorseRetry.isTransient(failure(Status.UNAVAILABLE.withDescription("no combination of peers can be derived")))).isTrue();
        assertThat(EndorseRetry.isTransient(failure(Status.FAILED_PRECONDITION.withDescription(
                "no combination of peers can be derived which satisfy the endorsement policy")))).isTrue();
    }

    @Test
    void a_chaincode_rejection_is_final() {
        assertThat(EndorseRetry.isTransient(failure(Status.ABORTED.withDescription(
                "failed to endorse: chaincode response 500, INSUFFICIENT_FUNDS: account a has 1, needs 2")))).isFalse();
        assertThat(EndorseRetry.isTransient(failure(Status.PERMISSION_DENIED))).isFalse();
        assertThat(EndorseRetry.isTransient(failure(Status.FAILED_PRECONDITION.withDescription("channel not found")))).isFalse();
    }

    @Test
    void backoff_doubles_up_to_its_cap() {
        EndorseRetry retry = new EndorseRetry(6, Duration.ofMillis(20), Duration.ofMillis(50));

        assertThat(retry.backoffBefore(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(retry.backoffBefore(3)).isEqualTo(Duration.ofMillis(40));
        assertThat(retry.backoffBefore(4)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void attempts_are_bounded() {
        assertThatThrownBy(() -> new EndorseRetry(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("attemptsMax");
        assertThatThrownBy(() -> new EndorseRetry(21, Duration.ZERO, Duration.ZERO)).hasMessageContaining("attemptsMax");
    }
}
