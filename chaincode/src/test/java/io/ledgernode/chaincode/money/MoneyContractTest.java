package io.ledgernode.chaincode.money;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.COMPLIANCE;
import static io.ledgernode.chaincode.testing.Scenario.ISSUER;
import static io.ledgernode.chaincode.testing.Scenario.OTHER_BANK;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.compliance.UnfreezeRequest;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.event.TransferredEvent;
import io.ledgernode.api.money.BurnRequest;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.MintRequest;
import io.ledgernode.api.money.MoneyResult;
import io.ledgernode.api.money.TransferBatchRequest;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.chaincode.state.Keys;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyContractTest {
    private final Scenario scenario = Scenario.funded();

    @Test
    void the_issuer_mints_into_any_account_and_the_supply_grows() {
        final Outcome outcome = scenario.mint("alice", 10_000);
        assertThat(outcome.success()).isTrue();
        final MoneyResult result = outcome.result(MoneyResult.class);
        assertThat(result.entries()).containsExactly(Entry.of("alice", "USD", EntryKind.MINT, Amount.of(10_000), null));
        assertThat(outcome.events()).hasSize(1);
        assertThat(outcome.events().get(0).getKey()).isEqualTo("MINTED");
        assertThat(scenario.balance("alice")).isEqualTo(10_000);
        assertThat(scenario.supply("USD")).isEqualTo(10_000);
    }

    @Test
    void only_the_issuer_mints() {
        assertRejected(scenario.submit(BANK, Transactions.MONEY_MINT, MintRequest.of("k", "alice", Amount.of(5))),
                ErrorCode.FORBIDDEN);
        assertThat(scenario.supply("USD")).isZero();
    }

    @Test
    void the_issuer_burns_only_from_accounts_it_is_custodian_of() {
        scenario.mint("treasury", 1_000);
        scenario.mint("alice", 1_000);
        final Outcome burned = scenario.submit(ISSUER, Transactions.MONEY_BURN,
                BurnRequest.of("b1", "treasury", Amount.of(400)));
        assertThat(burned.result(MoneyResult.class).entries())
                .containsExactly(Entry.of("treasury", "USD", EntryKind.BURN, Amount.of(400), null));
        assertThat(burned.events().get(0).getKey()).isEqualTo("BURNED");
        assertThat(scenario.supply("USD")).isEqualTo(1_600);
        assertThat(scenario.balance("treasury")).isEqualTo(600);

        assertRejected(scenario.submit(ISSUER, Transactions.MONEY_BURN, BurnRequest.of("b2", "alice",
                Amount.of(1))), ErrorCode.FORBIDDEN);
        assertRejected(scenario.submit(BANK, Transactions.MONEY_BURN, BurnRequest.of("b3", "alice",
                Amount.of(1))), ErrorCode.FORBIDDEN);
        assertRejected(scenario.submit(ISSUER, Transactions.MONEY_BURN, BurnRequest.of("b4", "treasury",
                Amount.of(601))), ErrorCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void a_transfer_debits_the_sender_credits_the_receiver_and_emits_one_TRANSFERRED_event() {
        scenario.mint("alice", 10_000);
        final Outcome outcome = scenario.submit(BANK, Transactions.MONEY_TRANSFER,
                TransferRequest.of("k3", "alice", "dave", "USD", Amount.of(2_500), "inv-9"));
        final MoneyResult result = outcome.result(MoneyResult.class);
        assertThat(result.txId()).isEqualTo(outcome.stub().getTxId());
        assertThat(result.timestamp()).isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(result.entries()).containsExactly(
                Entry.of("alice", "USD", EntryKind.DEBIT, Amount.of(2_500), null),
                Entry.of("dave", "USD", EntryKind.CREDIT, Amount.of(2_500), null));
        assertThat(outcome.events()).hasSize(1);
        final TransferredEvent event = (TransferredEvent) LedgerEvents.parse(outcome.events().get(0).getKey(),
                outcome.events().get(0).getValue());
        assertThat(event.legs()).extracting(TransferLeg::reference).containsExactly("inv-9");
        assertThat(event.entries()).isEqualTo(result.entries());
        assertThat(scenario.balance("alice")).isEqualTo(7_500);
        assertThat(scenario.balance("dave")).isEqualTo(2_500);
    }

    @Test
    void transfer_with_same_idempotency_key_and_payload_is_refused_as_a_replay_naming_the_original_and_moves_nothing() {
        scenario.mint("alice", 10_000);
        final TransferRequest request = TransferRequest.of("pay-1", "alice", "bob", "USD", Amount.of(2_500), null);
        final Outcome first = scenario.submit(BANK, Transactions.MONEY_TRANSFER, request);
        final SortedMap<String, byte[]> stateAfterFirst = scenario.harness().ledger().snapshot();

        // The same body with other field order and spacing is the same request. Its endorsement is refused, so the
        // retry never becomes a transaction: the client answers with the original.
        final Outcome retry = scenario.harness().submit(BANK, Transactions.MONEY_TRANSFER,
                "{ \"to\":\"bob\", \"amount\":\"2500\", \"asset\":\"USD\", \"from\":\"alice\", \"idempotencyKey\":\"pay-1\" }");
        final IdempotentReplay replay = Scenario.assertReplayed(retry);
        assertThat(replay.txId()).isEqualTo(first.stub().getTxId()).isNotEqualTo(retry.stub().getTxId());
        assertThat(replay.result()).isEqualTo(first.payload());
        assertThat(scenario.harness().ledger().snapshot()).usingRecursiveComparison().isEqualTo(stateAfterFirst);
        assertThat(scenario.balance("alice")).isEqualTo(7_500);
        assertThat(scenario.balance("bob")).isEqualTo(2_500);
    }

    @Test
    void transfer_with_same_idempotency_key_and_different_payload_is_IDEMPOTENCY_CONFLICT() {
        scenario.mint("alice", 10_000);
        scenario.submit(BANK, Transactions.MONEY_TRANSFER,
                TransferRequest.of("pay-1", "alice", "bob", "USD", Amount.of(2_500), null));
        assertRejected(scenario.submit(BANK, Transactions.MONEY_TRANSFER,
                TransferRequest.of("pay-1", "alice", "bob", "USD", Amount.of(2_501), null)),
                ErrorCode.IDEMPOTENCY_CONFLICT);
        // Same key, same fields, other transaction: also a conflict, not a replay of the transfer.
        assertRejected(scenario.submit(BANK, Transactions.MONEY_TRANSFER_BATCH, TransferBatchRequest.of("pay-1",
                List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(2_500), null)))),
                ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(scenario.balance("bob")).isEqualTo(2_500);
    }

    @Test
    void the_outcome_of_a_key_is_the_original_result_for_its_org_and_not_found_otherwise() {
        scenario.mint("alice", 10_000);
        final Outcome paid = scenario.submit(BANK, Transactions.MONEY_TRANSFER,
                TransferRequest.of("pay-7", "alice", "bob", "USD", Amount.of(2_500), null));

        final Outcome found = scenario.harness().evaluate(BANK, Transactions.MONEY_OUTCOME, "pay-7");
        assertThat(found.success()).isTrue();
        assertThat(found.payload()).contains("\"found\":true")
                .contains(paid.result(MoneyResult.class).txId());
        assertThat(found.stub().writes()).isEmpty();
        // Another org's key space does not hold it; an unused key is simply not found.
        assertThat(scenario.harness().evaluate(OTHER_BANK, Transactions.MONEY_OUTCOME, "pay-7").payload()).contains("\"found\":false");
        assertThat(scenario.harness().evaluate(BANK, Transactions.MONEY_OUTCOME, "pay-8").payload()).contains("\"found\":false");
    }

    @Test
    void idempotency_keys_are_scoped_by_the_callers_org() {
        scenario.mint("alice", 100);
        scenario.mint("dave", 100);
        assertThat(scenario.submit(BANK, Transactions.MONEY_TRANSFER,
                TransferRequest.of("same", "alice", "bob", "USD", Amount.of(10), null)).success()).isTrue();
        assertThat(scenario.submit(OTHER_BANK, Transactions.MONEY_TRANSFER,
                TransferRequest.of("same", "dave", "bob", "USD", Amount.of(10), null)).success()).isTrue();
        assertThat(scenario.balance("bob")).isEqualTo(20);
    }

    /** A chain whose records were written before records named their transaction replays as it did then. */
    @Test
    void a_record_written_before_records_named_their_transaction_replays_its_result_in_a_transaction_that_writes_nothing() {
        scenario.mint("alice", 10_000);
        final TransferRequest request = TransferRequest.of("pay-old", "alice", "bob", "USD", Amount.of(100), null);
        final Outcome first = scenario.submit(BANK, Transactions.MONEY_TRANSFER, request);
        final String key = io.ledgernode.chaincode.state.Keys.idempotency(BANK.mspId(), "pay-old");
        final String record = new String(scenario.harness().ledger().value(key), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(record).contains("\"txId\":\"" + first.stub().getTxId() + "\"");
        scenario.harness().ledger().rewrite(key, record.replaceFirst(",?\"txId\":\"[0-9a-f]+\"", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        final Outcome retry = scenario.submit(BANK, Transactions.MONEY_TRANSFER, request);

        assertThat(retry.success()).isTrue();
        assertThat(retry.payload()).isEqualTo(first.payload());
        assertThat(retry.events()).isEmpty();
        assertThat(retry.stub().writes()).isEmpty();
        assertThat(scenario.balance("bob")).isEqualTo(100);
    }

    @Test
    void a_mint_with_the_same_key_and_body_as_a_burn_is_not_a_replay() {
        scenario.mint("treasury", 100);
        scenario.submit(ISSUER, Transactions.MONEY_MINT, MintRequest.of("m", "treasury", Amount.of(5)));
        assertRejected(scenario.submit(ISSUER, Transactions.MONEY_BURN, BurnRequest.of("m", "treasury",
                Amount.of(5))), ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(scenario.balance("treasury")).isEqualTo(105);
    }

    @Test
    void a_transfer_above_the_available_balance_is_INSUFFICIENT_FUNDS_and_moves_nothing() {
        scenario.mint("alice", 100);
        assertRejected(scenario.transfer(BANK, "alice", "bob", 101), ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(scenario.balance("alice")).isEqualTo(100);
        assertThat(scenario.balance("bob")).isZero();
    }

    @Test
    void a_transfer_reads_its_idempotency_record_both_accounts_and_the_senders_balance_and_nothing_else() {
        scenario.mint("alice", 100);

        final Outcome outcome = scenario.harness().simulate(BANK, Transactions.MONEY_TRANSFER,
                LedgerJson.writeString(TransferRequest.of("k-reads", "alice", "bob", "USD", Amount.of(1), null)));

        // Every key read is a message to the peer and a version every peer checks at commit; the configuration is
        // not among them (set once, it cannot change under a transfer, and one leg is within any batchLegsMax).
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(outcome.stub().pointReads().keySet()).containsExactlyInAnyOrder(
                Keys.idempotency("Org2MSP", "k-reads"), Keys.account("alice"), Keys.account("bob"), Keys.balance("alice"));
    }

    @Test
    void a_transfer_from_or_to_an_unknown_account_is_UNKNOWN_ACCOUNT() {
        scenario.mint("alice", 100);
        assertRejected(scenario.transfer(BANK, "alice", "nobody", 1), ErrorCode.UNKNOWN_ACCOUNT);
        assertRejected(scenario.transfer(BANK, "nobody", "alice", 1), ErrorCode.UNKNOWN_ACCOUNT);
        assertRejected(scenario.mint("nobody", 1), ErrorCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void only_the_custodian_of_the_sender_may_transfer_from_it() {
        scenario.mint("alice", 100);
        assertRejected(scenario.transfer(OTHER_BANK, "alice", "dave", 1), ErrorCode.FORBIDDEN);
        assertRejected(scenario.transfer(ISSUER, "alice", "dave", 1), ErrorCode.FORBIDDEN);
        assertThat(scenario.transfer(BANK, "alice", "dave", 1).success()).isTrue();
    }

    @Test
    void a_frozen_sender_cannot_send_and_a_frozen_receiver_cannot_receive() {
        scenario.mint("alice", 100);
        scenario.mint("bob", 100);
        assertThat(scenario.freeze("alice").success()).isTrue();
        assertRejected(scenario.transfer(BANK, "alice", "bob", 1), ErrorCode.ACCOUNT_FROZEN);
        assertRejected(scenario.transfer(BANK, "bob", "alice", 1), ErrorCode.ACCOUNT_FROZEN);
        assertRejected(scenario.mint("alice", 1), ErrorCode.ACCOUNT_FROZEN);
        assertThat(scenario.submit(COMPLIANCE, Transactions.COMPLIANCE_UNFREEZE, UnfreezeRequest.of("alice"))
                .success()).isTrue();
        assertThat(scenario.transfer(BANK, "alice", "bob", 1).success()).isTrue();
    }

    @Test
    void a_transfer_between_assets_or_in_another_asset_is_ASSET_MISMATCH() {
        scenario.mint("alice", 100);
        assertRejected(scenario.transfer(BANK, "alice", "euro-acct", 1), ErrorCode.ASSET_MISMATCH);
        assertRejected(scenario.submit(BANK, Transactions.MONEY_TRANSFER,
                TransferRequest.of("k", "alice", "bob", "EUR", Amount.of(1), null)), ErrorCode.ASSET_MISMATCH);
    }

    @Test
    void a_transfer_to_the_same_account_is_SAME_ACCOUNT() {
        scenario.mint("alice", 100);
        assertRejected(scenario.transfer(BANK, "alice", "alice", 1), ErrorCode.SAME_ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0\"", "\"-5\"", "\"12.5\"", "\"1e3\"", "\"007\"", "\"9223372036854775808\"",
        "\"18446744073709551616\"", "\"\"", "\" 5\""})
    void zero_negative_non_integer_and_too_large_amounts_are_INVALID_AMOUNT(final String amount) {
        scenario.mint("alice", 100);
        assertRejected(scenario.harness().submit(BANK, Transactions.MONEY_TRANSFER, "{\"idempotencyKey\":\"k\","
                + "\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":" + amount + "}"),
                ErrorCode.INVALID_AMOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5.0", "null", "true"})
    void an_amount_that_is_not_a_string_is_INVALID_ARGUMENT(final String amount) {
        assertRejected(scenario.harness().submit(BANK, Transactions.MONEY_TRANSFER, "{\"idempotencyKey\":\"k\","
                + "\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":" + amount + "}"),
                ErrorCode.INVALID_ARGUMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "not json", "{\"idempotencyKey\":\"k\",\"from\":\"alice\",\"to\":\"bob\","
            + "\"asset\":\"USD\",\"amount\":\"1\",\"memo\":\"x\"}", "{\"idempotencyKey\":\"k\",\"idempotencyKey\":\"k\","
            + "\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\"}", "{\"idempotencyKey\":\"k\","
            + "\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\"} x"})
    void malformed_requests_are_INVALID_ARGUMENT(final String json) {
        assertRejected(scenario.harness().submit(BANK, Transactions.MONEY_TRANSFER, json),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void a_reference_over_140_characters_is_INVALID_ARGUMENT() {
        scenario.mint("alice", 100);
        assertRejected(scenario.harness().submit(BANK, Transactions.MONEY_TRANSFER, "{\"idempotencyKey\":\"k\","
                + "\"from\":\"alice\",\"to\":\"bob\",\"asset\":\"USD\",\"amount\":\"1\",\"reference\":\""
                + "r".repeat(141) + "\"}"), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void minting_beyond_64_bits_of_supply_is_AMOUNT_OVERFLOW() {
        assertThat(scenario.mint("alice", Long.MAX_VALUE).success()).isTrue();
        assertRejected(scenario.mint("bob", 1), ErrorCode.AMOUNT_OVERFLOW);
        assertThat(scenario.supply("USD")).isEqualTo(Long.MAX_VALUE);
        // Moving the whole supply around stays exact.
        assertThat(scenario.transfer(BANK, "alice", "bob", Long.MAX_VALUE).success()).isTrue();
        assertThat(scenario.balance("bob")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_batch_moves_all_legs_in_one_transaction_and_one_event() {
        scenario.mint("alice", 1_000);
        final Outcome outcome = scenario.submit(BANK, Transactions.MONEY_TRANSFER_BATCH, TransferBatchRequest.of("b",
                List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(300), "one"),
                        TransferLeg.of("bob", "carol", "USD", Amount.of(200), null),
                        TransferLeg.of("alice", "dave", "USD", Amount.of(100), null))));
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(outcome.result(MoneyResult.class).entries()).hasSize(6);
        assertThat(outcome.events()).hasSize(1);
        assertThat(scenario.balance("alice")).isEqualTo(600);
        assertThat(scenario.balance("bob")).isEqualTo(100);
        assertThat(scenario.balance("carol")).isEqualTo(200);
        assertThat(scenario.balance("dave")).isEqualTo(100);
    }

    @Test
    void a_batch_with_one_failing_leg_moves_nothing() {
        scenario.mint("alice", 1_000);
        final Outcome outcome = scenario.submit(BANK, Transactions.MONEY_TRANSFER_BATCH, TransferBatchRequest.of("b",
                List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(300), null),
                        TransferLeg.of("carol", "dave", "USD", Amount.of(1), null))));
        assertRejected(outcome, ErrorCode.INSUFFICIENT_FUNDS);
        // The second leg of two, counted from 1 as the documents count them.
        assertThat(outcome.message()).contains("leg 2 of 2: ");
        assertThat(scenario.balance("alice")).isEqualTo(1_000);
        assertThat(scenario.balance("bob")).isZero();
    }

    @Test
    void a_batch_debiting_an_account_of_another_custodian_is_FORBIDDEN() {
        scenario.mint("alice", 10);
        scenario.mint("dave", 10);
        assertRejected(scenario.submit(BANK, Transactions.MONEY_TRANSFER_BATCH, TransferBatchRequest.of("b",
                List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(1), null),
                        TransferLeg.of("dave", "bob", "USD", Amount.of(1), null)))), ErrorCode.FORBIDDEN);
    }

    @Test
    void a_batch_above_batchLegsMax_is_BATCH_TOO_LARGE() {
        scenario.mint("alice", 1_000);
        final List<TransferLeg> legs = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            legs.add(TransferLeg.of("alice", "bob", "USD", Amount.of(1), null));
        }
        assertRejected(scenario.submit(BANK, Transactions.MONEY_TRANSFER_BATCH, TransferBatchRequest.of("b", legs)),
                ErrorCode.BATCH_TOO_LARGE);
        assertThat(scenario.submit(BANK, Transactions.MONEY_TRANSFER_BATCH,
                TransferBatchRequest.of("b2", legs.subList(0, 100))).success()).isTrue();
        assertThat(scenario.balance("bob")).isEqualTo(100);
    }

    @Test
    void the_same_request_gives_byte_identical_results_events_and_state_on_two_peers() {
        final Scenario peer1 = Scenario.funded();
        final Scenario peer2 = Scenario.funded();
        for (final Scenario peer : List.of(peer1, peer2)) {
            peer.mint("alice", 500);
        }
        final String request = LedgerJson.writeString(TransferRequest.of("k", "alice", "bob", "USD", Amount.of(5),
                "same"));
        final Outcome one = peer1.harness().submit(BANK, Transactions.MONEY_TRANSFER, request);
        final Outcome two = peer2.harness().submit(BANK, Transactions.MONEY_TRANSFER, request);
        assertThat(one.payload()).isEqualTo(two.payload());
        assertThat(one.events().get(0).getValue()).isEqualTo(two.events().get(0).getValue());
        assertThat(one.stub().writes()).usingRecursiveComparison().isEqualTo(two.stub().writes());
        assertThat(peer1.harness().ledger().snapshot()).usingRecursiveComparison()
                .isEqualTo(peer2.harness().ledger().snapshot());
    }
}
