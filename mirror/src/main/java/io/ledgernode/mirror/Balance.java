package io.ledgernode.mirror;

/**
 * An account's available balance and held amount at some point of its history, in integer minor units: what its
 * entries up to that point add up to.
 */
public record Balance(long balance, long held) {

    public static final Balance ZERO = new Balance(0, 0);

    /** This balance after {@code entry}; exact (an overflow is an error, never a wrapped number). */
    public Balance after(Entry entry) {
        return new Balance(Math.addExact(balance, entry.kind().balanceDelta(entry.amount())),
                Math.addExact(held, entry.kind().heldDelta(entry.amount())));
    }
}
