package io.ledgernode.mirror.reconciliation;

/** The kinds of difference between chain and mirror; stored by name in {@code reconciler.breaks.type}. */
public enum BreakType {
    /** The chain has an account, asset, block or transaction the mirror lacks. */
    MISSING_IN_MIRROR,
    /** The mirror has an account, asset, block or transaction the chain lacks (or a different one in its place). */
    EXTRA_IN_MIRROR,
    /** An account's balance differs (its mirror row, or the sum of its mirror entries). */
    AMOUNT_MISMATCH,
    /** An account's held amount or open holds differ. */
    HOLD_MISMATCH,
    /** A block's header hash, previous hash or data hash differs, or its transaction count. */
    BLOCK_HASH_MISMATCH,
    /** An asset's supply differs, or differs from the sum of the asset's balances and held amounts. */
    SUPPLY_MISMATCH
}
