package io.ledgernode.reconciler.chain;

import java.util.List;
import java.util.Objects;

/**
 * A block as the peer holds it: its number, its header hash (computed from the header, as Fabric chains blocks), the
 * previous block's hash and the data hash its header states, and its transactions in order.
 */
public record ChainBlock(long number, byte[] headerHash, byte[] previousHash, byte[] dataHash,
                         List<ChainTransaction> transactions) {

    public ChainBlock {
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

    /** One envelope of a block: its index, transaction id (empty for the orderer's config envelopes), validation code. */
    public record ChainTransaction(int index, String txId, String validationCode) {
        public ChainTransaction {
            Objects.requireNonNull(txId, "txId");
            Objects.requireNonNull(validationCode, "validationCode");
        }
    }
}
