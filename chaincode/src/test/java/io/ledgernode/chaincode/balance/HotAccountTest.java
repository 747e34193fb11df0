package io.ledgernode.chaincode.balance;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.OTHER_BANK;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.testing.FakeLedger;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import io.ledgernode.chaincode.testing.TestIdentity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hot-account design: concurrent credits into one account never conflict; debits of one account do. */
class HotAccountTest {
    private final Scenario scenario = Scenario.funded();

    @BeforeEach
    void fund() {
        scenario.mint("alice", 1_000);
        scenario.mint("bob", 1_000);
        scenario.mint("dave", 1_000);
    }

    @Test
    void two_credits_into_one_account_read_nothing_the_other_writes_and_both_commit() {
        // Endorsed against the same state, as two concurrent transactions are.
        final Outcome fromAlice = simulateTransfer(BANK, "k1", "alice", "carol", 100);
        final Outcome fromDave = simulateTransfer(OTHER_BANK, "k2", "dave", "carol", 200);

        assertThat(fromAlice.stub().readsAnyOf(fromDave.stub().writes().keySet())).isFalse();
        assertThat(fromDave.stub().readsAnyOf(fromAlice.stub().writes().keySet())).isFalse();
        assertThat(fromAlice.stub().pointReads()).doesNotContainKey(Keys.balance("carol"));
        assertThat(fromAlice.stub().writes()).doesNotContainKey(Keys.balance("carol"));

        commitInOrder(fromAlice, FakeLedger.Validation.VALID, fromDave, FakeLedger.Validation.VALID);
        assertThat(scenario.balance("carol")).isEqualTo(300);
    }

    @Test
    void two_debits_of_one_account_conflict_and_only_the_first_commits() {
        final Outcome first = simulateTransfer(BANK, "k1", "alice", "bob", 100);
        final Outcome second = simulateTransfer(BANK, "k2", "alice", "carol", 100);

        assertThat(second.stub().readsAnyOf(first.stub().writes().keySet())).isTrue();
        commitInOrder(first, FakeLedger.Validation.VALID, second, FakeLedger.Validation.MVCC_READ_CONFLICT);
        assertThat(scenario.balance("alice")).isEqualTo(900);
    }

    @Test
    void the_balance_query_is_exact_with_pending_credits() {
        for (int i = 0; i < 5; i++) {
            scenario.transfer(BANK, "bob", "carol", 10);
        }
        assertThat(pendingCredits("carol")).isEqualTo(5);
        assertThat(scenario.balance("carol")).isEqualTo(50);
        assertThat(scenario.balance("bob")).isEqualTo(950);
    }

    @Test
    void a_debit_folds_only_as_many_pending_credits_as_it_needs() {
        for (int i = 0; i < 5; i++) {
            scenario.transfer(BANK, "bob", "carol", 10);
        }
        // Settled 0: 25 needs three credits of 10.
        final Outcome debit = scenario.transfer(BANK, "carol", "alice", 25);
        assertThat(debit.success()).as(debit.message()).isTrue();
        assertThat(debit.stub().writes().entrySet().stream().filter(write -> write.getValue() == null)
                .map(Map.Entry::getKey).collect(Collectors.toList())).hasSize(3);
        assertThat(pendingCredits("carol")).isEqualTo(2);
        assertThat(scenario.balance("carol")).isEqualTo(25);
        // A debit the settled balance covers reads no credit at all.
        final Outcome small = scenario.transfer(BANK, "carol", "alice", 5);
        assertThat(small.stub().rangeReads()).isEmpty();
        assertThat(scenario.balance("carol")).isEqualTo(20);
    }

    @Test
    void a_folding_debit_conflicts_only_with_a_credit_inside_the_range_it_read() {
        scenario.transfer(BANK, "bob", "carol", 10);
        final Outcome debit = simulateTransfer(BANK, "k1", "carol", "alice", 10);
        final Outcome credit = simulateTransfer(OTHER_BANK, "k2", "dave", "carol", 10);
        final String prefix = Keys.prefix(Keys.CREDIT, "carol").toString();
        final String folded = onlyKey(debit.stub().writes().entrySet().stream()
                .filter(write -> write.getKey().startsWith(prefix) && write.getValue() == null));
        final String added = onlyKey(credit.stub().writes().entrySet().stream()
                .filter(write -> write.getKey().startsWith(prefix)));

        // The debit read the credit keys up to the one it folded and no further.
        commitInOrder(credit, FakeLedger.Validation.VALID, debit, added.compareTo(folded) > 0
                ? FakeLedger.Validation.VALID : FakeLedger.Validation.PHANTOM_READ_CONFLICT);
    }

    /** Commits two transactions endorsed against the same state, in this order, and checks how each validates. */
    private void commitInOrder(final Outcome first, final FakeLedger.Validation firstValidation,
            final Outcome second, final FakeLedger.Validation secondValidation) {
        final FakeLedger ledger = scenario.harness().ledger();
        assertThat(ledger.commit(first.stub())).isEqualTo(firstValidation);
        assertThat(ledger.commit(second.stub())).isEqualTo(secondValidation);
    }

    private static String onlyKey(final Stream<Map.Entry<String, byte[]>> writes) {
        final List<String> keys = writes.map(Map.Entry::getKey).collect(Collectors.toList());
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private Outcome simulateTransfer(final TestIdentity caller, final String key,
            final String from, final String to, final long amount) {
        final Outcome outcome = scenario.harness().simulate(caller, Transactions.MONEY_TRANSFER,
                LedgerJson.writeString(TransferRequest.of(key, from, to, "USD", Amount.of(amount), null)));
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        return outcome;
    }

    private long pendingCredits(final String account) {
        final String prefix = Keys.prefix(Keys.CREDIT, account).toString();
        return scenario.harness().ledger().snapshot().keySet().stream().filter(key -> key.startsWith(prefix)).count();
    }
}
