package io.ledgernode.reconciler.testing;

/** One effect of a test transaction, applied alike to the fake chain and (unless chain-only) the mirror. */
sealed interface Op {

    boolean chainOnly();

    record RegisterAsset(String code, int decimals, boolean chainOnly) implements Op {
    }

    record Open(String id, String asset, String jurisdiction, boolean chainOnly) implements Op {
    }

    /** A balance effect, with the entry kind's meaning (MINT, BURN, CREDIT, DEBIT, HOLD, HOLD_RELEASE, HOLD_CAPTURE). */
    record Entry(String account, String asset, String kind, long amount, String holdId, boolean chainOnly) implements Op {
    }

    record PlaceHold(String holdId, String account, String asset, long amount, boolean chainOnly) implements Op {
    }

    record CloseHold(String holdId, String status, boolean chainOnly) implements Op {
    }
}
