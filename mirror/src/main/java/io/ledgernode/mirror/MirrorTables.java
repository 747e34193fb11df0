package io.ledgernode.mirror;

/**
 * The qualified names of the mirror's tables, as the migrations create them. Every module's SQL names a table through
 * these, so the schema is spelled in one place besides its migrations.
 */
public final class MirrorTables {

    /** One row per block: {@code number}, the three hashes, {@code tx_count}, the bridge's two times. */
    public static final String BLOCKS = "mirror.blocks";
    /** One row per envelope of a block, valid or not, keyed by {@code (block_number, tx_index)}. */
    public static final String TRANSACTIONS = "mirror.transactions";
    /** One row per balance effect of a valid transaction, keyed by {@code (block_number, tx_index, entry_index)}. */
    public static final String ENTRIES = "mirror.entries";
    /** One row per account, with its balance and held amount after the last mirrored block. */
    public static final String ACCOUNTS = "mirror.accounts";
    /** One row per hold, open or closed. */
    public static final String HOLDS = "mirror.holds";
    /** One row per asset, with its supply after the last mirrored block. */
    public static final String ASSETS = "mirror.assets";
    /** The bridge's single checkpoint row ({@code id = 1}): the next block it expects. */
    public static final String CHECKPOINT = "bridge.checkpoint";
    /** Why the bridge stopped, when it stopped on something it must not guess about. */
    public static final String ERRORS = "bridge.errors";

    private MirrorTables() {
    }
}
