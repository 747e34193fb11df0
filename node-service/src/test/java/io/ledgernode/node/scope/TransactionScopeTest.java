package io.ledgernode.node.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.scope.TransactionScope.ProofAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who sees what of a transaction. Regressions of issue "The node holds under hostile input", section "Each role sees
 * its scope and nothing more": in a batch [alice→bob, treas→carol] alice's wallet saw all four entries and her proof
 * named treas and carol; a regulator of FR (or of US with no accounts) had the proof of a DE-only transaction.
 */
class TransactionScopeTest {

    /** [alice→bob 10, treas→carol 20], all accounts in DE except carol (FR). */
    private static final List<Entry> BATCH = List.of(
            entry(0, "alice", "DE", "DEBIT", "10", null), entry(1, "bob", "DE", "CREDIT", "10", null),
            entry(2, "treas", "DE", "DEBIT", "20", null), entry(3, "carol", "FR", "CREDIT", "20", null));
    private static final List<Entry> DE_TRANSFER = List.of(
            entry(0, "alice", "DE", "DEBIT", "10", null), entry(1, "bob", "DE", "CREDIT", "10", null));

    @Test
    void a_wallet_sees_its_own_legs_whole_and_the_others_as_amounts_with_per_transaction_references() {
        List<ShownEntry> shown = TransactionScope.of(wallet("alice"), BATCH).shownEntries();

        assertThat(shown).extracting(ShownEntry::accountId).containsExactly("alice", "bob", "other-1", "other-2");
        assertThat(shown).extracting(ShownEntry::amount).containsExactly("10", "10", "20", "20");
        assertThat(shown).extracting(ShownEntry::kind).containsExactly("DEBIT", "CREDIT", "DEBIT", "CREDIT");
        assertThat(shown.get(1).jurisdiction()).isEqualTo("DE");
        assertThat(shown.get(3).jurisdiction()).isNull();
        assertThat(shown.toString()).doesNotContain("treas").doesNotContain("carol").doesNotContain("FR");
    }

    @Test
    void a_wallet_that_took_part_in_some_legs_only_is_refused_the_proof_with_a_scope_code() {
        assertThat(TransactionScope.of(wallet("alice"), BATCH).proofAccess()).isEqualTo(ProofAccess.SCOPE_EXCEEDED);
        assertThat(TransactionScope.of(wallet("carol"), BATCH).proofAccess()).isEqualTo(ProofAccess.SCOPE_EXCEEDED);
    }

    @Test
    void a_wallet_on_either_side_of_every_leg_has_the_proof() {
        assertThat(TransactionScope.of(wallet("alice"), DE_TRANSFER).proofAccess()).isEqualTo(ProofAccess.GRANTED);
        assertThat(TransactionScope.of(wallet("bob"), DE_TRANSFER).proofAccess()).isEqualTo(ProofAccess.GRANTED);
        assertThat(TransactionScope.of(wallet("alice", "treas"), BATCH).proofAccess()).isEqualTo(ProofAccess.GRANTED);
    }

    @Test
    void a_wallet_that_took_no_part_sees_nothing_as_if_the_transaction_did_not_exist() {
        TransactionScope scope = TransactionScope.of(wallet("dave"), BATCH);

        assertThat(scope.visible()).isFalse();
        assertThat(scope.proofAccess()).isEqualTo(ProofAccess.NOT_FOUND);
    }

    @Test
    void a_regulator_of_another_jurisdiction_or_of_one_without_accounts_has_neither_the_transaction_nor_its_proof() {
        for (String jurisdiction : List.of("FR", "US")) {
            TransactionScope scope = TransactionScope.of(regulator(jurisdiction), DE_TRANSFER);

            assertThat(scope.visible()).as(jurisdiction).isFalse();
            assertThat(scope.proofAccess()).as(jurisdiction).isEqualTo(ProofAccess.NOT_FOUND);
        }
    }

    @Test
    void a_regulator_has_the_proof_of_a_transaction_with_a_leg_in_its_jurisdiction_and_sees_only_those_legs() {
        TransactionScope french = TransactionScope.of(regulator("FR"), BATCH);

        assertThat(french.proofAccess()).isEqualTo(ProofAccess.GRANTED);
        assertThat(french.shownEntries()).extracting(ShownEntry::accountId)
                .containsExactly("other-1", "other-2", "treas", "carol");
        assertThat(TransactionScope.of(regulator("DE"), BATCH).shownEntries()).extracting(ShownEntry::accountId)
                .containsExactly("alice", "bob", "treas", "carol");
    }

    @Test
    void auditors_see_every_leg_and_have_every_proof_even_of_a_transaction_that_moved_no_money() {
        assertThat(TransactionScope.of(auditor(), BATCH).shownEntries()).extracting(ShownEntry::accountId)
                .containsExactly("alice", "bob", "treas", "carol");
        assertThat(TransactionScope.of(auditor(), List.of()).visible()).isTrue();
        assertThat(TransactionScope.of(auditor(), List.of()).proofAccess()).isEqualTo(ProofAccess.GRANTED);
        assertThat(TransactionScope.of(wallet("alice"), List.of()).visible()).isFalse();
        assertThat(TransactionScope.of(regulator("DE"), List.of()).proofAccess()).isEqualTo(ProofAccess.NOT_FOUND);
    }

    @Test
    void operators_read_every_leg_but_are_not_given_proofs_by_this_rule() {
        Caller operator = caller(Set.of(Role.OPERATOR), Set.of(), Optional.empty());

        assertThat(TransactionScope.of(operator, BATCH).shownEntries()).extracting(ShownEntry::accountId)
                .containsExactly("alice", "bob", "treas", "carol");
        assertThat(TransactionScope.of(operator, BATCH).proofAccess()).isEqualTo(ProofAccess.NOT_FOUND);
    }

    @Test
    void a_partial_capture_is_one_leg_with_the_release_of_the_rest_so_the_payee_has_its_proof() {
        List<Entry> capture = List.of(entry(0, "alice", "DE", "HOLD_CAPTURE", "7", "h1"),
                entry(1, "bob", "DE", "CREDIT", "7", null), entry(2, "alice", "DE", "HOLD_RELEASE", "3", "h1"));

        assertThat(TransactionScope.of(wallet("bob"), capture).proofAccess()).isEqualTo(ProofAccess.GRANTED);
    }

    @Test
    void a_debit_without_its_credit_is_a_broken_mirror_and_fails_loudly() {
        List<Entry> broken = new ArrayList<>(BATCH.subList(0, 3));

        assertThatThrownBy(() -> TransactionScope.of(auditor(), broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry 2 (DEBIT)");
    }

    private static Entry entry(int index, String account, String jurisdiction, String kind, String amount, String holdId) {
        return new Entry(index, account, jurisdiction, kind, amount, "USD", holdId);
    }

    private static Caller wallet(String... accounts) {
        return caller(Set.of(Role.WALLET), Set.of(accounts), Optional.empty());
    }

    private static Caller regulator(String jurisdiction) {
        return caller(Set.of(Role.REGULATOR), Set.of(), Optional.of(jurisdiction));
    }

    private static Caller auditor() {
        return caller(Set.of(Role.AUDITOR), Set.of(), Optional.empty());
    }

    private static Caller caller(Set<Role> roles, Set<String> accounts, Optional<String> jurisdiction) {
        return new Caller("sub", "iss", roles, accounts, jurisdiction, Optional.empty(), Instant.parse("2030-01-01T00:00:00Z"));
    }
}
