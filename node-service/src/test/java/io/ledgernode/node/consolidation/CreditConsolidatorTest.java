package io.ledgernode.node.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.account.ConsolidateCreditsResult;
import io.ledgernode.api.account.CreditRef;
import io.ledgernode.api.account.PendingCreditsResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 16 item 2: which accounts the job consolidates, in what batches, and how it recovers from races. */
class CreditConsolidatorTest {

    /** Threshold 64, 100 credits a consolidation, 10 consolidations an account, 2 accounts a round. */
    private static final ConsolidationConfig CONFIG = new ConsolidationConfig(true, Duration.ofSeconds(1), 64, 100, 10, 2, 1_000, 1_000);

    private final FakeMirror mirror = new FakeMirror();
    private final FakeChain chain = new FakeChain();
    private final List<Integer> folds = new ArrayList<>();
    private long pendingMax = -1;
    private final CreditConsolidator consolidator = new CreditConsolidator(CONFIG, mirror, chain, new CreditConsolidator.Observer() {
        @Override
        public void consolidated(int credits) {
            folds.add(credits);
        }

        @Override
        public void pendingMax(long credits) {
            pendingMax = credits;
        }
    });

    @Test
    void an_account_at_the_threshold_is_consolidated_and_one_below_it_is_not_even_queried() {
        credit("hot", 64);
        credit("cold", 63);

        CreditConsolidator.Round round = consolidator.round();

        assertThat(chain.pending("hot", 1_000).credits()).isEmpty();
        assertThat(chain.pending("cold", 1_000).credits()).hasSize(63);
        assertThat(chain.queried).containsOnly("hot");
        assertThat(folds).containsExactly(64);
        assertThat(round.creditsFolded()).isEqualTo(64);
        assertThat(consolidator.unfolded("hot")).isZero();
        assertThat(pendingMax).isEqualTo(64);
    }

    @Test
    void a_large_backlog_is_folded_in_consolidations_of_the_configured_size_up_to_the_per_round_maximum() {
        credit("merchant", 1_050);

        consolidator.round();

        assertThat(folds).hasSize(10).containsOnly(100);
        assertThat(chain.pending("merchant", 1_000).credits()).hasSize(50);
        // The rest is below the threshold: the next round learns the true number and leaves it.
        consolidator.round();
        assertThat(folds).hasSize(10);
        assertThat(consolidator.unfolded("merchant")).isEqualTo(50);
        assertThat(consolidator.due()).isEmpty();
    }

    @Test
    void the_accounts_with_the_most_unfolded_credits_go_first_and_a_round_takes_at_most_its_maximum() {
        credit("a", 70);
        credit("b", 300);
        credit("c", 90);

        consolidator.round();

        assertThat(chain.consolidated).containsExactly("b", "b", "b", "c");
        assertThat(chain.pending("a", 1_000).credits()).hasSize(70);
        consolidator.round();
        assertThat(chain.pending("a", 1_000).credits()).isEmpty();
    }

    @Test
    void an_overestimate_left_by_debits_costs_one_query_and_is_corrected_to_the_true_number() {
        credit("shop", 100);
        chain.foldByDebit("shop", 95);

        consolidator.round();

        assertThat(chain.consolidated).isEmpty();
        assertThat(consolidator.unfolded("shop")).isEqualTo(5);
        consolidator.round();
        assertThat(chain.queried).hasSize(1);
    }

    @Test
    void a_consolidation_that_loses_a_race_keeps_the_count_and_the_next_round_folds_exactly_once() {
        credit("hot", 80);
        chain.failures.add(new IllegalStateException("TRANSACTION_INVALIDATED: MVCC_READ_CONFLICT"));

        consolidator.round();
        assertThat(chain.pending("hot", 1_000).credits()).hasSize(80);
        assertThat(consolidator.unfolded("hot")).isEqualTo(80);

        consolidator.round();
        assertThat(chain.pending("hot", 1_000).credits()).isEmpty();
        assertThat(folds).containsExactly(80);
    }

    @Test
    void credits_of_new_blocks_are_counted_once_each_as_the_window_moves_on() {
        credit("hot", 40);
        consolidator.round();
        assertThat(mirror.reads).containsExactly(0L);
        credit("hot", 30);
        consolidator.round();

        assertThat(mirror.reads).containsExactly(0L, 1L);
        assertThat(folds).containsExactly(70);
    }

    @Test
    void a_consolidation_whose_outcome_is_not_known_yet_is_not_counted_and_the_next_listing_decides() {
        credit("hot", 70);
        chain.unknownOutcomes = 1;

        consolidator.round();
        assertThat(folds).isEmpty();
        assertThat(chain.pending("hot", 1_000).credits()).isEmpty();

        consolidator.round();
        assertThat(chain.consolidated).isEmpty();
        assertThat(consolidator.unfolded("hot")).isZero();
    }

    /** Credits {@code count} of 1 into the account on the chain, in one new block the mirror shows. */
    private void credit(String account, int count) {
        chain.add(account, count);
        mirror.blocks.add(Map.of(account, (long) count));
    }

    /** The mirror: one block per {@link #credit} call, counted per window. */
    private static final class FakeMirror implements CreditCounts {
        final List<Map<String, Long>> blocks = new ArrayList<>();
        final List<Long> reads = new ArrayList<>();

        @Override
        public Window read(long fromBlock, int blocksMax) {
            reads.add(fromBlock);
            long end = Math.min(blocks.size(), fromBlock + blocksMax);
            Map<String, Long> credits = new HashMap<>();
            for (long block = fromBlock; block < end; block++) {
                blocks.get((int) block).forEach((account, n) -> credits.merge(account, n, Long::sum));
            }
            return new Window(end, credits);
        }
    }

    /** The chain: each account's pending credits in key order. */
    private static final class FakeChain implements CreditLedger {
        final Map<String, Deque<CreditRef>> pending = new HashMap<>();
        final List<String> queried = new ArrayList<>();
        final List<String> consolidated = new ArrayList<>();
        final Deque<RuntimeException> failures = new ArrayDeque<>();
        int unknownOutcomes;
        private int txs;

        void add(String account, int count) {
            for (int i = 0; i < count; i++) {
                pending.computeIfAbsent(account, a -> new ArrayDeque<>()).add(CreditRef.of("tx" + txs++, 0));
            }
        }

        void foldByDebit(String account, int count) {
            for (int i = 0; i < count; i++) {
                pending.get(account).poll();
            }
        }

        @Override
        public PendingCreditsResult pending(String account, int limit) {
            if (limit != 1_000) {
                queried.add(account);
            }
            List<CreditRef> all = new ArrayList<>(pending.getOrDefault(account, new ArrayDeque<>()));
            List<CreditRef> page = all.subList(0, Math.min(limit, all.size()));
            return PendingCreditsResult.of(account, page, Amount.of(page.size()), all.size() > limit);
        }

        @Override
        public Optional<ConsolidateCreditsResult> consolidate(String account, List<CreditRef> credits) {
            assertThat(credits.size()).isLessThanOrEqualTo(CONFIG.creditsPerConsolidationMax());
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            consolidated.add(account);
            int folded = 0;
            for (CreditRef credit : credits) {
                folded += pending.get(account).remove(credit) ? 1 : 0;
            }
            if (unknownOutcomes > 0) {
                unknownOutcomes--;
                consolidated.remove(consolidated.size() - 1);
                return Optional.empty();
            }
            return Optional.of(ConsolidateCreditsResult.of(account, folded, Amount.of(folded)));
        }
    }
}
