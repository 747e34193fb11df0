package io.ledgernode.blocks;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A block as the mirror needs it. Block numbers are unsigned 64-bit values held in a {@code long}: compare them with
 * {@link Long#compareUnsigned} and print them with {@link Long#toUnsignedString(long)}.
 *
 * @param number the block number, unsigned
 * @param headerHash SHA-256 of the header's DER encoding: the next block's {@code previousHash}
 * @param previousHash the previous block's header hash, empty for block 0
 * @param dataHash SHA-256 of the block's envelopes, checked against the data when parsed
 * @param transactions every envelope, valid or not, in block order
 */
public record ParsedBlock(long number, byte[] headerHash, byte[] previousHash, byte[] dataHash,
        List<ParsedTransaction> transactions) {

    public ParsedBlock {
        headerHash = Objects.requireNonNull(headerHash, "headerHash").clone();
        previousHash = Objects.requireNonNull(previousHash, "previousHash").clone();
        dataHash = Objects.requireNonNull(dataHash, "dataHash").clone();
        transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
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

    @Override
    public boolean equals(final Object other) {
        return other instanceof ParsedBlock that && number == that.number
                && Arrays.equals(headerHash, that.headerHash) && Arrays.equals(previousHash, that.previousHash)
                && Arrays.equals(dataHash, that.dataHash) && transactions.equals(that.transactions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, Arrays.hashCode(headerHash), Arrays.hashCode(previousHash),
                Arrays.hashCode(dataHash), transactions);
    }

    @Override
    public String toString() {
        final HexFormat hex = HexFormat.of();
        return "ParsedBlock[number=" + Long.toUnsignedString(number) + ", headerHash=" + hex.formatHex(headerHash)
                + ", previousHash=" + hex.formatHex(previousHash) + ", dataHash=" + hex.formatHex(dataHash)
                + ", transactions=" + transactions + "]";
    }
}
