package io.ledgernode.node.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.gateway.SubmitOutcome;
import io.ledgernode.mirror.Hold;
import io.ledgernode.node.chain.LedgerWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The node releases its org's expired holds: each once, under a key every node of the org shares. */
class HoldExpiryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00.000Z");
    private static final LedgerWriter.ConflictRetry NO_RETRY = new LedgerWriter.ConflictRetry(0, Duration.ZERO, Duration.ZERO);

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> released = new ArrayList<>();
    private final List<Duration> lags = new ArrayList<>();

    private static Hold expired(String id, Duration ago) {
        return new Hold(id, "alice", "USD", 100, null, NOW.minus(ago), HoldStatus.OPEN, "tx-" + id, 1, null, OptionalLong.empty());
    }

    private HoldExpiry expiry(HoldExpiryConfig config, List<Hold> holds, Map<String, SubmitOutcome> outcomes) {
        LedgerWriter writer = new LedgerWriter((transaction, argument) -> {
            sent.add(transaction + " " + argument);
            return outcomes.entrySet().stream().filter(e -> argument.contains("\"holdId\":\"" + e.getKey() + "\"")).findFirst()
                    .map(Map.Entry::getValue).orElseThrow();
        }, NO_RETRY, (transaction, outcome) -> { });
        return new HoldExpiry(config, (now, limit) -> holds.subList(0, Math.min(limit, holds.size())), writer,
                Clock.fixed(NOW, ZoneOffset.UTC), new HoldExpiry.Observer() {
                    @Override
                    public void released(int holds) {
                        released.add(holds);
                    }

                    @Override
                    public void lag(Duration behindExpiry) {
                        lags.add(behindExpiry);
                    }
                });
    }

    @Test
    void a_round_releases_each_expired_hold_under_its_shared_key_and_counts_what_another_node_or_a_caller_did_first() {
        String replay = LedgerJson.writeString(IdempotentReplay.of("tx-by-other-node", "{}"));
        HoldExpiry expiry = expiry(new HoldExpiryConfig(true, Duration.ofSeconds(5), 200, 2),
                List.of(expired("h1", Duration.ofMinutes(3)), expired("h2", Duration.ofMinutes(2)), expired("h3", Duration.ofMinutes(1)),
                        expired("h4", Duration.ofSeconds(1))),
                Map.of("h1", new SubmitOutcome.Committed("tx-1", 9, "{}"),
                        "h2", new SubmitOutcome.Rejected("tx-2", ErrorCode.REPLAYED, replay),
                        "h3", new SubmitOutcome.Rejected("tx-3", ErrorCode.HOLD_NOT_OPEN, "hold h3 is already captured"),
                        "h4", new SubmitOutcome.Unavailable("tx-4", "orderer down")));

        HoldExpiry.Round round = expiry.round();

        assertThat(round).isEqualTo(new HoldExpiry.Round(4, 2, 1, 1, Duration.ofMinutes(3)));
        assertThat(sent).hasSize(4).allSatisfy(request -> assertThat(request).startsWith("Holds:release "));
        assertThat(sent).anySatisfy(request -> assertThat(request).contains("\"idempotencyKey\":\"hold-expiry:h1\""));
        assertThat(released).containsExactly(2);
        assertThat(lags).containsExactly(Duration.ofMinutes(3));
    }

    @Test
    void a_round_takes_at_most_its_batch_and_a_quiet_round_reports_no_lag() {
        List<Hold> many = new ArrayList<>();
        Map<String, SubmitOutcome> all = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            many.add(expired("h" + i, Duration.ofSeconds(10 - i)));
            all.put("h" + i, new SubmitOutcome.Committed("tx-h" + i, 1, "{}"));
        }

        HoldExpiry.Round round = expiry(new HoldExpiryConfig(true, Duration.ofSeconds(5), 3, 3), many, all).round();
        assertThat(round.found()).isEqualTo(3);
        assertThat(round.released()).isEqualTo(3);
        assertThat(sent).hasSize(3);

        HoldExpiry.Round quiet = expiry(new HoldExpiryConfig(true, Duration.ofSeconds(5), 3, 1), List.of(), Map.of()).round();
        assertThat(quiet).isEqualTo(new HoldExpiry.Round(0, 0, 0, 0, Duration.ZERO));
        assertThat(lags).containsExactly(Duration.ofSeconds(10), Duration.ZERO);
    }
}
