package io.ledgernode.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerException;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.gateway.SubmitOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A retry under its key is answered with the original write: its transaction, block and result, byte for byte. */
class LedgerWriterReplayTest {

    private static final String ORIGINAL = "a".repeat(64);
    private static final String RESULT = "{\"entries\":[],\"txId\":\"" + ORIGINAL + "\"}";
    private static final LedgerWriter.ConflictRetry NO_RETRY = new LedgerWriter.ConflictRetry(0, Duration.ZERO, Duration.ZERO);

    private final List<String> outcomes = new ArrayList<>();

    private static SubmitOutcome replayOf(String txId, String result) {
        return new SubmitOutcome.Rejected("b".repeat(64), ErrorCode.REPLAYED, LedgerJson.writeString(IdempotentReplay.of(txId, result)));
    }

    @Test
    void a_replay_answers_the_original_transaction_its_block_from_the_mirror_and_its_result_byte_for_byte() {
        LedgerWriter writer = new LedgerWriter((transaction, argument) -> replayOf(ORIGINAL, RESULT), NO_RETRY,
                (transaction, outcome) -> outcomes.add(outcome), txId -> txId.equals(ORIGINAL) ? Optional.of(41L) : Optional.empty());

        LedgerWriter.Written written = writer.submit(Transactions.MONEY_TRANSFER, "{}");

        assertThat(written).isEqualTo(new LedgerWriter.Written.Done(ORIGINAL, 41, RESULT));
        assertThat(outcomes).containsExactly("replayed");
    }

    @Test
    void a_replay_whose_original_the_mirror_has_not_reached_waits_for_it_a_little() {
        int[] asked = {0};
        LedgerWriter writer = new LedgerWriter((transaction, argument) -> replayOf(ORIGINAL, RESULT), NO_RETRY,
                (transaction, outcome) -> { }, txId -> ++asked[0] < 3 ? Optional.empty() : Optional.of(7L));

        assertThat(writer.submit(Transactions.HOLDS_CAPTURE, "{}")).isEqualTo(new LedgerWriter.Written.Done(ORIGINAL, 7, RESULT));
        assertThat(asked[0]).isEqualTo(3);
    }

    @Test
    void a_replay_the_mirror_does_not_know_within_its_wait_answers_block_minus_one() {
        LedgerWriter writer = new LedgerWriter((transaction, argument) -> replayOf(ORIGINAL, RESULT), NO_RETRY,
                (transaction, outcome) -> { }, txId -> Optional.empty());

        long start = System.nanoTime();
        assertThat(writer.submit(Transactions.MONEY_MINT, "{}")).isEqualTo(new LedgerWriter.Written.Done(ORIGINAL, -1, RESULT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LedgerWriter.REPLAY_BLOCK_WAIT);
    }

    @Test
    void any_other_rejection_is_passed_on_as_it_was() {
        LedgerWriter writer = new LedgerWriter((transaction, argument) -> new SubmitOutcome.Rejected("c".repeat(64),
                ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency key k of Org1MSP was already used for a different request"),
                NO_RETRY, (transaction, outcome) -> { });

        assertThatThrownBy(() -> writer.submit(Transactions.MONEY_TRANSFER, "{}")).isInstanceOf(LedgerException.class)
                .satisfies(e -> assertThat(((LedgerException) e).code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT));
    }
}
