package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hyperledger.fabric.client.SubmitException;
import org.junit.jupiter.api.Test;

class OrderRetryTest {

    private static final OrderRetry RETRY = new OrderRetry(Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** A clock that moves only when the retry pauses, and the pauses it was asked for. */
    private final AtomicLong now = new AtomicLong();
    private final List<Duration> pauses = new ArrayList<>();

    private boolean pause(Duration pause) {
        pauses.add(pause);
        now.addAndGet(pause.toNanos());
        return true;
    }

    private static SubmitException failure(Status status) {
        return new SubmitException("tx1", status.asRuntimeException());
    }

    @Test
    void an_ordering_service_without_a_leader_is_given_the_same_transaction_again_until_it_takes_it() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String taken = RETRY.run(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw failure(Status.UNAVAILABLE.withDescription("no Raft leader"));
            }
            return "taken";
        }, this::pause, now::get);

        assertThat(taken).isEqualTo("taken");
        assertThat(attempts).hasValue(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void a_submit_that_timed_out_is_tried_again_too() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        RETRY.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw failure(Status.DEADLINE_EXCEEDED);
            }
            return "taken";
        }, this::pause, now::get);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void a_refusal_is_not_tried_again() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> RETRY.run(() -> {
            attempts.incrementAndGet();
            throw failure(Status.PERMISSION_DENIED);
        }, this::pause, now::get)).isInstanceOf(SubmitException.class);

        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void it_gives_up_once_its_time_is_spent_with_the_last_failure() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> RETRY.run(() -> {
            attempts.incrementAndGet();
            throw failure(Status.UNAVAILABLE.withDescription("no Raft leader"));
        }, this::pause, now::get)).isInstanceOfSatisfying(SubmitException.class,
                e -> assertThat(e.getStatus().getDescription()).isEqualTo("no Raft leader"));

        // 0.1 + 0.2 + 0.4 + 0.8 + 1.6 + 2 + 2 + 2 = 9.1 s paused between 9 attempts; one more pause would pass 10 s.
        assertThat(attempts).hasValue(9);
        assertThat(Duration.ofNanos(now.get())).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void no_time_means_one_attempt() {
        AtomicInteger attempts = new AtomicInteger();
        OrderRetry none = new OrderRetry(Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThatThrownBy(() -> none.run(() -> {
            attempts.incrementAndGet();
            throw failure(Status.UNAVAILABLE);
        }, this::pause, now::get)).isInstanceOf(SubmitException.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void its_settings_are_bounded() {
        assertThatThrownBy(() -> new OrderRetry(Duration.ofMinutes(3), Duration.ZERO, Duration.ZERO, Duration.ZERO)).hasMessageContaining("PT2M");
        assertThatThrownBy(() -> new OrderRetry(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO)).hasMessageContaining("backoff");
    }

    @Test
    void a_transaction_taken_but_not_committed_is_handed_over_again_each_reorder_delay_until_its_block_comes() {
        List<Duration> waits = new ArrayList<>();
        AtomicInteger reorders = new AtomicInteger();

        java.util.Optional<String> status = RETRY.awaitReordering(Duration.ofSeconds(20), slice -> {
            waits.add(slice);
            now.addAndGet(slice.toNanos());
            // Its block comes only after the second copy was handed over.
            return reorders.get() >= 2 ? java.util.Optional.of("VALID") : java.util.Optional.empty();
        }, reorders::incrementAndGet, now::get);

        assertThat(status).contains("VALID");
        assertThat(reorders).hasValue(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void the_commit_wait_ends_at_its_limit_without_a_last_reorder() {
        AtomicInteger reorders = new AtomicInteger();

        java.util.Optional<String> status = RETRY.awaitReordering(Duration.ofSeconds(12), slice -> {
            now.addAndGet(slice.toNanos());
            return java.util.Optional.empty();
        }, reorders::incrementAndGet, now::get);

        assertThat(status).isEmpty();
        assertThat(reorders).hasValue(2);
        assertThat(now.get()).isEqualTo(Duration.ofSeconds(12).toNanos());
    }

    @Test
    void a_committed_transaction_is_never_handed_over_again_and_zero_means_never() {
        AtomicInteger reorders = new AtomicInteger();

        assertThat(RETRY.awaitReordering(Duration.ofSeconds(10), slice -> java.util.Optional.of("VALID"), reorders::incrementAndGet, now::get))
                .contains("VALID");
        assertThat(RETRY.reorderAfter(Duration.ZERO).awaitReordering(Duration.ofSeconds(10), slice -> {
            now.addAndGet(slice.toNanos());
            return java.util.Optional.empty();
        }, reorders::incrementAndGet, now::get)).isEmpty();
        assertThat(reorders).hasValue(0);
    }

    @Test
    void a_commit_watch_that_gives_up_before_its_time_hands_nothing_over_again() {
        AtomicInteger reorders = new AtomicInteger();

        // The block stream is down: the watcher answers at once that it does not know.
        java.util.Optional<String> status = RETRY.awaitReordering(Duration.ofSeconds(10), slice -> java.util.Optional.empty(),
                reorders::incrementAndGet, now::get);

        assertThat(status).isEmpty();
        assertThat(reorders).hasValue(0);
    }

    @Test
    void a_reordering_that_no_orderer_answered_tries_again_at_once_a_few_times_and_an_answer_ends_it() {
        SubmitException silent = failure(Status.DEADLINE_EXCEEDED);
        SubmitException refused = failure(Status.UNAVAILABLE.withDescription("request already processed"));

        assertThat(OrderRetry.reorderAgain(1, silent)).isTrue();
        assertThat(OrderRetry.reorderAgain(2, silent)).isTrue();
        assertThat(OrderRetry.reorderAgain(OrderRetry.REORDER_ATTEMPTS_MAX, silent)).isFalse();
        assertThat(OrderRetry.reorderAgain(1, refused)).isFalse();
    }
}
