package io.ledgernode.chaincode.hold;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.OTHER_BANK;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.Instants;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.hold.CaptureHoldRequest;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.hold.HoldRequest;
import io.ledgernode.api.hold.HoldResult;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.hold.PlaceHoldRequest;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldsContractTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private final Scenario scenario = Scenario.funded();

    @BeforeEach
    void fund() {
        scenario.mint("alice", 10_000);
    }

    @Test
    void placing_a_hold_moves_the_amount_from_the_balance_into_the_hold() {
        final Outcome outcome = scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        final HoldResult result = outcome.result(HoldResult.class);
        assertThat(result.hold().status()).isEqualTo(HoldStatus.OPEN);
        assertThat(result.entries()).containsExactly(Entry.of("alice", "USD", EntryKind.HOLD, Amount.of(3_000), "h1"));
        assertThat(outcome.events()).hasSize(1);
        assertThat(outcome.events().get(0).getKey()).isEqualTo("HOLD_PLACED");
        assertThat(scenario.balance("alice")).isEqualTo(7_000);
        assertThat(scenario.held("alice")).isEqualTo(3_000);
        assertThat(scenario.supply("USD")).isEqualTo(10_000);
        final Hold hold = scenario.harness().evaluate(BANK, Transactions.HOLDS_GET, "h1").result(Hold.class);
        assertThat(hold.amount()).isEqualTo(Amount.of(3_000));
    }

    @Test
    void capturing_the_full_amount_pays_the_receiver() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        final Outcome outcome = capture("h1", "bob", 3_000);
        final HoldResult result = outcome.result(HoldResult.class);
        assertThat(result.hold().status()).isEqualTo(HoldStatus.CAPTURED);
        assertThat(result.hold().capturedAmount()).isEqualTo(Amount.of(3_000));
        assertThat(result.entries()).containsExactly(
                Entry.of("alice", "USD", EntryKind.HOLD_CAPTURE, Amount.of(3_000), "h1"),
                Entry.of("bob", "USD", EntryKind.CREDIT, Amount.of(3_000), null));
        assertThat(outcome.events().get(0).getKey()).isEqualTo("HOLD_CAPTURED");
        assertCaptured(7_000, 3_000);
    }

    @Test
    void capturing_part_pays_the_receiver_and_returns_the_rest_to_the_account() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        final HoldResult result = capture("h1", "bob", 2_000).result(HoldResult.class);
        assertThat(result.entries()).containsExactly(
                Entry.of("alice", "USD", EntryKind.HOLD_CAPTURE, Amount.of(2_000), "h1"),
                Entry.of("bob", "USD", EntryKind.CREDIT, Amount.of(2_000), null),
                Entry.of("alice", "USD", EntryKind.HOLD_RELEASE, Amount.of(1_000), "h1"));
        assertCaptured(8_000, 2_000);
    }

    @Test
    void a_hold_is_captured_once_and_a_capture_above_the_held_amount_is_INVALID_AMOUNT() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        assertRejected(capture("h1", "bob", 3_001), ErrorCode.INVALID_AMOUNT);
        capture("h1", "bob", 1_000);
        assertRejected(capture("h1", "bob", 1), ErrorCode.HOLD_NOT_OPEN);
        assertRejected(scenario.submit(BANK, Transactions.HOLDS_VOID, HoldRequest.of("h1")), ErrorCode.HOLD_NOT_OPEN);
    }

    @Test
    void voiding_returns_the_whole_amount_and_only_the_custodian_may_void() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        assertRejected(scenario.submit(OTHER_BANK, Transactions.HOLDS_VOID, HoldRequest.of("h1")),
                ErrorCode.FORBIDDEN);
        final Outcome outcome = scenario.submit(BANK, Transactions.HOLDS_VOID, HoldRequest.of("h1"));
        assertThat(outcome.result(HoldResult.class).hold().status()).isEqualTo(HoldStatus.VOIDED);
        assertThat(outcome.events().get(0).getKey()).isEqualTo("HOLD_VOIDED");
        assertThat(scenario.balance("alice")).isEqualTo(10_000);
        assertThat(scenario.held("alice")).isZero();
    }

    @Test
    void anyone_may_release_a_hold_but_only_at_or_after_expiry() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        assertRejected(scenario.release(OTHER_BANK, "h1"), ErrorCode.HOLD_NOT_EXPIRED);
        scenario.harness().clock().advance(TEN_MINUTES.minusMillis(1));
        assertRejected(scenario.release(OTHER_BANK, "h1"), ErrorCode.HOLD_NOT_EXPIRED);
        scenario.harness().clock().advance(Duration.ofMillis(1));
        final Outcome outcome = scenario.release(OTHER_BANK, "h1");
        assertThat(outcome.result(HoldResult.class).hold().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(outcome.events().get(0).getKey()).isEqualTo("HOLD_RELEASED");
        assertThat(scenario.balance("alice")).isEqualTo(10_000);
        assertRejected(scenario.release(OTHER_BANK, "h1"), ErrorCode.HOLD_NOT_OPEN);
    }

    @Test
    void capture_at_or_after_expiry_is_HOLD_EXPIRED() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        scenario.harness().clock().advance(TEN_MINUTES);
        assertRejected(capture("h1", "bob", 1), ErrorCode.HOLD_EXPIRED);
        assertThat(scenario.held("alice")).isEqualTo(3_000);
    }

    @Test
    void a_forged_future_timestamp_cannot_release_a_hold_early() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        final Instant forged = scenario.harness().clock().instant().plus(TEN_MINUTES);
        final Outcome outcome = scenario.harness().submitAt(OTHER_BANK, Transactions.HOLDS_RELEASE,
                "{\"holdId\":\"h1\"}", forged);
        assertRejected(outcome, ErrorCode.TX_TIME_OUT_OF_TOLERANCE);
        assertThat(scenario.held("alice")).isEqualTo(3_000);
    }

    @Test
    void only_the_custodian_places_and_captures_holds() {
        final String expiresAt = Instants.format(scenario.harness().clock().instant().plus(TEN_MINUTES));
        assertRejected(scenario.submit(OTHER_BANK, Transactions.HOLDS_PLACE, PlaceHoldRequest.of("k", "h1", "alice",
                Amount.of(1), expiresAt, null)), ErrorCode.FORBIDDEN);
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        assertRejected(scenario.submit(OTHER_BANK, Transactions.HOLDS_CAPTURE,
                CaptureHoldRequest.of("c", "h1", "dave", Amount.of(1))), ErrorCode.FORBIDDEN);
    }

    @Test
    void placing_rejects_existing_ids_past_expiry_and_insufficient_funds() {
        scenario.placeHold("h1", "alice", 1, TEN_MINUTES);
        assertRejected(scenario.placeHold("h1", "alice", 1, TEN_MINUTES), ErrorCode.HOLD_EXISTS);
        assertRejected(scenario.placeHold("h2", "alice", 1, Duration.ZERO), ErrorCode.INVALID_ARGUMENT);
        assertRejected(scenario.placeHold("h3", "alice", 10_000, TEN_MINUTES), ErrorCode.INSUFFICIENT_FUNDS);
        assertRejected(scenario.placeHold("h4", "nobody", 1, TEN_MINUTES), ErrorCode.UNKNOWN_ACCOUNT);
        assertRejected(scenario.submit(BANK, Transactions.HOLDS_VOID, HoldRequest.of("nope")), ErrorCode.UNKNOWN_HOLD);
        assertRejected(scenario.harness().evaluate(BANK, Transactions.HOLDS_GET, "nope"), ErrorCode.UNKNOWN_HOLD);
    }

    @Test
    void a_hold_with_a_payee_is_captured_only_to_the_payee() {
        final String expiresAt = Instants.format(scenario.harness().clock().instant().plus(TEN_MINUTES));
        assertThat(scenario.submit(BANK, Transactions.HOLDS_PLACE, PlaceHoldRequest.of("k", "h1", "alice",
                Amount.of(100), expiresAt, "bob")).success()).isTrue();
        assertRejected(capture("h1", "carol", 10), ErrorCode.INVALID_ARGUMENT);
        assertRejected(capture("h1", "alice", 10), ErrorCode.INVALID_ARGUMENT);
        assertThat(capture("h1", "bob", 10).success()).isTrue();
        assertRejected(scenario.submit(BANK, Transactions.HOLDS_PLACE, PlaceHoldRequest.of("k2", "h2", "alice",
                Amount.of(1), expiresAt, "euro-acct")), ErrorCode.ASSET_MISMATCH);
    }

    @Test
    void capture_to_a_frozen_receiver_or_from_a_frozen_account_is_ACCOUNT_FROZEN_but_release_returns_funds() {
        scenario.placeHold("h1", "alice", 100, TEN_MINUTES);
        scenario.freeze("bob");
        assertRejected(capture("h1", "bob", 10), ErrorCode.ACCOUNT_FROZEN);
        scenario.freeze("alice");
        assertRejected(capture("h1", "carol", 10), ErrorCode.ACCOUNT_FROZEN);
        scenario.harness().clock().advance(TEN_MINUTES);
        assertThat(scenario.release(OTHER_BANK, "h1").success()).isTrue();
        assertThat(scenario.balance("alice")).isEqualTo(10_000);
    }

    @Test
    void capture_is_idempotent_per_key() {
        scenario.placeHold("h1", "alice", 3_000, TEN_MINUTES);
        final CaptureHoldRequest request = CaptureHoldRequest.of("cap-1", "h1", "bob", Amount.of(500));
        final Outcome first = scenario.submit(BANK, Transactions.HOLDS_CAPTURE, request);
        final Outcome retry = scenario.submit(BANK, Transactions.HOLDS_CAPTURE, request);
        final io.ledgernode.api.IdempotentReplay replay = Scenario.assertReplayed(retry);
        assertThat(replay.result()).isEqualTo(first.payload());
        assertThat(replay.txId()).isEqualTo(first.stub().getTxId());
        assertThat(scenario.balance("bob")).isEqualTo(500);
    }

    private Outcome capture(final String holdId, final String to, final long amount) {
        return scenario.submit(BANK, Transactions.HOLDS_CAPTURE,
                CaptureHoldRequest.of(scenario.nextKey(), holdId, to, Amount.of(amount)));
    }

    /** After a capture from alice to bob: alice's balance and bob's as given, nothing left held on alice. */
    private void assertCaptured(final long aliceBalance, final long bobBalance) {
        assertThat(scenario.balance("alice")).isEqualTo(aliceBalance);
        assertThat(scenario.held("alice")).isZero();
        assertThat(scenario.balance("bob")).isEqualTo(bobBalance);
    }
}
