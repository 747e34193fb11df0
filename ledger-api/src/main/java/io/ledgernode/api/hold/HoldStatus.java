package io.ledgernode.api.hold;

/** A hold is open until it is captured, voided or released, exactly once. */
public enum HoldStatus {
    OPEN,
    CAPTURED,
    VOIDED,
    RELEASED
}
