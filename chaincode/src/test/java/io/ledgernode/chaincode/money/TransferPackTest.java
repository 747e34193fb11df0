package io.ledgernode.chaincode.money;

import static io.ledgernode.chaincode.testing.Scenario.BANK;
import static io.ledgernode.chaincode.testing.Scenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.IdempotentReplay;
import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Transactions;
import io.ledgernode.api.event.LedgerEvents;
import io.ledgernode.api.event.PackedTransfer;
import io.ledgernode.api.event.TransfersPackedEvent;
import io.ledgernode.api.governance.LedgerConfig;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.MoneyResult;
import io.ledgernode.api.money.PackedOutcome;
import io.ledgernode.api.money.TransferPackRequest;
import io.ledgernode.api.money.TransferPackResult;
import io.ledgernode.api.money.TransferRequest;
import io.ledgernode.chaincode.testing.Outcome;
import io.ledgernode.chaincode.testing.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 item 2b: concurrent debits of one account, packed by its node into one transaction. */
class TransferPackTest {
    private final Scenario scenario = Scenario.funded();

    private static TransferRequest pay(final String key, final String to, final long amount) {
        return TransferRequest.of(key, "alice", to, "USD", Amount.of(amount), null);
    }

    private Outcome pack(final TransferRequest... items) {
        return scenario.submit(BANK, Transactions.MONEY_TRANSFER_PACK, TransferPackRequest.of(List.of(items)));
    }

    @Test
    void each_item_moves_its_own_money_and_answers_its_own_entries() {
        scenario.mint("alice", 100);
        final Outcome outcome = pack(pay("p1", "bob", 10), pay("p2", "carol", 20), pay("p3", "dave", 30));

        final TransferPackResult result = outcome.result(TransferPackResult.class);
        assertThat(result.items()).extracting(PackedOutcome::idempotencyKey).containsExactly("p1", "p2", "p3");
        assertThat(result.items()).allSatisfy(item -> assertThat(item.error()).isNull());
        assertThat(result.items().get(1).result().entries()).containsExactly(
                Entry.of("alice", "USD", EntryKind.DEBIT, Amount.of(20), null),
                Entry.of("carol", "USD", EntryKind.CREDIT, Amount.of(20), null));
        assertThat(result.items().get(1).result().txId()).isEqualTo(outcome.stub().getTxId());
        assertThat(scenario.balance("alice")).isEqualTo(40);
        assertThat(scenario.balance("bob")).isEqualTo(10);
        assertThat(scenario.balance("carol")).isEqualTo(20);
        assertThat(scenario.balance("dave")).isEqualTo(30);
    }

