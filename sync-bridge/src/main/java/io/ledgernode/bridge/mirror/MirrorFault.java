package io.ledgernode.bridge.mirror;

/**
 * Something in the chain or the mirror the bridge must not guess about: it records it and stops. Each kind is a
 * stable name in {@code bridge.errors.kind}.
 */
public final class MirrorFault extends Exception {

    /** What went wrong. */
    public enum Kind {
        /** A block's previous hash is not the stored hash of the block before it. */
        HASH_CHAIN_BROKEN,
        /** A block arrived that is not the next one the checkpoint expects. */
        BLOCK_OUT_OF_ORDER,
        /** A block could not be read exactly. */
        UNPARSEABLE_BLOCK,
        /** A chaincode event the bridge does not know, or whose effects do not fit the mirror. */
        UNKNOWN_EVENT,
        /** Another bridge took the mirror's writer lock while this one was cut off from the database. */
        WRITER_LOCK_LOST
    }

    private final Kind kind;
    private final long blockNumber;

    public MirrorFault(Kind kind, long blockNumber, String message, Throwable cause) {
        super(kind + " at block " + Long.toUnsignedString(blockNumber) + ": " + message, cause);
        this.kind = kind;
        this.blockNumber = blockNumber;
    }

    public Kind kind() {
        return kind;
    }

    public long blockNumber() {
        return blockNumber;
    }
}
