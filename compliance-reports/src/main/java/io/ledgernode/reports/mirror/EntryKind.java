package io.ledgernode.reports.mirror;

/**
 * What one mirror entry does to its account's balance and held amount and to its asset's supply, as signs of its
 * amount. The only place in this module where entry kinds get their meaning; it follows the chaincode's bookkeeping
 * (docs/chaincode-api.md, "Events") exactly as sync-bridge's {@code Effect} applies it to the mirror.
 */
public enum EntryKind {
    MINT(1, 0, 1),
    BURN(-1, 0, -1),
    CREDIT(1, 0, 0),
    DEBIT(-1, 0, 0),
    /** Balance into the hold. */
    HOLD(-1, 1, 0),
    /** Hold back to the balance (a void, a release, or the rest of a partial capture). */
    HOLD_RELEASE(1, -1, 0),
    /** Out of the hold, always followed by the CREDIT of the receiving account. */
    HOLD_CAPTURE(0, -1, 0);

    private final int balanceSign;
    private final int heldSign;
    private final int supplySign;

    EntryKind(int balanceSign, int heldSign, int supplySign) {
        this.balanceSign = balanceSign;
        this.heldSign = heldSign;
        this.supplySign = supplySign;
    }

    public int balanceSign() {
        return balanceSign;
    }

    public int heldSign() {
        return heldSign;
    }

    public int supplySign() {
        return supplySign;
    }
}
