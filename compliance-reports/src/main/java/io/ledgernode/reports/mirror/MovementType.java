package io.ledgernode.reports.mirror;

/** What a money movement is, as a row of the daily transaction report shows it. */
public enum MovementType {
    /** A transfer or one leg of a batch: a DEBIT and the CREDIT after it. */
    TRANSFER,
    /** New money into {@code to}: a MINT entry. */
    MINT,
    /** Money out of existence from {@code from}: a BURN entry. */
    BURN,
    /** Balance of {@code from} into a hold: a HOLD entry. The money stays the account holder's. */
    HOLD,
    /** A hold paid out from {@code from} to {@code to}: a HOLD_CAPTURE and the CREDIT after it. */
    HOLD_CAPTURE,
    /** Held money back to the balance of {@code to}: a HOLD_RELEASE entry (void, release, rest of a capture). */
    HOLD_RELEASE;

    /** Whether the money changes hands: only these count towards the large-value totals. */
    public boolean changesHands() {
        return switch (this) {
            case TRANSFER, MINT, BURN, HOLD_CAPTURE -> true;
            case HOLD, HOLD_RELEASE -> false;
        };
    }
}
