package io.ledgernode.node.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transaction's entries grouped into legs, in order. The chaincode writes a transfer leg as its {@code DEBIT}
 * followed by its {@code CREDIT}, and a capture as {@code HOLD_CAPTURE} followed by the receiver's {@code CREDIT} and,
 * when partial, the {@code HOLD_RELEASE} of the rest of the same hold; every other entry (mint, burn, hold, release) is
 * a leg of its own.
 */
final class Legs {

    private Legs() {}

    static List<List<Entry>> of(List<Entry> entries) {
        List<List<Entry>> legs = new ArrayList<>();
        int i = 0;
        while (i < entries.size()) {
            Entry entry = entries.get(i);
            int size = switch (entry.kind()) {
                case "DEBIT" -> requireCredit(entries, i);
                case "HOLD_CAPTURE" -> requireCredit(entries, i) + (releasesRest(entry, entries, i + 2) ? 1 : 0);
                default -> 1;
            };
            legs.add(List.copyOf(entries.subList(i, i + size)));
            i += size;
        }
        return legs;
    }

    /** Paired on write by the chaincode (Payments, HoldBook), asserted here on read: 2, the entry and its credit. */
    private static int requireCredit(List<Entry> entries, int i) {
        if (i + 1 == entries.size() || !entries.get(i + 1).kind().equals("CREDIT")) {
            throw new IllegalStateException("entry " + entries.get(i).entryIndex() + " (" + entries.get(i).kind()
                    + ") is not followed by its CREDIT");
        }
        return 2;
    }

    private static boolean releasesRest(Entry capture, List<Entry> entries, int next) {
        if (next >= entries.size()) {
            return false;
        }
        Entry release = entries.get(next);
        return release.kind().equals("HOLD_RELEASE") && release.accountId().equals(capture.accountId())
                && Objects.equals(release.holdId(), capture.holdId());
    }
}
