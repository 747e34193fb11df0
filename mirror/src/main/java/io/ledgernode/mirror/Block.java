package io.ledgernode.mirror;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@link MirrorTables#BLOCKS}. Block numbers are Fabric's unsigned 64-bit numbers held in a {@code long} (a
 * channel will not reach 2^63 blocks). The hashes are copied in and out: a record of arrays is still a value.
 *
 * @param number the block number
 * @param headerHash SHA-256 of the block header, 32 bytes
 * @param previousHash the header hash of the block before (32 zero bytes, or empty, for the genesis block)
 * @param dataHash SHA-256 of the block's data, 32 bytes
 * @param txCount the number of envelopes in the block
 * @param observedAt when the bridge received the block from its peer
 * @param mirroredAt when the mirror committed it
 */
public record Block(long number, byte[] headerHash, byte[] previousHash, byte[] dataHash, int txCount, Instant observedAt,
        Instant mirroredAt) {

    public Block {
        if (number < 0 || txCount < 0) {
            throw new IllegalArgumentException("block " + number + " with " + txCount + " transactions");
        }
        headerHash = Objects.requireNonNull(headerHash, "headerHash").clone();
        previousHash = Objects.requireNonNull(previousHash, "previousHash").clone();
        dataHash = Objects.requireNonNull(dataHash, "dataHash").clone();
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(mirroredAt, "mirroredAt");
    }

    @Override
    public byte[] headerHash() {
        return headerHash.clone();
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] dataHash() {
        return dataHash.clone();
    }
}
