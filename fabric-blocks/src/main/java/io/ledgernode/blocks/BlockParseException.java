package io.ledgernode.blocks;

/**
 * Anything in a block that cannot be read exactly: carries the block number; the bridge stops rather than guess. The
 * number is an unsigned 64-bit value held in a {@code long}; the message prints it unsigned.
 */
public final class BlockParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long blockNumber;

    public BlockParseException(final long blockNumber, final String message, final Throwable cause) {
        super("block " + Long.toUnsignedString(blockNumber) + ": " + message, cause);
        this.blockNumber = blockNumber;
    }

    /** The number of the block that could not be read, unsigned. */
    public long blockNumber() {
        return blockNumber;
    }
}
