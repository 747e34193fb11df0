package io.ledgernode.chaincode.compliance;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.BANK_ADMIN;
import static io.ledgernode.chaincode.testing.Scenario.COMPLIANCE;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER_ADMIN;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.account.Account;
import io.ledgernode.api.account.AccountStatus;
import io.ledgernode.api.compliance.FreezeRequest;
import io.ledgernode.api.compliance.SetLimitsRequest;
import io.ledgernode.api.compliance.UnfreezeRequest;
import io.ledgernode.api.event.AccountEvent;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.testing.FakeLedger;
import io.ledgernode.chaincode.testing.FakeStub;
import io.ledgernode.chaincode.testing.LedgerHarness;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import io.ledgernode.chaincode.testing.TestIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComplianceContractTest {
    private final Scenario scenario = Scenario.funded();

    @Test
    void a_compliance_officer_freezes_with_a_reason_and_unfreezes() {
        final Outcome frozen = scenario.freeze("alice");
        assertThat(frozen.result(Account.class).status()).isEqualTo(AccountStatus.FROZEN);
        final AccountEvent event = (AccountEvent) LedgerEvents.parse(frozen.events().get(0).getKey(),
                frozen.events().get(0).getValue());
        assertThat(event.reason()).isEqualTo("sanctions screening");
        assertThat(scenario.view("alice").status()).isEqualTo(AccountStatus.FROZEN);
        final Outcome unfrozen = scenario.submit(COMPLIANCE, Transactions.COMPLIANCE_UNFREEZE,
                UnfreezeRequest.of("alice"));
        assertThat(unfrozen.events().get(0).getKey()).isEqualTo("ACCOUNT_UNFROZEN");
        assertThat(scenario.view("alice").status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void an_issuer_admin_is_a_compliance_officer_too() {
        assertThat(scenario.submit(ISSUER_ADMIN, Transactions.COMPLIANCE_FREEZE, FreezeRequest.of("alice", "court"))
                .success()).isTrue();
    }

    @Test
    void plain_issuer_clients_other_orgs_and_other_orgs_compliance_roles_are_FORBIDDEN() {
        final TestIdentity foreignOfficer = TestIdentity.withRole("Org2MSP", "bank-officer", "compliance");
        final TestIdentity otherRole = TestIdentity.withRole("Org1MSP", "auditor", "auditor");
        for (final TestIdentity caller : new TestIdentity[] {ISSUER, BANK, BANK_ADMIN, foreignOfficer, otherRole}) {
            assertRejected(scenario.submit(caller, Transactions.COMPLIANCE_FREEZE, FreezeRequest.of("alice", "x")),
                    ErrorCode.FORBIDDEN);
            assertRejected(scenario.submit(caller, Transactions.COMPLIANCE_SET_LIMITS,
                    SetLimitsRequest.of("alice", Amount.of(1), null)), ErrorCode.FORBIDDEN);
        }
        assertRejected(scenario.submit(COMPLIANCE, Transactions.COMPLIANCE_FREEZE, FreezeRequest.of("nobody", "x")),
                ErrorCode.UNKNOWN_ACCOUNT);
        assertRejected(scenario.harness().submit(COMPLIANCE, Transactions.COMPLIANCE_FREEZE,
                "{\"account\":\"alice\"}"), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void a_transfer_above_perTransferMax_is_LIMIT_EXCEEDED() {
        scenario.mint("alice", 10_000);
        final Outcome limited = scenario.setLimits("alice", 1_000L, null);
        assertThat(limited.events().get(0).getKey()).isEqualTo("LIMITS_SET");
        assertThat(scenario.view("alice").account().limits().perTransferMax()).isEqualTo(Amount.of(1_000));
        assertRejected(scenario.transfer(BANK, "alice", "bob", 1_001), ErrorCode.LIMIT_EXCEEDED);
        assertThat(scenario.transfer(BANK, "alice", "bob", 1_000).success()).isTrue();
        // Limits bind the debited account only.
        assertThat(scenario.transfer(BANK, "bob", "alice", 1_000).success()).isTrue();
    }

    @Test
    void debits_beyond_dailyDebitMax_in_one_utc_day_are_LIMIT_EXCEEDED_and_the_next_day_starts_afresh() {
        scenario.mint("alice", 10_000);
        // Debits made before the limit was set count towards the day.
        assertThat(scenario.transfer(BANK, "alice", "bob", 400).success()).isTrue();
        scenario.setLimits("alice", null, 1_000L);
        assertThat(scenario.transfer(BANK, "alice", "bob", 500).success()).isTrue();
        assertRejected(scenario.transfer(BANK, "alice", "bob", 101), ErrorCode.LIMIT_EXCEEDED);
        assertThat(scenario.transfer(BANK, "alice", "bob", 100).success()).isTrue();
        scenario.harness().clock().advance(Duration.ofDays(1));
        assertThat(scenario.transfer(BANK, "alice", "bob", 1_000).success()).isTrue();
    }

    @Test
    void a_debit_keeps_the_days_sum_in_the_balance_record_and_touches_no_key_of_its_own_for_it() {
        scenario.mint("alice", 10_000);
        scenario.setLimits("alice", null, 1_000L);

        final Outcome paid = scenario.transfer(BANK, "alice", "bob", 600);

        assertThat(paid.success()).isTrue();
        final java.util.Set<String> touched = new java.util.HashSet<>(paid.stub().pointReads().keySet());
        touched.addAll(paid.stub().writes().keySet());
        assertThat(touched).noneMatch(key -> key.startsWith("\u0000" + Keys.DAILY + "\u0000"));
        assertThat(new String(scenario.harness().ledger().value(Keys.balance("alice")), StandardCharsets.UTF_8))
                .contains("\"debitDay\":\"2026-11-22\"").contains("\"debited\":\"600\"");
        assertRejected(scenario.transfer(BANK, "alice", "bob", 401), ErrorCode.LIMIT_EXCEEDED);
        // A hold released back after expiry keeps the day's sum: releasing does not undo a debit.
        assertThat(scenario.placeHold("h1", "alice", 400, Duration.ofMinutes(1)).success()).isTrue();
        scenario.harness().clock().advance(Duration.ofMinutes(2));
        assertThat(scenario.release(BANK, "h1").success()).isTrue();
        assertRejected(scenario.transfer(BANK, "alice", "bob", 1), ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void an_account_whose_balance_record_predates_the_days_sum_still_counts_the_days_earlier_debits() {
        scenario.mint("alice", 10_000);
        scenario.setLimits("alice", null, 1_000L);
        // The state a chaincode before this change left: the record without the day, the day's sum under its own key.
        final FakeLedger ledger = scenario.harness().ledger();
        final FakeStub upgrade = ledger.simulate("legacy", LedgerHarness.START, new byte[0], java.util.List.of());
        upgrade.putStringState(Keys.balance("alice"), "{\"settled\":\"0\",\"held\":\"0\"}");
        upgrade.putStringState(Keys.legacyDaily("alice", "2026-11-22"), "\"900\"");
        assertThat(ledger.commit(upgrade)).isEqualTo(FakeLedger.Validation.VALID);

        assertRejected(scenario.transfer(BANK, "alice", "bob", 101), ErrorCode.LIMIT_EXCEEDED);
        assertThat(scenario.transfer(BANK, "alice", "bob", 100).success()).isTrue();
        assertRejected(scenario.transfer(BANK, "alice", "bob", 1), ErrorCode.LIMIT_EXCEEDED);
        assertThat(scenario.balance("alice")).isEqualTo(9_900);
    }

    @Test
    void holds_and_burns_count_as_debits_for_limits() {
        scenario.mint("alice", 10_000);
        scenario.mint("treasury", 10_000);
        scenario.setLimits("alice", 100L, 150L);
        assertRejected(scenario.placeHold("h1", "alice", 101, Duration.ofMinutes(1)), ErrorCode.LIMIT_EXCEEDED);
        assertThat(scenario.placeHold("h1", "alice", 100, Duration.ofMinutes(1)).success()).isTrue();
        assertRejected(scenario.transfer(BANK, "alice", "bob", 51), ErrorCode.LIMIT_EXCEEDED);
        scenario.setLimits("treasury", 10L, null);
        assertRejected(scenario.submit(ISSUER, Transactions.MONEY_BURN, BurnRequest.of("b", "treasury",
                Amount.of(11))), ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void setting_no_limits_removes_them() {
        scenario.mint("alice", 10_000);
        scenario.setLimits("alice", 1L, 1L);
        scenario.setLimits("alice", null, null);
        assertThat(scenario.view("alice").account().limits()).isNull();
        assertThat(scenario.transfer(BANK, "alice", "bob", 5_000).success()).isTrue();
        assertRejected(scenario.harness().submit(COMPLIANCE, Transactions.COMPLIANCE_SET_LIMITS,
                "{\"account\":\"alice\",\"perTransferMax\":\"0\"}"), ErrorCode.INVALID_AMOUNT);
    }
}
