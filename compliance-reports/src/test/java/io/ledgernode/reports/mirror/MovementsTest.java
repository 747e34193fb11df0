package io.ledgernode.reports.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Entry;
import io.ledgernode.reports.ReportException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How entries pair into money movements, exactly as the chaincode writes them. */
class MovementsTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final AccountRef ALICE = new AccountRef("alice", "USD", "owner-alice", "DE");
    private static final AccountRef BOB = new AccountRef("bob", "USD", "owner-bob", "FR");
    private static final AccountRef CAROL = new AccountRef("carol", "USD", "owner-carol", "FR");

    @Test
    void each_leg_of_a_batch_transfer_is_one_movement_from_its_debit_to_its_credit() throws Exception {
        List<Movement> movements = Movements.of(tx(1, entry(ALICE, EntryKind.DEBIT, 10), entry(BOB, EntryKind.CREDIT, 10),
                entry(BOB, EntryKind.DEBIT, 3), entry(CAROL, EntryKind.CREDIT, 3)));

        assertThat(movements).extracting(m -> m.entryIndex() + ":" + m.type() + ":" + m.from().id() + ">"
                + m.to().id() + ":" + m.amount()).containsExactly("0:TRANSFER:alice>bob:10", "2:TRANSFER:bob>carol:3");
    }

    @Test
    void a_partial_capture_is_a_payment_to_the_receiver_and_a_release_of_the_rest() throws Exception {
        List<Movement> movements = Movements.of(tx(1, entry(ALICE, EntryKind.HOLD_CAPTURE, 20, "h1"),
                entry(BOB, EntryKind.CREDIT, 20), entry(ALICE, EntryKind.HOLD_RELEASE, 5, "h1")));

        assertThat(movements).extracting(Movement::type).containsExactly(MovementType.HOLD_CAPTURE,
                MovementType.HOLD_RELEASE);
        assertThat(movements.get(0).to()).isEqualTo(BOB);
        assertThat(movements.get(1).from()).isNull();
        assertThat(movements.get(1).to()).isEqualTo(ALICE);
        assertThat(movements).extracting(Movement::holdId).containsOnly("h1");
    }

    @Test
    void mints_burns_and_holds_stand_alone_with_the_account_on_the_side_the_money_goes() throws Exception {
        List<Movement> movements = Movements.of(List.of(
                entry(0, ALICE, EntryKind.MINT, 5, null), entry(1, ALICE, EntryKind.BURN, 1, null),
                entry(2, ALICE, EntryKind.HOLD, 2, "h2")));

        assertThat(movements).extracting(m -> m.type() + ":" + (m.from() == null ? "-" : m.from().id()) + ">"
                + (m.to() == null ? "-" : m.to().id())).containsExactly("MINT:->alice", "BURN:alice>-", "HOLD:alice>-");
    }

    @Test
    void a_credit_that_follows_no_debit_is_an_inconsistent_mirror() {
        assertThatThrownBy(() -> Movements.of(tx(1, entry(BOB, EntryKind.CREDIT, 10))))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.reason())
                        .isEqualTo(ReportException.Reason.MIRROR_INCONSISTENT))
                .hasMessageContaining("CREDIT that follows no DEBIT");
    }

    @Test
    void a_debit_whose_credit_differs_in_amount_or_sits_in_another_transaction_is_an_inconsistent_mirror() {
        assertThatThrownBy(() -> Movements.of(tx(1, entry(ALICE, EntryKind.DEBIT, 10), entry(BOB, EntryKind.CREDIT, 9))))
                .isInstanceOf(ReportException.class).hasMessageContaining("instead of the CREDIT");
        List<MirrorEntry> split = new ArrayList<>(tx(1, entry(ALICE, EntryKind.DEBIT, 10)));
        split.addAll(tx(2, entry(BOB, EntryKind.CREDIT, 10)));
        assertThatThrownBy(() -> Movements.of(split)).isInstanceOf(ReportException.class)
                .hasMessageContaining("without the CREDIT");
    }

    private record Draft(AccountRef account, EntryKind kind, long amount, String holdId) {
    }

    private static Draft entry(AccountRef account, EntryKind kind, long amount) {
        return new Draft(account, kind, amount, null);
    }

    private static Draft entry(AccountRef account, EntryKind kind, long amount, String holdId) {
        return new Draft(account, kind, amount, holdId);
    }

    private static MirrorEntry entry(int txIndex, AccountRef account, EntryKind kind, long amount, String holdId) {
        return new MirrorEntry(new Entry(3, txIndex, 0, "tx" + txIndex, account.id(), "USD", kind, amount, holdId, T), account);
    }

    private static List<MirrorEntry> tx(int txIndex, Draft... drafts) {
        List<MirrorEntry> entries = new ArrayList<>();
        for (int i = 0; i < drafts.length; i++) {
            entries.add(new MirrorEntry(new Entry(3, txIndex, i, "tx" + txIndex, drafts[i].account().id(), "USD", drafts[i].kind(),
                    drafts[i].amount(), drafts[i].holdId(), T), drafts[i].account()));
        }
        return entries;
    }
}
