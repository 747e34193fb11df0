package io.ledgernode.reconciler.mirror;

import io.ledgernode.mirror.Block;
import io.ledgernode.mirror.Transaction;
import java.util.List;
import java.util.Objects;

/**
 * A block as the mirror recorded it with its transactions, both the mirror module's rows: what the block check
 * compares with the chain's block.
 */
public record MirrorBlock(Block block, List<Transaction> transactions) {

    public MirrorBlock {
        Objects.requireNonNull(block, "block");
        transactions = List.copyOf(transactions);
    }

    public long number() {
        return block.number();
    }

    public byte[] headerHash() {
        return block.headerHash();
    }

    public byte[] previousHash() {
        return block.previousHash();
    }

    public byte[] dataHash() {
        return block.dataHash();
    }

    public int txCount() {
        return block.txCount();
    }
}
