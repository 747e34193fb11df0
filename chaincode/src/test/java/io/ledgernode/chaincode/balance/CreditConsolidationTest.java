package io.ledgernode.chaincode.balance;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.OTHER_BANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.ConsolidateCreditsRequest;
import io.ledgernode.api.account.ConsolidateCreditsResult;
import io.ledgernode.api.account.CreditRef;
import io.ledgernode.api.account.PendingCreditsRequest;
import io.ledgernode.api.account.PendingCreditsResult;
import io.ledgernode.api.event.CreditsConsolidatedEvent;
import io.ledgernode.api.event.EventType;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.testing.FakeLedger;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import io.ledgernode.chaincode.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 16 item 2: a hot account's pending credits are folded by name, exactly, without conflicting with credits. */
class CreditConsolidationTest {
    private final Scenario scenario = Scenario.funded();

    @BeforeEach
    void fund() {
        scenario.mint("alice", 1_000);
        scenario.mint("bob", 1_000);
        scenario.mint("dave", 1_000);
    }

    @Test
    void consolidation_folds_the_named_credits_and_every_balance_and_the_supply_stay_exact() {
        creditCarol(5, 10);
        final long supply = scenario.supply("USD");
        final PendingCreditsResult pending = pending("carol", null);
        assertThat(pending.credits()).hasSize(5);
        assertThat(pending.sum()).isEqualTo(Amount.of(50));
        assertThat(pending.more()).isFalse();

        final Outcome outcome = scenario.ok(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", pending.credits()));

        assertThat(outcome.result(ConsolidateCreditsResult.class).folded()).isEqualTo(5);
        assertThat(outcome.result(ConsolidateCreditsResult.class).amount()).isEqualTo(Amount.of(50));
        final Map.Entry<String, byte[]> event = outcome.events().get(0);
        assertThat(event.getKey()).isEqualTo(EventType.CREDITS_CONSOLIDATED.name());
        final CreditsConsolidatedEvent parsed = (CreditsConsolidatedEvent) LedgerEvents.parse(event.getKey(),
                event.getValue());
        assertThat(parsed.entries()).isEmpty();
        assertThat(parsed.credits()).isEqualTo(5);
        assertThat(parsed.amount()).isEqualTo(Amount.of(50));
        assertThat(pendingKeys("carol")).isZero();
        assertThat(scenario.balance("carol")).isEqualTo(50);
        assertThat(scenario.balance("bob")).isEqualTo(950);
        assertThat(scenario.supply("USD")).isEqualTo(supply);
        // The folded balance is spendable without reading any credit.
        final Outcome debit = scenario.transfer(BANK, "carol", "alice", 50);
        assertThat(debit.success()).as(debit.message()).isTrue();
        assertThat(debit.stub().rangeReads()).isEmpty();
    }

    @Test
    void consolidation_reads_the_named_credits_by_key_and_never_by_range() {
        creditCarol(3, 10);
        final Outcome outcome = scenario.ok(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", pending("carol", null).credits()));
        assertThat(outcome.stub().rangeReads()).isEmpty();
        final String prefix = Keys.prefix(Keys.CREDIT, "carol").toString();
        assertThat(outcome.stub().pointReads().keySet().stream().filter(key -> key.startsWith(prefix))).hasSize(3);
    }

    @Test
    void credits_already_folded_by_a_debit_are_skipped_and_a_repeat_changes_nothing() {
        creditCarol(5, 10);
        final List<CreditRef> listed = pending("carol", null).credits();
        // Settled 0: a debit of 25 folds three credits of 10 itself.
        assertThat(scenario.transfer(BANK, "carol", "alice", 25).success()).isTrue();

        final Outcome first = scenario.ok(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", listed));
        assertThat(first.result(ConsolidateCreditsResult.class).folded()).isEqualTo(2);
        assertThat(first.result(ConsolidateCreditsResult.class).amount()).isEqualTo(Amount.of(20));
        assertThat(scenario.balance("carol")).isEqualTo(25);

        final Outcome again = scenario.submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", listed));
        assertThat(again.success()).as(again.message()).isTrue();
        assertThat(again.result(ConsolidateCreditsResult.class).folded()).isZero();
        assertThat(again.events()).isEmpty();
        assertThat(again.stub().writes()).isEmpty();
        assertThat(scenario.balance("carol")).isEqualTo(25);
    }

    @Test
    void a_credit_of_another_account_cannot_be_reached_through_a_request_for_this_one() {
        scenario.transfer(OTHER_BANK, "dave", "bob", 10);
        final List<CreditRef> bobs = pending("bob", null).credits();
        assertThat(bobs).hasSize(2);

        final Outcome outcome = scenario.submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", bobs));

        assertThat(outcome.result(ConsolidateCreditsResult.class).folded()).isZero();
        assertThat(pendingKeys("bob")).isEqualTo(2);
        assertThat(scenario.balance("bob")).isEqualTo(1_010);
        assertThat(scenario.balance("carol")).isZero();
    }

    @Test
    void only_the_custodian_org_may_consolidate() {
        creditCarol(2, 10);
        Scenario.assertRejected(scenario.submit(OTHER_BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", pending("carol", null).credits())), ErrorCode.FORBIDDEN);
        assertThat(pendingKeys("carol")).isEqualTo(2);
    }

    @Test
    void more_credits_than_the_contract_maximum_are_refused() {
        final StringBuilder refs = new StringBuilder();
        for (int i = 0; i <= ConsolidateCreditsRequest.CREDITS_MAX; i++) {
            refs.append(i == 0 ? "" : ",").append("{\"index\":0,\"txId\":\"tx").append(i).append("\"}");
        }
        Scenario.assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                "{\"account\":\"carol\",\"credits\":[" + refs + "]}"), ErrorCode.BATCH_TOO_LARGE);
        Scenario.assertRejected(scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_PENDING_CREDITS,
                "{\"account\":\"carol\",\"limit\":" + (ConsolidateCreditsRequest.CREDITS_MAX + 1) + "}"),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void the_most_credits_one_consolidation_may_name_are_folded_in_one_transaction() {
        for (int i = 0; i < 120; i++) {
            assertThat(scenario.transfer(OTHER_BANK, "dave", "carol", 1).success()).isTrue();
        }
        final PendingCreditsResult pending = pending("carol", null);
        assertThat(pending.credits()).hasSize(120);
        final Outcome outcome = scenario.ok(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", pending.credits()));
        assertThat(outcome.result(ConsolidateCreditsResult.class).folded()).isEqualTo(120);
        assertThat(scenario.balance("carol")).isEqualTo(120);
    }

    @Test
    void malformed_consolidation_requests_are_refused_with_stable_codes() {
        Scenario.assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                "{\"account\":\"carol\",\"credits\":[]}"), ErrorCode.INVALID_ARGUMENT);
        Scenario.assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                "{\"account\":\"carol\",\"credits\":[{\"index\":0,\"txId\":\"a\"},{\"index\":0,\"txId\":\"a\"}]}"),
                ErrorCode.INVALID_ARGUMENT);
        Scenario.assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                "{\"account\":\"carol\",\"credits\":[{\"index\":-1,\"txId\":\"a\"}]}"), ErrorCode.INVALID_ARGUMENT);
        Scenario.assertRejected(scenario.harness().submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                "{\"account\":\"carol\",\"credits\":[{\"index\":0,\"txId\":\"a/b\"}]}"), ErrorCode.INVALID_ARGUMENT);
        Scenario.assertRejected(scenario.submit(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("nobody", List.of(CreditRef.of("a", 0)))), ErrorCode.UNKNOWN_ACCOUNT);
        Scenario.assertRejected(evaluatePending(PendingCreditsRequest.of("nobody", null)), ErrorCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void the_pending_credits_query_lists_at_most_the_limit_and_says_when_there_are_more() {
        creditCarol(5, 10);
        final PendingCreditsResult first = pending("carol", 2);
        assertThat(first.credits()).hasSize(2);
        assertThat(first.sum()).isEqualTo(Amount.of(20));
        assertThat(first.more()).isTrue();
        scenario.ok(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                ConsolidateCreditsRequest.of("carol", first.credits()));
        assertThat(pending("carol", 3).more()).isFalse();
        assertThat(pending("carol", 3).credits()).hasSize(3);
        assertThat(scenario.balance("carol")).isEqualTo(50);
    }

    @Test
    void a_credit_committed_while_a_consolidation_is_in_flight_does_not_conflict_with_it() {
        creditCarol(3, 10);
        final List<CreditRef> listed = pending("carol", null).credits();
        // Endorsed against the same state, as concurrent transactions are; the credit commits first.
        final Outcome consolidation = scenario.harness().simulate(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                LedgerJson.writeString(ConsolidateCreditsRequest.of("carol", listed)));
        final Outcome credit = simulateTransfer(OTHER_BANK, "dave", "carol", 7);
        final FakeLedger ledger = scenario.harness().ledger();
        assertThat(ledger.commit(credit.stub())).isEqualTo(FakeLedger.Validation.VALID);
        assertThat(ledger.commit(consolidation.stub())).isEqualTo(FakeLedger.Validation.VALID);
        assertThat(scenario.balance("carol")).isEqualTo(37);
        assertThat(pendingKeys("carol")).isEqualTo(1);
    }

    @Test
    void a_debit_folding_the_same_credits_concurrently_invalidates_the_later_one_so_nothing_is_counted_twice() {
        creditCarol(3, 10);
        final List<CreditRef> listed = pending("carol", null).credits();
        final Outcome consolidation = scenario.harness().simulate(BANK, Transactions.ACCOUNTS_CONSOLIDATE_CREDITS,
                LedgerJson.writeString(ConsolidateCreditsRequest.of("carol", listed)));
        final Outcome debit = simulateTransfer(BANK, "carol", "alice", 30);
        final FakeLedger ledger = scenario.harness().ledger();
        assertThat(ledger.commit(debit.stub())).isEqualTo(FakeLedger.Validation.VALID);
        assertThat(ledger.commit(consolidation.stub())).isEqualTo(FakeLedger.Validation.MVCC_READ_CONFLICT);
        assertThat(scenario.balance("carol")).isZero();
    }

    private void creditCarol(final int count, final long amount) {
        for (int i = 0; i < count; i++) {
            assertThat(scenario.transfer(BANK, "bob", "carol", amount).success()).isTrue();
        }
    }

    private PendingCreditsResult pending(final String account, final Integer limit) {
        final Outcome outcome = evaluatePending(PendingCreditsRequest.of(account, limit));
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        return outcome.result(PendingCreditsResult.class);
    }

    private Outcome evaluatePending(final PendingCreditsRequest request) {
        return scenario.harness().evaluate(BANK, Transactions.ACCOUNTS_PENDING_CREDITS,
                LedgerJson.writeString(request));
    }

    private Outcome simulateTransfer(final TestIdentity caller, final String from, final String to,
            final long amount) {
        final Outcome outcome = scenario.harness().simulate(caller, Transactions.MONEY_TRANSFER,
                LedgerJson.writeString(TransferRequest.of(scenario.nextKey(), from, to, "USD", Amount.of(amount),
                        null)));
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        return outcome;
    }

    private long pendingKeys(final String account) {
        final String prefix = Keys.prefix(Keys.CREDIT, account).toString();
        return scenario.harness().ledger().snapshot().keySet().stream().filter(key -> key.startsWith(prefix)).count();
    }
}
