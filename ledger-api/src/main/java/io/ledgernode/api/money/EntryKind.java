package io.ledgernode.api.money;

/**
 * What a balance effect does to its account's balance and held amount and to its asset's supply. The one definition
 * of entry effects: the chaincode's bookkeeping writes entries of these kinds, and the mirror (sync-bridge), the
 * reconciler and the reports apply them through this enum, so supply is always the sum of balances and held amounts.
 * Each effect is a sign (-1, 0 or +1) of the entry's amount; the {@code ...Delta} methods apply it exactly.
 */
public enum EntryKind {
    /** New money into the balance (balance +, supply +). */
    MINT(1, 0, 1),
    /** Money out of the balance and out of existence (balance −, supply −). */
    BURN(-1, 0, -1),
    /** Balance −, to another account. */
    DEBIT(-1, 0, 0),
    /** Balance +, from another account or a captured hold. */
    CREDIT(1, 0, 0),
    /** Balance −, into a hold (held +). */
    HOLD(-1, 1, 0),
    /** Out of a hold back into the balance (held −, balance +): a void, a release, or the rest of a partial capture. */
    HOLD_RELEASE(1, -1, 0),
    /** Out of a hold to another account (held −), always followed by a {@link #CREDIT} to the receiver. */
    HOLD_CAPTURE(0, -1, 0);

    private final int balanceSign;
    private final int heldSign;
    private final int supplySign;

    EntryKind(final int balanceSign, final int heldSign, final int supplySign) {
        this.balanceSign = balanceSign;
        this.heldSign = heldSign;
        this.supplySign = supplySign;
    }

    /** -1, 0 or +1: the direction in which an entry of this kind moves its account's balance. */
    public int balanceSign() {
        return balanceSign;
    }

    /** -1, 0 or +1: the direction in which an entry of this kind moves its account's held amount. */
    public int heldSign() {
        return heldSign;
    }

    /** -1, 0 or +1: the direction in which an entry of this kind moves its asset's supply. */
    public int supplySign() {
        return supplySign;
    }

    /** The change to the balance of an entry of {@code minorUnits}; exact (an overflow throws, never wraps). */
    public long balanceDelta(final long minorUnits) {
        return Math.multiplyExact(balanceSign, minorUnits);
    }

    /** The change to the held amount of an entry of {@code minorUnits}; exact. */
    public long heldDelta(final long minorUnits) {
        return Math.multiplyExact(heldSign, minorUnits);
    }

    /** The change to the supply of an entry of {@code minorUnits}; exact. */
    public long supplyDelta(final long minorUnits) {
        return Math.multiplyExact(supplySign, minorUnits);
    }
}
