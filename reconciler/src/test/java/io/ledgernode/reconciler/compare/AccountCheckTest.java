package io.ledgernode.reconciler.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.listing.AccountLine;
import io.ledgernode.mirror.reconciliation.BreakType;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.mirror.AccountHistory;
import io.ledgernode.reconciler.mirror.OpenHolds;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heights at which an account matches, and the page's choice of one height: pure logic, no database. */
class AccountCheckTest {

    /** Opened in block 1; 100 minted in block 2; 30 sent in block 5; now (checkpoint 7) 70. */
    private static AccountHistory alice(long from) {
        List<AccountHistory.RecentEntry> recent = from <= 5 ? List.of(new AccountHistory.RecentEntry(5, "DEBIT", 30)) : List.of();
        return new AccountHistory("alice", new AccountHistory.Row("USD", "DE", 1, 70, 0), BigInteger.valueOf(70), BigInteger.ZERO,
                from, recent, List.of());
    }

    private static AccountLine chain(String id, long balance) {
        return AccountLine.of(id, "USD", "DE", AccountStatus.ACTIVE, Amount.of(balance), Amount.ZERO, OpenHolds.NONE);
    }

    @Test
    void the_state_as_of_a_height_rolls_the_row_back_over_later_entries() {
        assertThat(alice(4).at(5).balanceByRow()).isEqualTo(BigInteger.valueOf(100));
        assertThat(alice(4).at(6).balanceByRow()).isEqualTo(BigInteger.valueOf(70));
        assertThat(alice(4).at(6).balanceByEntries()).isEqualTo(BigInteger.valueOf(70));
        assertThat(alice(0).at(1).exists()).isFalse();
        assertThat(alice(0).at(2).exists()).isTrue();
    }

    @Test
    void an_account_that_changed_inside_the_window_matches_at_the_heights_where_the_chain_value_held() {
        Window window = new Window(4, 7);

        AccountCheck.Verdict before = AccountCheck.verdict(chain("alice", 100), alice(4), window);
        AccountCheck.Verdict after = AccountCheck.verdict(chain("alice", 70), alice(4), window);

        assertThat(before.varies()).isTrue();
        assertThat(before.matching().stream().mapToLong(i -> window.low() + i).boxed().toList()).containsExactly(4L, 5L);
        assertThat(after.matching().stream().mapToLong(i -> window.low() + i).boxed().toList()).containsExactly(6L, 7L);
        assertThat(AccountCheck.verdict(chain("alice", 99), alice(4), window).matchesAnywhere()).isFalse();
    }

    @Test
    void a_page_takes_the_height_most_accounts_match_and_rechecks_an_account_that_matches_only_elsewhere() {
        AccountHistory bob = new AccountHistory("bob", new AccountHistory.Row("USD", "DE", 1, 50, 0), BigInteger.valueOf(50),
                BigInteger.ZERO, 4, List.of(new AccountHistory.RecentEntry(5, "CREDIT", 30)), List.of());
        AccountHistory carol = new AccountHistory("carol", new AccountHistory.Row("USD", "DE", 1, 9, 0), BigInteger.valueOf(9),
                BigInteger.ZERO, 4, List.of(), List.of());
        Window window = new Window(4, 7);

        // alice and carol were read after block 5, bob (oddly) before it: bob is rechecked alone, not called a break.
        PageCheck.Outcome outcome = PageCheck.check(List.of(chain("alice", 70), chain("bob", 20), chain("carol", 9)),
                Map.of("alice", alice(4), "bob", bob, "carol", carol), window);

        assertThat(outcome.height()).isEqualTo(7);
        assertThat(outcome.breaks()).isEmpty();
        assertThat(outcome.recheck()).containsExactly("bob");
    }

    @Test
    void an_account_unchanged_through_the_window_that_differs_is_a_break_at_once() {
        AccountHistory carol = new AccountHistory("carol", new AccountHistory.Row("USD", "DE", 1, 9, 0), BigInteger.valueOf(9),
                BigInteger.ZERO, 4, List.of(), List.of());

        PageCheck.Outcome outcome = PageCheck.check(List.of(chain("carol", 10)), Map.of("carol", carol), new Window(4, 7));

        assertThat(outcome.recheck()).isEmpty();
        assertThat(outcome.breaks()).singleElement().satisfies(found -> {
            assertThat(found.type()).isEqualTo(BreakType.AMOUNT_MISMATCH);
            assertThat(found.chainValue()).isEqualTo("10");
            assertThat(found.mirrorValue()).isEqualTo("9");
            assertThat(found.blockNumber()).isEqualTo(6);
            assertThat(((Break.AmountMismatch) found).subject().id()).isEqualTo("carol");
        });
    }

    @Test
    void a_window_is_widened_by_one_block_below_because_a_peer_commits_state_just_after_its_block_store() {
        assertThat(Window.bracket(10, 12, 100)).isEqualTo(new Window(9, 12));
        assertThat(Window.bracket(0, 0, 100)).isEqualTo(new Window(0, 0));
    }
}
