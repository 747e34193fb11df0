package io.ledgernode.mirror.reconciliation;

/**
 * Which blocks a run's block pass verified: every block from block 0 ({@link #FULL}), or only those after the last
 * block a clean run verified, chained to the header hash that run kept ({@link #INCREMENTAL}). Either way the run
 * stands on every block up to its consistent block having been verified by some run.
 */
public enum BlockCoverage {
    FULL,
    INCREMENTAL
}
