package io.ledgernode.chaincode.tx;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.COMPLIANCE;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.account.OpenAccountRequest;
import io.ledgernode.api.account.OpenAccountsRequest;
import io.ledgernode.api.asset.RegisterAssetRequest;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.SetLimitsRequest;
import io.ledgernode.api.compliance.UnfreezeRequest;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.money.MoneyOutcome;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import io.ledgernode.chaincode.testing.TestIdentity;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Every administrative write that names a key replays like a money request: the retry is refused as REPLAYED naming
 * the original transaction and result, writes nothing, and the same key with another request is a conflict.
 */
class KeyedAdministrationTest {

    private final Scenario scenario = Scenario.funded();

    @Test
    void registering_an_asset_again_under_its_key_replays_the_registration_instead_of_ASSET_EXISTS() {
        assertReplaysAndConflicts(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("a-1", "GBP", 2),
                RegisterAssetRequest.of("a-1", "GBP", 0));
        // Without a key, the rules of the request itself answer a second registration.
        assertRejected(scenario.submit(ISSUER, Transactions.ASSETS_REGISTER, RegisterAssetRequest.of("GBP", 2)),
                ErrorCode.ASSET_EXISTS);
    }

    @Test
    void opening_an_account_again_under_its_key_replays_the_opening_instead_of_ACCOUNT_EXISTS() {
        assertReplaysAndConflicts(BANK, Transactions.ACCOUNTS_OPEN, OpenAccountRequest.of("o-1", "erin", "USD", "ref-erin", "DE"),
                OpenAccountRequest.of("o-1", "erin", "USD", "ref-erin", "FR"));
        assertRejected(scenario.submit(BANK, Transactions.ACCOUNTS_OPEN, OpenAccountRequest.of("erin", "USD", "ref-erin", "DE")),
                ErrorCode.ACCOUNT_EXISTS);
    }

    @Test
    void opening_accounts_in_bulk_again_under_the_batch_key_replays_the_whole_batch() {
        assertReplaysAndConflicts(BANK, Transactions.ACCOUNTS_OPEN_MANY, OpenAccountsRequest.of("ob-1", List.of(
                        OpenAccountRequest.of("f1", "USD", "ref-f1", "DE"), OpenAccountRequest.of("f2", "USD", "ref-f2", "DE"))),
                OpenAccountsRequest.of("ob-1", List.of(OpenAccountRequest.of("f3", "USD", "ref-f3", "DE"))));
    }

    @Test
    void freezing_unfreezing_and_setting_limits_replay_under_their_keys() {
        assertReplaysAndConflicts(COMPLIANCE, Transactions.COMPLIANCE_FREEZE, FreezeRequest.of("f-1", "alice", "court order"),
                FreezeRequest.of("f-1", "bob", "court order"));
        assertThat(scenario.view("alice").status()).isEqualTo(AccountStatus.FROZEN);
        assertReplaysAndConflicts(COMPLIANCE, Transactions.COMPLIANCE_UNFREEZE, UnfreezeRequest.of("u-1", "alice"),
                UnfreezeRequest.of("u-1", "bob"));
        assertThat(scenario.view("alice").status()).isEqualTo(AccountStatus.ACTIVE);
        assertReplaysAndConflicts(COMPLIANCE, Transactions.COMPLIANCE_SET_LIMITS,
                SetLimitsRequest.of("l-1", "alice", Amount.of(500), null), SetLimitsRequest.of("l-1", "alice", Amount.of(501), null));
    }

    @Test
    void voiding_and_releasing_a_hold_again_under_its_key_replays_instead_of_HOLD_NOT_OPEN() {
        scenario.mint("alice", 1_000);
        scenario.placeHold("h1", "alice", 100, Duration.ofMinutes(5));
        assertReplaysAndConflicts(BANK, Transactions.HOLDS_VOID, HoldRequest.of("v-1", "h1"), HoldRequest.of("v-1", "h2"));
        scenario.placeHold("h2", "alice", 100, Duration.ofMinutes(5));
        scenario.harness().clock().advance(Duration.ofMinutes(5));
        assertReplaysAndConflicts(BANK, Transactions.HOLDS_RELEASE, HoldRequest.of("r-1", "h2"), HoldRequest.of("r-1", "h1"));
        assertThat(scenario.held("alice")).isZero();
        assertThat(scenario.balance("alice")).isEqualTo(1_000);
    }

    @Test
    void the_outcome_of_an_administrative_key_names_the_transaction_that_applied_it() {
        final Outcome opened = scenario.ok(BANK, Transactions.ACCOUNTS_OPEN, OpenAccountRequest.of("o-9", "gina", "USD", "ref-g", "DE"));
        final MoneyOutcome outcome = scenario.harness().evaluate(BANK, Transactions.MONEY_OUTCOME, "o-9").result(MoneyOutcome.class);
        assertThat(outcome.found()).isTrue();
        assertThat(outcome.txId()).contains(opened.stub().getTxId());
        assertThat(outcome.result()).contains(opened.payload());
    }

    /**
     * {@code first} commits with its one event; sent again (the same request, as the same org) it is refused as a
     * replay naming the first transaction and its result, with no state changed; {@code other} under the same key is a
     * conflict.
     */
    private void assertReplaysAndConflicts(final TestIdentity caller, final String transaction, final Object first,
            final Object other) {
        final Outcome original = scenario.ok(caller, transaction, first);
        final SortedMap<String, byte[]> after = scenario.harness().ledger().snapshot();

        final Outcome retry = scenario.submit(caller, transaction, LedgerJson.read(LedgerJson.writeString(first), first.getClass()));
        final IdempotentReplay replay = Scenario.assertReplayed(retry);
        assertThat(replay.txId()).isEqualTo(original.stub().getTxId());
        assertThat(replay.result()).isEqualTo(original.payload());
        assertThat(scenario.harness().ledger().snapshot()).usingRecursiveComparison().isEqualTo(after);

        assertRejected(scenario.submit(caller, transaction, other), ErrorCode.IDEMPOTENCY_CONFLICT);
    }
}
