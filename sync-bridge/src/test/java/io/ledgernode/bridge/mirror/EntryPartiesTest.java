package io.ledgernode.bridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.api.Amount;
import io.ledgernode.api.event.EventType;
import io.ledgernode.api.event.HoldEvent;
import io.ledgernode.api.event.MoneyEvent;
import io.ledgernode.api.event.PackedTransfer;
import io.ledgernode.api.event.TransferredEvent;
import io.ledgernode.api.event.TransfersPackedEvent;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.hold.HoldStatus;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.TransferLeg;
import io.ledgernode.bridge.mirror.EntryParties.Party;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each entry a statement shows names the account on the other side of its leg and the leg's reference. */
class EntryPartiesTest {

    private static final String T = "2026-12-06T12:00:00.000Z";

    private static Entry entry(String account, EntryKind kind, long amount) {
        return Entry.of(account, "USD", kind, Amount.of(amount), null);
    }

    @Test
    void a_batch_names_each_legs_receiver_on_its_debit_and_sender_on_its_credit_with_the_legs_own_reference() {
        TransferredEvent batch = TransferredEvent.of("tx1", T, List.of(entry("alice", EntryKind.DEBIT, 5), entry("bob", EntryKind.CREDIT, 5),
                entry("bob", EntryKind.DEBIT, 2), entry("carol", EntryKind.CREDIT, 2)), "k1",
                List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(5), "inv-1"), TransferLeg.of("bob", "carol", "USD", Amount.of(2), null)));

        assertThat(EntryParties.of(batch)).containsExactly(new Party("bob", "inv-1"), new Party("alice", "inv-1"),
                new Party("carol", null), new Party("bob", null));
    }

    @Test
    void a_pack_names_each_items_parties_from_its_own_entries() {
        List<Entry> first = List.of(entry("alice", EntryKind.DEBIT, 1), entry("bob", EntryKind.CREDIT, 1));
        List<Entry> second = List.of(entry("alice", EntryKind.DEBIT, 3), entry("dave", EntryKind.CREDIT, 3));
        TransfersPackedEvent pack = TransfersPackedEvent.of("tx2", T, List.of(first.get(0), first.get(1), second.get(0), second.get(1)),
                List.of(PackedTransfer.of("p1", List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(1), "r-1")), first),
                        PackedTransfer.of("p2", List.of(TransferLeg.of("alice", "dave", "USD", Amount.of(3), "r-2")), second)));

        assertThat(EntryParties.of(pack)).containsExactly(new Party("bob", "r-1"), new Party("alice", "r-1"),
                new Party("dave", "r-2"), new Party("alice", "r-2"));
    }

    @Test
    void a_capture_names_the_payee_on_the_capture_and_the_held_account_on_the_credit_and_nothing_on_the_rest() {
        Hold captured = Hold.of("h1", "alice", "USD", Amount.of(10), null, T, T, HoldStatus.CAPTURED, T, Amount.of(7), "bob");
        HoldEvent capture = HoldEvent.of(EventType.HOLD_CAPTURED, "tx3", T, List.of(Entry.of("alice", "USD", EntryKind.HOLD_CAPTURE,
                Amount.of(7), "h1"), entry("bob", EntryKind.CREDIT, 7), Entry.of("alice", "USD", EntryKind.HOLD_RELEASE, Amount.of(3), "h1")),
                "k3", captured);

        assertThat(EntryParties.of(capture)).containsExactly(new Party("bob", null), new Party("alice", null), Party.NONE);
    }

    @Test
    void minting_has_no_counterparty_and_entries_that_do_not_match_their_legs_are_not_guessed_at() {
        assertThat(EntryParties.of(MoneyEvent.of(EventType.MINTED, "tx4", T, List.of(entry("alice", EntryKind.MINT, 9)), "k4")))
                .containsExactly(Party.NONE);
        TransferredEvent odd = TransferredEvent.of("tx5", T, List.of(entry("alice", EntryKind.DEBIT, 5), entry("carol", EntryKind.CREDIT, 5)),
                "k5", List.of(TransferLeg.of("alice", "bob", "USD", Amount.of(5), "inv-2")));
        assertThat(EntryParties.of(odd)).containsExactly(Party.NONE, Party.NONE);
    }
}
