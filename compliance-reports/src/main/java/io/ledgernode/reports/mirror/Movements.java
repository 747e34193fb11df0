package io.ledgernode.reports.mirror;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.reports.ReportException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs a day's entries into money movements. The chaincode writes a transfer leg as a DEBIT followed by its CREDIT,
 * a capture as a HOLD_CAPTURE followed by the receiver's CREDIT (and a HOLD_RELEASE of any rest), and every other
 * kind alone; any other shape means the mirror holds something the chaincode never writes, and fails the run.
 */
public final class Movements {

    private Movements() {
    }

    /** The movements of entries ordered by block, transaction and entry index. */
    public static List<Movement> of(List<MirrorEntry> entries) throws ReportException {
        List<Movement> movements = new ArrayList<>();
        int i = 0;
        while (i < entries.size()) {
            MirrorEntry entry = entries.get(i);
            switch (entry.kind()) {
                case DEBIT -> movements.add(paired(entry, next(entries, i), MovementType.TRANSFER));
                case HOLD_CAPTURE -> movements.add(paired(entry, next(entries, i), MovementType.HOLD_CAPTURE));
                case MINT -> movements.add(single(entry, MovementType.MINT, null, entry.account()));
                case BURN -> movements.add(single(entry, MovementType.BURN, entry.account(), null));
                case HOLD -> movements.add(single(entry, MovementType.HOLD, entry.account(), null));
                case HOLD_RELEASE -> movements.add(single(entry, MovementType.HOLD_RELEASE, null, entry.account()));
                case CREDIT -> throw inconsistent(entry, "a CREDIT that follows no DEBIT or HOLD_CAPTURE");
            }
            i += entry.kind() == EntryKind.DEBIT || entry.kind() == EntryKind.HOLD_CAPTURE ? 2 : 1;
        }
        return List.copyOf(movements);
    }

    private static MirrorEntry next(List<MirrorEntry> entries, int i) throws ReportException {
        MirrorEntry entry = entries.get(i);
        if (i + 1 >= entries.size() || !entries.get(i + 1).sameTransaction(entry)) {
            throw inconsistent(entry, "a " + entry.kind() + " without the CREDIT that must follow it");
        }
        return entries.get(i + 1);
    }

    private static Movement paired(MirrorEntry out, MirrorEntry in, MovementType type) throws ReportException {
        if (in.kind() != EntryKind.CREDIT || in.amount() != out.amount() || !in.asset().equals(out.asset())) {
            throw inconsistent(out, "a " + out.kind() + " followed by " + in.kind() + " " + in.amount() + " "
                    + in.asset() + " instead of the CREDIT of the same amount and asset");
        }
        return new Movement(out.blockNumber(), out.txIndex(), out.entryIndex(), out.txId(), out.txTime(), type,
                out.asset(), out.amount(), out.account(), in.account(), out.holdId());
    }

    private static Movement single(MirrorEntry entry, MovementType type, AccountRef from, AccountRef to) {
        return new Movement(entry.blockNumber(), entry.txIndex(), entry.entryIndex(), entry.txId(), entry.txTime(),
                type, entry.asset(), entry.amount(), from, to, entry.holdId());
    }

    private static ReportException inconsistent(MirrorEntry entry, String what) {
        return new ReportException(ReportException.Reason.MIRROR_INCONSISTENT, "transaction " + entry.txId()
                + " (block " + entry.blockNumber() + ", tx " + entry.txIndex() + ", entry " + entry.entryIndex()
                + ") has " + what);
    }
}
