package io.ledgernode.reconciler.mirror;

import java.util.List;
import java.util.Objects;

/** A block as the mirror recorded it ({@code mirror.blocks}) with its transactions ({@code mirror.transactions}). */
public record MirrorBlock(long number, byte[] headerHash, byte[] previousHash, byte[] dataHash, int txCount,
                          List<MirrorTransaction> transactions) {

    public MirrorBlock {
        headerHash = Objects.requireNonNull(headerHash, "headerHash").clone();
        previousHash = Objects.requireNonNull(previousHash, "previousHash").clone();
        dataHash = Objects.requireNonNull(dataHash, "dataHash").clone();
        transactions = List.copyOf(transactions);
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

    /** One transaction row: its index in the block, transaction id, validation code. */
    public record MirrorTransaction(int index, String txId, String validationCode) {
    }
}
