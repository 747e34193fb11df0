package io.ledgernode.node.consolidation;

import io.ledgernode.api.account.ConsolidateCreditsResult;
import io.ledgernode.api.account.PendingCreditsResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round at a time (not thread-safe; the node runs it as a {@link io.ledgernode.node.schedule.PeriodicJob}): counts the credits the mirror
 * shows since the last round, then for the accounts with the most, at least the threshold, lists their pending credits
 * on the chain and folds them by name.
 *
 * <p>The count per account is an upper bound of its pending credits, never below: a debit folds credits without the
 * mirror knowing how many, and a credit listed by a query may be counted again when its block is read. Whenever a
 * listing shows the true number, the count is set to it, so an overestimate costs one query, never a wrong fold. A
 * consolidation that loses a race with a debit of the same account is simply tried again in a later round: it is
 * idempotent (credits already folded are skipped on the chain).
 */
public final class CreditConsolidator {

    private static final Logger LOG = Logger.getLogger(CreditConsolidator.class.getName());

    /** Told what each round did. */
    public interface Observer {
        /** A consolidation committed, folding {@code credits}. */
        void consolidated(int credits);

        /** The largest count of unfolded credits of one account at the start of the last round. */
        void pendingMax(long credits);
    }

    /** What one round did. */
    public record Round(long countedToBlock, int accountsTried, int consolidations, long creditsFolded) {
    }

    private final ConsolidationConfig config;
    private final CreditCounts counts;
    private final CreditLedger ledger;
    private final Observer observer;
    /** Unfolded credits per account, an upper bound (see the class comment); only accounts with some. */
    private final Map<String, Long> unfolded = new HashMap<>();
    private long nextBlock;

    public CreditConsolidator(ConsolidationConfig config, CreditCounts counts, CreditLedger ledger, Observer observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** Counts the next window of blocks, then consolidates the accounts that need it most. */
    public Round round() {
        CreditCounts.Window window = counts.read(nextBlock, config.blocksPerRoundMax());
        if (window.endBlock() < nextBlock) {
            throw new IllegalStateException("the mirror's window ends at " + window.endBlock() + ", before " + nextBlock);
        }
        window.credits().forEach((account, credits) -> unfolded.merge(account, credits, Long::sum));
        nextBlock = window.endBlock();
        forgetBeyondLimit();
        observer.pendingMax(unfolded.values().stream().mapToLong(Long::longValue).max().orElse(0));
        List<String> due = due();
        int consolidations = 0;
        long folded = 0;
        for (String account : due) {
            long[] done = consolidate(account);
            consolidations += (int) done[0];
            folded += done[1];
        }
        return new Round(nextBlock, due.size(), consolidations, folded);
    }

    /** The accounts at or above the threshold, the most unfolded first (then by id), at most the round's maximum. */
    List<String> due() {
        return unfolded.entrySet().stream()
                .filter(e -> e.getValue() >= config.threshold())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(config.accountsPerRoundMax())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The current upper bound of an account's unfolded credits (0 if none are known). */
    long unfolded(String account) {
        return unfolded.getOrDefault(account, 0L);
    }

    /** Consolidates one account, page by page, at most the configured times; {consolidations, credits folded}. */
    private long[] consolidate(String account) {
        long consolidations = 0;
        long folded = 0;
        for (int i = 0; i < config.consolidationsPerAccountMax(); i++) {
            PendingCreditsResult page;
            Optional<ConsolidateCreditsResult> result;
            try {
                page = ledger.pending(account, config.creditsPerConsolidationMax());
                if (page.credits().size() < config.threshold() && !page.more()) {
                    // The true number, below the threshold: not worth a transaction yet.
                    settle(account, page.credits().size());
                    break;
                }
                result = ledger.consolidate(account, page.credits());
            } catch (RuntimeException e) {
                // A lost race with a debit, an unavailable peer: the count stays, a later round tries again.
                LOG.log(Level.INFO, "consolidation of account " + account + " did not go through this round: " + e.getMessage());
                break;
            }
            if (result.isEmpty()) {
                break; // outcome unknown yet: the next listing shows what happened
            }
            consolidations++;
            folded += result.get().folded();
            if (result.get().folded() > 0) {
                observer.consolidated(result.get().folded());
            }
            if (!page.more()) {
                // Every credit of the counted blocks was in the listing: none of them is pending any more.
                settle(account, 0);
                break;
            }
            settle(account, Math.max(unfolded(account) - page.credits().size(), config.threshold()));
        }
        return new long[] {consolidations, folded};
    }

    private void settle(String account, long credits) {
        if (credits <= 0) {
            unfolded.remove(account);
        } else {
            unfolded.put(account, credits);
        }
    }

    /** Keeps the map bounded: past the limit, the accounts with the fewest unfolded credits are forgotten. */
    private void forgetBeyondLimit() {
        int excess = unfolded.size() - config.trackedAccountsMax();
        if (excess <= 0) {
            return;
        }
        List<String> smallest = new ArrayList<>(unfolded.keySet());
        smallest.sort(Comparator.comparing((String account) -> unfolded.get(account)).thenComparing(Comparator.naturalOrder()));
        smallest.subList(0, excess).forEach(unfolded::remove);
    }
}
