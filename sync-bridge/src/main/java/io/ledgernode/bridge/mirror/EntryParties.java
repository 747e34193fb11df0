package io.ledgernode.bridge.mirror;

import io.ledgernode.api.event.HoldEvent;
import io.ledgernode.api.event.LedgerEvent;
import io.ledgernode.api.event.PackedTransfer;
import io.ledgernode.api.event.TransferredEvent;
import io.ledgernode.api.event.TransfersPackedEvent;
import io.ledgernode.api.hold.Hold;
import io.ledgernode.api.money.Entry;
import io.ledgernode.api.money.EntryKind;
import io.ledgernode.api.money.TransferLeg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who is on the other side of each entry of an event, and the reference its leg carried: what a statement shows
 * beside an amount. A transfer's leg is journaled as the debit of its sender then the credit of its receiver; a hold's
 * capture as the capture from the held account, the credit of the payee, then the return of any rest. Entries of other
 * events (minting, burning, a hold placed, voided or released) have neither. Where a leg's entries are not the ones
 * its leg names, nothing is guessed: they get neither.
 */
final class EntryParties {

    /** The other side of one entry, and its leg's reference; either may be null. */
    record Party(String counterparty, String reference) {
        static final Party NONE = new Party(null, null);
    }

    private EntryParties() {
    }

    /** One party per entry of {@code event}, in the entries' order. */
    static List<Party> of(LedgerEvent event) {
        List<Entry> entries = event.entries();
        List<Party> parties = new ArrayList<>(Collections.nCopies(entries.size(), Party.NONE));
        switch (event) {
            case TransferredEvent transferred -> legs(entries, 0, transferred.legs(), parties);
            case TransfersPackedEvent packed -> {
                int at = 0;
                for (PackedTransfer item : packed.items()) {
                    legs(entries, at, item.legs(), parties);
                    at += item.entries().size();
                }
            }
            case HoldEvent held when held.hold().capturedTo() != null -> capture(entries, held.hold(), parties);
            default -> {
                // No counterparty and no reference.
            }
        }
        return parties;
    }

    /** The legs journaled from entry {@code at} on: each a debit of its sender, then a credit of its receiver. */
    private static void legs(List<Entry> entries, int at, List<TransferLeg> legs, List<Party> parties) {
        for (int i = 0; i < legs.size(); i++) {
            TransferLeg leg = legs.get(i);
            int debit = at + 2 * i;
            if (debit + 1 >= entries.size() || !is(entries.get(debit), EntryKind.DEBIT, leg.from())
                    || !is(entries.get(debit + 1), EntryKind.CREDIT, leg.to())) {
                return;
            }
            parties.set(debit, new Party(leg.to(), leg.reference()));
            parties.set(debit + 1, new Party(leg.from(), leg.reference()));
        }
    }

    private static void capture(List<Entry> entries, Hold hold, List<Party> parties) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (is(entry, EntryKind.HOLD_CAPTURE, hold.account())) {
                parties.set(i, new Party(hold.capturedTo(), null));
            } else if (is(entry, EntryKind.CREDIT, hold.capturedTo())) {
                parties.set(i, new Party(hold.account(), null));
            }
        }
    }

    private static boolean is(Entry entry, EntryKind kind, String account) {
        return entry.kind() == kind && entry.account().equals(account);
    }
}
