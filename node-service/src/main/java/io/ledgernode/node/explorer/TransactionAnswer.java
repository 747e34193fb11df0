package io.ledgernode.node.explorer;

import io.ledgernode.mirror.Transaction;
import io.ledgernode.api.Instants;
import io.ledgernode.node.scope.ShownEntry;
import java.util.List;

/** A transaction as the API answers it (REST as JSON, gRPC as {@code Transaction}): its record and the entries shown. */
public record TransactionAnswer(long blockNumber, int txIndex, String txId, String headerType, String validationCode,
        String creatorMsp, String chaincode, String function, String txTimestamp, String eventName, List<ShownEntry> entries,
        long mirrorHeight) {

    public TransactionAnswer {
        entries = List.copyOf(entries);
    }

    static TransactionAnswer of(Transaction tx, List<ShownEntry> entries, long mirrorHeight) {
        return new TransactionAnswer(tx.blockNumber(), tx.txIndex(), tx.txId(), tx.headerType(), tx.validationCode(),
                tx.creatorMsp(), tx.chaincode(), tx.function(), Instants.format(tx.txTimestamp()), tx.eventName(), entries,
                mirrorHeight);
    }
}
