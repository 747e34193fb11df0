package io.ledgernode.node.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.Status;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.scope.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who is given a proof bundle, whatever the transport (REST and gRPC both call {@link ProofQueries#proof}). Regression
 * of issue "The node holds under hostile input": regulators had any transaction's bundle, and a wallet the bundle of a
 * batch naming accounts it had nothing to do with. The chain is faked: a granted bundle is one the builder was asked
 * for (it then answers "ledger unavailable").
 */
class ProofQueriesTest {

    private static final Map<String, List<Entry>> ENTRIES = Map.of(
            "tx-de", List.of(entry(0, "alice", "DE", "DEBIT"), entry(1, "bob", "DE", "CREDIT")),
            "tx-batch", List.of(entry(0, "alice", "DE", "DEBIT"), entry(1, "bob", "DE", "CREDIT"),
                    entry(2, "treas", "DE", "DEBIT"), entry(3, "carol", "DE", "CREDIT")));

    private final List<String> built = new ArrayList<>();
    private final ProofQueries proofs = new ProofQueries((txId, endBlock) -> {
        built.add(txId);
        throw new ProofException(ProofException.Reason.LEDGER_UNAVAILABLE, "no network in this test");
    }, block -> {
        throw new ProofException(ProofException.Reason.LEDGER_UNAVAILABLE, "no network in this test");
    }, txId -> ENTRIES.getOrDefault(txId, List.of()));

    @Test
    void a_regulator_of_another_jurisdiction_or_of_one_without_accounts_gets_404_and_nothing_is_built() {
        assertRefused(regulator("FR"), "tx-de", Status.NOT_FOUND_404, "NOT_FOUND");
        assertRefused(regulator("US"), "tx-de", Status.NOT_FOUND_404, "NOT_FOUND");
        assertThat(built).isEmpty();
    }

    @Test
    void a_regulator_of_the_transaction_s_jurisdiction_has_its_bundle() {
        assertRefused(regulator("DE"), "tx-de", Status.SERVICE_UNAVAILABLE_503, "LEDGER_UNAVAILABLE");
        assertThat(built).containsExactly("tx-de");
    }

    @Test
    void a_wallet_in_one_leg_of_a_batch_is_refused_with_proof_scope_exceeded_and_told_to_ask_an_auditor() {
        ApiException refusal = assertRefused(wallet("alice"), "tx-batch", Status.FORBIDDEN_403, "PROOF_SCOPE_EXCEEDED");

        assertThat(refusal.getMessage()).contains("auditor").doesNotContain("treas").doesNotContain("carol");
        assertThat(built).isEmpty();
    }

    @Test
    void a_wallet_on_a_side_of_every_leg_has_the_bundle_and_a_stranger_gets_404() {
        assertRefused(wallet("bob"), "tx-de", Status.SERVICE_UNAVAILABLE_503, "LEDGER_UNAVAILABLE");
        assertRefused(wallet("dave"), "tx-de", Status.NOT_FOUND_404, "NOT_FOUND");
        assertThat(built).containsExactly("tx-de");
    }

    @Test
    void an_auditor_has_every_bundle_and_an_operator_none() {
        assertRefused(caller(Set.of(Role.AUDITOR), Set.of(), Optional.empty()), "tx-batch", Status.SERVICE_UNAVAILABLE_503,
                "LEDGER_UNAVAILABLE");
        assertRefused(caller(Set.of(Role.OPERATOR), Set.of(), Optional.empty()), "tx-batch", Status.FORBIDDEN_403, "FORBIDDEN");
        assertThat(built).containsExactly("tx-batch");
    }

    private ApiException assertRefused(Caller caller, String txId, Status status, String code) {
        ApiException refusal = (ApiException) org.assertj.core.api.Assertions.catchThrowable(
                () -> proofs.proof(caller, txId, OptionalLong.empty()));
        assertThat(refusal).as(txId).isNotNull();
        assertThat(io.ledgernode.node.http.ApiErrors.status(refusal.code())).as(txId).isEqualTo(status);
        assertThat(refusal.code().name()).as(txId).isEqualTo(code);
        return refusal;
    }

    private static Entry entry(int index, String account, String jurisdiction, String kind) {
        return new Entry(index, account, jurisdiction, kind, "10", "USD", null);
    }

    private static Caller wallet(String account) {
        return caller(Set.of(Role.WALLET), Set.of(account), Optional.empty());
    }

    private static Caller regulator(String jurisdiction) {
        return caller(Set.of(Role.REGULATOR), Set.of(), Optional.of(jurisdiction));
    }

    private static Caller caller(Set<Role> roles, Set<String> accounts, Optional<String> jurisdiction) {
        return new Caller("sub", "iss", roles, accounts, jurisdiction, Optional.empty(), Instant.parse("2030-01-01T00:00:00Z"));
    }
}
