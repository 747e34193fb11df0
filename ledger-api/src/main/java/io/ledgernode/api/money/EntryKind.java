package io.ledgernode.api.money;

/** What a balance effect does to an account's balance and held amount. */
public enum EntryKind {
    /** New money into the balance (supply +). */
    MINT,
    /** Money out of the balance and out of existence (supply −). */
    BURN,
    /** Balance −, to another account. */
    DEBIT,
    /** Balance +, from another account or a captured hold. */
    CREDIT,
    /** Balance −, into a hold (held +). */
    HOLD,
    /** Out of a hold back into the balance (held −, balance +). */
    HOLD_RELEASE,
    /** Out of a hold to another account (held −), paired with a {@link #CREDIT} to the receiver. */
    HOLD_CAPTURE
}