    @Test
    void an_overdraft_in_one_item_refuses_only_that_item_and_leaves_no_write_of_it() {
        scenario.mint("alice", 25);
        final Outcome outcome = pack(pay("p1", "bob", 10), pay("p2", "carol", 20), pay("p3", "dave", 15));

        final TransferPackResult result = outcome.result(TransferPackResult.class);
        assertThat(result.items().get(0).result()).isNotNull();
        assertThat(result.items().get(1).result()).isNull();
        assertThat(result.items().get(1).error().code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(result.items().get(2).result()).isNotNull();
        assertThat(scenario.balance("alice")).isZero();
        assertThat(scenario.balance("carol")).isZero();
        assertThat(scenario.balance("dave")).isEqualTo(15);
        // The refused item recorded no outcome: sent again alone under its key, it runs afresh.
        assertThat(scenario.harness().evaluate(BANK, Transactions.MONEY_OUTCOME, "p2").payload())
                .contains("\"found\":false");
    }

    @Test
    void a_frozen_receiver_refuses_only_its_item() {
        scenario.mint("alice", 100);
        scenario.freeze("carol");
        final TransferPackResult result = pack(pay("p1", "bob", 10), pay("p2", "carol", 20))
                .result(TransferPackResult.class);
        assertThat(result.items().get(0).error()).isNull();
        assertThat(result.items().get(1).error().code()).isEqualTo(ErrorCode.ACCOUNT_FROZEN);
        assertThat(scenario.balance("alice")).isEqualTo(90);
    }

    @Test
    void an_item_replays_as_the_single_transfer_it_is_and_a_single_transfer_replays_a_packed_item() {
        scenario.mint("alice", 100);
        final Outcome alone = scenario.submit(BANK, Transactions.MONEY_TRANSFER, pay("s1", "bob", 10));
        final Outcome packed = pack(pay("s1", "bob", 10), pay("p2", "carol", 5));

        // In a pack, the replayed item alone is refused as a replay naming the original; the other item applies.
        final TransferPackResult result = packed.result(TransferPackResult.class);
        assertThat(result.items().get(0).error().code()).isEqualTo(ErrorCode.REPLAYED);
        final IdempotentReplay packedReplay = LedgerJson.read(result.items().get(0).error().message(), IdempotentReplay.class);
        assertThat(packedReplay.txId()).isEqualTo(alone.stub().getTxId());
        assertThat(packedReplay.result()).isEqualTo(alone.payload());
        assertThat(result.items().get(1).error()).isNull();
        final IdempotentReplay aloneReplay = Scenario.assertReplayed(
                scenario.submit(BANK, Transactions.MONEY_TRANSFER, pay("p2", "carol", 5)));
        assertThat(aloneReplay.txId()).isEqualTo(packed.stub().getTxId());
        assertThat(scenario.balance("alice")).isEqualTo(85);
    }

    @Test
    void the_same_key_with_another_body_is_IDEMPOTENCY_CONFLICT_for_that_item_only() {
        scenario.mint("alice", 100);
        scenario.submit(BANK, Transactions.MONEY_TRANSFER, pay("s1", "bob", 10));
        final TransferPackResult result = pack(pay("s1", "bob", 11), pay("p2", "carol", 5), pay("p2", "carol", 6))
                .result(TransferPackResult.class);
        assertThat(result.items().get(0).error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(result.items().get(1).error()).isNull();
        // A key twice in one pack: the second is judged against the first, as if sent after it.
        assertThat(result.items().get(2).error().code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(scenario.balance("alice")).isEqualTo(85);
    }

    @Test
    void the_event_carries_each_applied_item_with_its_entries_and_none_of_the_refused() {
        scenario.mint("alice", 15);
        final Outcome outcome = pack(pay("p1", "bob", 10), pay("p2", "carol", 20), pay("p3", "dave", 5));

        assertThat(outcome.events()).hasSize(1);
        final TransfersPackedEvent event = (TransfersPackedEvent) LedgerEvents.parse(outcome.events().get(0).getKey(),
                outcome.events().get(0).getValue());
        assertThat(event.items()).extracting(PackedTransfer::idempotencyKey).containsExactly("p1", "p3");
        assertThat(event.items().get(1).entries()).containsExactly(
                Entry.of("alice", "USD", EntryKind.DEBIT, Amount.of(5), null),
                Entry.of("dave", "USD", EntryKind.CREDIT, Amount.of(5), null));
        assertThat(event.entries()).hasSize(4);
        assertThat(event.txId()).isEqualTo(outcome.stub().getTxId());
    }

    @Test
    void a_pack_whose_items_are_all_refused_or_replayed_writes_nothing_and_emits_nothing() {
        scenario.mint("alice", 10);
        scenario.submit(BANK, Transactions.MONEY_TRANSFER, pay("s1", "bob", 5));
        final Outcome outcome = pack(pay("s1", "bob", 5), pay("p2", "carol", 50));
        assertThat(outcome.success()).isTrue();
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.stub().writes()).isEmpty();
    }

    @Test
    void only_the_custodian_of_the_sender_may_pack_its_debits_item_by_item() {
        scenario.mint("alice", 100);
        scenario.mint("dave", 100);
        final TransferPackResult result = pack(pay("p1", "bob", 10),
                TransferRequest.of("p2", "dave", "bob", "USD", Amount.of(1), null)).result(TransferPackResult.class);
        assertThat(result.items().get(0).error()).isNull();
        assertThat(result.items().get(1).error().code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(scenario.balance("dave")).isEqualTo(100);
    }

    @Test
    void a_pack_above_batchLegsMax_is_BATCH_TOO_LARGE_and_moves_nothing() {
        scenario.mint("alice", 1_000);
        final List<TransferRequest> items = new ArrayList<>();
        for (int i = 0; i <= LedgerConfig.BATCH_LEGS_MAX_DEFAULT; i++) {
            items.add(pay("p" + i, "bob", 1));
        }
        assertRejected(scenario.submit(BANK, Transactions.MONEY_TRANSFER_PACK, TransferPackRequest.of(items)),
                ErrorCode.BATCH_TOO_LARGE);
        assertRejected(scenario.harness().submit(BANK, Transactions.MONEY_TRANSFER_PACK, "{\"items\":[]}"),
                ErrorCode.INVALID_ARGUMENT);
        assertThat(scenario.balance("alice")).isEqualTo(1_000);
    }
}
